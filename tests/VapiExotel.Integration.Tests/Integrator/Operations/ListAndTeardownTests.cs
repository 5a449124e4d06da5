using Vapi.Client;
using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.Integrator.Operations;

/// <summary>List shows what the integration manages; teardown removes exactly that, and keeps what holds anything else.</summary>
public sealed class ListAndTeardownTests : IntegratorScenario
{
    private const string ForeignIp = "129.154.231.10";
    private const string UnconfiguredExoPhone = "+918047490999";
    private const string UnconfiguredByoNumber = "+918047490998";

    /// <summary>Every managed resource as the sandbox holds it: (kind, id, parent id).</summary>
    private List<(ResourceKind Kind, string Id, string? ParentId)> ManagedInSandbox(string sid)
    {
        var credentialId = (string)Sandbox.Vapi.Credentials.Single(c => (string?)c["name"] == Direct.CredentialName(Sandbox))["id"]!;
        var resources = new List<(ResourceKind, string, string?)> { (ResourceKind.ExotelTrunk, sid, null) };
        resources.AddRange(Sandbox.Exotel.WhitelistedIps(sid).Where(i => VapiIps.Contains((string)i["ip"]!)).Select(i => (ResourceKind.ExotelWhitelistedIp, (string)i["id"]!, (string?)sid)));
        resources.AddRange(Sandbox.Exotel.DestinationUris(sid).Where(d => ((string)d["destination"]!).Contains(".sip.vapi.ai", StringComparison.Ordinal))
            .Select(d => (ResourceKind.ExotelDestination, (string)d["id"]!, (string?)sid)));
        resources.AddRange(Sandbox.Exotel.PhoneNumbers(sid).Where(m => (string?)m["phone_number"] == ExoPhone).Select(m => (ResourceKind.ExotelNumberMapping, (string)m["id"]!, (string?)sid)));
        resources.Add((ResourceKind.VapiCredential, credentialId, null));
        resources.AddRange(Sandbox.Vapi.PhoneNumbers.Where(n => (string?)n["number"] == ExoPhone).Select(n => (ResourceKind.VapiPhoneNumber, (string)n["id"]!, (string?)credentialId)));
        return resources;
    }

