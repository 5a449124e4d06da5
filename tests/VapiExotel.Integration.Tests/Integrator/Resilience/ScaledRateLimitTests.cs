using System.Diagnostics;
using VapiExotel.Sandbox;
using static VapiExotel.Integration.StepOutcome;

namespace VapiExotel.Integration.Tests.Integrator.Resilience;

/// <summary>
/// Exotel's limit scaled down in time (30 requests a second instead of 200 a minute, enforced by the sandbox on real
/// time) so that fifty numbers cannot be wired without waiting: the client's limiter, scaled alike, makes setup wait
/// instead of failing; without it the same setup is refused.
/// </summary>
public sealed class ScaledRateLimitTests : ResilienceScenario
{
    private const int PerSecond = 30;
    private static readonly List<string> Fifty = Numbers(50);

    protected override void Configure(VapiExotelSandboxOptions options)
    {
        // An account of its own, so that the client's process-wide limiter (per host:port and account) starts empty
        // even if this sandbox's port was used by an earlier test within the minute.
        options.ExotelAccountSid = "rl" + Guid.NewGuid().ToString("N")[..8];
        options.ClockMode = SandboxClockMode.RealTime;
        options.EnforceExotelRateLimit = true;
        options.ExotelRequestsPerMinute = PerSecond;
        options.ExotelRateLimitWindow = TimeSpan.FromSeconds(1);
        options.ExoPhones = [.. Fifty];
    }

    [SetUp]
    public void BindFifty() => BindNumbers(Fifty);

    [Test]
    public async Task The_client_limiter_paces_setup_under_the_services_limit_so_that_nothing_is_refused()
    {
        Settings["VapiExotel:Exotel:Resilience:RateLimit:PermitLimit"] = "30";
        Settings["VapiExotel:Exotel:Resilience:RateLimit:Window"] = "00:00:01";
        var watch = Stopwatch.StartNew();

        var report = await Integrator().SetupAsync();

        watch.Stop();
        var exotelRequests = Sandbox.Requests.Count(r => r.Api == SandboxApi.Exotel);
        var floor = TimeSpan.FromSeconds((exotelRequests / (double)PerSecond) - 1);
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(TooManyRequests(), Is.Zero, "the sandbox answered 429");
            Assert.That(exotelRequests, Is.GreaterThan(3 * PerSecond), "enough Exotel requests that the limit must bite");
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(floor), $"{exotelRequests} Exotel requests at {PerSecond} a second");
            Assert.That(LinesWithEvent(1008), Is.Not.Empty, "the client logged its rate-limit waits");
            Assert.That(report.StepsFor(ResourceKind.ExotelNumberMapping).Select(s => s.Outcome).ToList(), Has.Count.EqualTo(50).And.All.EqualTo(Created));
        });
        AssertWired([.. Fifty.Select(n => (n, AssistantId))]);
    }

    [Test]
    public async Task Without_the_client_limiter_and_retries_the_same_setup_is_refused_with_429s()
    {
        Settings["VapiExotel:Exotel:Resilience:RateLimit:Enabled"] = "false";
        Settings["VapiExotel:Exotel:Resilience:Retry:MaxRetryAttempts"] = "0";

        var report = await Integrator().SetupAsync();

        var refused = report.Failures.Where(s => s.Error?.HttpStatus == 429).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.False, report.ToString());
            Assert.That(TooManyRequests(), Is.GreaterThan(0), "the sandbox answered 429");
            Assert.That(refused, Is.Not.Empty, "steps failed on Exotel's rate limit");
            Assert.That(refused.Select(s => s.Error!.Fix), Has.All.Contain("rate limit"));
            Assert.That(LinesWithEvent(1008), Is.Empty, "no client-side rate-limit wait");
        });
    }
}
