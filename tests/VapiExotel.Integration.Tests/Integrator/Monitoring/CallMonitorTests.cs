using Exotel.VSip;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vapi.Client;
using VapiExotel.Integration.Tests.Integrator.Operations;
using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.Integrator.Monitoring;

/// <summary>The call monitor against the sandbox: polling alone, pushes alone, cancellation, and the end classified.</summary>
public sealed class CallMonitorTests : IntegratorScenario
{
    private const string Customer = "+919876543210";

    private static readonly CallMonitorOptions Quick = new()
    {
        InitialPollInterval = TimeSpan.FromMilliseconds(2),
        MaxPollInterval = TimeSpan.FromMilliseconds(5),
        QuietPeriod = TimeSpan.FromHours(1),
    };

    private int Polls(string path) => Sandbox.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith(path, StringComparison.Ordinal));

    /// <summary>
    /// Collects the stream while moving the sandbox clock a second at a time, each move only after the monitor has
    /// polled since the last one, so that it sees every step of the call.
    /// </summary>
    private async Task<List<CallEvent>> PumpAsync(IAsyncEnumerable<CallEvent> stream, Func<int> polls, int maxSteps = 120)
    {
        var events = new List<CallEvent>();
        var collecting = Task.Run(async () =>
        {
            await foreach (var e in stream)
            {
                lock (events)
                {
                    events.Add(e);
                }
            }
        });
        for (var i = 0; i < maxSteps && !collecting.IsCompleted; i++)
        {
            var before = polls();
            var waited = 0;
            while (polls() < before + 2 && !collecting.IsCompleted && waited++ < 400)
            {
                await Task.Delay(5);
            }

            await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        }

        await collecting.WaitAsync(TimeSpan.FromSeconds(5));
        return events;
    }

    private static void AssertInOrder(IEnumerable<string> seen, params string[] order)
    {
        var positions = seen.Select(s => Array.IndexOf(order, s)).ToList();
        var message = "statuses in the service's order, each once: " + string.Join(", ", seen);
        Assert.That(positions, Is.All.GreaterThanOrEqualTo(0), message);
        Assert.That(positions, Is.Ordered.And.Unique, message);
    }

    [Test]
    public async Task Polling_alone_follows_an_answered_assistant_call_to_a_classified_end()
    {
        await Integrator().SetupAsync();
        Sandbox.ScriptCall(Customer, SandboxCallScript.Answered(TimeSpan.FromSeconds(20)));
        var integrator = Integrator();
        var call = await integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer));

        var events = await PumpAsync(integrator.FollowCallAsync(CallReference.ForVapi(call.Id), Quick), () => Polls($"/call/{call.Id}"));

        var statuses = events.OfType<CallStatusChanged>().Select(e => e.Status).ToList();
        var ended = events.OfType<CallEnded>().Single();
        Assert.Multiple(() =>
        {
            AssertInOrder(statuses, "queued", "ringing", "in-progress", "ended");
            Assert.That(statuses, Does.Contain("ringing").And.Contain("in-progress"), "each step seen");
            Assert.That(statuses[^1], Is.EqualTo("ended"));
            Assert.That(events[^1], Is.SameAs(ended), "the end is the last event");
            Assert.That(events, Has.All.Property(nameof(CallEvent.Source)).EqualTo(CallEventSource.Poll));
            Assert.That(events, Has.All.Property(nameof(CallEvent.Side)).EqualTo(CallSide.Vapi));
            Assert.That(ended.Outcome.VapiEndedReason?.Value, Is.EqualTo("customer-ended-call"));
            Assert.That(ended.Outcome.IsFailure, Is.False);
            Assert.That(ended.Outcome.Classification.LikelyCause, Is.EqualTo(LikelyCause.None));
        });
    }

    [Test]
    public async Task Polling_follows_an_exotel_call_with_its_legs_and_classifies_busy()
    {
        Sandbox.ScriptCall("+919876500002", SandboxCallScript.Busy());
        var integrator = Integrator();
        var call = await integrator.ConnectNumbersAsync(new ConnectCallRequest("+919876500001", "+919876500002", ExoPhone));

        var events = await PumpAsync(integrator.FollowCallAsync(CallReference.ForExotel(call.Sid), Quick), () => Polls(call.Sid + ".json"));

        var ended = events.OfType<CallEnded>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(events[^1], Is.SameAs(ended));
            Assert.That(events.OfType<CallStatusChanged>().Last().Status, Is.EqualTo("busy"));
            Assert.That(events.OfType<CallLegUpdate>().Select(l => l.Leg), Does.Contain(1), "leg updates from the call details");
            Assert.That(ended.Side, Is.EqualTo(CallSide.Exotel));
            Assert.That(ended.Outcome.ExotelStatus, Is.EqualTo(ExotelCallStatus.Busy));
            Assert.That(ended.Outcome.Classification.LikelyCause, Is.EqualTo(LikelyCause.Busy));
            Assert.That(ended.Outcome.IsFailure, Is.False);
        });
    }

    [Test]
    public async Task A_failed_exotel_call_is_blamed_on_exotel()
    {
        Sandbox.ScriptCall("+919876500002", SandboxCallScript.Failed());
        var integrator = Integrator();
        var call = await integrator.ConnectNumbersAsync(new ConnectCallRequest("+919876500001", "+919876500002", ExoPhone));

        var events = await PumpAsync(integrator.FollowCallAsync(CallReference.ForExotel(call.Sid), Quick), () => Polls(call.Sid + ".json"));

        var outcome = events.OfType<CallEnded>().Single().Outcome;
        Assert.Multiple(() =>
        {
            Assert.That(outcome.ExotelStatus, Is.EqualTo(ExotelCallStatus.Failed));
            Assert.That(outcome.IsFailure, Is.True);
            Assert.That(outcome.Classification.Side, Is.EqualTo(FailureSide.Exotel));
            Assert.That(outcome.Classification.Fix, Does.Contain("validate"));
        });
    }

    [Test]
    public async Task A_failed_assistant_call_is_classified_as_a_transport_failure_on_the_sip_path()
    {
        await Integrator().SetupAsync();
        Sandbox.ScriptCall(Customer, SandboxCallScript.Failed());
        var integrator = Integrator();
        var call = await integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer));

        var events = await PumpAsync(integrator.FollowCallAsync(CallReference.ForVapi(call.Id), Quick), () => Polls($"/call/{call.Id}"));

        var classification = events.OfType<CallEnded>().Single().Outcome.Classification;
        Assert.Multiple(() =>
        {
            Assert.That(classification.Side, Is.EqualTo(FailureSide.SipPath));
            Assert.That(classification.LikelyCause, Is.EqualTo(LikelyCause.Transport));
            Assert.That(classification.Code, Is.EqualTo("call.in-progress.error-sip-outbound-call-failed-to-connect"));
        });
    }

    [Test]
    public async Task A_push_ends_the_stream_without_another_poll()
    {
        await Integrator().SetupAsync();
        var integrator = Integrator();
        var call = await integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer));
        var monitor = new CallMonitor(Direct.Exotel(Sandbox), Direct.Vapi(Sandbox));
        var slow = new CallMonitorOptions { InitialPollInterval = TimeSpan.FromHours(1), MaxPollInterval = TimeSpan.FromHours(1) };
        var events = new List<CallEvent>();
        var gotFirst = new TaskCompletionSource();

        var following = Task.Run(async () =>
        {
            await foreach (var e in monitor.FollowAsync(CallReference.ForVapi(call.Id), slow))
            {
                events.Add(e);
                gotFirst.TrySetResult();
            }
        });
        await gotFirst.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var pollsBefore = Polls($"/call/{call.Id}");
        var ringing = monitor.Publish(VapiServerMessageParser.Parse(
            "{\"message\":{\"type\":\"status-update\",\"status\":\"ringing\",\"call\":{\"id\":\"" + call.Id + "\",\"status\":\"ringing\"}}}"));
        var report = monitor.Publish(VapiServerMessageParser.Parse(
            "{\"message\":{\"type\":\"end-of-call-report\",\"endedReason\":\"call.in-progress.error-providerfault-outbound-sip-407-proxy-authentication-required\",\"call\":{\"id\":\"" + call.Id + "\"}}}"));
        var unrelated = monitor.Publish(VapiServerMessageParser.Parse("""{"message":{"type":"transcript","call":{"id":"other"}}}"""));
        await following.WaitAsync(TimeSpan.FromSeconds(5));

        var ended = events.OfType<CallEnded>().Single();
        Assert.Multiple(() =>
        {
            Assert.That((ringing, report, unrelated), Is.EqualTo((true, true, false)));
            Assert.That(Polls($"/call/{call.Id}"), Is.EqualTo(pollsBefore), "the end came by push, with no poll");
            Assert.That(events.OfType<CallStatusChanged>().Select(e => e.Status), Is.EqualTo(new[] { "queued", "ringing", "ended" }));
            Assert.That(ended.Source, Is.EqualTo(CallEventSource.Push));
            Assert.That(ended.Outcome.Classification.LikelyCause, Is.EqualTo(LikelyCause.Credentials));
            Assert.That(ended.Outcome.Classification.Side, Is.EqualTo(FailureSide.SipPath));
        });
    }

    [Test]
    public async Task Integrators_from_AddVapiExotel_share_the_apps_monitor_so_a_webhook_push_reaches_FollowCallAsync()
    {
        var services = new ServiceCollection();
        services.AddVapiExotel(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        await using var provider = services.BuildServiceProvider();
        var integrator = provider.GetRequiredService<IVapiExotelIntegrator>();

        // What the webhook endpoint does: publish to the app's monitor (pushes are kept for a follower that starts later).
        var accepted = provider.GetRequiredService<CallMonitor>().Publish(VapiServerMessageParser.Parse(
            """{"message":{"type":"status-update","status":"ended","endedReason":"customer-busy","call":{"id":"vapi-shared"}}}"""));
        var events = new List<CallEvent>();
        await foreach (var e in integrator.FollowCallAsync(CallReference.ForVapi("vapi-shared"), new CallMonitorOptions { Poll = false })
                           .WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token))
        {
            events.Add(e);
        }

        var ended = events.OfType<CallEnded>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.True);
            Assert.That(provider.GetRequiredService<CallMonitor>(), Is.SameAs(provider.GetRequiredService<CallMonitor>()), "one monitor per app");
            Assert.That(ended.Source, Is.EqualTo(CallEventSource.Push));
            Assert.That(ended.Outcome.Classification.LikelyCause, Is.EqualTo(LikelyCause.Busy));
            Assert.That(Sandbox.Requests, Is.Empty, "push only: nothing was polled");
        });
    }

    [Test]
    public async Task Duplicate_exotel_callbacks_give_one_event_and_both_sides_must_end()
    {
        var monitor = new CallMonitor(exotel: null, vapi: null);
        var both = new CallReference("sid-1", "vapi-1");
        var pushOnly = new CallMonitorOptions { Poll = false };
        var terminal = ExotelStatusCallbackParser.ParseForm("CallSid=sid-1&Status=failed&EventType=terminal");

        // Pushed before anyone follows: the monitor keeps them for a follower that starts later.
        monitor.Publish(terminal);
        monitor.Publish(terminal);
        var events = new List<CallEvent>();
        var following = Task.Run(async () =>
        {
            await foreach (var e in monitor.FollowAsync(both, pushOnly))
            {
                events.Add(e);
            }
        });
        await Task.Delay(50);
        var endedEarly = following.IsCompleted;
        monitor.Publish(VapiServerMessageParser.Parse("""{"message":{"type":"status-update","status":"ended","endedReason":"call.in-progress.error-providerfault-outbound-sip-403-forbidden","call":{"id":"vapi-1"}}}"""));
        await following.WaitAsync(TimeSpan.FromSeconds(5));

        var outcome = events.OfType<CallEnded>().Single().Outcome;
        Assert.Multiple(() =>
        {
            Assert.That(endedEarly, Is.False, "one side's end does not end a call followed on both");
            Assert.That(events.OfType<CallStatusChanged>().Count(e => e.Side == CallSide.Exotel), Is.EqualTo(1), "the duplicate is dropped");
            Assert.That(outcome.ExotelStatus, Is.EqualTo(ExotelCallStatus.Failed));
            Assert.That(outcome.VapiEndedReason, Is.EqualTo(VapiEndedReason.OutboundSip403Forbidden));
            Assert.That(outcome.Classification.LikelyCause, Is.EqualTo(LikelyCause.IpAllowlist), "Vapi's precise reason wins over Exotel's bare 'failed'");
        });
    }

    [Test]
    public async Task Cancelling_ends_the_stream_and_the_call_goes_on()
    {
        await Integrator().SetupAsync();
        var integrator = Integrator();
        var call = await integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var seen = 0;

        var thrown = Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in integrator.FollowCallAsync(CallReference.ForVapi(call.Id), Quick, cancel.Token))
            {
                seen++;
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.Not.Null);
            Assert.That(seen, Is.EqualTo(1), "the first poll's status, then nothing: the call did not move");
            Assert.That((string?)Sandbox.Vapi.Calls.Single()["status"], Is.Not.EqualTo("ended"));
        });
    }

    [Test]
    public void Bad_options_and_references_are_refused_at_once()
    {
        var monitor = new CallMonitor(exotel: null, vapi: null);

        Assert.Multiple(() =>
        {
            Assert.That(() => new CallReference(null, null), Throws.ArgumentException);
            Assert.That(() => CallReference.ForVapi(" "), Throws.ArgumentException);
            Assert.That(() => monitor.FollowAsync(CallReference.ForVapi("x"), new CallMonitorOptions { InitialPollInterval = TimeSpan.Zero }), Throws.ArgumentException);
            Assert.That(() => monitor.FollowAsync(CallReference.ForVapi("x")), Throws.InvalidOperationException, "no client to poll with");
        });
    }
}
