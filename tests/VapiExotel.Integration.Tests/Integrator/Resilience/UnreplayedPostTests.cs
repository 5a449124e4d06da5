using VapiExotel.Sandbox;
using VapiExotel.Integration.Tests.Integrator.Convergence;
using static VapiExotel.Integration.StepOutcome;

namespace VapiExotel.Integration.Tests.Integrator.Resilience;

/// <summary>
/// A creating POST that the service processed but answered 503 is not sent again by the SDK's retries (its outcome
/// is unknown); the step says so, and a rerun adopts what the POST created instead of posting again.
/// </summary>
public sealed class UnreplayedPostTests : ResilienceScenario
{
    private const string MappingPath = "/v2/accounts/*/trunks/*/phone-numbers";

    [Test]
    public async Task A_mapping_POST_answered_503_after_processing_is_sent_once_and_the_rerun_adopts_the_mapping()
    {
        // Every mapping POST is answered 503 after it took effect: a replay would be seen (and answered 503 again).
        var lost = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.ServerError(503), Api = SandboxApi.Exotel, Method = "POST", Path = MappingPath, AfterProcessing = true,
        });

        var first = await Integrator().SetupAsync();

        var step = first.StepsFor(ResourceKind.ExotelNumberMapping).Single();
        Assert.Multiple(() =>
        {
            Assert.That(first.Succeeded, Is.False);
            Assert.That(Ledger.Outcomes(first), Is.EqualTo(Ledger.Steps(Created, Created, Created, Created, Failed, Created, Created)), first.ToString());
            Assert.That(lost.Matched, Is.EqualTo(1), "the mapping POST was sent once");
            Assert.That(step.Error?.IsOutcomeUnknown, Is.True, "a 503 to a POST leaves its outcome unknown");
            Assert.That(step.Error?.HttpStatus, Is.EqualTo(503));
            Assert.That(step.Error?.Message, Does.Contain("did not send it again").IgnoreCase);
            Assert.That(Sandbox.Exotel.PhoneNumbers(Sid(OnlyTrunk())), Has.Count.EqualTo(1), "the POST took effect");
            Assert.That(LinesWithEvent(1004).Where(l => l.Contains("phone-numbers", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(1),
                "the decision not to retry is logged");
            Assert.That(LinesWithEvent(1003).Where(l => l.Contains("phone-numbers", StringComparison.Ordinal)), Is.Empty, "no retry of the POST");
        });

        Sandbox.Faults.Clear();
        Sandbox.ClearRequests();
        var rerun = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rerun.Succeeded, Is.True, rerun.ToString());
            Assert.That(rerun.StepsFor(ResourceKind.ExotelNumberMapping).Single().Outcome, Is.EqualTo(AlreadyPresent), "adopted");
            Assert.That(Writes(), Is.Empty, "no second POST, nor anything else");
        });
        AssertWired((ExoPhone, AssistantId));
        Ledger.AssertMatches(rerun, Sandbox);
    }
}
