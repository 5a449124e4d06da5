using System.Text.Json.Nodes;

namespace Vapi.Client.Tests.Sandbox;

/// <summary>BYO SIP trunk credentials, end to end: what the client sends the sandbox accepts, and what it answers reads back typed.</summary>
public sealed class CredentialScenarioTests : SandboxScenario
{
    private const string Password = "digest-pass-7f3a9c";
    private const string NewPassword = "digest-pass-2b8e41";

    private static CreateSipTrunkCredentialRequest EveryField() => new()
    {
        Name = "vx-exotel-sandbox1-trunk1",
        Gateways =
        {
            new SipTrunkGateway
            {
                Ip = "129.154.231.198", Port = 5070, Netmask = 32, InboundEnabled = true, OutboundEnabled = true,
                OutboundProtocol = SipGatewayProtocol.Tcp, OptionsPingEnabled = true,
            },
            new SipTrunkGateway
            {
                Ip = "129.154.231.0", Port = 443, Netmask = 24, InboundEnabled = true, OutboundEnabled = false,
                OutboundProtocol = SipGatewayProtocol.TlsSrtp, OptionsPingEnabled = false,
            },
        },
        OutboundAuthenticationPlan = new SipTrunkOutboundAuthenticationPlan
        {
            AuthUsername = "exotel-user",
            AuthPassword = Password,
            SipRegisterPlan = new SipTrunkRegisterPlan { Domain = "sandbox1.pstn.exotel.com", Username = "exotel-user", Realm = "exotel" },
        },
        OutboundLeadingPlusEnabled = true,
        TechPrefix = "#91",
        SipDiversionHeader = "<sip:+918047490924@sandbox1.pstn.exotel.com>",
    };

    private static string Describe(SipTrunkGateway g) =>
        $"{g.Ip}:{Show(g.Port)}/{Show(g.Netmask)} in={Show(g.InboundEnabled)} out={Show(g.OutboundEnabled)} {g.OutboundProtocol?.Value ?? "-"} ping={Show(g.OptionsPingEnabled)}";

    private static string Show<T>(T? value)
        where T : struct => value?.ToString() ?? "-";

    private static readonly string[] EveryFieldGateways =
    [
        "129.154.231.198:5070/32 in=True out=True tcp ping=True",
        "129.154.231.0:443/24 in=True out=False tls/srtp ping=False",
    ];

