using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Resilience;

/// <summary>
/// The circuit breaker, on a small scale (2 requests, half of them failing, in 2 s; 500 ms open) and with retries off
/// so that each call is one attempt: persistent 503s open it, an open breaker refuses without sending, and after the
/// break one trial request closes it again. Each registration has its own breaker.
/// </summary>
public sealed class CircuitBreakerTests : ResilienceScenario
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromMilliseconds(500);

    private static void SmallBreaker(ExotelClientOptions o)
    {
        o.Resilience.Retry.MaxRetryAttempts = 0;
        o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(1);
        o.Resilience.CircuitBreaker.MinimumThroughput = 2;
        o.Resilience.CircuitBreaker.FailureRatio = 0.5;
        o.Resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(2);
        o.Resilience.CircuitBreaker.BreakDuration = BreakDuration;
    }

    [Test]
    public async Task Persistent_503s_open_the_breaker_which_refuses_without_sending_until_a_trial_after_the_break_closes_it()
    {
        var logs = new CapturingLoggerProvider();
        var client = NewLoggedClient(logs, SmallBreaker);
        await CreateTrunkAsync("vx_one");
        var rule = AddFault(SandboxFault.ServerError(503), "GET", TrunksPath);

        var first = Assert.ThrowsAsync<ExotelException>(async () => await client.Trunks.ListAsync().ToListAsync())!;
        var second = Assert.ThrowsAsync<ExotelException>(async () => await client.Trunks.ListAsync().ToListAsync())!;
        var refused = Assert.ThrowsAsync<ExotelException>(async () => await client.Trunks.ListAsync().ToListAsync())!;
        var sentWhileOpen = Received("GET", V2("trunks")).Count;
        var linesWhileOpen = logs.Lines.ToList();

        Sandbox.Faults.Remove(rule);
        await Task.Delay(BreakDuration + TimeSpan.FromMilliseconds(100));
        var trial = await client.Trunks.ListAsync().ToListAsync();
        var later = await client.Trunks.ListAsync().ToListAsync();

        var opened = LinesOf(logs, 1005);
        var halfOpen = LinesOf(logs, 1006);
        var closed = LinesOf(logs, 1007);
        Assert.Multiple(() =>
        {
            Assert.That((first.Status, second.Status), Is.EqualTo((503, 503)));
            Assert.That(refused.Status, Is.Zero);
            Assert.That(refused.IsOutcomeUnknown, Is.False);
            Assert.That(refused.IsTimeout, Is.False);
            Assert.That(refused.Operation, Is.EqualTo("GET /v2/accounts/{account_sid}/trunks"));
            Assert.That(refused.Message, Does.Contain("circuit breaker is open after repeated failures, so the request was not sent"));
            Assert.That(sentWhileOpen, Is.EqualTo(2), "the refused request never reached the sandbox");
            Assert.That(trial.Select(t => t.Name), Is.EqualTo(new[] { "vx_one" }));
            Assert.That(later.Select(t => t.Name), Is.EqualTo(new[] { "vx_one" }));
            Assert.That(Received("GET", V2("trunks")).Select(r => r.Status), Is.EqualTo(new[] { 503, 503, 200, 200 }));

            Assert.That(opened, Has.Count.EqualTo(1));
            Assert.That(opened.FirstOrDefault(), Does.StartWith("Warning ").And.Contain("circuit breaker opened after HTTP 503: requests are refused for 0.5 s"));
            Assert.That(linesWhileOpen, Has.One.Contains("[1005]"), "logged when it opened, before any trial");
            Assert.That(linesWhileOpen, Has.None.Contains("[1006]"));
            Assert.That(linesWhileOpen, Has.None.Contains("[1007]"));
            Assert.That(halfOpen, Has.Count.EqualTo(1));
            Assert.That(halfOpen.FirstOrDefault(), Does.StartWith("Information ").And.Contain("circuit breaker half-open: the next request is a trial"));
            Assert.That(closed, Has.Count.EqualTo(1));
            Assert.That(closed.FirstOrDefault(), Does.StartWith("Information ").And.Contain("circuit breaker closed: requests flow again"));
        });
    }

    [Test]
    public async Task The_breaker_belongs_to_its_registration_so_another_service_provider_still_sends()
    {
        var tripped = NewClient(SmallBreaker);
        var other = NewClient(SmallBreaker);
        await CreateTrunkAsync("vx_one");
        AddFault(SandboxFault.ServerError(503), "GET", TrunksPath);

        Assert.ThrowsAsync<ExotelException>(async () => await tripped.Trunks.ListAsync().ToListAsync());
        Assert.ThrowsAsync<ExotelException>(async () => await tripped.Trunks.ListAsync().ToListAsync());
        var refused = Assert.ThrowsAsync<ExotelException>(async () => await tripped.Trunks.ListAsync().ToListAsync())!;
        var answered = Assert.ThrowsAsync<ExotelException>(async () => await other.Trunks.ListAsync().ToListAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(refused.Message, Does.Contain("circuit breaker is open"));
            Assert.That(refused.Status, Is.Zero);
            Assert.That(answered.Status, Is.EqualTo(503), "the other provider's breaker is closed: its request reached the sandbox");
            Assert.That(Received("GET", V2("trunks")).Select(r => r.Status), Is.EqualTo(new[] { 503, 503, 503 }));
        });
    }
}
