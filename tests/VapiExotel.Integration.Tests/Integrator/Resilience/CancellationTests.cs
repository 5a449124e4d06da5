using System.Diagnostics;
using VapiExotel.Sandbox;
using VapiExotel.Integration.Tests.Integrator.Convergence;

namespace VapiExotel.Integration.Tests.Integrator.Resilience;

/// <summary>
/// Cancelling a setup whose Exotel writes are slow: it throws promptly, leaves nothing in flight (no request reaches
/// the sandbox afterwards, from a retry or otherwise), and a rerun converges.
/// </summary>
public sealed class CancellationTests : ResilienceScenario
{
    [Test]
    public async Task A_cancelled_setup_throws_promptly_leaves_nothing_in_flight_and_a_rerun_converges()
    {
        var slow = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.Latency(TimeSpan.FromMilliseconds(200)), Api = SandboxApi.Exotel, Method = "POST" });
        using var cancel = new CancellationTokenSource();
        var started = Stopwatch.StartNew();

        var setup = Integrator().SetupAsync(cancellationToken: cancel.Token);

        // About 300 ms in, while a slow POST is held (the trunk's took 200 ms; the ones after it are held now).
        await Ledger.UntilAsync(
            () => started.Elapsed >= TimeSpan.FromMilliseconds(300) && Sandbox.Requests.Any(r => r.Method == "POST" && r.Status == 0),
            "300 ms gone and an Exotel POST held");
        var cancelled = Stopwatch.StartNew();
        await cancel.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(async () => await setup);
        var took = cancelled.Elapsed;
        var seen = Sandbox.Requests.Count;
        await Task.Delay(500);

        Assert.Multiple(() =>
        {
            Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(1)), "cancellation is prompt");
            Assert.That(slow.Applied, Is.GreaterThanOrEqualTo(2), "the trunk's POST and at least one after it were held");
            Assert.That(Sandbox.Requests, Has.Count.EqualTo(seen), "no request arrived after the setup returned");
        });

        Sandbox.Faults.Clear();
        var rerun = await Integrator().SetupAsync();

        Assert.That(rerun.Succeeded, Is.True, rerun.ToString());
        AssertWired((ExoPhone, AssistantId));
        Ledger.AssertMatches(rerun, Sandbox);
    }
}
