using System.Diagnostics;
using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Resilience;

/// <summary>
/// After enough transient failures the circuit opens: requests are refused without being sent until the break is
/// over, then one trial request closes it again. Each change is logged (2005 opened, 2006 half-open, 2007 closed).
/// </summary>
public sealed class CircuitBreakerTests : ResilienceScenario
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromMilliseconds(500);

    [Test]
    public async Task The_circuit_opens_after_failures_refuses_without_sending_then_closes_after_a_successful_trial()
    {
        await using var di = NewDiClient(o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
            o.Resilience.CircuitBreaker.FailureRatio = 0.5;
            o.Resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(2);
            o.Resilience.CircuitBreaker.BreakDuration = BreakDuration;
        });
        var assistants = di.Client.Assistants;
        Fault(SandboxFault.ServerError(503), "GET", "/assistant/*", times: 2);

        var first = Assert.ThrowsAsync<VapiException>(() => assistants.GetAsync(SeededAssistantId))!;
        var second = Assert.ThrowsAsync<VapiException>(() => assistants.GetAsync(SeededAssistantId))!;
        var opened = Stopwatch.StartNew();
        var refused = Assert.ThrowsAsync<VapiException>(() => assistants.GetAsync(SeededAssistantId))!;
        var sentWhileOpen = Sandbox.Requests.Count;
        var openLines = di.LinesWithEvent(2005);

        var breakLeft = BreakDuration + TimeSpan.FromMilliseconds(50) - opened.Elapsed;
        if (breakLeft > TimeSpan.Zero)
        {
            await Task.Delay(breakLeft);   // real time: the breaker runs on the system clock
        }

        var trial = await assistants.GetAsync(SeededAssistantId);
        var after = await assistants.GetAsync(SeededAssistantId);

        Assert.Multiple(() =>
        {
            Assert.That((first.Status, second.Status), Is.EqualTo((503, 503)));
            Assert.That(refused.Status, Is.Zero, "not sent, so no status");
            Assert.That(refused.Message, Does.Contain("circuit breaker is open after repeated failures, so the request was not sent"));
            Assert.That(refused.IsOutcomeUnknown, Is.False);
            Assert.That(refused.IsTimeout, Is.False);
            Assert.That(sentWhileOpen, Is.EqualTo(2), "the refused request never reached the sandbox");
            Assert.That((trial.Id, after.Id), Is.EqualTo((SeededAssistantId, SeededAssistantId)));
            Assert.That(Sandbox.Requests.Select(r => r.Status), Is.EqualTo(new[] { 503, 503, 200, 200 }));
            Assert.That(openLines, Has.Count.EqualTo(1));
            Assert.That(openLines[0], Does.StartWith("Warning ").And.Contain("Vapi circuit breaker opened after HTTP 503: requests are refused for 0.5 s"));
            Assert.That(di.LinesWithEvent(2006).Single(), Does.StartWith("Information ").And.Contain("circuit breaker half-open"));
            Assert.That(di.LinesWithEvent(2007).Single(), Does.StartWith("Information ").And.Contain("circuit breaker closed"));
        });
    }
}
