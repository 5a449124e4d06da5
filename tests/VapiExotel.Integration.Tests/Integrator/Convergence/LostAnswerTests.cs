using VapiExotel.Sandbox;
using static VapiExotel.Integration.StepOutcome;

namespace VapiExotel.Integration.Tests.Integrator.Convergence;

/// <summary>
/// A creating request takes effect but its answer is lost: the step says its outcome is unknown and that a rerun is
/// safe, and the rerun finds the resource instead of creating a second one.
/// </summary>
public sealed class LostAnswerTests : IntegratorScenario
{
    private const string V2 = "/v2/accounts/*";

    public static IEnumerable<TestCaseData> LostAnswers()
    {
        static TestCaseData Case(LostAnswer lost) => new TestCaseData(lost).SetArgDisplayNames(lost.Name);

        var dropped = SandboxFault.DropConnection();
        var serverError = SandboxFault.ServerError(502);

        yield return Case(new LostAnswer(
            "trunk create POST, connection dropped", SandboxApi.Exotel, V2 + "/trunks", dropped, null, ResourceKind.ExotelTrunk, 0,
            Ledger.Steps(Failed, Skipped, Skipped, Skipped, Skipped, Created, Created),
            Ledger.Steps(AlreadyPresent, Created, Created, Created, Created, AlreadyPresent, AlreadyPresent),
            [Ledger.ExotelIps, Ledger.ExotelIps, Ledger.ExotelDestinations, Ledger.ExotelMappings]));

        yield return Case(new LostAnswer(
            "trunk create POST, answered 502", SandboxApi.Exotel, V2 + "/trunks", serverError, null, ResourceKind.ExotelTrunk, 502,
            Ledger.Steps(Failed, Skipped, Skipped, Skipped, Skipped, Created, Created),
            Ledger.Steps(AlreadyPresent, Created, Created, Created, Created, AlreadyPresent, AlreadyPresent),
            [Ledger.ExotelIps, Ledger.ExotelIps, Ledger.ExotelDestinations, Ledger.ExotelMappings]));

        yield return Case(new LostAnswer(
            "one whitelisted-ip POST, connection dropped", SandboxApi.Exotel, V2 + "/trunks/*/whitelisted-ips", dropped, 1, ResourceKind.ExotelWhitelistedIp, 0,
            Ledger.Steps(Created, Created, Failed, Created, Created, Created, Created),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent),
            []));

