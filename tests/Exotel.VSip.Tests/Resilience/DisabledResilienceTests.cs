using System.Diagnostics;
using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Resilience;

/// <summary><c>Resilience.Enabled = false</c>: each request is sent once, with no SDK timeout (for a caller who brings their own resilience handler).</summary>
public sealed class DisabledResilienceTests : ResilienceScenario
{
    [Test]
    public async Task A_get_answered_503_is_sent_once_and_surfaced()
    {
        var client = NewClient(o => o.Resilience.Enabled = false);
        await CreateTrunkAsync("vx_one");
        var rule = AddFault(SandboxFault.ServerError(503), "GET", TrunksPath, times: 1);

        var e = Assert.ThrowsAsync<ExotelException>(async () => await client.Trunks.ListAsync().ToListAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(503));
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(Received("GET", V2("trunks")).Select(r => r.Status), Is.EqualTo(new[] { 503 }), "with resilience on, the scenario client would have retried it");
        });
    }

    [Test]
    public async Task No_sdk_timeout_applies_so_an_answer_slower_than_the_attempt_timeout_still_arrives()
    {
        static void Tight(ExotelClientOptions o)
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(100);
            o.Resilience.TotalRequestTimeout = TimeSpan.FromMilliseconds(100);
            o.Resilience.Retry.MaxRetryAttempts = 0;
        }

        var disabled = NewClient(o =>
        {
            Tight(o);
            o.Resilience.Enabled = false;
        });
        var enabled = NewClient(Tight);
        await CreateTrunkAsync("vx_one");
        AddFault(SandboxFault.Latency(TimeSpan.FromMilliseconds(300)), "GET", TrunksPath);
        var clock = Stopwatch.StartNew();

        var listed = await disabled.Trunks.ListAsync().ToListAsync();

        clock.Stop();
        var timedOut = Assert.ThrowsAsync<ExotelException>(async () => await enabled.Trunks.ListAsync().ToListAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(t => t.Name), Is.EqualTo(new[] { "vx_one" }));
            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)), "the answer took the 300 ms latency");
            Assert.That(timedOut.IsTimeout, Is.True, "the same settings with resilience on do time out");
            Assert.That(Received("GET", V2("trunks")).Select(r => r.Fault), Is.EqualTo(new SandboxFaultKind?[] { SandboxFaultKind.Latency, SandboxFaultKind.Latency }));
        });
    }
}
