using Exotel.VSip;
using Vapi.Client;

namespace VapiExotel.Integration.Tests.Integrator.Operations;

/// <summary>Drift is repaired in place, by an update of the resource that drifted: never by a duplicate.</summary>
public sealed class DriftRepairTests : IntegratorScenario
{
    private const string OtherGatewayIp = "129.154.231.199";

    [Test]
    public async Task A_changed_assistant_is_repaired_by_one_patch_of_the_same_phone_number()
    {
        await Integrator().SetupAsync();
        var numberId = (string)Sandbox.Vapi.PhoneNumbers.Single()["id"]!;
        var other = Sandbox.Vapi.AddAssistant("Other");
        Settings["VapiExotel:Numbers:0:AssistantId"] = other;
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        var step = report.StepsFor(ResourceKind.VapiPhoneNumber).Single();
        var writes = Writes();
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Updated));
            Assert.That(step.ResourceId, Is.EqualTo(numberId));
            Assert.That(step.Message, Does.Contain(other).And.Contain(AssistantId));
            Assert.That(report.Steps.Where(s => s.Kind != ResourceKind.VapiPhoneNumber).Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.AlreadyPresent));
            Assert.That(writes.Select(w => (w.Method, w.Path)), Is.EqualTo(new[] { ("PATCH", $"/phone-number/{numberId}") }));
            Assert.That(writes.Count(w => w.Method == "POST"), Is.Zero);
        });
        AssertWired((ExoPhone, other));
        Assert.That((string?)Sandbox.Vapi.PhoneNumbers.Single()["id"], Is.EqualTo(numberId));
    }

    [Test]
    public async Task A_changed_gateway_address_updates_the_same_credential()
    {
        await Integrator().SetupAsync();
        var credentialId = (string)Sandbox.Vapi.Credentials.Single()["id"]!;
        Settings["VapiExotel:Gateway:Host"] = OtherGatewayIp;
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        var step = report.StepsFor(ResourceKind.VapiCredential).Single();
        var credential = Sandbox.Vapi.Credentials.Single();
        var gateway = credential["gateways"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Updated));
            Assert.That(step.ResourceId, Is.EqualTo(credentialId));
            Assert.That(step.Message, Does.Contain(GatewayIp));
            Assert.That(report.CredentialId, Is.EqualTo(credentialId));
            Assert.That((string?)credential["id"], Is.EqualTo(credentialId));
            Assert.That((string?)gateway["ip"], Is.EqualTo(OtherGatewayIp));
            Assert.That((int?)gateway["port"], Is.EqualTo(5070));
            Assert.That((string?)gateway["outboundProtocol"], Is.EqualTo("tcp"));
            Assert.That((bool?)credential["outboundLeadingPlusEnabled"], Is.True);
            Assert.That(Writes().Select(w => (w.Method, w.Path)), Is.EqualTo(new[] { ("PATCH", $"/credential/{credentialId}") }));
            Assert.That(report.StepsFor(ResourceKind.VapiPhoneNumber).Single().Outcome, Is.EqualTo(StepOutcome.AlreadyPresent));
        });
    }

    [Test]
    public async Task A_phone_number_moved_to_another_credential_is_moved_back()
    {
        await Integrator().SetupAsync();
        var credentialId = (string)Sandbox.Vapi.Credentials.Single()["id"]!;
        var numberId = (string)Sandbox.Vapi.PhoneNumbers.Single()["id"]!;
        var foreign = await Direct.CreateCredentialAsync(Sandbox, "someone-elses-trunk");
        await Direct.Vapi(Sandbox).PhoneNumbers.UpdateAsync(numberId, new UpdateByoPhoneNumberRequest { CredentialId = foreign.Id });
        Assert.That((string?)Sandbox.Vapi.PhoneNumbers.Single()["credentialId"], Is.EqualTo(foreign.Id));
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        var step = report.StepsFor(ResourceKind.VapiPhoneNumber).Single();
        var number = Sandbox.Vapi.PhoneNumbers.Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Updated));
            Assert.That(step.ResourceId, Is.EqualTo(numberId));
            Assert.That(step.Message, Does.Contain(foreign.Id));
            Assert.That((string?)number["id"], Is.EqualTo(numberId));
            Assert.That((string?)number["credentialId"], Is.EqualTo(credentialId));
            Assert.That((string?)number["assistantId"], Is.EqualTo(AssistantId));
            Assert.That(Writes().Select(w => (w.Method, w.Path)), Is.EqualTo(new[] { ("PATCH", $"/phone-number/{numberId}") }));
            Assert.That(Sandbox.Vapi.Credentials.Select(c => (string)c["id"]!), Is.EquivalentTo(new[] { credentialId, foreign.Id }), "the other credential is left alone");
        });
    }

    [Test]
    public async Task A_mapping_switched_to_flow_mode_is_set_back_to_pstn()
    {
        await Integrator().SetupAsync();
        var sid = Sid(OnlyTrunk());
        var mappingId = (string)Sandbox.Exotel.PhoneNumbers(sid).Single()["id"]!;
        await Direct.Exotel(Sandbox).PhoneNumbers.UpdateModeAsync(sid, mappingId, ExoPhone, PhoneNumberMode.Flow);
        Assert.That((string?)Sandbox.Exotel.PhoneNumbers(sid).Single()["mode"], Is.EqualTo("flow"));
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        var step = report.StepsFor(ResourceKind.ExotelNumberMapping).Single();
        var mapping = Sandbox.Exotel.PhoneNumbers(sid).Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Updated));
            Assert.That(step.ResourceId, Is.EqualTo(mappingId));
            Assert.That(step.Message, Does.Contain("flow").And.Contain("pstn"));
            Assert.That((string?)mapping["id"], Is.EqualTo(mappingId));
            Assert.That((string?)mapping["mode"], Is.EqualTo("pstn"));
            Assert.That(Writes().Select(w => (w.Method, w.Path)), Is.EqualTo(new[] { ("PUT", $"/v2/accounts/{Sandbox.Options.ExotelAccountSid}/trunks/{sid}/phone-numbers/{mappingId}") }));
        });
        AssertWired((ExoPhone, AssistantId));
    }

    [Test]
    public async Task The_integration_s_host_at_another_port_is_replaced_and_other_hosts_are_left_alone()
    {
        await Integrator().SetupAsync();
        var sid = Sid(OnlyTrunk());
        var exotel = Direct.Exotel(Sandbox);
        var current = Sandbox.Exotel.DestinationUris(sid).Single();
        var credentialId = (string)Sandbox.Vapi.Credentials.Single()["id"]!;
        var stale = await exotel.DestinationUris.AddAsync(sid, new SipDestination($"{credentialId}.sip.vapi.ai", SipTransport.Tls));
        var otherBot = await exotel.DestinationUris.AddAsync(sid, new SipDestination("old.sip.vapi.ai", SipTransport.Tcp));
        var pbx = await exotel.DestinationUris.AddAsync(sid, new SipDestination("pbx.example.org", SipTransport.Tcp));
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        var step = report.StepsFor(ResourceKind.ExotelDestination).Single();
        var writes = Writes();
        var remaining = Sandbox.Exotel.DestinationUris(sid);
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Updated));
            Assert.That(step.ResourceId, Is.EqualTo((string)current["id"]!));
            Assert.That(step.Message, Does.Contain($"{credentialId}.sip.vapi.ai:5061;transport=tls"));
            Assert.That(remaining.Select(d => (string)d["id"]!), Is.EquivalentTo(new[] { (string)current["id"]!, otherBot.Id, pbx.Id }));
            Assert.That(remaining.Select(d => (string)d["destination"]!), Has.Some.Contains("pbx.example.org").And.Some.Contains("old.sip.vapi.ai"));
            Assert.That(remaining.Select(d => (string)d["destination"]!), Has.None.Contains(":5061"));
            Assert.That(writes, Has.Count.EqualTo(1), string.Join(", ", writes));
            Assert.That(writes[0].Method, Is.EqualTo("DELETE"));
            Assert.That(writes[0].Path + writes[0].Query, Does.Contain(stale.Id));
        });
    }
    [Test]
    public async Task A_number_whose_e164_check_was_turned_on_is_set_back_by_an_update()
    {
        await Integrator().SetupAsync();
        var numberId = (string)Sandbox.Vapi.PhoneNumbers.Single()["id"]!;
        await Direct.Vapi(Sandbox).PhoneNumbers.UpdateAsync(numberId, new UpdateByoPhoneNumberRequest { NumberE164CheckEnabled = true });
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        var step = report.StepsFor(ResourceKind.VapiPhoneNumber).Single();
        Assert.Multiple(() =>
        {
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Updated));
            Assert.That(step.ResourceId, Is.EqualTo(numberId));
            Assert.That(step.Message, Does.Contain("E.164"));
            Assert.That(Writes().Select(w => (w.Method, w.Path)), Is.EqualTo(new[] { ("PATCH", $"/phone-number/{numberId}") }));
        });
        AssertWired((ExoPhone, AssistantId));
    }

    [Test]
    public async Task Switching_to_tls_updates_the_credential_and_replaces_the_destination()
    {
        await Integrator().SetupAsync();
        var sid = Sid(OnlyTrunk());
        var credentialId = (string)Sandbox.Vapi.Credentials.Single()["id"]!;
        var tcpDestination = (string)Sandbox.Exotel.DestinationUris(sid).Single()["id"]!;
        Settings["VapiExotel:Trunk:Transport"] = "Tls";
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        var credential = Sandbox.Vapi.Credentials.Single();
        var gateway = credential["gateways"]!.AsArray().Single()!;
        var destinations = Sandbox.Exotel.DestinationUris(sid);
        var destinationStep = report.StepsFor(ResourceKind.ExotelDestination).Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(report.StepsFor(ResourceKind.VapiCredential).Single().Outcome, Is.EqualTo(StepOutcome.Updated));
            Assert.That((string?)credential["id"], Is.EqualTo(credentialId));
            Assert.That((int?)gateway["port"], Is.EqualTo(443));
            Assert.That((string?)gateway["outboundProtocol"], Is.EqualTo("tls"));
            Assert.That(destinationStep.Outcome, Is.EqualTo(StepOutcome.Updated));
            Assert.That(destinations.Select(d => (string)d["destination"]!).Single(), Does.EndWith($"{credentialId}.sip.vapi.ai:5061;transport=tls"));
            Assert.That(destinationStep.ResourceId, Is.EqualTo((string)destinations.Single()["id"]!));
            Assert.That(destinations.Select(d => (string)d["id"]!), Has.None.EqualTo(tcpDestination));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Has.Count.EqualTo(1));
            Assert.That(Writes().Count(w => w.Method == "POST"), Is.EqualTo(1), "only the new destination is created");
        });
    }
    [Test]
    public async Task A_plan_of_drift_says_what_would_be_updated_and_writes_nothing()
    {
        await Integrator().SetupAsync();
        var sid = Sid(OnlyTrunk());
        var exotel = Direct.Exotel(Sandbox);
        var mapping = Sandbox.Exotel.PhoneNumbers(sid).Single();
        await exotel.PhoneNumbers.UpdateModeAsync(sid, (string)mapping["id"]!, ExoPhone, PhoneNumberMode.Flow);
        await exotel.DestinationUris.AddAsync(sid, new SipDestination($"{(string)Sandbox.Vapi.Credentials.Single()["id"]!}.sip.vapi.ai", SipTransport.Tls));
        Settings["VapiExotel:Numbers:0:AssistantId"] = Sandbox.Vapi.AddAssistant("Other");
        Settings["VapiExotel:Gateway:Host"] = OtherGatewayIp;
        Sandbox.ClearRequests();

        var plan = await Integrator().PlanAsync();

        Assert.Multiple(() =>
        {
            Assert.That(plan.Operation, Is.EqualTo("plan"));
            Assert.That(plan.Steps.Select(s => (s.Kind, s.Outcome)), Is.EqualTo(new[]
            {
                (ResourceKind.ExotelTrunk, StepOutcome.AlreadyPresent),
                (ResourceKind.ExotelWhitelistedIp, StepOutcome.AlreadyPresent),
                (ResourceKind.ExotelWhitelistedIp, StepOutcome.AlreadyPresent),
                (ResourceKind.ExotelDestination, StepOutcome.WouldUpdate),
                (ResourceKind.ExotelNumberMapping, StepOutcome.WouldUpdate),
                (ResourceKind.VapiCredential, StepOutcome.WouldUpdate),
                (ResourceKind.VapiPhoneNumber, StepOutcome.WouldUpdate),
            }), plan.ToString());
            Assert.That(plan.StepsFor(ResourceKind.VapiPhoneNumber).Single().ResourceId, Is.EqualTo((string)Sandbox.Vapi.PhoneNumbers.Single()["id"]!));
            Assert.That(plan.StepsFor(ResourceKind.VapiCredential).Single().ResourceId, Is.EqualTo((string)Sandbox.Vapi.Credentials.Single()["id"]!));
            Assert.That(plan.StepsFor(ResourceKind.ExotelNumberMapping).Single().ResourceId, Is.EqualTo((string)mapping["id"]!));
            Assert.That(Writes(), Is.Empty);
        });

        var setup = await Integrator().SetupAsync();

        Assert.That(setup.Steps.Select(s => s.Outcome), Is.EqualTo(plan.Steps.Select(s => s.Outcome switch
        {
            StepOutcome.WouldUpdate => StepOutcome.Updated,
            var same => same,
        })), setup.ToString());
    }
}