        yield return Case(new LostAnswer(
            "destination POST, connection dropped", SandboxApi.Exotel, V2 + "/trunks/*/destination-uris", dropped, null, ResourceKind.ExotelDestination, 0,
            Ledger.Steps(Created, Created, Created, Failed, Created, Created, Created),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent),
            []));

        yield return Case(new LostAnswer(
            "phone-number mapping POST, connection dropped", SandboxApi.Exotel, V2 + "/trunks/*/phone-numbers", dropped, null, ResourceKind.ExotelNumberMapping, 0,
            Ledger.Steps(Created, Created, Created, Created, Failed, Created, Created),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent),
            []));

        // The destination needs the credential's id, which the lost answer carried: it waits for the rerun.
        yield return Case(new LostAnswer(
            "Vapi credential POST, connection dropped", SandboxApi.Vapi, "/credential", dropped, null, ResourceKind.VapiCredential, 0,
            Ledger.Steps(Created, Created, Created, Skipped, Created, Failed, Skipped),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, Created, AlreadyPresent, AlreadyPresent, Created),
            [Ledger.ExotelDestinations, Ledger.VapiPhoneNumbers]));

        yield return Case(new LostAnswer(
            "Vapi credential POST, timed out", SandboxApi.Vapi, "/credential", SandboxFault.Timeout(), null, ResourceKind.VapiCredential, 0,
            Ledger.Steps(Created, Created, Created, Skipped, Created, Failed, Skipped),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, Created, AlreadyPresent, AlreadyPresent, Created),
            [Ledger.ExotelDestinations, Ledger.VapiPhoneNumbers]));

        yield return Case(new LostAnswer(
            "phone-number mapping POST, timed out", SandboxApi.Exotel, V2 + "/trunks/*/phone-numbers", SandboxFault.Timeout(), null, ResourceKind.ExotelNumberMapping, 0,
            Ledger.Steps(Created, Created, Created, Created, Failed, Created, Created),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent),
            []));

        yield return Case(new LostAnswer(
            "Vapi phone-number POST, connection dropped", SandboxApi.Vapi, "/phone-number", dropped, null, ResourceKind.VapiPhoneNumber, 0,
            Ledger.Steps(Created, Created, Created, Created, Created, Created, Failed),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent),
            []));

        yield return Case(new LostAnswer(
            "Vapi phone-number POST, answered 502", SandboxApi.Vapi, "/phone-number", serverError, null, ResourceKind.VapiPhoneNumber, 502,
            Ledger.Steps(Created, Created, Created, Created, Created, Created, Failed),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent),
            []));
    }

    [TestCaseSource(nameof(LostAnswers))]
    public async Task A_creating_request_whose_answer_is_lost_says_so_and_a_rerun_finds_what_it_created(LostAnswer lost)
    {
        if (lost.Fault.Kind == SandboxFaultKind.Timeout)
        {
            // The held request ends when the client gives up: soon.
            Settings[$"VapiExotel:{lost.Api}:Resilience:AttemptTimeout"] = "00:00:00.300";
        }

        var fault = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = lost.Fault, Api = lost.Api, Method = "POST", Path = lost.Path, Times = lost.Times, AfterProcessing = true,
        });

        var first = await Integrator().SetupAsync();

        Assert.That(fault.Applied, Is.EqualTo(1), "the fault hit exactly one request");
        var failed = first.StepsFor(lost.Kind).Where(s => s.Outcome == Failed).ToList();
        Assert.That(failed, Has.Count.EqualTo(1), first.ToString());
        var error = failed[0].Error;
        Assert.That(error, Is.Not.Null, "a failed step carries its error");
        var endpoint = Ledger.EndpointOf(lost.Kind);
        Assert.Multiple(() =>
        {
            Assert.That(first.Succeeded, Is.False);
            Assert.That(Ledger.Outcomes(first), Is.EquivalentTo(lost.FirstRun), first.ToString());
            Assert.That(error!.Service, Is.EqualTo(lost.Api.ToString()));
            Assert.That(error.HttpStatus, Is.EqualTo(lost.Status), "0 when no answer came");
            Assert.That(error.IsOutcomeUnknown, Is.True, "the request may have taken effect");
            Assert.That(error.Fix, Does.Contain("Rerun setup").And.Contain("nothing is duplicated"));
            Assert.That(error.IsConflict, Is.False);

            // Sent once: a request whose outcome is unknown is never replayed blindly (by the SDK or by .NET).
            Assert.That(Ledger.Posts(Sandbox.Requests).Count(p => p == endpoint),
                Is.EqualTo(first.StepsFor(lost.Kind).Count(s => s.Outcome is Created or Failed)), $"{endpoint} POSTs of the first run");
        });
        Ledger.AssertMatches(first, Sandbox, lost: failed[0]);
        Ledger.AssertNoSecret(first, Sandbox, Logs.Lines);
        var orphan = Ledger.Held(Sandbox, lost.Kind).Single(h => h.Target == failed[0].Target);

        Sandbox.Faults.Remove(fault);
        Sandbox.ClearRequests();
        var second = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.Succeeded, Is.True, second.ToString());
            Assert.That(Ledger.Outcomes(second), Is.EquivalentTo(lost.SecondRun), second.ToString());
            Assert.That(second.StepsFor(lost.Kind).Single(s => s.Target == failed[0].Target).ResourceId, Is.EqualTo(orphan.Id),
                "the rerun adopts the resource the lost request created");
            Assert.That(Ledger.Posts(Sandbox.Requests), Is.EquivalentTo(lost.RerunPosts), "the rerun creates only what was missing");
            Assert.That(Ledger.Posts(Sandbox.Requests), Has.No.Member(endpoint), "no second one is created");
            Assert.That(Writes().Where(r => r.Method != "POST"), Is.Empty, "the rerun changes or removes nothing");
        });
        AssertWired((ExoPhone, AssistantId));
        Ledger.AssertMatches(second, Sandbox);
    }
}

/// <summary>A creating request whose answer is lost, and what each run should then do.</summary>
/// <param name="Name">The request and how its answer is lost.</param>
/// <param name="Api">Its service.</param>
/// <param name="Path">Its path pattern (a POST).</param>
/// <param name="Fault">What replaces the answer.</param>
/// <param name="Times">How many matching requests it hits; all when null.</param>
/// <param name="Kind">The kind of the step that fails.</param>
/// <param name="Status">The HTTP status the failed step names (0 when no answer came).</param>
/// <param name="FirstRun">Every step of the failing run, with its outcome.</param>
/// <param name="SecondRun">Every step of the rerun, with its outcome.</param>
/// <param name="RerunPosts">The endpoint of each POST the rerun sends.</param>
public sealed record LostAnswer(
    string Name,
    SandboxApi Api,
    string Path,
    SandboxFault Fault,
    int? Times,
    ResourceKind Kind,
    int Status,
    (ResourceKind Kind, StepOutcome Outcome)[] FirstRun,
    (ResourceKind Kind, StepOutcome Outcome)[] SecondRun,
    string[] RerunPosts)
{
    public override string ToString() => Name;
}
