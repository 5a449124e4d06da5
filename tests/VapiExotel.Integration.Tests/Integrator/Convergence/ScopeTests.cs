using VapiExotel.Sandbox;
using static VapiExotel.Integration.StepOutcome;

namespace VapiExotel.Integration.Tests.Integrator.Convergence;

/// <summary>Inbound only, then outbound only, then both: each touches only its own side, and together they converge.</summary>
public sealed class ScopeTests : IntegratorScenario
{
    [Test]
    public async Task Inbound_then_outbound_then_both_converge_each_touching_only_its_own_side()
    {
        var inbound = await Integrator().SetupAsync(SetupScope.Inbound);

        var sid = Sid(OnlyTrunk());
        var destination = inbound.StepsFor(ResourceKind.ExotelDestination).Single();
        Assert.Multiple(() =>
        {
            Assert.That(inbound.Scope, Is.EqualTo(SetupScope.Inbound));
            Assert.That(inbound.Succeeded, Is.False, "the destination cannot be set up before the credential exists");
            Assert.That(Ledger.Outcomes(inbound), Is.EqualTo(new[]
            {
                (ResourceKind.ExotelTrunk, Created),
                (ResourceKind.ExotelWhitelistedIp, Created),
                (ResourceKind.ExotelWhitelistedIp, Created),
                (ResourceKind.ExotelDestination, Failed),
                (ResourceKind.ExotelNumberMapping, Created),
            }), inbound.ToString());
            Assert.That(destination.Error?.Service, Is.EqualTo("Integration"));
            Assert.That(destination.Message, Does.Contain("credential"));
            Assert.That(destination.Error?.Fix, Does.Contain("outbound").And.Contain("both"));
            Assert.That(inbound.TrunkSid, Is.EqualTo(sid));
            Assert.That(inbound.ManualSteps.Single(), Does.Contain($"sip:{sid}").And.Contain(ExoPhone));
            Assert.That(Sandbox.Requests.Where(r => r.Api == SandboxApi.Vapi && r.Method != "GET"), Is.Empty, "no Vapi write");
            Assert.That(Sandbox.Exotel.DestinationUris(sid), Is.Empty);
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
        Ledger.AssertMatches(inbound, Sandbox);

        Sandbox.ClearRequests();
        var outbound = await Integrator().SetupAsync(SetupScope.Outbound);

        Assert.Multiple(() =>
        {
            Assert.That(outbound.Scope, Is.EqualTo(SetupScope.Outbound));
            Assert.That(outbound.Succeeded, Is.True, outbound.ToString());
            Assert.That(Ledger.Outcomes(outbound), Is.EqualTo(new[] { (ResourceKind.VapiCredential, Created), (ResourceKind.VapiPhoneNumber, Created) }), outbound.ToString());
            Assert.That(outbound.ManualSteps, Is.Empty, "the flow is an inbound step");
            Assert.That(Sandbox.Requests.Where(r => r.Api == SandboxApi.Exotel && r.Method != "GET"), Is.Empty, "no Exotel write");
            Assert.That(Ledger.Posts(Sandbox.Requests), Is.EquivalentTo(new[] { Ledger.VapiCredentials, Ledger.VapiPhoneNumbers }));
            Assert.That(Sandbox.Exotel.DestinationUris(sid), Is.Empty, "outbound leaves the trunk alone");
        });
        Ledger.AssertMatches(outbound, Sandbox);

        Sandbox.ClearRequests();
        var both = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(both.Succeeded, Is.True, both.ToString());
            Assert.That(Ledger.Outcomes(both), Is.EqualTo(Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, Created, AlreadyPresent, AlreadyPresent, AlreadyPresent)), both.ToString());
            Assert.That(Writes().Select(Ledger.Endpoint), Is.EqualTo(new[] { Ledger.ExotelDestinations }), "only the destination was missing");
            Assert.That(both.TrunkSid, Is.EqualTo(sid));
            Assert.That(both.CredentialId, Is.EqualTo(outbound.CredentialId));
        });
        AssertWired((ExoPhone, AssistantId));
        Ledger.AssertMatches(both, Sandbox);

        Sandbox.ClearRequests();
        var again = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(again.Succeeded, Is.True, again.ToString());
            Assert.That(again.HasChanges, Is.False, again.ToString());
            Assert.That(again.Steps.Select(s => s.Outcome), Is.All.EqualTo(AlreadyPresent));
            Assert.That(Writes(), Is.Empty);
        });
    }

    [Test]
    public async Task Outbound_alone_on_a_fresh_account_creates_the_credential_and_numbers_and_nothing_at_Exotel()
    {
        var outbound = await Integrator().SetupAsync(SetupScope.Outbound);

        Assert.Multiple(() =>
        {
            Assert.That(outbound.Succeeded, Is.True, outbound.ToString());
            Assert.That(Ledger.Outcomes(outbound), Is.EqualTo(new[] { (ResourceKind.VapiCredential, Created), (ResourceKind.VapiPhoneNumber, Created) }));
            Assert.That(outbound.TrunkSid, Is.Null);
            Assert.That(Sandbox.Requests.Where(r => r.Api == SandboxApi.Exotel && r.Method != "GET"), Is.Empty, "no Exotel write");
            Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
            Assert.That((string?)Sandbox.Vapi.PhoneNumbers.Single()["credentialId"], Is.EqualTo(outbound.CredentialId));
        });
        Ledger.AssertMatches(outbound, Sandbox);

        // Inbound then finds the credential and points the destination at it at once.
        var inbound = await Integrator().SetupAsync(SetupScope.Inbound);

        Assert.That(inbound.Succeeded, Is.True, inbound.ToString());
        AssertWired((ExoPhone, AssistantId));
        Ledger.AssertMatches(inbound, Sandbox);
    }

    [Test]
    public async Task Inbound_with_the_sip_uri_destination_points_at_the_assistant_host_without_asking_Vapi()
    {
        Settings["VapiExotel:Numbers:0:SipUri"] = "front-desk@sip.vapi.ai";
        const string Expected = "front-desk.sip.vapi.ai:5060;transport=tcp";

        var report = await Integrator().SetupAsync(SetupScope.Inbound);

        var sid = Sid(OnlyTrunk());
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(Ledger.Outcomes(report), Is.EqualTo(new[]
            {
                (ResourceKind.ExotelTrunk, Created),
                (ResourceKind.ExotelWhitelistedIp, Created),
                (ResourceKind.ExotelWhitelistedIp, Created),
                (ResourceKind.ExotelDestination, Created),
                (ResourceKind.ExotelNumberMapping, Created),
            }), report.ToString());
            Assert.That(report.StepsFor(ResourceKind.ExotelDestination).Single().Target, Is.EqualTo(Expected));
            Assert.That(Sandbox.Exotel.DestinationUris(sid).Select(d => Ledger.Destination((string)d["destination"]!)), Is.EqualTo(new[] { Expected }));
            Assert.That(Sandbox.Requests.Where(r => r.Api == SandboxApi.Vapi), Is.Empty, "no Vapi request at all");
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
        Ledger.AssertMatches(report, Sandbox);

        Sandbox.ClearRequests();
        var again = await Integrator().SetupAsync(SetupScope.Inbound);

        Assert.Multiple(() =>
        {
            Assert.That(again.HasChanges, Is.False, again.ToString());
            Assert.That(again.Succeeded, Is.True);
            Assert.That(Writes(), Is.Empty);
            Assert.That(Sandbox.Requests.Where(r => r.Api == SandboxApi.Vapi), Is.Empty, "no Vapi request at all");
        });
    }
}
