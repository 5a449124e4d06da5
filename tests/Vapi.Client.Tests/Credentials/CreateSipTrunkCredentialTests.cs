using System.Net;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Credentials;

/// <summary><c>POST /credential</c>: the exact body Vapi receives and the credential read back.</summary>
public class CreateSipTrunkCredentialTests
{
    [Test]
    public async Task A_minimal_request_sends_the_provider_and_the_gateway_address_only()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "credential", """{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198"}]}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("credential-byo-exotel.json"));

        await host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198" } },
        });

        host.VerifyAllSatisfied();
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_fully_populated_request_is_sent_provider_first_in_declaration_order_without_escaping_plus()
    {
        using var host = new VapiTestHost();
        const string expected =
            """{"provider":"byo-sip-trunk","name":"vx-exotel-acme1-trunk1","gateways":[""" +
            """{"ip":"129.154.231.198","port":5070,"netmask":30,"inboundEnabled":true,"outboundEnabled":true,"outboundProtocol":"tls/srtp","optionsPingEnabled":false},""" +
            """{"ip":"sip.acme.example.com","port":443,"netmask":24,"inboundEnabled":false,"outboundEnabled":true,"outboundProtocol":"tls","optionsPingEnabled":true},""" +
            """{"ip":"54.171.127.192","outboundProtocol":"tcp"}],"outboundAuthenticationPlan":""" +
            """{"authUsername":"exotel-user","authPassword":"s3cr3t+Pa55word","sipRegisterPlan":{"domain":"acme1.pstn.exotel.com","username":"exotel-user","realm":"exotel"}},"outboundLeadingPlusEnabled":""" +
            """false,"techPrefix":"+99","sipDiversionHeader":"<sip:+918047000000@acme1.pstn.exotel.com>"}""";
        host.Expect(HttpMethod.Post, "credential", expected)
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("credential-byo-exotel.json"));

        var created = await host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Name = "vx-exotel-acme1-trunk1",
            Gateways =
            {
                new SipTrunkGateway
                {
                    Ip = "129.154.231.198", Port = 5070, Netmask = 30, InboundEnabled = true, OutboundEnabled = true,
                    OutboundProtocol = SipGatewayProtocol.TlsSrtp, OptionsPingEnabled = false,
                },
                new SipTrunkGateway
                {
                    Ip = "sip.acme.example.com", Port = 443, Netmask = 24, InboundEnabled = false, OutboundEnabled = true,
                    OutboundProtocol = SipGatewayProtocol.Tls, OptionsPingEnabled = true,
                },
                new SipTrunkGateway { Ip = "54.171.127.192", OutboundProtocol = "tcp" },
            },
            OutboundAuthenticationPlan = new SipTrunkOutboundAuthenticationPlan
            {
                AuthUsername = "exotel-user",
                AuthPassword = "s3cr3t+Pa55word",
                SipRegisterPlan = new SipTrunkRegisterPlan { Domain = "acme1.pstn.exotel.com", Username = "exotel-user", Realm = "exotel" },
            },
            OutboundLeadingPlusEnabled = false,
            TechPrefix = "+99",
            SipDiversionHeader = "<sip:+918047000000@acme1.pstn.exotel.com>",
        });

        host.VerifyAllSatisfied();
        Assert.That(created.Id, Is.EqualTo(TestAccount.CredentialId));
    }

    [Test]
    public async Task The_created_credential_is_read_with_every_field()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "credential")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("credential-byo-exotel.json"));

        var created = await host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198" } },
        });

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo(TestAccount.CredentialId));
            Assert.That(created.OrgId, Is.EqualTo("424acf80-dbea-4015-ace8-0f3924e60001"));
            Assert.That(created.Provider, Is.EqualTo(VapiCredentialProvider.ByoSipTrunk));
            Assert.That(created.Name, Is.EqualTo("vx-exotel-acme1-trunk1"));
            Assert.That(created.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 2, 9, 15, 30, 120, TimeSpan.Zero)));
            Assert.That(created.UpdatedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 2, 9, 15, 30, 120, TimeSpan.Zero)));
            Assert.That(created.OutboundLeadingPlusEnabled, Is.True);
            Assert.That(created.OutboundAuthenticationPlan?.AuthUsername, Is.EqualTo("exotel-user"));
            Assert.That(created.OutboundAuthenticationPlan?.AuthPassword, Is.Null);
            Assert.That(created.OutboundAuthenticationPlan?.SipRegisterPlan, Is.Null);
            Assert.That(created.TechPrefix, Is.EqualTo("99"));
            Assert.That(created.SipDiversionHeader, Is.EqualTo("<sip:+918047000000@acme1.pstn.exotel.com>"));
            Assert.That(created.Gateways, Has.Count.EqualTo(2));

            var first = created.Gateways[0];
            Assert.That(first.Ip, Is.EqualTo("129.154.231.198"));
            Assert.That(first.Port, Is.EqualTo(5070));
            Assert.That(first.Netmask, Is.Null);
            Assert.That(first.OutboundProtocol, Is.EqualTo(SipGatewayProtocol.Tcp));
            Assert.That(first.InboundEnabled, Is.True);
            Assert.That(first.OutboundEnabled, Is.True);
            Assert.That(first.OptionsPingEnabled, Is.False);

            var second = created.Gateways[1];
            Assert.That(second.Ip, Is.EqualTo("54.171.127.192"));
            Assert.That(second.Netmask, Is.EqualTo(30));
            Assert.That(second.Port, Is.EqualTo(5060));
            Assert.That(second.OutboundEnabled, Is.False);
            Assert.That(second.OutboundProtocol, Is.Null);
            Assert.That(second.OptionsPingEnabled, Is.Null);
        });
    }

    [Test]
    public async Task A_tls_srtp_gateway_read_back_keeps_the_slash()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "credential")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("cred-byo-tls-srtp.json"));

        var created = await host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198", Port = 443, OutboundProtocol = SipGatewayProtocol.TlsSrtp } },
        });

        Assert.Multiple(() =>
        {
            Assert.That(created.Gateways[0].OutboundProtocol, Is.EqualTo(SipGatewayProtocol.TlsSrtp));
            Assert.That(created.Gateways[0].OutboundProtocol?.Value, Is.EqualTo("tls/srtp"));
            Assert.That(created.Gateways[0].Port, Is.EqualTo(443), "a port sent as a string is read leniently");
            Assert.That(created.Gateways[1].OutboundProtocol?.Value, Is.EqualTo("quic-someday"), "unknown protocols are kept as sent");
        });
    }

    [TestCase(1)]
    [TestCase(5060)]
    [TestCase(65535)]
    public async Task Ports_at_the_edges_of_the_range_are_sent(int port)
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "credential", $$"""{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198","port":{{port}}}]}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("credential-byo-exotel.json"));

        await host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198", Port = port } },
        });

        host.VerifyAllSatisfied();
    }

    [TestCase(24)]
    [TestCase(32)]
    public async Task Netmasks_at_the_edges_of_the_range_are_sent(int netmask)
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "credential", $$"""{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198","netmask":{{netmask}}}]}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("credential-byo-exotel.json"));

        await host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198", Netmask = netmask } },
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_name_of_40_characters_is_sent()
    {
        using var host = new VapiTestHost();
        var name = new string('n', 40);
        host.Expect(HttpMethod.Post, "credential", $$"""{"provider":"byo-sip-trunk","name":"{{name}}","gateways":[{"ip":"129.154.231.198"}]}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("credential-byo-exotel.json"));

        await host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Name = name,
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198" } },
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_host_name_gateway_is_accepted_when_it_is_outbound_only()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "credential",
                """{"provider":"byo-sip-trunk","name":"PLIVO Trunk","gateways":[{"ip":"1856282236000000000.zt.plivo.com","inboundEnabled":false}]}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("credential-byo-created.json"));

        var created = await host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Name = "PLIVO Trunk",
            Gateways = { new SipTrunkGateway { Ip = "1856282236000000000.zt.plivo.com", InboundEnabled = false } },
        });

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo("d293b924-f68d-4cbc-850f-4a1b2c3d4e5f"));
            Assert.That(created.Gateways.Single().IsInboundEnabled, Is.False);
            Assert.That(created.Gateways.Single().IsOutboundEnabled, Is.True);
        });
    }
}
