using Exotel.VSip;
using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.Integrator.Operations;

/// <summary>Two resources of the integration's name: it does not pick one, and it creates no third.</summary>
public sealed class AmbiguityTests : IntegratorScenario
{
    private const string PhantomSid = "trmum1phantom00000000000000a1n";

    [Test]
    public async Task Two_trunks_of_the_name_fail_the_trunk_step_skip_its_entries_and_create_no_trunk()
    {
        var existing = await Direct.Exotel(Sandbox).Trunks.CreateAsync(new CreateTrunkRequest("vapi_exotel"));
        Sandbox.ClearRequests();
        var (integrator, provider) = Direct.IntegratorWithExotelHandler(Settings, () => new DuplicateTrunkHandler("vapi_exotel", PhantomSid));
        await using var _ = provider;

        var report = await integrator.SetupAsync();

        var trunk = report.StepsFor(ResourceKind.ExotelTrunk).Single();
        var children = report.Steps.Where(s => s.Kind is ResourceKind.ExotelWhitelistedIp or ResourceKind.ExotelDestination or ResourceKind.ExotelNumberMapping).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.False);
            Assert.That(trunk.Outcome, Is.EqualTo(StepOutcome.Failed));
            Assert.That(trunk.Error!.IsConflict, Is.True);
            Assert.That(trunk.Message, Does.Contain(existing.Sid).And.Contain(PhantomSid));
            Assert.That(trunk.Error.Fix, Does.Contain("Trunk:Sid"));
            Assert.That(report.TrunkSid, Is.Null);
            Assert.That(children.Select(s => s.Kind), Is.EquivalentTo(new[]
            {
                ResourceKind.ExotelWhitelistedIp, ResourceKind.ExotelWhitelistedIp, ResourceKind.ExotelDestination, ResourceKind.ExotelNumberMapping,
            }));
            Assert.That(children.Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.Skipped));
            Assert.That(children.Select(s => s.Message), Is.All.Contain("trunk"));
            Assert.That(Sandbox.Requests.Where(r => r.Api == SandboxApi.Exotel && r.Method != "GET"), Is.Empty, "no Exotel write: no trunk created");
            Assert.That(Sandbox.Exotel.Trunks.Select(t => (string)t["trunk_sid"]!), Is.EqualTo(new[] { existing.Sid }));
            Assert.That(Sandbox.Exotel.WhitelistedIps(existing.Sid), Is.Empty);
            Assert.That(report.StepsFor(ResourceKind.VapiCredential).Single().Outcome, Is.EqualTo(StepOutcome.Created), "the Vapi side does not depend on the trunk");
            Assert.That(report.StepsFor(ResourceKind.VapiPhoneNumber).Single().Outcome, Is.EqualTo(StepOutcome.Created));
        });
    }

    [Test]
    public async Task Two_trunks_of_the_name_make_list_teardown_and_validate_refuse_to_guess()
    {
        var existing = await Direct.Exotel(Sandbox).Trunks.CreateAsync(new CreateTrunkRequest("vapi_exotel"));
        var (integrator, provider) = Direct.IntegratorWithExotelHandler(Settings, () => new DuplicateTrunkHandler("vapi_exotel", PhantomSid));
        await using var _ = provider;
        Sandbox.ClearRequests();

        var list = Assert.ThrowsAsync<VapiExotelException>(() => integrator.ListAsync())!;
        var teardown = await integrator.TeardownAsync();
        var validation = await integrator.ValidateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(list.Message, Does.Contain(existing.Sid).And.Contain(PhantomSid).And.Contain("Trunk:Sid"));
            Assert.That(teardown.Succeeded, Is.False);
            Assert.That(teardown.Failures.Single().Kind, Is.EqualTo(ResourceKind.ExotelTrunk));
            Assert.That(teardown.Failures.Single().Message, Does.Contain(existing.Sid).And.Contain(PhantomSid).And.StartWith("Nothing on this side was removed"));
            Assert.That(Writes(), Is.Empty);
            Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(1));
            Assert.That(validation["exotel.trunk"]!.Status, Is.EqualTo(ValidationStatus.Failed));
            Assert.That(validation["exotel.trunk"]!.Message, Does.Contain(existing.Sid).And.Contain(PhantomSid));
            Assert.That(validation["exotel.trunk"]!.Fix, Does.Contain("Trunk:Sid"));
        });
    }

    [Test]
    public async Task Two_credentials_of_the_name_fail_the_credential_step_and_create_no_third()
    {
        var name = Direct.CredentialName(Sandbox);
        var first = await Direct.CreateCredentialAsync(Sandbox, name, GatewayIp);
        var second = await Direct.CreateCredentialAsync(Sandbox, name, GatewayIp);
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        var credential = report.StepsFor(ResourceKind.VapiCredential).Single();
        var number = report.StepsFor(ResourceKind.VapiPhoneNumber).Single();
        var destination = report.StepsFor(ResourceKind.ExotelDestination).Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.False);
            Assert.That(credential.Outcome, Is.EqualTo(StepOutcome.Failed));
            Assert.That(credential.Target, Is.EqualTo(name));
            Assert.That(credential.Error!.IsConflict, Is.True);
            Assert.That(credential.Message, Does.Contain(first.Id).And.Contain(second.Id));
            Assert.That(credential.Error.Fix, Does.Contain("CredentialName"));
            Assert.That(report.CredentialId, Is.Null);
            Assert.That(number.Outcome, Is.EqualTo(StepOutcome.Skipped));
            Assert.That(number.Message, Does.Contain("credential"));
            Assert.That(destination.Outcome, Is.Not.EqualTo(StepOutcome.Created), "the destination's host is the credential's id, which is not known");
            Assert.That(Sandbox.Vapi.Credentials.Select(c => (string)c["id"]!), Is.EquivalentTo(new[] { first.Id, second.Id }));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
            Assert.That(Sandbox.Requests.Where(r => r.Api == SandboxApi.Vapi && r.Method != "GET"), Is.Empty, "no Vapi write");
            Assert.That(report.StepsFor(ResourceKind.ExotelTrunk).Single().Outcome, Is.EqualTo(StepOutcome.Created));
            Assert.That(report.StepsFor(ResourceKind.ExotelNumberMapping).Single().Outcome, Is.EqualTo(StepOutcome.Created));
        });
    }
}
