using System.Security.Cryptography;
using Exotel.VSip;
using Vapi.Client;
using VapiExotel.Integration.Tests.Integrator.Operations;

namespace VapiExotel.Integration.Tests.Integrator.Posture;

/// <summary>
/// Validate's <c>security.posture</c>: a trunk that trusts Vapi by IP allow-list alone (Vapi's shared signalling
/// addresses) is a warning with the fix; SIP digest authentication paired across both sides passes; a half or
/// mismatched pairing is reported as such. Passwords never appear in the report.
/// </summary>
public sealed class SecurityPostureTests : IntegratorScenario
{
    private const string Name = "security.posture";
    private const string DigestUser = "vx-digest-user";
    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private async Task<string> SetUpAsync()
    {
        (await Integrator().SetupAsync()).EnsureSuccess();
        Sandbox.ClearRequests();
        return Sid(OnlyTrunk());
    }

    private string CredentialId => (string)Sandbox.Vapi.Credentials.Single()["id"]!;

    private Task AddTrunkCredentialAsync(string sid, string user = DigestUser) =>
        Direct.Exotel(Sandbox).Credentials.CreateAsync(sid, new CreateTrunkCredentialRequest(user, _password));

    private Task SetVapiPlanAsync(string user = DigestUser) =>
        Direct.Vapi(Sandbox).Credentials.UpdateSipTrunkAsync(CredentialId, new UpdateSipTrunkCredentialRequest
        {
            OutboundAuthenticationPlan = new SipTrunkOutboundAuthenticationPlan { AuthUsername = user, AuthPassword = _password },
        });

    private void AssertNoPassword(ValidationReport report) => Assert.That(
        report.ToString() + string.Concat(report.Checks.Select(c => c.Message + c.Fix)), Does.Not.Contain(_password), "the password is never shown");

    [Test]
    public async Task Ip_allow_list_only_with_vapis_shared_addresses_is_a_warning_with_the_fix()
    {
        await SetUpAsync();

        var report = await Integrator().ValidateAsync();

        var check = report[Name]!;
        Assert.Multiple(() =>
        {
            Assert.That(check.Status, Is.EqualTo(ValidationStatus.Warning), report.ToString());
            Assert.That(check.Message, Does.Contain("IP allow-list only").And.Contain(VapiIps[0]).And.Contain(VapiIps[1]).And.Contain("Any Vapi customer"));
            Assert.That(check.Fix, Does.Contain("digest authentication").And.Contain("outboundAuthenticationPlan").And.Contain("README"));
            Assert.That(report.IsValid, Is.True, "a warning leaves the report valid");
            Assert.That(report.Checks[^1], Is.SameAs(check), "the posture comes last: it judges both sides");
            Assert.That(Writes(), Is.Empty, "validate writes nothing");
        });
    }

    [Test]
    public async Task Digest_authentication_paired_on_both_sides_passes()
    {
        var sid = await SetUpAsync();
        await AddTrunkCredentialAsync(sid);
        await SetVapiPlanAsync();

        var report = await Integrator().ValidateAsync();

        var check = report[Name]!;
        Assert.Multiple(() =>
        {
            Assert.That(check.Status, Is.EqualTo(ValidationStatus.Passed), report.ToString());
            Assert.That(check.Message, Does.Contain(DigestUser).And.Contain(CredentialId));
            Assert.That(check.Fix, Is.Null);
            Assert.That(report.IsValid, Is.True);
            AssertNoPassword(report);
        });
    }

    [Test]
    public async Task A_trunk_credential_that_vapi_does_not_send_is_a_warning()
    {
        var sid = await SetUpAsync();
        await AddTrunkCredentialAsync(sid);

        var report = await Integrator().ValidateAsync();

        var check = report[Name]!;
        Assert.Multiple(() =>
        {
            Assert.That(check.Status, Is.EqualTo(ValidationStatus.Warning), report.ToString());
            Assert.That(check.Message, Does.Contain(DigestUser).And.Contain(CredentialId).And.Contain("no outboundAuthenticationPlan"));
            Assert.That(check.Fix, Does.Contain("outboundAuthenticationPlan"));
            AssertNoPassword(report);
        });
    }

    [Test]
    public async Task A_vapi_plan_the_trunk_does_not_check_still_warns_about_the_shared_addresses()
    {
        await SetUpAsync();
        await SetVapiPlanAsync();

        var report = await Integrator().ValidateAsync();

        var check = report[Name]!;
        Assert.Multiple(() =>
        {
            Assert.That(check.Status, Is.EqualTo(ValidationStatus.Warning), report.ToString());
            Assert.That(check.Message, Does.Contain("IP allow-list only").And.Contain($"digest user '{DigestUser}'").And.Contain("checks no credential"));
            AssertNoPassword(report);
        });
    }

    [Test]
    public async Task Mismatched_user_names_fail_and_make_the_report_invalid()
    {
        var sid = await SetUpAsync();
        await AddTrunkCredentialAsync(sid, "exotel-side");
        await SetVapiPlanAsync("vapi-side");

        var report = await Integrator().ValidateAsync();

        var check = report[Name]!;
        Assert.Multiple(() =>
        {
            Assert.That(check.Status, Is.EqualTo(ValidationStatus.Failed), report.ToString());
            Assert.That(check.Message, Does.Contain("'vapi-side'").And.Contain("'exotel-side'"));
            Assert.That(check.Fix, Does.Contain("'vapi-side'"));
            Assert.That(report.IsValid, Is.False);
            Assert.That(report.Failures.Select(f => f.Name), Is.EqualTo(new[] { Name }));
            AssertNoPassword(report);
        });
    }

    [Test]
    public async Task A_trunk_admitting_none_of_vapis_addresses_has_no_trust_to_judge()
    {
        var sid = await SetUpAsync();
        var exotel = Direct.Exotel(Sandbox);
        foreach (var entry in Sandbox.Exotel.WhitelistedIps(sid))
        {
            await exotel.WhitelistedIps.DeleteAsync(sid, (string)entry["id"]!);
        }

        var report = await Integrator().ValidateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report[Name]!.Status, Is.EqualTo(ValidationStatus.Skipped), report.ToString());
            Assert.That(report[Name]!.Message, Does.Contain("none of Vapi's signalling addresses"));
        });
    }

    [Test]
    public async Task Without_the_vapi_credential_a_trunk_credential_cannot_be_compared()
    {
        var sid = await SetUpAsync();
        await AddTrunkCredentialAsync(sid);
        Settings["VapiExotel:Vapi:ApiKey"] = "not-the-key";

        var report = await Integrator().ValidateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report[Name]!.Status, Is.EqualTo(ValidationStatus.Skipped), report.ToString());
            Assert.That(report[Name]!.Message, Does.Contain(DigestUser).And.Contain("vapi.credential"));
        });
    }

    [Test]
    public async Task Without_a_trunk_the_posture_is_skipped()
    {
        var report = await Integrator().ValidateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report[Name]!.Status, Is.EqualTo(ValidationStatus.Skipped), report.ToString());
            Assert.That(report[Name]!.Message, Does.Contain("exotel.trunk"));
        });
    }
}
