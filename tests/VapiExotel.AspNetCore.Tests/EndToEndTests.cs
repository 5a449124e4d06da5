using System.Net;
using Exotel.VSip;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vapi.Client;
using VapiExotel.Integration;
using VapiExotel.Sandbox;

namespace VapiExotel.AspNetCore.Tests;

/// <summary>
/// The whole webhook path over real HTTP: a Kestrel app on loopback with <c>AddVapiExotel</c> pointed at a sandbox and
/// the webhook endpoints mapped; the sandbox posts Exotel status callbacks and Vapi server messages to it as the
/// services would, and the app's monitor, following by pushes only, ends each call with its classified outcome.
/// </summary>
public sealed class EndToEndTests
{
    private const string Secret = "e2e-webhook-secret-not-real";
    private const string ExoPhone = "+918047490924";
    private const string Customer = "+919876543210";
    private const string Agent = "+919876500001";

    private static readonly CallMonitorOptions PushOnly = new() { Poll = false };

    private VapiExotelSandbox _sandbox = null!;
    private WebApplication _app = null!;
    private Uri _address = null!;

    private IVapiExotelIntegrator Integrator => _app.Services.GetRequiredService<IVapiExotelIntegrator>();

    [SetUp]
    public async Task StartAsync()
    {
        _sandbox = await VapiExotelSandbox.StartAsync(new VapiExotelSandboxOptions { StartTime = new DateTimeOffset(2026, 1, 23, 10, 0, 0, TimeSpan.Zero) });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions? listen = null;
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => listen = o));
        builder.Configuration.AddInMemoryCollection(_sandbox.ConfigurationFor());
        builder.Services.AddVapiExotel(builder.Configuration);

        // The sandbox sends the phone number's server.headers verbatim with each message, as Vapi does: a secret header.
        builder.Services.AddVapiExotelWebhooks(o => o.VapiVerifier = VapiWebhookVerifier.ForSecretHeader(Secret));
        _app = builder.Build();
        _app.MapVapiExotelWebhooks("/webhooks");
        await _app.StartAsync();
        _address = new Uri($"http://127.0.0.1:{listen!.IPEndPoint!.Port}/");
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    /// <summary>Collects the stream while moving the sandbox clock a second at a time (each move sends the callbacks due), until the stream ends.</summary>
    private async Task<List<CallEvent>> FollowWhileAdvancingAsync(CallReference call, int maxSeconds = 60)
    {
        var events = new List<CallEvent>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var collecting = Task.Run(async () =>
        {
            await foreach (var e in Integrator.FollowCallAsync(call, PushOnly, stop.Token))
            {
                lock (events)
                {
                    events.Add(e);
                }
            }
        });
        for (var i = 0; i < maxSeconds && !collecting.IsCompleted; i++)
        {
            await _sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
            await Task.WhenAny(collecting, Task.Delay(5));
        }

        await Task.WhenAny(collecting, Task.Delay(TimeSpan.FromMilliseconds(300)));
        await stop.CancelAsync();
        try
        {
            await collecting;
        }
        catch (OperationCanceledException)
        {
            // the call did not end: the assertions say so
        }

        lock (events)
        {
            return [.. events];
        }
    }

    private async Task<string> PointVapiNumberAtAppAsync(string secret)
    {
        var report = await Integrator.SetupAsync();
        Assert.That(report.Succeeded, Is.True, "setup in the sandbox");
        var vapi = _app.Services.GetRequiredService<VapiClient>();
        var id = (string)_sandbox.Vapi.PhoneNumbers.Single(n => (string?)n["number"] == ExoPhone)["id"]!;
        await vapi.PhoneNumbers.UpdateAsync(id, new UpdateByoPhoneNumberRequest
        {
            Server = new VapiServer
            {
                Url = new Uri(_address, "webhooks/vapi").ToString(),
                Headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["X-Vapi-Secret"] = secret },
            },
        });
        return id;
    }

    [Test]
    public async Task An_exotel_call_is_followed_by_its_status_callbacks_to_a_classified_end()
    {
        _sandbox.ScriptCall(Customer, SandboxCallScript.Answered(TimeSpan.FromSeconds(3)));
        var request = new ConnectCallRequest(Agent, Customer, ExoPhone) { StatusCallback = new Uri(_address, "webhooks/exotel/status") };
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Terminal);
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Answered);
        var call = await Integrator.ConnectNumbersAsync(request);

        var events = await FollowWhileAdvancingAsync(CallReference.ForExotel(call.Sid));

        var ended = events.OfType<CallEnded>().SingleOrDefault();
        var statuses = events.OfType<CallStatusChanged>().Select(e => e.Status).ToList();
        var sent = _sandbox.Callbacks.Where(c => c.Api == SandboxApi.Exotel).ToList();
        Assert.That(ended, Is.Not.Null, "the call ended by pushes alone: " + string.Join(", ", events));
        Assert.Multiple(() =>
        {
            Assert.That(sent.Select(c => c.Event), Is.EqualTo(new[] { "answered", "terminal" }));
            Assert.That(sent, Has.All.Property(nameof(SandboxCallback.LastStatus)).EqualTo(200), "the app answered each callback 200");
            Assert.That(statuses, Is.EqualTo(new[] { "in-progress", "completed" }));
            Assert.That(events, Has.All.Property(nameof(CallEvent.Source)).EqualTo(CallEventSource.Push));
            Assert.That(events.OfType<CallLegUpdate>().Select(l => l.Leg), Does.Contain(1), "the callbacks' legs");
            Assert.That(events[^1], Is.SameAs(ended), "the end is last");
            Assert.That(ended!.Side, Is.EqualTo(CallSide.Exotel));
            Assert.That(ended.Outcome.ExotelStatus, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(ended.Outcome.Classification.LikelyCause, Is.EqualTo(LikelyCause.None));
            Assert.That(ended.Outcome.IsFailure, Is.False);
            Assert.That(_sandbox.Requests.Count(r => r.Method == "GET" && r.Path.Contains(call.Sid, StringComparison.Ordinal)), Is.Zero, "never polled");
        });
    }

    [Test]
    public async Task A_busy_exotel_call_ends_by_its_terminal_callback_classified_busy()
    {
        _sandbox.ScriptCall(Customer, SandboxCallScript.Busy());
        var request = new ConnectCallRequest(Agent, Customer, ExoPhone) { StatusCallback = new Uri(_address, "webhooks/exotel/status") };
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Terminal);
        var call = await Integrator.ConnectNumbersAsync(request);

        var events = await FollowWhileAdvancingAsync(CallReference.ForExotel(call.Sid));

        var ended = events.OfType<CallEnded>().SingleOrDefault();
        Assert.That(ended, Is.Not.Null, "the call ended by pushes alone: " + string.Join(", ", events));
        Assert.Multiple(() =>
        {
            Assert.That(events.OfType<CallStatusChanged>().Select(e => e.Status), Is.EqualTo(new[] { "busy" }));
            Assert.That(ended!.Source, Is.EqualTo(CallEventSource.Push));
            Assert.That(ended.Outcome.ExotelStatus, Is.EqualTo(ExotelCallStatus.Busy));
            Assert.That(ended.Outcome.Classification.LikelyCause, Is.EqualTo(LikelyCause.Busy));
            Assert.That(ended.Outcome.IsFailure, Is.False);
        });
    }

    [Test]
    public async Task A_vapi_assistant_call_to_a_busy_customer_ends_by_server_messages_classified_busy()
    {
        await PointVapiNumberAtAppAsync(Secret);
        _sandbox.ScriptCall(Customer, SandboxCallScript.Busy());
        var call = await Integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer));

        var events = await FollowWhileAdvancingAsync(CallReference.ForVapi(call.Id));

        var ended = events.OfType<CallEnded>().SingleOrDefault();
        var messages = _sandbox.Callbacks.Where(c => c.Api == SandboxApi.Vapi).ToList();
        Assert.That(ended, Is.Not.Null, "the call ended by pushes alone: " + string.Join(", ", events));
        Assert.Multiple(() =>
        {
            Assert.That(messages.Select(m => m.Event), Does.Contain("status-update").And.Contain("end-of-call-report"));
            Assert.That(messages.Where(m => m.Attempts > 0), Has.All.Property(nameof(SandboxCallback.LastStatus)).EqualTo(200), "each message verified and taken");
            Assert.That(events.OfType<CallStatusChanged>().Select(e => e.Status), Is.EqualTo(new[] { "queued", "ringing", "ended" }));
            Assert.That(events, Has.All.Property(nameof(CallEvent.Source)).EqualTo(CallEventSource.Push));
            Assert.That(events, Has.All.Property(nameof(CallEvent.Side)).EqualTo(CallSide.Vapi));
            Assert.That(events[^1], Is.SameAs(ended));
            Assert.That(ended!.Outcome.VapiEndedReason, Is.EqualTo(VapiEndedReason.CustomerBusy));
            Assert.That(ended.Outcome.Classification.LikelyCause, Is.EqualTo(LikelyCause.Busy));
            Assert.That(ended.Outcome.IsFailure, Is.False);
            Assert.That(_sandbox.Requests.Count(r => r.Method == "GET" && r.Path == $"/call/{call.Id}"), Is.Zero, "never polled");
        });
    }

    [Test]
    public async Task A_failed_vapi_call_ends_by_server_messages_as_a_sip_path_failure()
    {
        await PointVapiNumberAtAppAsync(Secret);
        _sandbox.ScriptCall(Customer, SandboxCallScript.Failed());
        var call = await Integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer));

        var events = await FollowWhileAdvancingAsync(CallReference.ForVapi(call.Id));

        var ended = events.OfType<CallEnded>().SingleOrDefault();
        Assert.That(ended, Is.Not.Null, "the call ended by pushes alone: " + string.Join(", ", events));
        Assert.Multiple(() =>
        {
            Assert.That(ended!.Source, Is.EqualTo(CallEventSource.Push));
            Assert.That(ended.Outcome.IsFailure, Is.True);
            Assert.That(ended.Outcome.Classification.Side, Is.EqualTo(FailureSide.SipPath));
            Assert.That(ended.Outcome.Classification.LikelyCause, Is.EqualTo(LikelyCause.Transport));
        });
    }

    [Test]
    public async Task Server_messages_with_the_wrong_secret_are_refused_and_never_reach_the_monitor()
    {
        await PointVapiNumberAtAppAsync("not-the-app-secret");
        _sandbox.ScriptCall(Customer, SandboxCallScript.Busy());
        var call = await Integrator.StartAssistantCallAsync(new AssistantCallRequest(Customer));

        var events = await FollowWhileAdvancingAsync(CallReference.ForVapi(call.Id), maxSeconds: 10);

        var messages = _sandbox.Callbacks.Where(c => c.Api == SandboxApi.Vapi).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(messages, Is.Not.Empty, "the sandbox sent its messages");
            Assert.That(messages, Has.All.Property(nameof(SandboxCallback.LastStatus)).EqualTo(401));
            Assert.That(events, Is.Empty, "nothing was fed to the monitor");
        });
    }
}
