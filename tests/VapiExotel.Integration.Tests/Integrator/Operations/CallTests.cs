using System.Text.Json.Nodes;
using Exotel.VSip;
using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.Integrator.Operations;

/// <summary>Calls: an assistant calling out through the BYO number, followed to its end; Exotel calls, followed too.</summary>
public sealed class CallTests : IntegratorScenario
{
    private const string Customer = "+919876543210";

    private static readonly CallWaitOptions Quick = new()
    {
        InitialInterval = TimeSpan.FromMilliseconds(10),
        MaxInterval = TimeSpan.FromMilliseconds(50),
        Timeout = TimeSpan.FromMinutes(1),
    };

    private IReadOnlyList<SandboxRequest> CallPosts() => Sandbox.Requests.Where(r => r.Method == "POST" && r.Path == "/call").ToList();

    [Test]
    public async Task An_assistant_call_goes_out_from_the_byo_number_and_a_busy_customer_ends_it()
    {
        await Integrator().SetupAsync();
        var numberId = (string)Sandbox.Vapi.PhoneNumbers.Single()["id"]!;
        Sandbox.ScriptCall(Customer, SandboxCallScript.Busy());
        Sandbox.ClearRequests();
        var integrator = Integrator();

        var call = await integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer) { Name = "busy check" });
        var ended = await Direct.AdvanceUntilAsync(Sandbox, integrator.WaitForCallEndAsync(call.Id, Quick), TimeSpan.FromSeconds(1));

        var post = CallPosts().Single();
        var body = JsonNode.Parse(post.BodyText)!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)body["phoneNumberId"], Is.EqualTo(numberId));
            Assert.That((string?)body["assistantId"], Is.EqualTo(AssistantId));
            Assert.That((string?)body["customer"]?["number"], Is.EqualTo(Customer));
            Assert.That((string?)body["name"], Does.Match(@"^busy check \[vx-[0-9a-f]{12}\]$"), "the caller's name and the correlation id");
            Assert.That(CallCorrelation.Strip((string?)body["name"]), Is.EqualTo("busy check"));
            Assert.That(call.PhoneNumberId, Is.EqualTo(numberId));
            Assert.That(ended.Id, Is.EqualTo(call.Id));
            Assert.That(ended.Status?.IsTerminal, Is.True);
            Assert.That(ended.EndedReason?.Value, Is.EqualTo("customer-busy"));
            Assert.That(Sandbox.Requests.Count(r => r.Method == "GET" && r.Path == $"/call/{call.Id}"), Is.GreaterThan(1), "it polled until the end");
        });
        var explained = integrator.Explain(ended.EndedReason!.Value.Value);
        Assert.Multiple(() =>
        {
            Assert.That(explained.IsFailure, Is.False);
            Assert.That(explained.Side, Is.EqualTo(FailureSide.None));
        });
    }

    [Test]
    public async Task An_answered_assistant_call_ends_normally()
    {
        await Integrator().SetupAsync();
        Sandbox.ScriptCall(Customer, SandboxCallScript.Answered(TimeSpan.FromSeconds(20)));
        var integrator = Integrator();

        var call = await integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer));
        var ended = await Direct.AdvanceUntilAsync(Sandbox, integrator.WaitForCallEndAsync(call.Id, Quick), TimeSpan.FromSeconds(1));

        var explained = integrator.Explain(ended.EndedReason!.Value.Value);
        Assert.Multiple(() =>
        {
            Assert.That(ended.Status?.IsTerminal, Is.True);
            Assert.That(ended.EndedReason?.Value, Is.EqualTo("customer-ended-call"));
            Assert.That(ended.EndedAt - ended.StartedAt, Is.EqualTo(TimeSpan.FromSeconds(20)).Or.Null);
            Assert.That(explained.IsFailure, Is.False);
            Assert.That(explained.Meaning, Does.Contain("normally"));
        });
    }

    [Test]
    public async Task An_assistant_call_can_name_its_number_and_assistant()
    {
        Settings["VapiExotel:Numbers:1:PhoneNumber"] = "+918047490925";
        Settings["VapiExotel:Numbers:1:AssistantId"] = Sandbox.Vapi.AddAssistant("Second");
        await Integrator().SetupAsync();
        var second = (string)Sandbox.Vapi.PhoneNumbers.Single(n => (string?)n["number"] == "+918047490925")["id"]!;
        var third = Sandbox.Vapi.AddAssistant("Third");
        Sandbox.ClearRequests();

        await Integrator().StartAssistantCallAsync(new AssistantCallRequest(Customer) { FromNumber = "+918047490925" });
        await Integrator().StartAssistantCallAsync(new AssistantCallRequest(Customer) { FromNumber = "+918047490925", AssistantId = third });

        var bodies = CallPosts().Select(p => JsonNode.Parse(p.BodyText)!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(bodies.Select(b => (string?)b["phoneNumberId"]), Is.All.EqualTo(second));
            Assert.That((string?)bodies[0]["assistantId"], Is.EqualTo(Settings["VapiExotel:Numbers:1:AssistantId"]), "the number's own assistant");
            Assert.That((string?)bodies[1]["assistantId"], Is.EqualTo(third));
        });
    }

    [Test]
    public async Task Before_setup_an_assistant_call_is_refused_without_a_call_request()
    {
        var integrator = Integrator();

        var thrown = Assert.ThrowsAsync<VapiExotelException>(() => integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer)))!;

        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Does.Contain("Run setup").And.Contain(ExoPhone));
            Assert.That(CallPosts(), Is.Empty);
            Assert.That(Sandbox.Vapi.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task A_customer_number_that_is_not_e164_is_refused_before_anything_is_sent()
    {
        await Integrator().SetupAsync();
        Sandbox.ClearRequests();

        var thrown = Assert.ThrowsAsync<ArgumentException>(() => Integrator().StartAssistantCallAsync(new AssistantCallRequest("9876543210")))!;

        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Does.Contain("E.164"));
            Assert.That(Sandbox.Requests, Is.Empty);
        });
    }

    [Test]
    public void A_test_call_with_no_number_anywhere_throws_and_sends_nothing()
    {
        var integrator = Integrator();

        var thrown = Assert.ThrowsAsync<ArgumentException>(() => integrator.PlaceTestCallAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Does.Contain("TestCallNumber"));
            Assert.That(Sandbox.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task A_test_call_dials_the_configured_test_number()
    {
        Settings["VapiExotel:TestCallNumber"] = "+919000000001";
        await Integrator().SetupAsync();
        Sandbox.ClearRequests();

        var call = await Integrator().PlaceTestCallAsync();

        var body = JsonNode.Parse(CallPosts().Single().BodyText)!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)body["customer"]?["number"], Is.EqualTo("+919000000001"));
            Assert.That((string?)body["phoneNumberId"], Is.EqualTo((string)Sandbox.Vapi.PhoneNumbers.Single()["id"]!));
            Assert.That((string?)body["assistantId"], Is.EqualTo(AssistantId));
            Assert.That(call.Customer?.Number, Is.EqualTo("+919000000001"));
            Assert.That(Sandbox.Vapi.Calls.Select(c => (string)c["id"]!), Is.EqualTo(new[] { call.Id }));
        });
    }

    [Test]
    public async Task A_test_call_to_a_given_number_overrides_the_configured_one()
    {
        Settings["VapiExotel:TestCallNumber"] = "+919000000001";
        await Integrator().SetupAsync();
        Sandbox.ClearRequests();

        await Integrator().PlaceTestCallAsync("+919000000002");

        var body = JsonNode.Parse(CallPosts().Single().BodyText)!;
        Assert.That((string?)body["customer"]?["number"], Is.EqualTo("+919000000002"));
    }

    [Test]
    public async Task Waiting_for_a_call_honours_cancellation()
    {
        await Integrator().SetupAsync();
        var integrator = Integrator();
        var call = await integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer));
        using var cancel = new CancellationTokenSource();
        var options = new CallWaitOptions { InitialInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromHours(1) };

        var waiting = integrator.WaitForCallEndAsync(call.Id, options, cancel.Token);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(50));

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
        Assert.That((string?)Sandbox.Vapi.Calls.Single()["status"], Is.Not.EqualTo("ended"), "stopping the wait does not end the call");
    }

    [Test]
    public async Task Waiting_for_a_call_gives_up_after_its_timeout()
    {
        await Integrator().SetupAsync();
        var integrator = Integrator();
        var call = await integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer));
        var options = new CallWaitOptions { InitialInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromMilliseconds(100) };

        var thrown = Assert.ThrowsAsync<VapiExotelException>(() => integrator.WaitForCallEndAsync(call.Id, options))!;

        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Does.Contain(call.Id).And.Contain("had not ended").And.Contain("queued"));
            Assert.That(Sandbox.Requests.Count(r => r.Method == "GET" && r.Path == $"/call/{call.Id}"), Is.GreaterThan(1));
        });
    }

    [Test]
    public async Task Connecting_two_numbers_through_exotel_is_followed_to_completion()
    {
        var integrator = Integrator();

        var call = await integrator.ConnectNumbersAsync(new ConnectCallRequest("+919876500001", "+919876500002", ExoPhone));
        var ended = await Direct.AdvanceUntilAsync(Sandbox, integrator.WaitForExotelCallEndAsync(call.Sid, Quick), TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(call.Sid, Is.Not.Empty);
            Assert.That(Sandbox.Requests.Count(r => r.Method == "POST" && r.Path.Contains("/Calls/connect", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(
                Uri.UnescapeDataString(Sandbox.Requests.Single(r => r.Method == "POST" && r.Path.Contains("/Calls/connect", StringComparison.Ordinal)).BodyText),
                Does.Match(@"CustomField=vx-[0-9a-f]{12}(&|$)"),
                "every call carries a correlation id");
            Assert.That(ended.Sid, Is.EqualTo(call.Sid));
            Assert.That(ended.Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That((string?)Sandbox.Exotel.Calls.Single()["Status"], Is.EqualTo("completed"));
        });
    }
    [Test]
    public async Task Following_a_call_rides_out_failed_reads()
    {
        await Integrator().SetupAsync();
        var integrator = Integrator();
        var call = await integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer));
        var fault = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.ServerError(503), Api = SandboxApi.Vapi, Method = "GET", Path = "/call/*", Times = 3,
        });

        var ended = await Direct.AdvanceUntilAsync(Sandbox, integrator.WaitForCallEndAsync(call.Id, Quick), TimeSpan.FromSeconds(2));

        Assert.Multiple(() =>
        {
            Assert.That(fault.Applied, Is.EqualTo(3));
            Assert.That(ended.Status?.IsTerminal, Is.True);
            Assert.That(ended.EndedReason?.Value, Is.EqualTo("customer-ended-call"));
        });
    }

    [Test]
    public async Task Waiting_for_an_exotel_call_gives_up_after_its_timeout()
    {
        var integrator = Integrator();
        var call = await integrator.ConnectNumbersAsync(new ConnectCallRequest("+919876500001", "+919876500002", ExoPhone));
        var options = new CallWaitOptions { InitialInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromMilliseconds(100) };

        var thrown = Assert.ThrowsAsync<VapiExotelException>(() => integrator.WaitForExotelCallEndAsync(call.Sid, options))!;

        Assert.That(thrown.Message, Does.Contain(call.Sid).And.Contain("had not ended"));
    }

    [Test]
    public async Task Connecting_a_number_to_a_flow_places_one_exotel_call()
    {
        var integrator = Integrator();
        Sandbox.ClearRequests();

        var call = await integrator.ConnectToFlowAsync(new ConnectToFlowRequest("+919876500001", ExoPhone, "254321"));

        var post = Sandbox.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(call.Sid, Is.Not.Empty);
            Assert.That(post.Method, Is.EqualTo("POST"));
            Assert.That(Uri.UnescapeDataString(post.BodyText), Does.Contain("254321"));
            Assert.That(Uri.UnescapeDataString(post.BodyText), Does.Match(@"CustomField=vx-[0-9a-f]{12}(&|$)"), "every call carries a correlation id");
            Assert.That(Sandbox.Exotel.Calls, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_call_from_an_unconfigured_number_needs_an_assistant_and_sends_nothing()
    {
        await Integrator().SetupAsync();
        Sandbox.ClearRequests();

        var thrown = Assert.ThrowsAsync<ArgumentException>(() =>
            Integrator().StartAssistantCallAsync(new AssistantCallRequest(Customer) { FromNumber = "+918047499999" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Does.Contain("AssistantId").And.Contain("+918047499999"));
            Assert.That(Sandbox.Requests, Is.Empty);
        });
    }
}
