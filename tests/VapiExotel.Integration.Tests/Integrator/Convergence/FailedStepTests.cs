using VapiExotel.Sandbox;
using static VapiExotel.Integration.StepOutcome;

namespace VapiExotel.Integration.Tests.Integrator.Convergence;

/// <summary>One request of a fresh setup fails; the setup does what does not depend on it, and a rerun completes the rest.</summary>
public sealed class FailedStepTests : IntegratorScenario
{
    private const string V2 = "/v2/accounts/*";

    public static IEnumerable<TestCaseData> FailurePoints()
    {
        static TestCaseData Case(FailurePoint point) => new TestCaseData(point).SetArgDisplayNames(point.Name);

        var serverError = SandboxFault.ServerError(503);
        var rateLimited = SandboxFault.RateLimited(TimeSpan.FromSeconds(30));   // outlasts the 30 s budget: not retried
        const string ServerErrorFix = "Rerun setup";

        yield return Case(new FailurePoint(
            "trunk create POST", SandboxApi.Exotel, "POST", V2 + "/trunks", serverError, null,
            ResourceKind.ExotelTrunk, "Exotel", 503, OutcomeUnknown: true, ServerErrorFix,
            Ledger.Steps(Failed, Skipped, Skipped, Skipped, Skipped, Created, Created),
            Ledger.Steps(Created, Created, Created, Created, Created, AlreadyPresent, AlreadyPresent),
            [Ledger.ExotelTrunks, Ledger.ExotelIps, Ledger.ExotelIps, Ledger.ExotelDestinations, Ledger.ExotelMappings]));

        yield return Case(new FailurePoint(
            "one whitelisted-ip POST", SandboxApi.Exotel, "POST", V2 + "/trunks/*/whitelisted-ips", serverError, 1,
            ResourceKind.ExotelWhitelistedIp, "Exotel", 503, OutcomeUnknown: true, ServerErrorFix,
            Ledger.Steps(Created, Created, Failed, Created, Created, Created, Created),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, Created, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent),
            [Ledger.ExotelIps]));

