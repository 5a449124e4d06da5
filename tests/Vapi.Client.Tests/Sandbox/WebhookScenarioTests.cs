using System.Net;
using System.Text.Json;
using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Sandbox;

/// <summary>
/// A number's <c>server.url</c>, set through the client, receives the sandbox's server messages; the client's parser
/// and verifier read them.
/// </summary>
public sealed class WebhookScenarioTests : SandboxScenario
{
    private const string HookSecret = "hook-secret-5d1c";

    private CallbackReceiver _receiver = null!;

    [SetUp]
    public async Task StartReceiverAsync() => _receiver = await CallbackReceiver.StartAsync();

    [TearDown]
    public async Task StopReceiverAsync() => await _receiver.DisposeAsync();

    private string HookUrl => new Uri(_receiver.Address, "vapi/events").AbsoluteUri;

    private List<VapiServerMessage> Parsed() => [.. _receiver.Received.Select(r => VapiServerMessageParser.Parse(r.Body))];

    [Test]
    public async Task The_server_receives_each_status_update_and_the_end_of_call_report_of_an_answered_call()
    {
        var number = await CreateTrunkAndNumberAsync(new VapiServer { Url = HookUrl, Headers = new Dictionary<string, string> { ["X-Vapi-Secret"] = HookSecret } });
        var call = await PlaceCallAsync(number.Id);

        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(4));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));

        var messages = Parsed();
        var updates = messages.OfType<VapiStatusUpdateMessage>().ToList();
        var report = messages.OfType<VapiEndOfCallReportMessage>().Single();
        var verifier = VapiWebhookVerifier.ForSecretHeader(HookSecret);
        var impostor = VapiWebhookVerifier.ForSecretHeader("some-other-secret");
        Assert.Multiple(() =>
        {
            Assert.That(_receiver.Received, Has.Count.EqualTo(5));
            Assert.That(_receiver.Received.Select(r => (r.Method, r.PathAndQuery, r.ContentType)), Is.All.EqualTo(("POST", "/vapi/events", "application/json")));
            Assert.That(updates.Select(u => u.Status), Is.EqualTo(new VapiCallStatus?[]
            {
                VapiCallStatus.Queued, VapiCallStatus.Ringing, VapiCallStatus.InProgress, VapiCallStatus.Ended,
            }));
            Assert.That(updates.Select(u => u.Type), Is.All.EqualTo(VapiServerMessageType.StatusUpdate));
            Assert.That(messages.Select(m => m.Call?.Id), Is.All.EqualTo(call.Id));
            Assert.That(messages.Select(m => m.Call?.PhoneNumberId), Is.All.EqualTo(number.Id));
            Assert.That(updates.Select(u => u.Timestamp), Is.EqualTo(new double?[]
            {
                Start.ToUnixTimeMilliseconds(), Start.AddSeconds(1).ToUnixTimeMilliseconds(), Start.AddSeconds(5).ToUnixTimeMilliseconds(), Start.AddSeconds(35).ToUnixTimeMilliseconds(),
            }));
            Assert.That(updates.Take(3).Select(u => u.EndedReason), Is.All.Null);
            Assert.That(updates[3].EndedReason, Is.EqualTo(VapiEndedReason.CustomerEndedCall));
            Assert.That(updates[3].Call?.Status, Is.EqualTo(VapiCallStatus.Ended));
            Assert.That(report.Type, Is.EqualTo(VapiServerMessageType.EndOfCallReport));
            Assert.That(report.EndedReason, Is.EqualTo(VapiEndedReason.CustomerEndedCall));
            Assert.That(report.StartedAt, Is.EqualTo(Start.AddSeconds(5)));
            Assert.That(report.EndedAt, Is.EqualTo(Start.AddSeconds(35)));
            Assert.That(report.Cost, Is.EqualTo(0.045m));
            Assert.That(report.Artifact?.Transcript, Is.Empty);
            Assert.That(report.Call?.EndedReason, Is.EqualTo(VapiEndedReason.CustomerEndedCall));
            Assert.That(_receiver.Received.Select(r => verifier.Verify(r.Headers, r.Body).IsValid), Is.All.True);
            Assert.That(impostor.Verify(_receiver.Received[0].Headers, _receiver.Received[0].Body).Failure, Is.EqualTo(VapiWebhookFailure.SecretMismatch));
            Assert.That(Sandbox.Callbacks.Select(c => c.Event), Is.EqualTo(new[] { "status-update", "status-update", "status-update", "status-update", "end-of-call-report" }));
            Assert.That(Sandbox.Callbacks.Select(c => c.Delivered), Is.All.True);
        });
    }

    [Test]
    public async Task A_busy_call_reports_its_ended_reason_to_a_bearer_authenticated_server()
    {
        var number = await CreateTrunkAndNumberAsync(new VapiServer { Url = HookUrl, Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer hook-token-77" } });
        Sandbox.ScriptCall(Customer, SandboxCallScript.Busy());
        var call = await PlaceCallAsync(number.Id);

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(10));

        var ended = Parsed().OfType<VapiStatusUpdateMessage>().Single(u => u.Status == VapiCallStatus.Ended);
        var report = await VapiServerMessageParser.ParseAsync(new MemoryStream(_receiver.Received.Single(r => r.BodyText.Contains("end-of-call-report", StringComparison.Ordinal)).Body));
        Assert.Multiple(() =>
        {
            Assert.That(_receiver.Received, Has.Count.EqualTo(4), "queued, ringing, ended and the report");
            Assert.That(ended.EndedReason, Is.EqualTo(VapiEndedReason.CustomerBusy));
            Assert.That(ended.Call?.Id, Is.EqualTo(call.Id));
            Assert.That(report, Is.TypeOf<VapiEndOfCallReportMessage>());
            Assert.That(((VapiEndOfCallReportMessage)report).EndedReason, Is.EqualTo(VapiEndedReason.CustomerBusy));
            Assert.That(((VapiEndOfCallReportMessage)report).StartedAt, Is.Null, "never answered");
            Assert.That(((VapiEndOfCallReportMessage)report).Cost, Is.EqualTo(0m));
            Assert.That(_receiver.Received.Select(r => VapiWebhookVerifier.ForBearerToken("hook-token-77").Verify(r.Headers, r.Body).IsValid), Is.All.True);
        });
    }

    [Test]
    public async Task A_call_ended_through_its_control_url_reports_manually_canceled()
    {
        var number = await CreateTrunkAndNumberAsync(new VapiServer { Url = HookUrl });
        var call = await PlaceCallAsync(number.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(10));

        await Client.Calls.EndAsync(call);
        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);

        var messages = Parsed();
        Assert.Multiple(() =>
        {
            Assert.That(messages.OfType<VapiStatusUpdateMessage>().Select(u => u.Status), Is.EquivalentTo(new VapiCallStatus?[]
            {
                VapiCallStatus.Queued, VapiCallStatus.Ringing, VapiCallStatus.InProgress, VapiCallStatus.Ended,
            }));
            Assert.That(messages.OfType<VapiStatusUpdateMessage>().Single(u => u.Status == VapiCallStatus.Ended).EndedReason, Is.EqualTo(VapiEndedReason.ManuallyCanceled));
            Assert.That(messages.OfType<VapiEndOfCallReportMessage>().Single().EndedReason, Is.EqualTo(VapiEndedReason.ManuallyCanceled));
            Assert.That(messages.OfType<VapiEndOfCallReportMessage>().Single().EndedAt, Is.EqualTo(Start.AddSeconds(10)));
        });
    }

    [Test]
    public async Task A_backoff_plan_sent_by_the_client_makes_the_sandbox_retry_a_refused_webhook()
    {
        var backoff = JsonDocument.Parse("""{"type":"fixed","maxRetries":2,"baseDelaySeconds":1}""").RootElement;
        var number = await CreateTrunkAndNumberAsync(new VapiServer { Url = HookUrl, BackoffPlan = backoff });
        _receiver.StatusToAnswer = HttpStatusCode.InternalServerError;

        await PlaceCallAsync(number.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);

        var queued = Sandbox.Callbacks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(queued.Event, Is.EqualTo("status-update"));
            Assert.That(queued.Attempts, Is.EqualTo(3), "one attempt and maxRetries 2");
            Assert.That(queued.LastStatus, Is.EqualTo(500));
            Assert.That(queued.Delivered, Is.False);
            Assert.That(_receiver.Received, Has.Count.EqualTo(3));
        });
    }
}
