using System.Security.Cryptography;
using Exotel.VSip;
using Vapi.Client;
using VapiExotel.Integration.Tests.Integrator.Operations;
using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.Integrator.Digest;

/// <summary>
/// <c>VapiExotel:Trunk:DigestAuthentication</c>: setup pairs a trunk digest credential and the Vapi credential's
/// outboundAuthenticationPlan on one user name and a generated password, returns the password once and nowhere else,
/// changes nothing on a rerun, rotates when one side lacks the pairing, and teardown removes the trunk credential.
/// </summary>
public sealed class DigestAuthenticationTests : IntegratorScenario
{
    private const ResourceKind Kind = ResourceKind.ExotelTrunkCredential;

    private string User => $"vx-exotel-{Sandbox.Options.ExotelAccountSid}";

    private string VapiCredentialId => (string)Sandbox.Vapi.Credentials.Single()["id"]!;

    private void EnableDigest() => Settings["VapiExotel:Trunk:DigestAuthentication"] = "true";

    private IReadOnlyList<string> TrunkUsers(string sid) => Sandbox.Exotel.Credentials(sid).Select(c => (string)c["user_name"]!).ToList();

    private string? VapiAuthUser() => (string?)Sandbox.Vapi.Credentials.Single()["outboundAuthenticationPlan"]?["authUsername"];

    /// <summary>Asserts both sides hold <paramref name="password"/> for the integration's user.</summary>
    private void AssertPaired(string sid, string password)
    {
        Assert.That(TrunkUsers(sid), Is.EqualTo(new[] { User }), "the trunk's credentials");
        Assert.That(VapiAuthUser(), Is.EqualTo(User), "the Vapi plan's user");
        Assert.That(Sandbox.Exotel.CredentialPasswordIs(sid, User, password), Is.True, "the trunk holds the returned password");
        Assert.That(Sandbox.Vapi.AuthPasswordIs(VapiCredentialId, password), Is.True, "Vapi holds the returned password");
    }

    /// <summary>Every text the integration produced for <paramref name="report"/>, and every log line so far.</summary>
    private List<string> Texts(IntegrationReport report) =>
    [
        report.ToString(),
        .. report.Steps.SelectMany(s => new[] { s.ToString(), s.Target, s.Message ?? string.Empty, s.Error?.ToString() ?? string.Empty }),
        .. report.ManualSteps,
        report.DigestCredential?.ToString() ?? string.Empty,
        .. Logs.Lines,
    ];