        yield return Case(new FailurePoint(
            "destination POST", SandboxApi.Exotel, "POST", V2 + "/trunks/*/destination-uris", serverError, null,
            ResourceKind.ExotelDestination, "Exotel", 503, OutcomeUnknown: true, ServerErrorFix,
            Ledger.Steps(Created, Created, Created, Failed, Created, Created, Created),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, Created, AlreadyPresent, AlreadyPresent, AlreadyPresent),
            [Ledger.ExotelDestinations]));

        yield return Case(new FailurePoint(
            "phone-number mapping POST", SandboxApi.Exotel, "POST", V2 + "/trunks/*/phone-numbers", serverError, null,
            ResourceKind.ExotelNumberMapping, "Exotel", 503, OutcomeUnknown: true, ServerErrorFix,
            Ledger.Steps(Created, Created, Created, Created, Failed, Created, Created),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, Created, AlreadyPresent, AlreadyPresent),
            [Ledger.ExotelMappings]));

        yield return Case(new FailurePoint(
            "trunk-maps lookup GET", SandboxApi.Exotel, "GET", V2 + "/trunk-maps", rateLimited, null,
            ResourceKind.ExotelNumberMapping, "Exotel", 429, OutcomeUnknown: false, "rate limit",
            Ledger.Steps(Created, Created, Created, Created, Failed, Created, Created),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, Created, AlreadyPresent, AlreadyPresent),
            [Ledger.ExotelMappings]));

        yield return Case(new FailurePoint(
            "trunk list GET", SandboxApi.Exotel, "GET", V2 + "/trunks", serverError, null,
            ResourceKind.ExotelTrunk, "Exotel", 503, OutcomeUnknown: false, ServerErrorFix,
            Ledger.Steps(Failed, Skipped, Skipped, Skipped, Skipped, Created, Created),
            Ledger.Steps(Created, Created, Created, Created, Created, AlreadyPresent, AlreadyPresent),
            [Ledger.ExotelTrunks, Ledger.ExotelIps, Ledger.ExotelIps, Ledger.ExotelDestinations, Ledger.ExotelMappings]));

        // The destination's host is the credential's id: without the credential it cannot be set up.
        yield return Case(new FailurePoint(
            "Vapi credential POST", SandboxApi.Vapi, "POST", "/credential", serverError, null,
            ResourceKind.VapiCredential, "Vapi", 503, OutcomeUnknown: true, ServerErrorFix,
            Ledger.Steps(Created, Created, Created, Skipped, Created, Failed, Skipped),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, Created, AlreadyPresent, Created, Created),
            [Ledger.ExotelDestinations, Ledger.VapiCredentials, Ledger.VapiPhoneNumbers]));

        yield return Case(new FailurePoint(
            "Vapi phone-number POST", SandboxApi.Vapi, "POST", "/phone-number", serverError, null,
            ResourceKind.VapiPhoneNumber, "Vapi", 503, OutcomeUnknown: true, ServerErrorFix,
            Ledger.Steps(Created, Created, Created, Created, Created, Created, Failed),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, Created),
            [Ledger.VapiPhoneNumbers]));

        yield return Case(new FailurePoint(
            "Vapi credential list GET", SandboxApi.Vapi, "GET", "/credential", serverError, null,
            ResourceKind.VapiCredential, "Vapi", 503, OutcomeUnknown: false, ServerErrorFix,
            Ledger.Steps(Created, Created, Created, Skipped, Created, Failed, Skipped),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, Created, AlreadyPresent, Created, Created),
            [Ledger.ExotelDestinations, Ledger.VapiCredentials, Ledger.VapiPhoneNumbers]));

        yield return Case(new FailurePoint(
            "Vapi phone-number list GET", SandboxApi.Vapi, "GET", "/phone-number", rateLimited, null,
            ResourceKind.VapiPhoneNumber, "Vapi", 429, OutcomeUnknown: false, "rate limit",
            Ledger.Steps(Created, Created, Created, Created, Created, Created, Failed),
            Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, Created),
            [Ledger.VapiPhoneNumbers]));
    }

    [TestCaseSource(nameof(FailurePoints))]
    public async Task A_failed_request_fails_its_step_skips_its_dependants_and_a_rerun_completes_the_rest_without_duplicates(FailurePoint point)
    {
        var fault = Sandbox.Faults.Add(new SandboxFaultRule { Fault = point.Fault, Api = point.Api, Method = point.Method, Path = point.Path, Times = point.Times });

        var first = await Integrator().SetupAsync();

        // A read answered 503 is retried (3 times by default) and still fails; a POST answered 503 may have taken
        // effect and is never sent again; a 429 whose Retry-After outlasts the request's budget is returned at once.
        var attempts = point.Method == "GET" && point.Status != 429 ? 4 : 1;
        Assert.That(fault.Applied, Is.EqualTo(attempts), "the fault hit the one request and its retries");
        var failed = first.StepsFor(point.Kind).Where(s => s.Outcome == Failed).ToList();
        Assert.That(failed, Has.Count.EqualTo(1), first.ToString());
        var error = failed[0].Error;
        Assert.That(error, Is.Not.Null, "a failed step carries its error");
        Assert.Multiple(() =>
        {
            Assert.That(first.Succeeded, Is.False);
            Assert.That(Ledger.Outcomes(first), Is.EquivalentTo(point.FirstRun), first.ToString());
            Assert.That(failed[0].ResourceId, Is.Null, "nothing was created");
            Assert.That(failed[0].Message, Does.Contain(point.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(error!.Service, Is.EqualTo(point.Service));
            Assert.That(error.HttpStatus, Is.EqualTo(point.Status));
            Assert.That(error.Fix, Is.Not.Empty.And.Contain(point.FixSays));
            Assert.That(error.IsOutcomeUnknown, Is.EqualTo(point.OutcomeUnknown), "a POST answered 5xx may have taken effect; a GET changes nothing");
            Assert.That(error.IsConflict, Is.False);
            Assert.That(first.Steps.Where(s => s.Outcome == Skipped).Select(s => s.Message), Has.All.Contain("Not set up"));
            Assert.That(first.Steps.Where(s => s.Outcome == Skipped).Select(s => s.Error), Has.All.Null);

            // Each failed POST was sent once: an unknown outcome is never replayed blindly.
            var created = first.Steps.Where(s => s.Outcome == Created).Select(s => Ledger.EndpointOf(s.Kind));
            var sent = point.Method == "POST" ? created.Append(Ledger.EndpointOf(point.Kind)) : created;
            Assert.That(Ledger.Posts(Sandbox.Requests), Is.EquivalentTo(sent), "POSTs of the first run");
        });
        Ledger.AssertMatches(first, Sandbox);
        Ledger.AssertNoSecret(first, Sandbox, Logs.Lines);
        var thrown = Assert.Throws<VapiExotelException>(() => first.EnsureSuccess());
        Assert.That(thrown!.Report, Is.SameAs(first));

        Sandbox.Faults.Remove(fault);
        Sandbox.ClearRequests();
        var plan = await Integrator().PlanAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Ledger.Outcomes(plan), Is.EquivalentTo(point.SecondRun.Select(s => (s.Kind, s.Outcome == Created ? WouldCreate : s.Outcome))),
                "the plan after a failed run says what the rerun will do");
            Assert.That(Writes(), Is.Empty, "a plan writes nothing");
        });

        Sandbox.ClearRequests();
        var second = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.Succeeded, Is.True, second.ToString());
            Assert.That(Ledger.Outcomes(second), Is.EquivalentTo(point.SecondRun), second.ToString());
            Assert.That(Ledger.Posts(Sandbox.Requests), Is.EquivalentTo(point.RerunPosts), "the rerun creates only what was missing");
            Assert.That(Writes().Where(r => r.Method != "POST"), Is.Empty, "the rerun changes or removes nothing");
            Assert.That(second.TrunkSid, Is.EqualTo(Sid(OnlyTrunk())));
            Assert.That(second.CredentialId, Is.EqualTo((string)Sandbox.Vapi.Credentials.Single()["id"]!));
        });
        AssertWired((ExoPhone, AssistantId));
        Ledger.AssertMatches(second, Sandbox);
        AssertOneOfEach();

        // Converged: one more run finds everything.
        Sandbox.ClearRequests();
        var third = await Integrator().SetupAsync();
        Assert.Multiple(() =>
        {
            Assert.That(third.HasChanges, Is.False, third.ToString());
            Assert.That(Writes(), Is.Empty);
        });
    }

    [TestCase("whitelisted-ips", ResourceKind.ExotelWhitelistedIp)]
    [TestCase("destination-uris", ResourceKind.ExotelDestination)]
    [TestCase("phone-numbers", ResourceKind.ExotelNumberMapping)]
    public async Task A_failed_read_of_an_existing_trunk_fails_only_the_steps_it_feeds_and_the_next_run_completes_them(string collection, ResourceKind kind)
    {
        // A first run leaves the destination and the mapping missing.
        var posts = new[] { "destination-uris", "phone-numbers" }.Select(c => Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.ServerError(503), Api = SandboxApi.Exotel, Method = "POST", Path = V2 + "/trunks/*/" + c,
        })).ToList();
        var first = await Integrator().SetupAsync();
        Assert.That(Ledger.Outcomes(first), Is.EquivalentTo(Ledger.Steps(Created, Created, Created, Failed, Failed, Created, Created)), first.ToString());
        posts.ForEach(p => Sandbox.Faults.Remove(p));

        // The rerun cannot read one of the trunk's lists: only the steps that need that list fail.
        var read = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.ServerError(503), Api = SandboxApi.Exotel, Method = "GET", Path = V2 + "/trunks/*/" + collection,
        });
        Sandbox.ClearRequests();
        var second = await Integrator().SetupAsync();

        var expected = Ledger.Steps(
            AlreadyPresent,
            kind == ResourceKind.ExotelWhitelistedIp ? Failed : AlreadyPresent,
            kind == ResourceKind.ExotelWhitelistedIp ? Failed : AlreadyPresent,
            kind == ResourceKind.ExotelDestination ? Failed : Created,
            kind == ResourceKind.ExotelNumberMapping ? Failed : Created,
            AlreadyPresent,
            AlreadyPresent);
        Assert.Multiple(() =>
        {
            Assert.That(read.Applied, Is.EqualTo(4), "the read and its three retries");
            Assert.That(second.Succeeded, Is.False);
            Assert.That(Ledger.Outcomes(second), Is.EquivalentTo(expected), second.ToString());
            Assert.That(second.Failures.Select(f => f.Kind), Is.All.EqualTo(kind));
            Assert.That(second.Failures.Select(f => f.Error!.HttpStatus), Is.All.EqualTo(503));
            Assert.That(second.Failures.Select(f => f.Error!.IsOutcomeUnknown), Is.All.False, "a failed read changed nothing");
            Assert.That(second.Failures.Select(f => f.Error!.Fix), Is.All.Contain("Rerun setup"));
            Assert.That(Ledger.Posts(Sandbox.Requests), Has.No.Member(Ledger.EndpointOf(kind)), "nothing is created blind");
        });
        Ledger.AssertMatches(second, Sandbox, unread: kind);

        Sandbox.Faults.Remove(read);
        Sandbox.ClearRequests();
        var third = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(third.Succeeded, Is.True, third.ToString());
            Assert.That(third.StepsFor(kind).Select(s => s.Outcome), Is.All.EqualTo(kind == ResourceKind.ExotelWhitelistedIp ? AlreadyPresent : Created));
            Assert.That(Ledger.Posts(Sandbox.Requests),
                Is.EqualTo(kind == ResourceKind.ExotelWhitelistedIp ? Array.Empty<string>() : [Ledger.EndpointOf(kind)]));
        });
        AssertWired((ExoPhone, AssistantId));
        Ledger.AssertMatches(third, Sandbox);
        AssertOneOfEach();
    }

    private void AssertOneOfEach()
    {
        var sid = Sid(OnlyTrunk());
        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.Exotel.WhitelistedIps(sid), Has.Count.EqualTo(2), "whitelisted IPs");
            Assert.That(Sandbox.Exotel.DestinationUris(sid), Has.Count.EqualTo(1), "destinations");
            Assert.That(Sandbox.Exotel.PhoneNumbers(sid), Has.Count.EqualTo(1), "mappings");
            Assert.That(Sandbox.Vapi.Credentials, Has.Count.EqualTo(1), "credentials");
            Assert.That(Sandbox.Vapi.PhoneNumbers, Has.Count.EqualTo(1), "phone numbers");
        });
    }
}

