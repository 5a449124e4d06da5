using System.Text.Json.Nodes;
using VapiExotel.Sandbox;
using static VapiExotel.Integration.StepOutcome;

namespace VapiExotel.Integration.Tests.Integrator.Convergence;

/// <summary>TLS between Exotel and Vapi: the destination on 5061 over TLS, the gateway on Exotel's TLS port 443.</summary>
public sealed class TlsTransportTests : IntegratorScenario
{
    [Test]
    public async Task A_tls_setup_points_the_destination_at_5061_over_tls_and_the_gateway_at_443_over_tls()
    {
        Settings["VapiExotel:Trunk:Transport"] = "tls";

        var report = await Integrator().SetupAsync();

        Assert.That(report.Succeeded, Is.True, report.ToString());
        var credential = Sandbox.Vapi.Credentials.Single();
        var credentialId = (string)credential["id"]!;
        var expected = $"{credentialId}.sip.vapi.ai:5061;transport=tls";
        Assert.Multiple(() =>
        {
            Assert.That(Ledger.Outcomes(report), Is.EqualTo(Ledger.Steps(Created, Created, Created, Created, Created, Created, Created)));
            Assert.That(report.StepsFor(ResourceKind.ExotelDestination).Single().Target, Is.EqualTo(expected));
            Assert.That(Destinations(), Is.EqualTo(new[] { expected }));
            AssertTlsGateway(credential);
            Assert.That(report.StepsFor(ResourceKind.VapiCredential).Single().Message, Does.Contain("443").And.Contain("tls").IgnoreCase);
        });
        Ledger.AssertMatches(report, Sandbox);

        Sandbox.ClearRequests();
        var again = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(again.HasChanges, Is.False, again.ToString());
            Assert.That(Writes(), Is.Empty, "TLS settings read back as they were written: no drift");
        });
    }

    [Test]
    public async Task Switching_a_tcp_setup_to_tls_repairs_the_destination_and_the_gateway_in_place()
    {
        await Integrator().SetupAsync();
        AssertWired((ExoPhone, AssistantId));
        var credentialId = (string)Sandbox.Vapi.Credentials.Single()["id"]!;
        var phoneNumberId = (string)Sandbox.Vapi.PhoneNumbers.Single()["id"]!;
        var sid = Sid(OnlyTrunk());
        Sandbox.ClearRequests();

        Settings["VapiExotel:Trunk:Transport"] = "tls";
        var report = await Integrator().SetupAsync();

        var expected = $"{credentialId}.sip.vapi.ai:5061;transport=tls";
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(Ledger.Outcomes(report), Is.EqualTo(Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, Updated, AlreadyPresent, Updated, AlreadyPresent)), report.ToString());
            Assert.That(report.StepsFor(ResourceKind.ExotelDestination).Single().Message, Does.Contain("5060;transport=tcp"), "names the destination it replaced");
            Assert.That(Destinations(), Is.EqualTo(new[] { expected }), "the TCP destination is gone, the TLS one in place");
            Assert.That(Sid(OnlyTrunk()), Is.EqualTo(sid));
            Assert.That(Sandbox.Vapi.Credentials.Single()["id"]!.GetValue<string>(), Is.EqualTo(credentialId), "the credential is updated, not replaced");
            Assert.That(Sandbox.Vapi.PhoneNumbers.Single()["id"]!.GetValue<string>(), Is.EqualTo(phoneNumberId));
            AssertTlsGateway(Sandbox.Vapi.Credentials.Single());
            Assert.That(Writes().Select(w => (w.Method, Ledger.Endpoint(w))), Is.EquivalentTo(new[]
            {
                ("POST", Ledger.ExotelDestinations), ("DELETE", Ledger.ExotelDestinations), ("PATCH", Ledger.VapiCredentials),
            }));
        });
        Ledger.AssertMatches(report, Sandbox);

        Sandbox.ClearRequests();
        var again = await Integrator().SetupAsync();
        Assert.Multiple(() =>
        {
            Assert.That(again.HasChanges, Is.False, again.ToString());
            Assert.That(Writes(), Is.Empty);
        });
    }

    [Test]
    public async Task A_switch_whose_stale_destination_cannot_be_removed_reports_the_new_one_and_the_next_run_removes_the_old()
    {
        await Integrator().SetupAsync();
        var credentialId = (string)Sandbox.Vapi.Credentials.Single()["id"]!;
        var tcp = $"{credentialId}.sip.vapi.ai:5060;transport=tcp";
        var tls = $"{credentialId}.sip.vapi.ai:5061;transport=tls";
        var delete = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.ServerError(503), Api = SandboxApi.Exotel, Method = "DELETE", Path = "/v2/accounts/*/trunks/*/destination-uris**",
        });
        Settings["VapiExotel:Trunk:Transport"] = "tls";

        var report = await Integrator().SetupAsync();

        var step = report.StepsFor(ResourceKind.ExotelDestination).Single();
        var added = Sandbox.Exotel.DestinationUris(Sid(OnlyTrunk())).Single(d => Ledger.Destination((string)d["destination"]!) == tls);
        Assert.Multiple(() =>
        {
            Assert.That(delete.Applied, Is.EqualTo(4), "a DELETE is retried three times, then fails");
            Assert.That(report.Succeeded, Is.False);
            Assert.That(step.Outcome, Is.EqualTo(Failed), report.ToString());
            Assert.That(step.Target, Is.EqualTo(tls));
            Assert.That(step.Error?.HttpStatus, Is.EqualTo(503));
            Assert.That(step.Error?.IsOutcomeUnknown, Is.False, "a DELETE answered 503 is not a creating request");
            Assert.That(Destinations(), Is.EquivalentTo(new[] { tcp, tls }), "the new destination is added before the stale one goes");
            Assert.That(step.ResourceId, Is.EqualTo((string)added["id"]!), "the report says the new destination exists");
            Assert.That(report.StepsFor(ResourceKind.VapiCredential).Single().Outcome, Is.EqualTo(Updated), "the Vapi side is repaired regardless");
        });

        Sandbox.Faults.Remove(delete);
        Sandbox.ClearRequests();
        var rerun = await Integrator().SetupAsync();

        var repaired = rerun.StepsFor(ResourceKind.ExotelDestination).Single();
        Assert.Multiple(() =>
        {
            Assert.That(rerun.Succeeded, Is.True, rerun.ToString());
            Assert.That(repaired.Outcome, Is.EqualTo(Updated));
            Assert.That(repaired.ResourceId, Is.EqualTo((string)added["id"]!));
            Assert.That(repaired.Message, Does.Contain(tcp), "names the destination it removed");
            Assert.That(Destinations(), Is.EqualTo(new[] { tls }));
            Assert.That(Writes().Select(w => (w.Method, Ledger.Endpoint(w))).ToList(), Is.EqualTo(new[] { ("DELETE", Ledger.ExotelDestinations) }),
                "only the stale destination is removed; nothing is added again");
            Assert.That(Ledger.Posts(Sandbox.Requests), Is.Empty);
        });
        Ledger.AssertMatches(rerun, Sandbox);
    }

    private IReadOnlyList<string> Destinations() =>
        Sandbox.Exotel.DestinationUris(Sid(OnlyTrunk())).Select(d => Ledger.Destination((string)d["destination"]!)).ToList();

    private static void AssertTlsGateway(JsonObject credential)
    {
        var gateway = credential["gateways"]!.AsArray().Single()!;
        Assert.That((string?)gateway["ip"], Is.EqualTo(GatewayIp));
        Assert.That((int?)gateway["port"], Is.EqualTo(443));
        Assert.That((string?)gateway["outboundProtocol"], Is.EqualTo("tls"));
        Assert.That((bool?)gateway["inboundEnabled"], Is.True);
        Assert.That((bool?)gateway["outboundEnabled"], Is.True);
        Assert.That((bool?)credential["outboundLeadingPlusEnabled"], Is.True);
    }
}
