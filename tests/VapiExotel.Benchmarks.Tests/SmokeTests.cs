using VapiExotel.Benchmarks.Runs;

namespace VapiExotel.Benchmarks.Tests;

/// <summary>
/// The harness's smoke pass (every measurement once, small), and the facts it measures that must stay true: the
/// request counts of a setup, a rerun that writes nothing, the critical path within the round-trip targets,
/// one pooled connection per service, and no 429 under Exotel's limit.
/// </summary>
[TestFixture]
[NonParallelizable]   // it measures connections and memory of the whole process
public sealed class SmokeTests
{
    private SmokeResult _smoke = null!;
    private string _report = string.Empty;

    [OneTimeSetUp]
    public async Task RunSmokeAsync()
    {
        using var output = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _smoke = await Smoke.RunAsync(output, timeout.Token);
        _report = output.ToString();
    }

    [Test]
    public void The_sdk_and_the_bare_client_read_the_same_values_from_the_same_bytes() =>
        Assert.That(_smoke.OverheadMismatches, Is.Empty);

    [Test]
    public void A_fresh_setup_of_one_number_sends_its_known_requests_within_six_round_trips()
    {
        var fresh = _smoke.Setup.Fresh;
        Assert.Multiple(() =>
        {
            Assert.That(fresh.Succeeded, Is.True);
            Assert.That(fresh.Requests, Is.EqualTo(11), "requests of a fresh setup (one number)");
            Assert.That(fresh.ExotelRequests, Is.EqualTo(7));
            Assert.That(fresh.VapiRequests, Is.EqualTo(4));
            Assert.That(fresh.Writes, Is.EqualTo(7), "trunk, whitelist, destination, mapping; credential, phone number…");
            Assert.That(fresh.CriticalPath, Is.InRange(2, 6), "round trips on the critical path");
            Assert.That(fresh.TooManyRequests, Is.Zero);
        });
    }

    [Test]
    public void A_rerun_writes_nothing_and_stays_within_three_round_trips()
    {
        var rerun = _smoke.Setup.NoOp;
        Assert.Multiple(() =>
        {
            Assert.That(rerun.Succeeded, Is.True);
            Assert.That(rerun.Writes, Is.Zero);
            Assert.That(rerun.Requests, Is.EqualTo(7), "reads of a no-op rerun");
            Assert.That(rerun.CriticalPath, Is.InRange(1, 3));
        });
    }

    [Test]
    public void Sequential_requests_hold_one_pooled_connection_per_service_and_are_each_sent_once()
    {
        Assert.That(_smoke.Steady, Has.Count.EqualTo(2));
        foreach (var run in _smoke.Steady)
        {
            Assert.Multiple(() =>
            {
                Assert.That(run.MaxConnections, Is.InRange(1, 2), run.Mode);
                Assert.That(run.ConnectionsAfter, Is.LessThanOrEqualTo(2), run.Mode);
                Assert.That(run.ServerRequests, Is.EqualTo(run.Requests), run.Mode + ": no retries, nothing extra");
                Assert.That(run.ManagedGrowth, Is.LessThan(1024 * 1024), run.Mode + ": managed heap growth (bytes)");
            });
        }
    }

    [Test]
    public void Provisioning_under_exotels_limit_gets_no_429_and_stays_near_the_floor()
    {
        var scale = _smoke.Scale.Single();
        Assert.Multiple(() =>
        {
            Assert.That(scale.Numbers, Is.EqualTo(10));
            Assert.That(scale.Run.Succeeded, Is.True);
            Assert.That(scale.Run.TooManyRequests, Is.Zero);
            Assert.That(scale.Run.ExotelRequests, Is.GreaterThan(scale.PermitLimit), "the run must meet the limit to test it");
            Assert.That(scale.Run.Requests, Is.EqualTo(38), "requests for 10 numbers");
            Assert.That(scale.Run.Wall, Is.GreaterThanOrEqualTo(scale.Floor - TimeSpan.FromMilliseconds(50)), "faster than the limit allows: the limit was not enforced");
            Assert.That(scale.Run.Wall, Is.LessThan(scale.Floor + TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public void The_report_has_a_table_per_measurement()
    {
        Assert.That(_report, Does.Contain("### Setup latency").And.Contain("### Steady state").And.Contain("### Scale"));
        Assert.That(_smoke.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
    }
}
