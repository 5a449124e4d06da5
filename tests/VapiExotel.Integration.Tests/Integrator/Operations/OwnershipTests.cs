using Vapi.Client;

namespace VapiExotel.Integration.Tests.Integrator.Operations;

/// <summary>What the integration leaves alone although it sits on what it manages: the user's gateways, trunk credentials and settings.</summary>
public sealed class OwnershipTests : IntegratorScenario
{
    private const string UserGatewayIp = "129.154.231.60";

    [Test]
    public async Task A_gateway_the_user_added_to_the_credential_is_not_drift_and_survives_a_repair()
    {
        await Integrator().SetupAsync();
        var vapi = Direct.Vapi(Sandbox);
        var credentialId = (string)Sandbox.Vapi.Credentials.Single()["id"]!;
        var ours = (await vapi.Credentials.GetSipTrunkAsync(credentialId)).Gateways.Single();
        var theirs = new SipTrunkGateway { Ip = UserGatewayIp, Port = 5070, InboundEnabled = true, OutboundEnabled = false, OutboundProtocol = SipGatewayProtocol.Tcp };
        await vapi.Credentials.UpdateSipTrunkAsync(credentialId, new UpdateSipTrunkCredentialRequest { Gateways = [ours, theirs] });
        Sandbox.ClearRequests();

        var unchanged = await Integrator().SetupAsync();
        var writesWhenUnchanged = Writes();
        Settings["VapiExotel:Gateway:Host"] = "129.154.231.199";
        var repaired = await Integrator().SetupAsync();

        var gateways = (await vapi.Credentials.GetSipTrunkAsync(credentialId)).Gateways;
        Assert.Multiple(() =>
        {
            Assert.That(unchanged.HasChanges, Is.False, unchanged.ToString());
            Assert.That(writesWhenUnchanged, Is.Empty);
            Assert.That(repaired.StepsFor(ResourceKind.VapiCredential).Single().Outcome, Is.EqualTo(StepOutcome.Updated), repaired.ToString());
            Assert.That(gateways.Select(g => (g.Ip, g.IsOutboundEnabled)), Is.EqualTo(new[] { ("129.154.231.199", true), (UserGatewayIp, false) }));
            Assert.That(gateways[0].EffectiveOutboundProtocol, Is.EqualTo(SipGatewayProtocol.Tcp));
            Assert.That(gateways[0].EffectivePort, Is.EqualTo(5070));
        });
    }

    [Test]
    public async Task Teardown_keeps_a_trunk_that_holds_a_digest_credential_or_a_setting_of_the_user_s()
    {
        await Integrator().SetupAsync();
        var sid = Sid(OnlyTrunk());
        await Direct.Exotel(Sandbox).Settings.SetAsync(sid, new Dictionary<string, string> { ["trunk_external_alias"] = ExoPhone });

        var report = await Integrator().TeardownAsync();

        var trunk = report.StepsFor(ResourceKind.ExotelTrunk).Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(trunk.Outcome, Is.EqualTo(StepOutcome.Skipped));
            Assert.That(trunk.Message, Does.Contain("1 entries").And.Contain("settings"));
            Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(1));
            Assert.That(Sandbox.Exotel.Settings(sid), Has.Count.EqualTo(1));
            Assert.That(Sandbox.Exotel.WhitelistedIps(sid), Is.Empty);
            Assert.That(Sandbox.Exotel.DestinationUris(sid), Is.Empty);
            Assert.That(Sandbox.Exotel.PhoneNumbers(sid), Is.Empty);
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public async Task An_over_long_call_name_is_refused_before_any_request()
    {
        await Integrator().SetupAsync();
        Sandbox.ClearRequests();

        var error = Assert.ThrowsAsync<ArgumentException>(() => Integrator().StartAssistantCallAsync(new AssistantCallRequest("+919876543210") { Name = new string('x', 41) }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("request.Name").And.Contain("40"));
            Assert.That(Sandbox.Requests, Is.Empty);
        });
    }

    [TestCase("silence-timed-out")]
    [TestCase("exceeded-max-duration")]
    [TestCase("assistant-forwarded-call")]
    [TestCase("manually-canceled")]
    public void Endings_the_assistant_was_configured_for_are_not_failures(string reason)
    {
        var explanation = CallDiagnostics.Explain(reason);

        Assert.Multiple(() =>
        {
            Assert.That(explanation.IsFailure, Is.False);
            Assert.That(explanation.Side, Is.EqualTo(FailureSide.None));
        });
    }

    [TestCase("111", "UNKNOWN")]
    [TestCase("127", "INTERWORKING")]
    [TestCase("403", "Forbidden")]
    public void Codes_up_to_127_are_causes_and_above_are_sip_responses(string code, string name)
    {
        Assert.That(CallDiagnostics.Explain(code).Name, Is.EqualTo(name));
    }
}
