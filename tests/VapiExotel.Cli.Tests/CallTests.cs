using System.Collections.Specialized;
using System.Text.Json;
using System.Web;
using VapiExotel.Sandbox;

namespace VapiExotel.Cli.Tests;

/// <summary><c>test-call</c> and <c>call …</c>: what each sends, and what it prints.</summary>
public sealed class CallTests : SandboxCliTest
{
    [Test]
    public async Task Test_call_without_to_is_bad_usage()
    {
        var run = await RunAsync("test-call");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines[0], Does.StartWith("Error:").And.Contain("--to"));
        Assert.That(Sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task Test_call_has_Vapi_call_the_number_from_the_configured_ExoPhone()
    {
        await SetUpIntegrationAsync();

        var run = await RunAsync("test-call", "--to", Customer);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var body = VapiCallRequest();
        Assert.That(body.GetProperty("phoneNumberId").GetString(), Is.EqualTo((string?)VapiNumber["id"]));
        Assert.That(body.GetProperty("customer").GetProperty("number").GetString(), Is.EqualTo(Customer));
        var call = Sandbox.Vapi.Calls.Single();
        Assert.That(run.OutLines[0], Does.StartWith($"Vapi call {call["id"]}: "));
    }

    [Test]
    public async Task Call_connect_sends_every_option_as_Exotel_form_fields()
    {
        await SetUpIntegrationAsync();

        var run = await RunAsync(
            "call", "connect", Customer, "+919123456789", "--record", "--timeout", "30", "--time-limit", "300", "--custom-field", "x",
            "--status-callback", "https://example.com/cb", "--status-callback-event", "terminal");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var form = ExotelForm("/Calls/connect.json");
        Assert.That(form["From"], Does.EndWith("9876543210"));
        Assert.That(form["To"], Does.EndWith("9123456789"));
        Assert.That(form["CallerId"], Does.EndWith("8047490924"), "the configured ExoPhone by default");
        Assert.That(form["Record"], Is.EqualTo("true"));
        Assert.That(form["TimeOut"], Is.EqualTo("30"));
        Assert.That(form["TimeLimit"], Is.EqualTo("300"));
        Assert.That(form["CustomField"], Is.EqualTo("x"), "a CustomField of the caller's is sent exactly as given");
        Assert.That(form["StatusCallback"], Is.EqualTo("https://example.com/cb"));
        Assert.That(form["StatusCallbackEvents[0]"], Is.EqualTo("terminal"));
        var sid = (string)Sandbox.Exotel.Calls.Single()["Sid"]!;
        Assert.That(run.OutLines[0], Does.StartWith($"Exotel call {sid}: "));
    }

    [Test]
    public async Task Call_connect_without_options_sends_only_the_numbers()
    {
        var run = await RunAsync("call", "connect", Customer, "+919123456789", "--caller-id", ExoPhone);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var form = ExotelForm("/Calls/connect.json");
        Assert.That(form.AllKeys, Is.EquivalentTo(new[] { "From", "To", "CallerId", "CustomField" }));
        Assert.That(form["CustomField"], Does.Match("^vx-[0-9a-f]{12}$"), "only the correlation id every call carries");
    }

    [Test]
    public async Task A_bad_status_callback_is_bad_usage()
    {
        var run = await RunAsync("call", "connect", Customer, "+919123456789", "--status-callback", "not a url");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines[0], Does.Contain("--status-callback"));
        Assert.That(Sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task Call_flow_connects_the_number_to_the_flow()
    {
        var run = await RunAsync("call", "flow", Customer, "12345");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var form = ExotelForm("/Calls/connect.json");
        Assert.That(form["From"], Does.EndWith("9876543210"));
        Assert.That(form["CallerId"], Does.EndWith("8047490924"));
        Assert.That(form["Url"], Is.EqualTo($"http://my.exotel.com/{Sandbox.Options.ExotelAccountSid}/exoml/start_voice/12345"));
        Assert.That(form["To"], Is.Null);
        Assert.That(Sandbox.Exotel.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Call_assistant_places_a_Vapi_call_with_the_bound_assistant_or_the_one_given()
    {
        await SetUpIntegrationAsync();
        var other = Sandbox.Vapi.AddAssistant("Other");

        var bound = await RunAsync("call", "assistant", Customer);
        var bodyBound = VapiCallRequest();
        Sandbox.ClearRequests();
        var chosen = await RunAsync("call", "assistant", Customer, "--assistant", other);
        var bodyChosen = VapiCallRequest();

        Assert.That(bound.ExitCode, Is.Zero, bound.Error);
        Assert.That(chosen.ExitCode, Is.Zero, chosen.Error);
        Assert.That(bodyBound.GetProperty("assistantId").GetString(), Is.EqualTo(AssistantId));
        Assert.That(bodyChosen.GetProperty("assistantId").GetString(), Is.EqualTo(other));
        Assert.That(bodyChosen.GetProperty("phoneNumberId").GetString(), Is.EqualTo((string?)VapiNumber["id"]));
        Assert.That(bodyChosen.GetProperty("customer").GetProperty("number").GetString(), Is.EqualTo(Customer));
        Assert.That(Sandbox.Vapi.Calls.Select(c => (string?)c["assistantId"]), Is.EqualTo(new[] { AssistantId, other }));
    }

    [Test]
    public async Task Call_assistant_safe_reports_the_placement_and_its_correlation_id_which_the_call_carries()
    {
        // A sandbox on real time: the lookup asks the service for calls created since the attempt, by the clock.
        await using var live = await VapiExotel.Sandbox.VapiExotelSandbox.StartAsync(new VapiExotel.Sandbox.VapiExotelSandboxOptions { ClockMode = VapiExotel.Sandbox.SandboxClockMode.RealTime });
        foreach (var (key, value) in live.ConfigurationFor())
        {
            Variables[EnvironmentName(key)] = value;
        }

        Assert.That((await RunAsync("setup")).ExitCode, Is.Zero);
        live.Faults.Add(new VapiExotel.Sandbox.SandboxFaultRule
        {
            Fault = VapiExotel.Sandbox.SandboxFault.DropConnection(), Api = VapiExotel.Sandbox.SandboxApi.Vapi, Method = "POST", Path = "/call", AfterProcessing = true,
        });

        var run = await RunAsync("call", "assistant", Customer, "--safe");

        var line = run.OutLines.Single(l => l.StartsWith("Correlation id ", StringComparison.Ordinal));
        var id = line.Split(' ')[2].TrimEnd(':');
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Out + run.Error);
            Assert.That(line, Does.Contain("Placed"), "the lost answer is resolved by the lookup, not guessed");
            Assert.That(id, Does.Match("^vx-[0-9a-f]{12}$"));
            Assert.That(live.Vapi.Calls, Has.Count.EqualTo(1), "one call, never a second POST");
            Assert.That((string?)live.Vapi.Calls.Single()["name"], Does.Contain(id));
        });
    }

    [Test]
    public async Task Call_show_reads_an_Exotel_call_by_SID_and_a_Vapi_call_by_id()
    {
        await SetUpIntegrationAsync();
        Assert.That((await RunAsync("call", "connect", Customer, "+919123456789")).ExitCode, Is.Zero);
        Assert.That((await RunAsync("test-call", "--to", Customer)).ExitCode, Is.Zero);
        var sid = (string)Sandbox.Exotel.Calls.Single()["Sid"]!;
        var id = (string)Sandbox.Vapi.Calls.Single()["id"]!;
        Sandbox.ClearRequests();

        var exotel = await RunAsync("call", "show", sid);
        var vapi = await RunAsync("call", "show", id, "--json");

        Assert.That(exotel.ExitCode, Is.Zero, exotel.Error);
        Assert.That(exotel.OutLines[0], Does.StartWith($"Exotel call {sid}: ").And.Contain("→"));
        Assert.That(vapi.ExitCode, Is.Zero, vapi.Error);
        using var document = JsonDocument.Parse(vapi.Out);
        Assert.That(document.RootElement.GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(document.RootElement.GetProperty("customer").GetString(), Is.EqualTo(Customer));
        Assert.That(Sandbox.Requests.Select(r => $"{r.Api} {r.Method} {r.Path}"), Is.EqualTo(new[]
        {
            $"Exotel GET /v1/Accounts/{Sandbox.Options.ExotelAccountSid}/Calls/{sid}.json",
            $"Vapi GET /call/{id}",
        }));
    }

    [Test]
    public async Task Call_list_stops_at_the_limit()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await RunAsync("call", "connect", Customer, "+91912345678" + i)).ExitCode, Is.Zero);
        }

        var sids = Sandbox.Exotel.Calls.Select(c => (string)c["Sid"]!).ToList();

        var text = await RunAsync("call", "list", "--limit", "2");
        var json = await RunAsync("call", "list", "--limit", "2", "--json");

        Assert.That(text.ExitCode, Is.Zero, text.Error);
        Assert.That(text.OutLines[^1], Is.EqualTo("2 call(s)."));
        Assert.That(sids.Count(sid => text.Out.Contains(sid, StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(json.ExitCode, Is.Zero, json.Error);
        using var document = JsonDocument.Parse(json.Out);
        var listed = document.RootElement.EnumerateArray().Select(c => c.GetProperty("sid").GetString()).ToList();
        Assert.That(listed, Has.Count.EqualTo(2).And.Unique);
        Assert.That(sids, Is.SupersetOf(listed));
    }

    [Test]
    public async Task A_limit_below_one_is_bad_usage()
    {
        var run = await RunAsync("call", "list", "--limit", "0");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines[0], Does.Contain("--limit"));
    }

    [TestCase("connect", "12", "+919123456789", "From")]
    [TestCase("connect", "+919876543210", "abc", "To")]
    [TestCase("assistant", "12", null, "CustomerNumber")]
    [TestCase("flow", "12", "12345", "From")]
    public async Task An_invalid_number_is_bad_usage_naming_the_field(string command, string first, string? second, string field)
    {
        var args = second is null ? new[] { "call", command, first } : new[] { "call", command, first, second };

        var run = await RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.ErrorLines[0], Does.StartWith("Error:").And.Contain(field));
        Assert.That(run.ErrorLines[1], Does.StartWith("Fix:"));
        Assert.That(Changes, Is.Empty, "nothing is sent for a number that cannot be right");
    }

    [Test]
    public async Task Call_follow_streams_an_exotel_call_to_its_end_then_prints_the_classification()
    {
        await using var live = await StartRealTimeSandboxAsync();
        live.ScriptCall(Customer, Quickly(SandboxCallScript.Answered()));
        Assert.That((await RunAsync("call", "connect", "+919876500001", Customer, "--caller-id", ExoPhone)).ExitCode, Is.Zero);
        var sid = (string)live.Exotel.Calls.Single()["Sid"]!;

        var run = await RunAsync("call", "follow", sid);

        var statuses = run.OutLines.Where(l => l.StartsWith("[exotel] ", StringComparison.Ordinal) && !l.StartsWith("[exotel] leg ", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Out + run.Error);
            Assert.That(run.OutLines[0], Does.StartWith($"Following Exotel call {sid} until it ends"));
            Assert.That(statuses, Is.Not.Empty.And.Unique, "each status once, as it changed");
            Assert.That(statuses.LastOrDefault(), Is.EqualTo("[exotel] completed"));
            Assert.That(run.OutLines, Has.Some.Match(@"^\[exotel\] leg 1: "), "the legs from the call details");
            Assert.That(run.OutLines[^2], Is.EqualTo("Side: none (not a failure). Likely cause: none. Code: Exotel completed."));
            Assert.That(run.OutLines[^1], Does.StartWith("Fix: Nothing"));
        });
    }

    [Test]
    public async Task Call_follow_json_prints_every_event_and_the_failure_and_exits_1()
    {
        await using var live = await StartRealTimeSandboxAsync();
        Assert.That((await RunAsync("setup")).ExitCode, Is.Zero);
        live.ScriptCall(Customer, Quickly(SandboxCallScript.Failed()));
        Assert.That((await RunAsync("call", "assistant", Customer)).ExitCode, Is.Zero);
        var id = (string)live.Vapi.Calls.Single()["id"]!;

        var run = await RunAsync("call", "follow", id, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Out + run.Error);
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        var outcome = root.GetProperty("outcome");
        var events = root.GetProperty("events").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("call").GetProperty("vapiCallId").GetString(), Is.EqualTo(id));
            Assert.That(outcome.GetProperty("isFailure").GetBoolean(), Is.True);
            Assert.That(outcome.GetProperty("side").GetString(), Is.EqualTo("sipPath"));
            Assert.That(outcome.GetProperty("likelyCause").GetString(), Is.EqualTo("transport"));
            Assert.That(outcome.GetProperty("code").GetString(), Is.EqualTo("call.in-progress.error-sip-outbound-call-failed-to-connect"));
            Assert.That(outcome.GetProperty("vapiEndedReason").GetString(), Is.EqualTo("call.in-progress.error-sip-outbound-call-failed-to-connect"));
            Assert.That(outcome.GetProperty("fix").GetString(), Is.Not.Empty);
            Assert.That(events[^1].GetProperty("type").GetString(), Is.EqualTo("ended"));
            Assert.That(events.Where(e => e.GetProperty("type").GetString() == "status").Select(e => e.GetProperty("status").GetString()).LastOrDefault(), Is.EqualTo("ended"));
            Assert.That(events.Select(e => e.GetProperty("side").GetString()), Has.All.EqualTo("vapi"));
            Assert.That(events.Select(e => e.GetProperty("source").GetString()), Has.All.EqualTo("poll"));
        });
    }

    [Test]
    public async Task Call_follow_both_waits_for_both_sides_to_end()
    {
        await using var live = await StartRealTimeSandboxAsync();
        Assert.That((await RunAsync("setup")).ExitCode, Is.Zero);
        live.ScriptCall(Customer, Quickly(SandboxCallScript.Answered()));
        live.ScriptCall("+919876500002", Quickly(SandboxCallScript.Busy()));
        Assert.That((await RunAsync("call", "connect", "+919876500001", "+919876500002", "--caller-id", ExoPhone)).ExitCode, Is.Zero);
        Assert.That((await RunAsync("call", "assistant", Customer)).ExitCode, Is.Zero);
        var sid = (string)live.Exotel.Calls.Single()["Sid"]!;
        var id = (string)live.Vapi.Calls.Single()["id"]!;

        var run = await RunAsync("call", "follow", "--both", sid, id);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Out + run.Error);
            Assert.That(run.OutLines[0], Does.StartWith($"Following Exotel call {sid} and Vapi call {id}"));
            Assert.That(run.OutLines, Does.Contain("[exotel] busy").And.Contain("[vapi] ended"));
            Assert.That(run.OutLines[^2], Does.StartWith("Side: none (not a failure). Likely cause: busy."), "busy on one side, a normal end on the other");
        });
    }

    [TestCase("", TestName = "Call_follow_without_a_call_is_bad_usage")]
    [TestCase("abc --both abc 5b8c2d1e-0000-4000-8000-000000000001", TestName = "Call_follow_with_an_id_and_both_is_bad_usage")]
    [TestCase("--both abc", TestName = "Call_follow_both_with_one_value_is_bad_usage")]
    public async Task Call_follow_usage(string args)
    {
        var run = await RunAsync(["call", "follow", .. args.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Out + run.Error);
        Assert.That(run.ErrorLines[0], Does.StartWith("Error:").And.Contain("--both"));
        Assert.That(Sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task Call_follow_an_unknown_call_fails_with_the_not_found_error()
    {
        var run = await RunAsync("call", "follow", "0123456789abcdef0123456789abcdef");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Out + run.Error);
        Assert.That(run.ErrorLines[0], Does.StartWith("Error:"));
    }

    /// <summary>A sandbox on real time (calls progress on their own, as the tool polls them), which the next runs use.</summary>
    private async Task<VapiExotelSandbox> StartRealTimeSandboxAsync()
    {
        var live = await VapiExotelSandbox.StartAsync(new VapiExotelSandboxOptions { ClockMode = SandboxClockMode.RealTime });
        foreach (var (key, value) in live.ConfigurationFor())
        {
            Variables[EnvironmentName(key)] = value;
        }

        return live;
    }

    /// <summary>A call over in well under a second: queued 100 ms, ringing 300 ms, talking 300 ms.</summary>
    private static SandboxCallScript Quickly(SandboxCallScript script) => script with
    {
        QueuedFor = TimeSpan.FromMilliseconds(100),
        RingFor = TimeSpan.FromMilliseconds(300),
        TalkFor = TimeSpan.FromMilliseconds(300),
    };

    private JsonElement VapiCallRequest()
    {
        var request = Sandbox.Requests.Single(r => r.Api == SandboxApi.Vapi && r.Method == "POST" && r.Path == "/call");
        return JsonDocument.Parse(request.BodyText).RootElement.Clone();
    }

    private NameValueCollection ExotelForm(string pathEnd)
    {
        var request = Sandbox.Requests.Single(r => r.Api == SandboxApi.Exotel && r.Method == "POST" && r.Path.EndsWith(pathEnd, StringComparison.Ordinal));
        Assert.That(request.Headers.TryGetValue("Content-Type", out var type) ? type : string.Empty, Does.StartWith("application/x-www-form-urlencoded"));
        return HttpUtility.ParseQueryString(request.BodyText);
    }
}
