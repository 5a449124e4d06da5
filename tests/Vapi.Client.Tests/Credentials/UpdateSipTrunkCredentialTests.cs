using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Credentials;

/// <summary><c>PATCH /credential/{id}</c>: only the members set are sent, a null clears, the gateway list is replaced whole.</summary>
public class UpdateSipTrunkCredentialTests
{
    private const string Path = "credential/" + TestAccount.CredentialId;

    [Test]
    public async Task An_update_with_nothing_set_sends_an_empty_object()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path, "{}").Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        var updated = await host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest());

        host.VerifyAllSatisfied();
        Assert.That(updated.Id, Is.EqualTo(TestAccount.CredentialId));
    }

    [Test]
    public async Task A_null_name_gateway_list_or_flag_is_left_alone_not_sent()
    {
        // They cannot be cleared on Vapi's side, so null means "unchanged" for them (unlike the VapiOptional members).
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path, "{}").Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        await host.Client.Credentials.UpdateSipTrunkAsync(
            TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest { Name = null, Gateways = null, OutboundLeadingPlusEnabled = null });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Only_the_set_members_are_sent_and_false_is_sent()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path, """{"name":"vx-exotel-acme1-trunk2","outboundLeadingPlusEnabled":false}""")
            .Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        await host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest
        {
            Name = "vx-exotel-acme1-trunk2",
            OutboundLeadingPlusEnabled = false,
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Members_set_to_null_are_sent_as_explicit_nulls()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path, """{"outboundAuthenticationPlan":null,"techPrefix":null,"sipDiversionHeader":null}""")
            .Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        await host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest
        {
            TechPrefix = null,
            OutboundAuthenticationPlan = null,
            SipDiversionHeader = null,
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Every_member_set_is_sent_in_declaration_order()
    {
        using var host = new VapiTestHost();
        const string expected =
            """{"name":"vx","gateways":[{"ip":"129.154.231.198","port":5070,"outboundProtocol":"tls/srtp"}],"outboundAuthenticationPlan":""" +
            """{"authUsername":"exotel-user","authPassword":"n3w+Pa55word"},"outboundLeadingPlusEnabled":""" +
            """true,"techPrefix":"+1","sipDiversionHeader":"<sip:+918047000001@acme1.pstn.exotel.com>"}""";
        host.Expect(HttpMethod.Patch, Path, expected).Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        await host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest
        {
            SipDiversionHeader = "<sip:+918047000001@acme1.pstn.exotel.com>",
            TechPrefix = "+1",
            OutboundLeadingPlusEnabled = true,
            OutboundAuthenticationPlan = new SipTrunkOutboundAuthenticationPlan { AuthUsername = "exotel-user", AuthPassword = "n3w+Pa55word" },
            Gateways = new[] { new SipTrunkGateway { Ip = "129.154.231.198", Port = 5070, OutboundProtocol = SipGatewayProtocol.TlsSrtp } },
            Name = "vx",
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task The_gateway_list_read_back_changed_and_sent_replaces_the_whole_list()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, Path).Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));
        const string expected =
            """{"gateways":[{"ip":"129.154.231.198","port":5070,"inboundEnabled":true,"outboundEnabled":true,"outboundProtocol":"tcp","optionsPingEnabled":false},""" +
            """{"ip":"129.154.231.199","port":5070,"outboundProtocol":"tcp"}]}""";
        host.Expect(HttpMethod.Patch, Path, expected).Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        var current = await host.Client.Credentials.GetSipTrunkAsync(TestAccount.CredentialId);
        var gateways = current.Gateways
            .Where(g => g.Ip != "54.171.127.192")
            .Append(new SipTrunkGateway { Ip = "129.154.231.199", Port = 5070, OutboundProtocol = SipGatewayProtocol.Tcp })
            .ToList();
        await host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest { Gateways = gateways });

        host.VerifyAllSatisfied();
        Assert.That(host.SentCount, Is.EqualTo(2));
    }

    [Test]
    public async Task The_answer_is_read_as_the_updated_trunk()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path, """{"techPrefix":"99"}""").Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        var updated = await host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest { TechPrefix = "99" });

        Assert.Multiple(() =>
        {
            Assert.That(updated.TechPrefix, Is.EqualTo("99"));
            Assert.That(updated.Gateways, Has.Count.EqualTo(2));
            Assert.That(updated.OutboundAuthenticationPlan?.AuthUsername, Is.EqualTo("exotel-user"));
        });
    }
}
