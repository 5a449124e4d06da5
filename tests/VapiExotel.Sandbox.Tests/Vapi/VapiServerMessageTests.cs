using System.Net;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Vapi;

/// <summary>Server messages to a phone number's <c>server</c> (vapi-api.md §6.1–§6.3, §6.5).</summary>
public sealed class VapiServerMessageTests : Support.SandboxTest
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 23, 10, 0, 0, TimeSpan.Zero);

    private CallbackReceiver _receiver = null!;
    private string _assistantId = null!;

    [SetUp]
    public async Task StartReceiverAsync()
    {
        _receiver = await CallbackReceiver.StartAsync();
        _assistantId = VapiSeed.AssistantId(Sandbox);
    }

    [TearDown]
    public async Task StopReceiverAsync() => await _receiver.DisposeAsync();

    [Test]
    public async Task Each_status_change_sends_a_status_update_and_the_end_sends_an_end_of_call_report_last()
    {
        var callId = await PlaceCallAsync($$"""{"url":"{{_receiver.Address}}vapi/events","headers":{"X-Test":"1"} }""");
        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(4));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));
        var messages = _receiver.Received.Select(r => JsonNode.Parse(r.BodyText)!["message"]!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(messages.Select(m => (string?)m["type"]),
                Is.EqualTo(new[] { "status-update", "status-update", "status-update", "status-update", "end-of-call-report" }));
            Assert.That(messages.Take(4).Select(m => (string?)m["status"]), Is.EqualTo(new[] { "queued", "ringing", "in-progress", "ended" }));
            Assert.That(messages.Select(m => (string?)m["call"]!["id"]), Is.All.EqualTo(callId));
            Assert.That(messages.Take(4).Select(m => (long?)m["timestamp"]), Is.EqualTo(new long?[]
            {
                T0.ToUnixTimeMilliseconds(),
                T0.AddSeconds(1).ToUnixTimeMilliseconds(),
                T0.AddSeconds(5).ToUnixTimeMilliseconds(),
                T0.AddSeconds(35).ToUnixTimeMilliseconds(),
            }));
            Assert.That(messages.Take(4).Select(m => (string?)m["call"]!["status"]), Is.EqualTo(new[] { "queued", "ringing", "in-progress", "ended" }));
            Assert.That(messages[0].AsObject().ContainsKey("endedReason"), Is.False);
            Assert.That((string?)messages[3]["endedReason"], Is.EqualTo("customer-ended-call"));
            Assert.That(_receiver.Received.Select(r => r.Method), Is.All.EqualTo("POST"));
            Assert.That(_receiver.Received.Select(r => r.PathAndQuery), Is.All.EqualTo("/vapi/events"));
            Assert.That(_receiver.Received.Select(r => r.ContentType), Is.All.StartsWith("application/json"));
        });
    }

    [Test]
    public async Task The_end_of_call_report_follows_the_final_status_update_when_time_jumps_past_the_end()
    {
        await PlaceCallAsync($$"""{"url":"{{_receiver.Address}}vapi"}""");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        var types = _receiver.Received.Select(r => (string?)JsonNode.Parse(r.BodyText)!["message"]!["type"]).ToList();
        var statuses = _receiver.Received.Select(r => (string?)JsonNode.Parse(r.BodyText)!["message"]!["status"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(types, Has.Count.EqualTo(5));
            Assert.That(types[^1], Is.EqualTo("end-of-call-report"));
            Assert.That(statuses.Take(4), Is.EqualTo(new[] { "queued", "ringing", "in-progress", "ended" }));
        });
    }

    [Test]
    public async Task The_end_of_call_report_carries_the_final_record()
    {
        await PlaceCallAsync($$"""{"url":"{{_receiver.Address}}vapi"}""");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(4));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));
        var report = _receiver.Received.Select(r => JsonNode.Parse(r.BodyText)!["message"]!).Last();
        Assert.Multiple(() =>
        {
            Assert.That((string?)report["type"], Is.EqualTo("end-of-call-report"));
            Assert.That((string?)report["endedReason"], Is.EqualTo("customer-ended-call"));
            Assert.That((string?)report["startedAt"], Is.EqualTo("2026-01-23T10:00:05.000Z"));
            Assert.That((string?)report["endedAt"], Is.EqualTo("2026-01-23T10:00:35.000Z"));
            Assert.That((double?)report["cost"], Is.EqualTo(0.045).Within(1e-9));
            Assert.That(report["artifact"], Is.InstanceOf<JsonObject>());
            Assert.That(report["analysis"], Is.InstanceOf<JsonObject>());
            Assert.That((string?)report["call"]!["status"], Is.EqualTo("ended"));
            Assert.That((long?)report["timestamp"], Is.EqualTo(T0.AddSeconds(35).ToUnixTimeMilliseconds()));
        });
    }

    [Test]
    public async Task The_server_headers_are_sent_with_every_message()
    {
        await PlaceCallAsync($$"""{"url":"{{_receiver.Address}}vapi","headers":{"X-Test":"1","X-Other":"two"} }""");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        Assert.Multiple(() =>
        {
            Assert.That(_receiver.Received, Has.Count.EqualTo(5));
            Assert.That(_receiver.Received.Select(r => r.Headers.GetValueOrDefault("X-Test")), Is.All.EqualTo("1"));
            Assert.That(_receiver.Received.Select(r => r.Headers.GetValueOrDefault("X-Other")), Is.All.EqualTo("two"));
            Assert.That(Sandbox.Callbacks.Select(c => c.Api), Is.All.EqualTo(SandboxApi.Vapi));
            Assert.That(Sandbox.Callbacks.Select(c => c.Delivered), Is.All.True);
        });
    }

    [Test]
    public async Task A_server_url_that_is_not_loopback_is_skipped_and_recorded()
    {
        await PlaceCallAsync("""{"url":"https://hooks.example.com/vapi"}""");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        var callbacks = Sandbox.Callbacks;
        Assert.Multiple(() =>
        {
            Assert.That(callbacks.Select(c => c.Event), Is.EqualTo(new[] { "status-update", "status-update", "status-update", "status-update", "end-of-call-report" }));
            Assert.That(callbacks.Select(c => c.SkippedReason), Is.All.Not.Null);
            Assert.That(callbacks.Select(c => c.Attempts), Is.All.EqualTo(0));
            Assert.That(callbacks.Select(c => c.Delivered), Is.All.False);
            Assert.That(callbacks.Select(c => c.Url.Host), Is.All.EqualTo("hooks.example.com"));
            Assert.That(_receiver.Received, Is.Empty);
        });
    }

    [Test]
    public async Task Without_a_backoff_plan_a_failed_message_is_not_retried()
    {
        _receiver.StatusToAnswer = HttpStatusCode.InternalServerError;
        await PlaceCallAsync($$"""{"url":"{{_receiver.Address}}vapi"}""");
        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);
        var queued = Sandbox.Callbacks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(_receiver.Received, Has.Count.EqualTo(1));
            Assert.That(queued.Attempts, Is.EqualTo(1));
            Assert.That(queued.MaxAttempts, Is.EqualTo(1));
            Assert.That(queued.LastStatus, Is.EqualTo(500));
            Assert.That(queued.Delivered, Is.False);
            Assert.That(queued.SkippedReason, Is.Null);
        });
    }

    [Test]
    public async Task With_a_backoff_plan_a_failed_message_is_tried_max_retries_plus_one_times()
    {
        _receiver.StatusToAnswer = HttpStatusCode.InternalServerError;
        await PlaceCallAsync($$"""{"url":"{{_receiver.Address}}vapi","backoffPlan":{"type":"fixed","maxRetries":2,"baseDelaySeconds":1} }""");
        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);
        var queued = Sandbox.Callbacks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(_receiver.Received, Has.Count.EqualTo(3));
            Assert.That(_receiver.Received.Select(r => r.BodyText).Distinct().Count(), Is.EqualTo(1));
            Assert.That(queued.Attempts, Is.EqualTo(3));
            Assert.That(queued.LastStatus, Is.EqualTo(500));
            Assert.That(queued.Delivered, Is.False);
        });
    }

    [Test]
    public async Task A_message_accepted_on_a_retry_is_delivered()
    {
        _receiver.StatusToAnswer = HttpStatusCode.OK;
        await PlaceCallAsync($$"""{"url":"{{_receiver.Address}}vapi","backoffPlan":{"type":"fixed","maxRetries":2,"baseDelaySeconds":1} }""");
        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);
        var queued = Sandbox.Callbacks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(_receiver.Received, Has.Count.EqualTo(1));
            Assert.That(queued.Attempts, Is.EqualTo(1));
            Assert.That(queued.Delivered, Is.True);
            Assert.That(queued.LastStatus, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task A_number_without_a_server_sends_nothing()
    {
        var number = await VapiSeed.CreateNumberAsync(Vapi);
        await VapiSeed.CreateCallAsync(Vapi, _assistantId, (string)number["id"]!);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        Assert.That(Sandbox.Callbacks, Is.Empty);
    }

    [Test]
    public async Task A_call_ended_through_the_control_url_reports_manually_canceled()
    {
        var callId = await PlaceCallAsync($$"""{"url":"{{_receiver.Address}}vapi"}""");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(2));
        using var anonymous = new HttpClient { BaseAddress = Sandbox.VapiBaseAddress };
        var (status, _) = await SendAsync(anonymous, HttpMethod.Post, $"sandbox-control/{callId}/control", """{"type":"end-call"}""");
        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);
        var messages = _receiver.Received.Select(r => JsonNode.Parse(r.BodyText)!["message"]!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(messages.Select(m => (string?)m["status"] ?? (string?)m["type"]),
                Is.EqualTo(new[] { "queued", "ringing", "ended", "end-of-call-report" }));
            Assert.That((string?)messages[2]["endedReason"], Is.EqualTo("manually-canceled"));
            Assert.That((string?)messages[3]["endedReason"], Is.EqualTo("manually-canceled"));
        });
    }

    private async Task<string> PlaceCallAsync(string server)
    {
        var number = await VapiSeed.CreateNumberAsync(Vapi, extra: $$""","server":{{server}}""");
        var call = await VapiSeed.CreateCallAsync(Vapi, _assistantId, (string)number["id"]!);
        return (string)call["id"]!;
    }
}
