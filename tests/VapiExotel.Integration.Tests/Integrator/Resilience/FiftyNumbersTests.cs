using VapiExotel.Sandbox;
using VapiExotel.Integration.Tests.Integrator.Convergence;
using static VapiExotel.Integration.StepOutcome;

namespace VapiExotel.Integration.Tests.Integrator.Resilience;

/// <summary>
/// Fifty numbers against Exotel's documented limit (200 requests a minute, enforced by the sandbox on real time): the
/// SDK's default limiter keeps setup under it, and a rerun changes nothing.
/// </summary>
public sealed class FiftyNumbersTests : ResilienceScenario
{
    private static readonly List<string> Fifty = Numbers(50);

    protected override void Configure(VapiExotelSandboxOptions options)
    {
        // An account of its own, so that the client's process-wide limiter (per host:port and account) starts empty
        // even if this sandbox's port was used by an earlier test within the minute.
        options.ExotelAccountSid = "rl" + Guid.NewGuid().ToString("N")[..8];
        options.ClockMode = SandboxClockMode.RealTime;
        options.EnforceExotelRateLimit = true;
        options.ExotelRequestsPerMinute = 200;
        options.ExoPhones = [.. Fifty];
    }

    [Test]
    public async Task Fifty_numbers_are_wired_without_a_single_429_and_a_second_run_is_a_no_op()
    {
        BindNumbers(Fifty);

        var first = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Succeeded, Is.True, first.ToString());
            Assert.That(TooManyRequests(), Is.Zero, "the sandbox answered 429");
            Assert.That(first.StepsFor(ResourceKind.ExotelNumberMapping).Select(s => s.Outcome).ToList(), Has.Count.EqualTo(50).And.All.EqualTo(Created));
            Assert.That(first.StepsFor(ResourceKind.VapiPhoneNumber).Select(s => s.Outcome).ToList(), Has.Count.EqualTo(50).And.All.EqualTo(Created));
            Assert.That(Ledger.Posts(Sandbox.Requests).Count(p => p == Ledger.ExotelMappings), Is.EqualTo(50), "one mapping POST per number");
            Assert.That(Ledger.Posts(Sandbox.Requests).Count(p => p == Ledger.VapiPhoneNumbers), Is.EqualTo(50), "one phone-number POST per number");
        });
        Assert.That(Sandbox.Exotel.PhoneNumbers(Sid(OnlyTrunk())), Has.Count.EqualTo(50), "Exotel mappings");
        Assert.That(Sandbox.Vapi.PhoneNumbers, Has.Count.EqualTo(50), "Vapi phone numbers");
        AssertWired([.. Fifty.Select(n => (n, AssistantId))]);
        Ledger.AssertMatches(first, Sandbox);

        Sandbox.ClearRequests();
        var second = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.Succeeded, Is.True, second.ToString());
            Assert.That(second.HasChanges, Is.False, second.ToString());
            Assert.That(second.Steps.Select(s => s.Outcome), Is.All.EqualTo(AlreadyPresent));
            Assert.That(second.Steps, Has.Count.EqualTo(first.Steps.Count));
            Assert.That(Writes(), Is.Empty, "the rerun only reads");
            Assert.That(Sandbox.Requests, Is.Not.Empty, "the rerun did read");
            Assert.That(TooManyRequests(), Is.Zero, "the sandbox answered 429 to the rerun");
        });
        AssertWired([.. Fifty.Select(n => (n, AssistantId))]);
    }
}