    /// <summary>Adds what the integration does not manage: an address, a mapping, a credential, and a number on its credential.</summary>
    private async Task<(string ForeignCredentialId, string ForeignNumberId)> AddUnmanagedAsync(string sid)
    {
        var exotel = Direct.Exotel(Sandbox);
        var vapi = Direct.Vapi(Sandbox);
        await exotel.WhitelistedIps.AddAsync(sid, ForeignIp);
        await exotel.PhoneNumbers.MapAsync(sid, UnconfiguredExoPhone);
        var foreign = await Direct.CreateCredentialAsync(Sandbox, "someone-elses-trunk");
        var credentialId = (string)Sandbox.Vapi.Credentials.Single(c => (string?)c["name"] == Direct.CredentialName(Sandbox))["id"]!;
        var number = await vapi.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            Number = UnconfiguredByoNumber, CredentialId = credentialId, AssistantId = AssistantId, NumberE164CheckEnabled = false,
        });
        return (foreign.Id, number.Id);
    }

    [Test]
    public async Task List_after_setup_shows_exactly_the_managed_resources_with_the_services_ids()
    {
        await Integrator().SetupAsync();
        var sid = Sid(OnlyTrunk());
        Sandbox.ClearRequests();

        var inventory = await Integrator().ListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(inventory.Resources.Select(r => (r.Kind, r.Id, r.ParentId)), Is.EquivalentTo(ManagedInSandbox(sid)));
            Assert.That(inventory.Resources.Select(r => r.Kind), Is.EqualTo(new[]
            {
                ResourceKind.ExotelTrunk, ResourceKind.ExotelWhitelistedIp, ResourceKind.ExotelWhitelistedIp, ResourceKind.ExotelDestination,
                ResourceKind.ExotelNumberMapping, ResourceKind.VapiCredential, ResourceKind.VapiPhoneNumber,
            }), "Exotel's first, then Vapi's, parents first");
            Assert.That(inventory.UnmanagedOnTrunk, Is.Zero);
            Assert.That(inventory.UnmanagedOnCredential, Is.Zero);
            Assert.That(inventory.TrunkIsOwned, Is.True);
            Assert.That(inventory.Of(ResourceKind.ExotelTrunk).Single().Description, Does.Contain("vapi_exotel"));
            Assert.That(inventory.Of(ResourceKind.VapiPhoneNumber).Single().Description, Does.Contain(ExoPhone).And.Contain(AssistantId));
            Assert.That(inventory.Of(ResourceKind.ExotelWhitelistedIp).Select(r => r.Description), Is.EquivalentTo(VapiIps.Select(ip => $"{ip}/32")));
            Assert.That(Writes(), Is.Empty);
        });
    }

    [Test]
    public async Task List_before_setup_is_empty()
    {
        var inventory = await Integrator().ListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(inventory.Resources, Is.Empty);
            Assert.That(inventory.UnmanagedOnTrunk, Is.Zero);
            Assert.That(inventory.UnmanagedOnCredential, Is.Zero);
        });
    }

    [Test]
    public async Task A_dry_run_says_what_would_go_and_deletes_nothing()
    {
        await Integrator().SetupAsync();
        var sid = Sid(OnlyTrunk());
        var managed = ManagedInSandbox(sid);
        Sandbox.ClearRequests();

        var report = await Integrator().TeardownAsync(dryRun: true);

        Assert.Multiple(() =>
        {
            Assert.That(report.Operation, Is.EqualTo("teardown (dry run)"));
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(report.Steps.Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.WouldDelete));
            Assert.That(report.Steps.Select(s => (s.Kind, s.ResourceId!)), Is.EquivalentTo(managed.Select(m => (m.Kind, m.Id))));
            Assert.That(report.HasChanges, Is.True);
            Assert.That(Writes(), Is.Empty, "no DELETE");
            Assert.That(ManagedInSandbox(sid), Is.EquivalentTo(managed));
        });
        AssertWired((ExoPhone, AssistantId));
    }

    [Test]
    public async Task Teardown_removes_everything_it_manages_and_a_second_one_is_a_no_op()
    {
        await Integrator().SetupAsync();
        var managed = ManagedInSandbox(Sid(OnlyTrunk()));
        Sandbox.ClearRequests();

        var report = await Integrator().TeardownAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.Operation, Is.EqualTo("teardown"));
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(report.Steps.Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.Deleted));
            Assert.That(report.Steps.Select(s => (s.Kind, s.ResourceId!)), Is.EquivalentTo(managed.Select(m => (m.Kind, m.Id))));
            Assert.That(Writes().Select(w => w.Method), Is.All.EqualTo("DELETE"));
            Assert.That(Writes(), Has.Count.EqualTo(7));
            Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
            Assert.That(Sandbox.Vapi.Assistants, Is.Not.Empty, "assistants are never removed");
        });

        Sandbox.ClearRequests();
        var again = await Integrator().TeardownAsync();

        Assert.Multiple(() =>
        {
            Assert.That(again.Succeeded, Is.True);
            Assert.That(again.Steps, Is.Empty, again.ToString());
            Assert.That(again.HasChanges, Is.False);
            Assert.That(Writes(), Is.Empty);
        });
    }

    [Test]
    public async Task Teardown_removes_children_before_their_parents()
    {
        await Integrator().SetupAsync();
        Sandbox.ClearRequests();

        await Integrator().TeardownAsync();

        var deletes = Writes().ToList();
        var trunk = deletes.FindIndex(r => r.Path.EndsWith("/trunks", StringComparison.Ordinal));
        var credential = deletes.FindIndex(r => r.Path.StartsWith("/credential/", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(trunk, Is.EqualTo(deletes.FindLastIndex(r => r.Api == SandboxApi.Exotel)), "the trunk goes last on Exotel");
            Assert.That(credential, Is.EqualTo(deletes.FindLastIndex(r => r.Api == SandboxApi.Vapi)), "the credential goes last on Vapi");
        });
    }

    [Test]
    public async Task Teardown_leaves_unmanaged_things_and_keeps_the_trunk_and_credential_they_hold()
    {
        await Integrator().SetupAsync();
        var sid = Sid(OnlyTrunk());
        var (foreignCredentialId, foreignNumberId) = await AddUnmanagedAsync(sid);
        var credentialId = (string)Sandbox.Vapi.Credentials.Single(c => (string?)c["name"] == Direct.CredentialName(Sandbox))["id"]!;
        var inventory = await Integrator().ListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(inventory.UnmanagedOnTrunk, Is.EqualTo(2), "the foreign address and mapping");
            Assert.That(inventory.UnmanagedOnCredential, Is.EqualTo(1), "the unconfigured number");
            Assert.That(inventory.Resources.Select(r => r.Id), Has.None.EqualTo(foreignCredentialId).And.None.EqualTo(foreignNumberId));
        });
        Sandbox.ClearRequests();

        var report = await Integrator().TeardownAsync();

        var trunk = report.StepsFor(ResourceKind.ExotelTrunk).Single();
        var credential = report.StepsFor(ResourceKind.VapiCredential).Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(trunk.Outcome, Is.EqualTo(StepOutcome.Skipped));
            Assert.That(trunk.Message, Does.Contain("Kept").And.Contain("2 entries"));
            Assert.That(credential.Outcome, Is.EqualTo(StepOutcome.Skipped));
            Assert.That(credential.Message, Does.Contain("Kept").And.Contain("1 phone number"));
            Assert.That(report.Steps.Where(s => s != trunk && s != credential).Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.Deleted));
            Assert.That(report.Steps.Where(s => s.Outcome == StepOutcome.Deleted).Select(s => s.Kind), Is.EquivalentTo(new[]
            {
                ResourceKind.ExotelWhitelistedIp, ResourceKind.ExotelWhitelistedIp, ResourceKind.ExotelDestination, ResourceKind.ExotelNumberMapping, ResourceKind.VapiPhoneNumber,
            }));

            Assert.That(Sandbox.Exotel.Trunks.Select(t => (string)t["trunk_sid"]!), Is.EqualTo(new[] { sid }));
            Assert.That(Sandbox.Exotel.WhitelistedIps(sid).Select(i => (string)i["ip"]!), Is.EqualTo(new[] { ForeignIp }));
            Assert.That(Sandbox.Exotel.PhoneNumbers(sid).Select(m => (string)m["phone_number"]!), Is.EqualTo(new[] { UnconfiguredExoPhone }));
            Assert.That(Sandbox.Exotel.DestinationUris(sid), Is.Empty);
            Assert.That(Sandbox.Vapi.Credentials.Select(c => (string)c["id"]!), Is.EquivalentTo(new[] { credentialId, foreignCredentialId }));
            Assert.That(Sandbox.Vapi.PhoneNumbers.Select(n => (string)n["id"]!), Is.EqualTo(new[] { foreignNumberId }));
            Assert.That(Writes().Select(w => w.Method), Is.All.EqualTo("DELETE"));
            Assert.That(Writes(), Has.Count.EqualTo(5));
        });
    }

    [Test]
    public async Task A_trunk_given_by_sid_is_never_deleted()
    {
        await Integrator().SetupAsync();
        var sid = Sid(OnlyTrunk());
        Settings["VapiExotel:Trunk:Sid"] = sid;

        var inventory = await Integrator().ListAsync();
        Sandbox.ClearRequests();
        var report = await Integrator().TeardownAsync();

        var trunk = report.StepsFor(ResourceKind.ExotelTrunk).Single();
        Assert.Multiple(() =>
        {
            Assert.That(inventory.TrunkIsOwned, Is.False);
            Assert.That(inventory.Of(ResourceKind.ExotelTrunk).Single().Id, Is.EqualTo(sid));
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(trunk.Outcome, Is.EqualTo(StepOutcome.Skipped));
            Assert.That(trunk.Message, Does.Contain("Trunk:Sid"));
            Assert.That(report.Steps.Where(s => s != trunk).Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.Deleted));
            Assert.That(Sandbox.Exotel.Trunks.Select(t => (string)t["trunk_sid"]!), Is.EqualTo(new[] { sid }));
            Assert.That(Sandbox.Exotel.WhitelistedIps(sid), Is.Empty);
            Assert.That(Sandbox.Exotel.DestinationUris(sid), Is.Empty);
            Assert.That(Sandbox.Exotel.PhoneNumbers(sid), Is.Empty);
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
            Assert.That(Writes().Where(w => w.Path.EndsWith("/trunks", StringComparison.Ordinal)), Is.Empty, "no trunk DELETE");
        });

        var dryRun = await Integrator().TeardownAsync(dryRun: true);
        Assert.That(dryRun.Steps.Select(s => (s.Kind, s.Outcome)), Is.EqualTo(new[] { (ResourceKind.ExotelTrunk, StepOutcome.Skipped) }), dryRun.ToString());
    }
    [Test]
    public async Task A_child_that_cannot_be_removed_keeps_its_parent_and_a_rerun_finishes()
    {
        await Integrator().SetupAsync();
        var sid = Sid(OnlyTrunk());
        var fault = Sandbox.Faults.Add(new SandboxFaultRule
        {
            // Whether the id goes in the query or the path.
            Fault = SandboxFault.ServerError(500), Api = SandboxApi.Exotel, Method = "DELETE", Path = "/v2/accounts/*/trunks/*/whitelisted-ips**",
        });

        var report = await Integrator().TeardownAsync();

        var trunk = report.StepsFor(ResourceKind.ExotelTrunk).Single();
        Assert.Multiple(() =>
        {
            Assert.That(fault.Applied, Is.GreaterThan(0));
            Assert.That(report.Succeeded, Is.False);
            Assert.That(report.StepsFor(ResourceKind.ExotelWhitelistedIp).Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.Failed));
            Assert.That(report.StepsFor(ResourceKind.ExotelWhitelistedIp).Select(s => s.Error?.HttpStatus), Is.All.EqualTo(500));
            Assert.That(trunk.Outcome, Is.EqualTo(StepOutcome.Skipped));
            Assert.That(trunk.Message, Does.Contain("rerun"));
            Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(1));
            Assert.That(Sandbox.Exotel.WhitelistedIps(sid), Has.Count.EqualTo(2));
            Assert.That(Sandbox.Exotel.DestinationUris(sid), Is.Empty);
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty, "the Vapi side is independent");
        });

        Sandbox.Faults.Clear();
        var rerun = await Integrator().TeardownAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rerun.Succeeded, Is.True, rerun.ToString());
            Assert.That(rerun.Steps.Select(s => s.Kind), Is.EquivalentTo(new[] { ResourceKind.ExotelTrunk, ResourceKind.ExotelWhitelistedIp, ResourceKind.ExotelWhitelistedIp }));
            Assert.That(rerun.Steps.Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.Deleted));
            Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
        });
    }
}