    private static void AssertEveryField(ByoSipTrunkCredential credential, string orgId)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse(credential.Id, out _), Is.True, "a UUID id");
            Assert.That(credential.OrgId, Is.EqualTo(orgId));
            Assert.That(credential.Provider, Is.EqualTo(VapiCredentialProvider.ByoSipTrunk));
            Assert.That(credential.Name, Is.EqualTo("vx-exotel-sandbox1-trunk1"));
            Assert.That(credential.CreatedAt, Is.EqualTo(Start));
            Assert.That(credential.UpdatedAt, Is.EqualTo(Start));
            Assert.That(credential.Gateways.Select(Describe), Is.EqualTo(EveryFieldGateways));
            Assert.That(credential.OutboundAuthenticationPlan?.AuthUsername, Is.EqualTo("exotel-user"));
            Assert.That(credential.OutboundAuthenticationPlan?.AuthPassword, Is.Null, "the password never comes back");
            Assert.That(credential.OutboundAuthenticationPlan?.SipRegisterPlan?.Domain, Is.EqualTo("sandbox1.pstn.exotel.com"));
            Assert.That(credential.OutboundAuthenticationPlan?.SipRegisterPlan?.Username, Is.EqualTo("exotel-user"));
            Assert.That(credential.OutboundAuthenticationPlan?.SipRegisterPlan?.Realm, Is.EqualTo("exotel"));
            Assert.That(credential.OutboundLeadingPlusEnabled, Is.True);
            Assert.That(credential.TechPrefix, Is.EqualTo("#91"));
            Assert.That(credential.SipDiversionHeader, Is.EqualTo("<sip:+918047490924@sandbox1.pstn.exotel.com>"));
            Assert.That(credential.AdditionalProperties, Is.Null, "every member the sandbox answers is modelled");
        });
    }

    [Test]
    public async Task A_trunk_created_with_every_field_reads_back_typed_through_get_and_list_and_its_password_only_reaches_the_sandbox()
    {
        var created = await Client.Credentials.CreateSipTrunkAsync(EveryField());
        var got = await Client.Credentials.GetAsync(created.Id);
        var trunk = await Client.Credentials.GetSipTrunkAsync(created.Id);
        var listed = await AllAsync(Client.Credentials.ListAsync());

        AssertEveryField(created, Sandbox.Vapi.OrgId);
        Assert.That(got, Is.TypeOf<ByoSipTrunkCredential>());
        AssertEveryField((ByoSipTrunkCredential)got, Sandbox.Vapi.OrgId);
        AssertEveryField(trunk, Sandbox.Vapi.OrgId);
        Assert.That(listed, Has.Count.EqualTo(1));
        Assert.That(listed[0], Is.TypeOf<ByoSipTrunkCredential>());
        AssertEveryField((ByoSipTrunkCredential)listed[0], Sandbox.Vapi.OrgId);
        var stored = Sandbox.Vapi.Credentials.Single();
        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo("POST", "/credential").Select(r => r.Status), Is.EqualTo(new[] { 201 }));
            Assert.That(Sandbox.Vapi.AuthPasswordIs(created.Id, Password), Is.True, "the password sent is the one kept");
            Assert.That(Sandbox.Vapi.AuthPasswordIs(created.Id, NewPassword), Is.False);
            Assert.That(((JsonObject)stored["outboundAuthenticationPlan"]!).Select(p => p.Key), Is.EquivalentTo(new[] { "authUsername", "sipRegisterPlan" }));
            Assert.That(stored.ToJsonString().Contains(Password, StringComparison.Ordinal), Is.False, "never shown");
        });
    }

    [Test]
    public async Task An_update_replaces_the_gateways_and_the_password_and_clears_what_is_set_to_null()
    {
        var created = await Client.Credentials.CreateSipTrunkAsync(EveryField());
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        var updated = await Client.Credentials.UpdateSipTrunkAsync(created.Id, new UpdateSipTrunkCredentialRequest
        {
            Name = "vx-exotel-sandbox1-trunk2",
            Gateways =
            [
                new SipTrunkGateway { Ip = "129.154.231.199", Port = 443, OutboundProtocol = SipGatewayProtocol.Tls },
                new SipTrunkGateway { Ip = "sandbox1.pstn.exotel.com", InboundEnabled = false },
            ],
            OutboundAuthenticationPlan = new SipTrunkOutboundAuthenticationPlan { AuthUsername = "exotel-user-2", AuthPassword = NewPassword },
            TechPrefix = null,
        });
        var reread = await Client.Credentials.GetSipTrunkAsync(created.Id);

        var patch = JsonNode.Parse(RequestsTo("PATCH", "/credential/" + created.Id).Single().BodyText)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(patch.Select(p => p.Key), Is.EquivalentTo(new[] { "name", "gateways", "outboundAuthenticationPlan", "techPrefix" }), "only what was set is sent");
            Assert.That(patch["techPrefix"], Is.Null, "an explicit null");
            foreach (var trunk in new[] { updated, reread })
            {
                Assert.That(trunk.Name, Is.EqualTo("vx-exotel-sandbox1-trunk2"));
                Assert.That(trunk.Gateways.Select(Describe), Is.EqualTo(new[]
                {
                    "129.154.231.199:443/- in=- out=- tls ping=-",
                    "sandbox1.pstn.exotel.com:-/- in=False out=- - ping=-",
                }));
                Assert.That(trunk.Gateways[1].IsOutboundEnabled, Is.True, "Vapi's default applies to what was not sent");
                Assert.That(trunk.OutboundAuthenticationPlan?.AuthUsername, Is.EqualTo("exotel-user-2"));
                Assert.That(trunk.OutboundAuthenticationPlan?.SipRegisterPlan, Is.Null, "the plan is replaced whole");
                Assert.That(trunk.TechPrefix, Is.Null);
                Assert.That(trunk.SipDiversionHeader, Is.EqualTo("<sip:+918047490924@sandbox1.pstn.exotel.com>"), "left alone");
                Assert.That(trunk.OutboundLeadingPlusEnabled, Is.True, "left alone");
                Assert.That(trunk.CreatedAt, Is.EqualTo(Start));
                Assert.That(trunk.UpdatedAt, Is.EqualTo(Start.AddMinutes(1)));
            }

            Assert.That(Sandbox.Vapi.Credentials.Single().ContainsKey("techPrefix"), Is.False);
            Assert.That(Sandbox.Vapi.AuthPasswordIs(created.Id, NewPassword), Is.True);
            Assert.That(Sandbox.Vapi.AuthPasswordIs(created.Id, Password), Is.False);
        });
    }

    [Test]
    public async Task An_update_of_the_name_alone_sends_only_the_name_and_keeps_gateways_and_password()
    {
        var created = await Client.Credentials.CreateSipTrunkAsync(EveryField());

        var updated = await Client.Credentials.UpdateSipTrunkAsync(created.Id, new UpdateSipTrunkCredentialRequest { Name = "vx-renamed" });

        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo("PATCH", "/credential/" + created.Id).Single().BodyText, Is.EqualTo("""{"name":"vx-renamed"}"""));
            Assert.That(updated.Name, Is.EqualTo("vx-renamed"));
            Assert.That(updated.Gateways.Select(Describe), Is.EqualTo(EveryFieldGateways));
            Assert.That(updated.OutboundAuthenticationPlan?.AuthUsername, Is.EqualTo("exotel-user"));
            Assert.That(Sandbox.Vapi.AuthPasswordIs(created.Id, Password), Is.True);
        });
    }

    [Test]
    public async Task Removing_the_authentication_plan_with_an_explicit_null_forgets_the_password()
    {
        var created = await Client.Credentials.CreateSipTrunkAsync(EveryField());

        var updated = await Client.Credentials.UpdateSipTrunkAsync(created.Id, new UpdateSipTrunkCredentialRequest { OutboundAuthenticationPlan = null });

        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo("PATCH", "/credential/" + created.Id).Single().BodyText, Is.EqualTo("""{"outboundAuthenticationPlan":null}"""));
            Assert.That(updated.OutboundAuthenticationPlan, Is.Null);
            Assert.That(Sandbox.Vapi.Credentials.Single().ContainsKey("outboundAuthenticationPlan"), Is.False);
            Assert.That(Sandbox.Vapi.AuthPasswordIs(created.Id, Password), Is.False);
        });
    }

    [Test]
    public async Task A_deleted_trunk_is_gone_from_get_and_list_and_cannot_be_deleted_twice()
    {
        var created = await CreateTrunkAsync();

        await Client.Credentials.DeleteAsync(created.Id);

        var get = Assert.ThrowsAsync<VapiException>(() => Client.Credentials.GetAsync(created.Id))!;
        var again = Assert.ThrowsAsync<VapiException>(() => Client.Credentials.DeleteAsync(created.Id))!;
        var listed = await AllAsync(Client.Credentials.ListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo("DELETE", "/credential/" + created.Id).Select(r => r.Status), Is.EqualTo(new[] { 200, 404 }));
            Assert.That(get.IsNotFound, Is.True);
            Assert.That(get.Messages, Is.EqualTo(new[] { "Credential not found" }));
            Assert.That(again.IsNotFound, Is.True);
            Assert.That(again.Operation, Is.EqualTo("DELETE /credential/{id}"));
            Assert.That(listed, Is.Empty);
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public async Task A_trunk_used_by_a_number_is_deleted_only_after_the_number()
    {
        var trunk = await CreateTrunkAsync();
        var number = await CreateNumberAsync(trunk.Id);

        var refused = Assert.ThrowsAsync<VapiException>(() => Client.Credentials.DeleteAsync(trunk.Id))!;
        await Client.PhoneNumbers.DeleteAsync(number.Id);
        await Client.Credentials.DeleteAsync(trunk.Id);

        Assert.Multiple(() =>
        {
            Assert.That(refused.IsValidationError, Is.True);
            Assert.That(refused.Messages, Is.EqualTo(new[] { $"Credential is in use by phone number(s) {number.Id}; delete them first." }));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
    }

    [TestCase(null)]
    [TestCase(true)]
    public void A_host_name_gateway_with_inbound_enabled_is_refused_by_the_client_and_never_sent(bool? inboundEnabled)
    {
        var request = new CreateSipTrunkCredentialRequest
        {
            Name = "vx-hostname",
            Gateways = { new SipTrunkGateway { Ip = "sandbox1.pstn.exotel.com", Port = 5070, InboundEnabled = inboundEnabled, OutboundProtocol = SipGatewayProtocol.Tcp } },
        };

        var ex = Assert.ThrowsAsync<ArgumentException>(() => Client.Credentials.CreateSipTrunkAsync(request))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.ParamName, Is.EqualTo("request.Gateways[0].Ip"));
            Assert.That(ex.Message, Does.Contain("an inbound gateway needs an IPv4 address"));
            Assert.That(RequestsTo("POST", "/credential"), Is.Empty, "nothing was sent");
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public async Task An_outbound_only_host_name_gateway_is_accepted_by_the_client_and_the_sandbox()
    {
        var created = await Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Name = "vx-outbound-only",
            Gateways = { new SipTrunkGateway { Ip = "sandbox1.pstn.exotel.com", Port = 5070, InboundEnabled = false, OutboundProtocol = SipGatewayProtocol.Tcp } },
        });

        Assert.Multiple(() =>
        {
            Assert.That(created.Gateways.Select(Describe), Is.EqualTo(new[] { "sandbox1.pstn.exotel.com:5070/- in=False out=- tcp ping=-" }));
            Assert.That(created.Gateways[0].IsInboundEnabled, Is.False);
            Assert.That(created.OutboundAuthenticationPlan, Is.Null);
            Assert.That((string?)Sandbox.Vapi.Credentials.Single()["gateways"]![0]!["ip"], Is.EqualTo("sandbox1.pstn.exotel.com"));
        });
    }
}