/// <summary>Where a fault hits a fresh setup, and what each run should then do.</summary>
/// <param name="Name">The request, in words.</param>
/// <param name="Api">Its service.</param>
/// <param name="Method">Its method.</param>
/// <param name="Path">Its path pattern.</param>
/// <param name="Fault">The fault.</param>
/// <param name="Times">How many matching requests it hits; all when null.</param>
/// <param name="Kind">The kind of the step that fails.</param>
/// <param name="Service">The service the failed step names.</param>
/// <param name="Status">The HTTP status the failed step names.</param>
/// <param name="OutcomeUnknown">Whether the failed step says the request may have taken effect.</param>
/// <param name="FixSays">What the failed step's fix says.</param>
/// <param name="FirstRun">Every step of the failing run, with its outcome.</param>
/// <param name="SecondRun">Every step of the rerun, with its outcome.</param>
/// <param name="RerunPosts">The endpoint of each POST the rerun sends.</param>
public sealed record FailurePoint(
    string Name,
    SandboxApi Api,
    string Method,
    string Path,
    SandboxFault Fault,
    int? Times,
    ResourceKind Kind,
    string Service,
    int Status,
    bool OutcomeUnknown,
    string FixSays,
    (ResourceKind Kind, StepOutcome Outcome)[] FirstRun,
    (ResourceKind Kind, StepOutcome Outcome)[] SecondRun,
    string[] RerunPosts)
{
    public override string ToString() => Name;
}
