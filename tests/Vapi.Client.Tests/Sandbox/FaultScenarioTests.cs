using System.Diagnostics;
using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Sandbox;

/// <summary>
/// Injected faults on real HTTP. The client retries a read on a transient failure (429, 5xx, a dropped connection, an
/// attempt timeout) up to <c>Retry.MaxRetryAttempts</c> times (the default 3, with the scenario base's 1 ms back-off),
/// then surfaces the last failure as a typed <see cref="VapiException"/>; a create that may have been processed is
/// never replayed.
/// </summary>
public sealed class FaultScenarioTests : SandboxScenario
{
    // The default retries (3, 1 ms apart in these scenarios), each attempt cut off after 300 ms, all of it within 2 s.
    private VapiClient ShortTimeoutClient() =>
        NewClient(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Resilience.TotalRequestTimeout = TimeSpan.FromSeconds(2);
        });

    [Test]
    public void A_rate_limited_read_whose_retry_after_outlasts_the_total_timeout_is_reported_at_once_with_it()
    {
        var client = NewClient(o =>
        {
            o.Resilience.TotalRequestTimeout = TimeSpan.FromSeconds(5);
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
        });
        var rule = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.RateLimited(TimeSpan.FromSeconds(7)), Api = SandboxApi.Vapi, Method = "GET", Path = "/assistant/*",
        });
        var clock = Stopwatch.StartNew();

        var ex = Assert.ThrowsAsync<VapiException>(() => client.Assistants.GetAsync(SeededAssistantId))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(429));
            Assert.That(ex.IsRateLimited, Is.True);
            Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(ex.Error, Is.EqualTo("Too Many Requests"));
            Assert.That(ex.Messages, Is.EqualTo(new[] { "Too Many Requests" }));
            Assert.That(ex.IsOutcomeUnknown, Is.False);
            Assert.That(rule.Applied, Is.EqualTo(1), "a 7 s wait does not fit the 5 s budget, so the client does not retry");
            Assert.That(RequestsTo("GET", "/assistant/" + SeededAssistantId).Single().Fault, Is.EqualTo(SandboxFaultKind.RateLimited));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), "returned at once, not after waiting");
        });
    }

    [Test]
    public async Task A_rate_limited_call_create_places_no_call_and_is_not_an_unknown_outcome()
    {
        var number = await CreateTrunkAndNumberAsync();
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.RateLimited(TimeSpan.FromSeconds(2)), Api = SandboxApi.Vapi, Method = "POST", Path = "/call" });

        var ex = Assert.ThrowsAsync<VapiException>(() => PlaceCallAsync(number.Id))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.IsRateLimited, Is.True);
            Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(ex.IsOutcomeUnknown, Is.False, "a 429 was not processed");
            Assert.That(RequestsTo("POST", "/call").Select(r => r.Status), Is.EqualTo(new[] { 429 }));
            Assert.That(Sandbox.Vapi.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task A_call_create_answered_500_after_the_call_was_placed_is_an_unknown_outcome_that_a_list_reconciles()
    {
        var number = await CreateTrunkAndNumberAsync();
        var rule = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.ServerError(500), Api = SandboxApi.Vapi, Method = "POST", Path = "/call", AfterProcessing = true, Times = 1,
        });
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        var attemptedAt = Start.AddMinutes(1);

        var ex = Assert.ThrowsAsync<VapiException>(() => PlaceCallAsync(number.Id))!;
        var found = await AllAsync(Client.Calls.ListAsync(new VapiCallListFilter { PhoneNumberId = number.Id, CreatedAtGe = attemptedAt }));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(500));
            Assert.That(ex.IsOutcomeUnknown, Is.True);
            Assert.That(ex.Error, Is.EqualTo("Internal Server Error"));
            Assert.That(ex.Operation, Is.EqualTo("POST /call"));
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(RequestsTo("POST", "/call"), Has.Count.EqualTo(1), "never replayed");
            Assert.That(Sandbox.Vapi.Calls, Has.Count.EqualTo(1), "the call was placed although the client saw a 500");
            Assert.That(found.Select(c => c.Id), Is.EqualTo(new[] { (string)Sandbox.Vapi.Calls[0]["id"]! }));
            Assert.That(found[0].Status, Is.EqualTo(VapiCallStatus.Queued));
        });
    }

    [Test]
    public async Task A_read_answered_503_every_time_is_retried_then_a_plain_failure_not_an_unknown_outcome()
    {
        var number = await CreateTrunkAndNumberAsync();
        var call = await PlaceCallAsync(number.Id);
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(503), Api = SandboxApi.Vapi, Method = "GET", Path = "/call/*" });

        var ex = Assert.ThrowsAsync<VapiException>(() => Client.Calls.GetAsync(call.Id))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(503));
            Assert.That(ex.Error, Is.EqualTo("Service Unavailable"));
            Assert.That(ex.IsOutcomeUnknown, Is.False);
            Assert.That(ex.IsTimeout, Is.False);
            Assert.That(ex.Message, Does.Not.Contain("outcome is unknown"));
            Assert.That(RequestsTo("GET", "/call/" + call.Id).Select(r => r.Status), Is.EqualTo(new[] { 503, 503, 503, 503 }), "the first attempt and 3 retries");
        });
    }

    [Test]
    public void A_read_the_sandbox_never_answers_is_retried_after_each_attempt_timeout_then_times_out()
    {
        var client = ShortTimeoutClient();
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.Timeout(), Api = SandboxApi.Vapi, Method = "GET", Path = "/assistant/*" });
        var clock = Stopwatch.StartNew();

        var ex = Assert.ThrowsAsync<VapiException>(() => client.Assistants.GetAsync(SeededAssistantId))!;

        var elapsed = clock.Elapsed;
        Assert.Multiple(() =>
        {
            Assert.That(ex.IsTimeout, Is.True);
            Assert.That(ex.Status, Is.Zero, "no response");
            Assert.That(ex.Operation, Is.EqualTo("GET /assistant/{id}"));
            Assert.That(ex.Message, Does.Contain("no response within 0.3 s (timed out)"), "the attempt timeout, not the 2 s total");
            Assert.That(ex.Message, Does.Not.Contain("outcome is unknown"), "a read is safe to send again: no reconciliation hint");
            Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1150)), "4 attempts of 300 ms (less timer slack)");
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "over before the 2 s total");
            Assert.That(RequestsTo("GET", "/assistant/" + SeededAssistantId).Select(r => r.Status), Is.EqualTo(new[] { 0, 0, 0, 0 }), "the sandbox never answered");
        });
    }

    [Test]
    public void A_read_whose_connection_drops_every_time_is_retried_then_a_typed_failure_without_a_status()
    {
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.DropConnection(), Api = SandboxApi.Vapi, Method = "GET", Path = "/assistant/*" });

        var ex = Assert.ThrowsAsync<VapiException>(() => Client.Assistants.GetAsync(SeededAssistantId))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.Zero);
            Assert.That(ex.IsTimeout, Is.False);
            Assert.That(ex.Operation, Is.EqualTo("GET /assistant/{id}"));
            Assert.That(ex.Message, Does.StartWith("Vapi GET /assistant/{id} failed: the connection to 127.0.0.1 failed after the request may have been sent"));
            Assert.That(ex.InnerException, Is.InstanceOf<HttpRequestException>());
            Assert.That(
                RequestsTo("GET", "/assistant/" + SeededAssistantId).Select(r => (r.Fault, r.Status)),
                Is.EqualTo(Enumerable.Repeat(((SandboxFaultKind?)SandboxFaultKind.DropConnection, 0), 4)),
                "the first attempt and 3 retries");
        });
    }

    [Test]
    public void A_dropped_connection_after_a_credential_was_created_is_an_unknown_outcome()
    {
        Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.DropConnection(), Api = SandboxApi.Vapi, Method = "POST", Path = "/credential", AfterProcessing = true, Times = 1,
        });

        var ex = Assert.ThrowsAsync<VapiException>(() => CreateTrunkAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.Zero);
            Assert.That(ex.IsOutcomeUnknown, Is.True);
            Assert.That(ex.Message, Does.Contain("outcome is unknown"));
            Assert.That(RequestsTo("POST", "/credential"), Has.Count.EqualTo(1), "never replayed");
            Assert.That(Sandbox.Vapi.Credentials, Has.Count.EqualTo(1), "created although the client saw no answer");
        });
    }

    [Test]
    public async Task A_short_latency_is_waited_out_within_the_attempt_timeout()
    {
        var rule = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.Latency(TimeSpan.FromMilliseconds(150)), Api = SandboxApi.Vapi, Method = "GET", Path = "/assistant/*",
        });

        var assistant = await Client.Assistants.GetAsync(SeededAssistantId);

        Assert.Multiple(() =>
        {
            Assert.That(assistant.Name, Is.EqualTo("Sandbox Assistant"));
            Assert.That(rule.Applied, Is.EqualTo(1));
        });
    }
}
