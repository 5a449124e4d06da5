using System.Diagnostics;
using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Resilience;

/// <summary>
/// A read is retried on every transient failure (429, 5xx, a dropped connection, an attempt timeout) up to
/// <c>MaxRetryAttempts</c>, waiting as long as <c>Retry-After</c> asks, within <c>TotalRequestTimeout</c>, and stops
/// at once when the caller cancels.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class ReadResilienceTests : ResilienceScenario
{
    private const string AssistantPath = "/assistant/*";

    private List<SandboxRequest> AssistantReads() => RequestsTo("GET", "/assistant/" + SeededAssistantId);

    [Test]
    public async Task A_storm_of_429s_is_waited_out_as_each_retry_after_asks()
    {
        var rule = Fault(SandboxFault.RateLimited(TimeSpan.FromSeconds(1)), "GET", AssistantPath, times: 3);
        var clock = Stopwatch.StartNew();

        var assistant = await Client.Assistants.GetAsync(SeededAssistantId);

        var elapsed = clock.Elapsed;
        Assert.Multiple(() =>
        {
            Assert.That(assistant.Name, Is.EqualTo("Sandbox Assistant"));
            Assert.That(rule.Applied, Is.EqualTo(3));
            Assert.That(AssistantReads().Select(r => r.Status), Is.EqualTo(new[] { 429, 429, 429, 200 }));
            Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2.95)), "three waits of 1 s (less timer slack), not the 1 ms back-off");
        });
    }

    [Test]
    public void A_retry_after_beyond_the_total_timeout_is_returned_at_once()
    {
        Fault(SandboxFault.RateLimited(TimeSpan.FromSeconds(60)), "GET", AssistantPath);
        var clock = Stopwatch.StartNew();

        var ex = Assert.ThrowsAsync<VapiException>(() => Client.Assistants.GetAsync(SeededAssistantId))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.IsRateLimited, Is.True);
            Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "60 s does not fit the default 30 s budget: not waited for");
            Assert.That(AssistantReads(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_burst_of_server_errors_is_retried_until_the_read_succeeds()
    {
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(500), Api = SandboxApi.Vapi, Method = "GET", Path = AssistantPath, Nth = 1, Times = 1 });
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(502), Api = SandboxApi.Vapi, Method = "GET", Path = AssistantPath, Nth = 2, Times = 1 });
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(504), Api = SandboxApi.Vapi, Method = "GET", Path = AssistantPath, Nth = 3, Times = 1 });

        var assistant = await Client.Assistants.GetAsync(SeededAssistantId);

        Assert.Multiple(() =>
        {
            Assert.That(assistant.Id, Is.EqualTo(SeededAssistantId));
            Assert.That(AssistantReads().Select(r => r.Status), Is.EqualTo(new[] { 500, 502, 504, 200 }));
        });
    }

    [Test]
    public async Task Dropped_connections_are_retried_until_the_read_succeeds()
    {
        Fault(SandboxFault.DropConnection(), "GET", AssistantPath, times: 2);

        var assistant = await Client.Assistants.GetAsync(SeededAssistantId);

        Assert.Multiple(() =>
        {
            Assert.That(assistant.Id, Is.EqualTo(SeededAssistantId));
            Assert.That(AssistantReads().Select(r => (r.Fault, r.Status)), Is.EqualTo(new[]
            {
                ((SandboxFaultKind?)SandboxFaultKind.DropConnection, 0), (SandboxFaultKind.DropConnection, 0), (null, 200),
            }));
        });
    }

    [Test]
    public async Task Attempts_that_time_out_are_retried_and_the_third_succeeds()
    {
        var client = NewClient(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        Fault(SandboxFault.Timeout(), "GET", AssistantPath, times: 2);
        var clock = Stopwatch.StartNew();

        var assistant = await client.Assistants.GetAsync(SeededAssistantId);

        var elapsed = clock.Elapsed;
        Assert.Multiple(() =>
        {
            Assert.That(assistant.Id, Is.EqualTo(SeededAssistantId));
            Assert.That(AssistantReads().Select(r => (r.Fault, r.Status)), Is.EqualTo(new[]
            {
                ((SandboxFaultKind?)SandboxFaultKind.Timeout, 0), (SandboxFaultKind.Timeout, 0), (null, 200),
            }));
            Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(580)), "two attempts cut off after 300 ms each (less timer slack)");
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        });
    }

    [Test]
    public void Too_many_failures_end_with_the_last_status_after_one_attempt_and_every_retry()
    {
        var client = NewClient(o => o.Resilience.Retry.MaxRetryAttempts = 2);
        Fault(SandboxFault.ServerError(500), "GET", AssistantPath, times: 2);
        Fault(SandboxFault.ServerError(503), "GET", AssistantPath);

        var ex = Assert.ThrowsAsync<VapiException>(() => client.Assistants.GetAsync(SeededAssistantId))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(503), "the last answer, not the first");
            Assert.That(ex.Error, Is.EqualTo("Service Unavailable"));
            Assert.That(AssistantReads().Select(r => r.Status), Is.EqualTo(new[] { 500, 500, 503 }), "1 + MaxRetryAttempts (2) requests");
        });
    }

    [Test]
    public void The_total_timeout_bounds_every_attempt_and_delay()
    {
        var client = NewClient(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Resilience.TotalRequestTimeout = TimeSpan.FromMilliseconds(1000);   // margins wide enough for a loaded machine
        });
        Fault(SandboxFault.Timeout(), "GET", AssistantPath);
        var clock = Stopwatch.StartNew();

        var ex = Assert.ThrowsAsync<VapiException>(() => client.Assistants.GetAsync(SeededAssistantId))!;

        var elapsed = clock.Elapsed;
        Assert.Multiple(() =>
        {
            Assert.That(ex.IsTimeout, Is.True);
            Assert.That(ex.Status, Is.Zero);
            Assert.That(ex.Message, Does.Contain("no response within 1 s (timed out)"), "the total timeout ended it, not a fourth attempt timeout");
            Assert.That(elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(980)), "the whole budget (less timer slack)");
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
            Assert.That(AssistantReads(), Has.Count.InRange(3, 4), "attempts at about 0, 300, 600 and 900 ms; the last cut short at 1 s");
        });
    }

    [Test]
    public void Cancelling_during_a_retry_delay_stops_at_once_without_another_request()
    {
        var client = NewClient(o =>
        {
            o.Resilience.Retry.Delay = TimeSpan.FromSeconds(5);
            o.Resilience.Retry.BackoffType = Polly.DelayBackoffType.Constant;
            o.Resilience.Retry.UseJitter = false;
        });
        var rule = Fault(SandboxFault.ServerError(503), "GET", AssistantPath, times: 1);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var ex = Assert.CatchAsync<OperationCanceledException>(() => client.Assistants.GetAsync(SeededAssistantId, cancel.Token))!;

        var elapsed = clock.Elapsed;
        Assert.Multiple(() =>
        {
            Assert.That(ex.CancellationToken, Is.EqualTo(cancel.Token), "the caller's cancellation, not a timeout");
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "not after the 5 s delay");
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(AssistantReads().Select(r => r.Status), Is.EqualTo(new[] { 503 }), "no second request");
        });
    }
}