    [Test]
    public async Task A_fresh_setup_pairs_both_sides_on_one_user_and_a_generated_password_returned_once()
    {
        EnableDigest();

        var report = await Integrator().SetupAsync();

        var sid = Sid(OnlyTrunk());
        var step = report.StepsFor(Kind).Single();
        var secret = report.DigestCredential;
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Created), step.ToString());
            Assert.That(step.Target, Is.EqualTo(User));
            Assert.That(step.ResourceId, Is.EqualTo((string)Sandbox.Exotel.Credentials(sid).Single()["id"]!));
            Assert.That(step.Message, Does.Contain(VapiCredentialId).And.Contain("DigestCredential"));
            Assert.That(secret, Is.Not.Null);
            Assert.That(secret!.UserName, Is.EqualTo(User));
            Assert.That(secret.Password, Has.Length.EqualTo(24).And.Match("^[A-Za-z0-9]+$"));
            Assert.That(secret.Password, Does.Match("[A-Z]").And.Match("[a-z]").And.Match("[0-9]"));
            Assert.That(secret.ToString(), Does.Contain(User).And.Not.Contain(secret.Password));
            AssertPaired(sid, secret.Password);
            Assert.That((string?)Sandbox.Exotel.Credentials(sid).Single()["friendly_name"], Is.EqualTo("vapi-exotel digest"));
        });
        AssertWired((ExoPhone, AssistantId));

        var validation = await Integrator().ValidateAsync();
        Assert.That(validation["security.posture"]!.Status, Is.EqualTo(ValidationStatus.Passed), validation.ToString());
        Assert.That(validation["security.posture"]!.Message, Does.Contain(User));
    }

    [Test]
    public async Task A_rerun_changes_nothing_and_returns_no_password()
    {
        EnableDigest();
        var first = (await Integrator().SetupAsync()).EnsureSuccess();
        Sandbox.ClearRequests();

        var again = await Integrator().SetupAsync();

        var step = again.StepsFor(Kind).Single();
        Assert.Multiple(() =>
        {
            Assert.That(again.Succeeded, Is.True, again.ToString());
            Assert.That(again.HasChanges, Is.False, again.ToString());
            Assert.That(Writes(), Is.Empty, "nothing is sent but reads: the password is not rotated");
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.AlreadyPresent));
            Assert.That(step.ResourceId, Is.EqualTo(first.StepsFor(Kind).Single().ResourceId));
            Assert.That(again.DigestCredential, Is.Null, "the password is returned once, by the run that made it");
            AssertPaired(Sid(OnlyTrunk()), first.DigestCredential!.Password);
        });
    }

    [Test]
    public async Task The_password_is_never_in_a_log_line_a_report_a_step_or_a_request_log()
    {
        EnableDigest();
        var plan = await Integrator().PlanAsync();
        var report = await Integrator().SetupAsync();
        var password = report.DigestCredential!.Password;
        var texts = Texts(plan).Concat(Texts(report)).ToList();
        texts.Add((await Integrator().ValidateAsync()).ToString());
        texts.Add((await Integrator().ListAsync()).ToString());
        texts.Add((await Integrator().TeardownAsync()).ToString());
        texts.AddRange(Logs.Lines);
        texts.AddRange(Sandbox.Requests.Select(r => r.ToString() + r.BodyText));

        Assert.Multiple(() =>
        {
            Assert.That(plan.StepsFor(Kind).Single().Outcome, Is.EqualTo(StepOutcome.WouldCreate), plan.ToString());
            Assert.That(plan.DigestCredential, Is.Null, "a plan generates no password");
            Assert.That(Logs.Lines, Is.Not.Empty, "the integrator logs");
            Assert.That(texts.Count(t => t.Contains(password, StringComparison.Ordinal)), Is.Zero, "texts holding the password");
        });
    }

    [Test]
    public async Task With_the_option_off_setup_makes_no_credential_and_no_plan()
    {
        var report = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(report.StepsFor(Kind), Is.Empty);
            Assert.That(report.DigestCredential, Is.Null);
            Assert.That(Sandbox.Exotel.Credentials(Sid(OnlyTrunk())), Is.Empty);
            Assert.That(VapiAuthUser(), Is.Null);
        });
    }

    [Test]
    public async Task A_trunk_credential_without_vapis_plan_is_rotated_on_both_sides()
    {
        EnableDigest();
        var first = (await Integrator().SetupAsync()).EnsureSuccess();
        var sid = Sid(OnlyTrunk());
        var id = first.StepsFor(Kind).Single().ResourceId;
        await Direct.Vapi(Sandbox).Credentials.UpdateSipTrunkAsync(VapiCredentialId, new UpdateSipTrunkCredentialRequest { OutboundAuthenticationPlan = null });
        Assert.That(VapiAuthUser(), Is.Null, "the plan was removed");

        var again = await Integrator().SetupAsync();

        var step = again.StepsFor(Kind).Single();
        var password = again.DigestCredential?.Password;
        Assert.Multiple(() =>
        {
            Assert.That(again.Succeeded, Is.True, again.ToString());
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Updated), step.ToString());
            Assert.That(step.Message, Does.Contain("no outboundAuthenticationPlan").And.Contain("rotated"));
            Assert.That(step.ResourceId, Is.EqualTo(id), "the trunk credential is updated in place");
            Assert.That(password, Is.Not.Null.And.Not.EqualTo(first.DigestCredential!.Password), "a new password");
            AssertPaired(sid, password!);
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(sid, User, first.DigestCredential!.Password), Is.False, "the old password is gone");
        });
    }

    [Test]
    public async Task Vapis_plan_without_the_trunk_credential_is_rotated_on_both_sides()
    {
        EnableDigest();
        var first = (await Integrator().SetupAsync()).EnsureSuccess();
        var sid = Sid(OnlyTrunk());
        await Direct.Exotel(Sandbox).Credentials.DeleteAsync(sid, first.StepsFor(Kind).Single().ResourceId!);

        var again = await Integrator().SetupAsync();

        var step = again.StepsFor(Kind).Single();
        Assert.Multiple(() =>
        {
            Assert.That(again.Succeeded, Is.True, again.ToString());
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Created), step.ToString());
            Assert.That(step.Message, Does.Contain("no credential for it"));
            Assert.That(again.DigestCredential, Is.Not.Null);
            AssertPaired(sid, again.DigestCredential!.Password);
            Assert.That(Sandbox.Vapi.AuthPasswordIs(VapiCredentialId, first.DigestCredential!.Password), Is.False, "Vapi's old password is replaced");
        });
    }

    [Test]
    public async Task A_pairing_the_user_made_by_hand_is_left_as_it_is()
    {
        (await Integrator().SetupAsync()).EnsureSuccess();
        var sid = Sid(OnlyTrunk());
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await Direct.Exotel(Sandbox).Credentials.CreateAsync(sid, new CreateTrunkCredentialRequest("my-own-user", password));
        await Direct.Vapi(Sandbox).Credentials.UpdateSipTrunkAsync(VapiCredentialId, new UpdateSipTrunkCredentialRequest
        {
            OutboundAuthenticationPlan = new SipTrunkOutboundAuthenticationPlan { AuthUsername = "my-own-user", AuthPassword = password },
        });
        EnableDigest();
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.StepsFor(Kind).Single().Outcome, Is.EqualTo(StepOutcome.AlreadyPresent), report.ToString());
            Assert.That(report.StepsFor(Kind).Single().Message, Does.Contain("'my-own-user'").And.Contain("not the integration's"));
            Assert.That(Writes(), Is.Empty);
            Assert.That(report.DigestCredential, Is.Null);
            Assert.That(Sandbox.Vapi.AuthPasswordIs(VapiCredentialId, password), Is.True);
        });
    }

    [TestCase(SetupScope.Inbound)]
    [TestCase(SetupScope.Outbound)]
    public async Task A_setup_of_one_direction_skips_the_pairing_and_says_why(SetupScope scope)
    {
        EnableDigest();
        if (scope == SetupScope.Inbound)
        {
            (await Integrator().SetupAsync(SetupScope.Outbound)).EnsureSuccess();
        }

        var report = await Integrator().SetupAsync(scope);

        var step = report.StepsFor(Kind).Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Skipped));
            Assert.That(step.Message, Does.Contain("both directions").And.Contain($"{scope.ToString().ToLowerInvariant()} only"));
            Assert.That(report.DigestCredential, Is.Null);
            Assert.That(Sandbox.Exotel.Trunks.SelectMany(t => Sandbox.Exotel.Credentials(Sid(t))), Is.Empty);
        });
    }

    [Test]
    public async Task Teardown_removes_the_trunk_credential_with_the_rest()
    {
        EnableDigest();
        var setup = (await Integrator().SetupAsync()).EnsureSuccess();
        var id = setup.StepsFor(Kind).Single().ResourceId;

        var inventory = await Integrator().ListAsync();
        var dryRun = await Integrator().TeardownAsync(dryRun: true);
        var teardown = await Integrator().TeardownAsync();

        Assert.Multiple(() =>
        {
            Assert.That(inventory.Of(Kind).Select(r => r.Id), Is.EqualTo(new[] { id }));
            Assert.That(inventory.UnmanagedOnTrunk, Is.Zero, "the integration's credential is its own, not a reason to keep the trunk");
            Assert.That(dryRun.StepsFor(Kind).Single().Outcome, Is.EqualTo(StepOutcome.WouldDelete));
            Assert.That(teardown.Succeeded, Is.True, teardown.ToString());
            Assert.That(teardown.StepsFor(Kind).Single().Outcome, Is.EqualTo(StepOutcome.Deleted));
            Assert.That(teardown.StepsFor(ResourceKind.ExotelTrunk).Single().Outcome, Is.EqualTo(StepOutcome.Deleted), "the trunk goes too");
            Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public async Task Teardown_of_a_given_trunk_removes_the_integrations_credential_and_keeps_the_users()
    {
        var trunk = await Direct.Exotel(Sandbox).Trunks.CreateAsync(new CreateTrunkRequest("users_trunk"));
        await Direct.Exotel(Sandbox).Credentials.CreateAsync(trunk.Sid, new CreateTrunkCredentialRequest("someone-else", "An0therPassw0rdEntirely"));
        Settings["VapiExotel:Trunk:Sid"] = trunk.Sid;
        EnableDigest();
        (await Integrator().SetupAsync()).EnsureSuccess();
        Assert.That(TrunkUsers(trunk.Sid), Is.EquivalentTo(new[] { "someone-else", User }));

        var teardown = await Integrator().TeardownAsync();

        Assert.Multiple(() =>
        {
            Assert.That(teardown.Succeeded, Is.True, teardown.ToString());
            Assert.That(teardown.StepsFor(Kind).Single().Outcome, Is.EqualTo(StepOutcome.Deleted));
            Assert.That(TrunkUsers(trunk.Sid), Is.EqualTo(new[] { "someone-else" }), "only the integration's credential is removed");
            Assert.That(teardown.StepsFor(ResourceKind.ExotelTrunk).Single().Outcome, Is.EqualTo(StepOutcome.Skipped));
        });
    }

    [Test]
    public async Task A_failed_vapi_update_after_the_trunk_changed_returns_no_password_and_a_rerun_repairs_the_pairing()
    {
        EnableDigest();
        var first = (await Integrator().SetupAsync()).EnsureSuccess();
        var sid = Sid(OnlyTrunk());
        await Direct.Vapi(Sandbox).Credentials.UpdateSipTrunkAsync(VapiCredentialId, new UpdateSipTrunkCredentialRequest { OutboundAuthenticationPlan = null });
        var fault = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(), Api = SandboxApi.Vapi, Method = "PATCH", Path = "/credential/*" });

        var failed = await Integrator().SetupAsync();
        var vapiUserAfterFailure = VapiAuthUser();
        var trunkUpdated = Sandbox.Requests.Any(r => r.Method == "PUT" && r.Path.Contains("/credentials/", StringComparison.Ordinal));
        Sandbox.Faults.Remove(fault);
        var repaired = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(failed.StepsFor(Kind).Single().Outcome, Is.EqualTo(StepOutcome.Failed), failed.ToString());
            Assert.That(failed.DigestCredential, Is.Null, "a password only one side holds is not handed out");
            Assert.That(trunkUpdated, Is.True, "the side that has the user takes the new password first");
            Assert.That(vapiUserAfterFailure, Is.Null, "Vapi still lacks the user, so the sides do not look paired, and a rerun rotates");
            Assert.That(repaired.StepsFor(Kind).Single().Outcome, Is.EqualTo(StepOutcome.Updated), repaired.ToString());
            AssertPaired(sid, repaired.DigestCredential!.Password);
            Assert.That(first.DigestCredential!.Password, Is.Not.EqualTo(repaired.DigestCredential.Password));
        });
    }
}
