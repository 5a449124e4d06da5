using System.Net;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests;

public class SmokeTests
{
    [Test]
    public async Task Creates_a_trunk_credential_with_only_the_set_fields()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "credential",
                """{"provider":"byo-sip-trunk","name":"vx","gateways":[{"ip":"129.154.231.198","port":5070,"inboundEnabled":true,"outboundProtocol":"tcp"}],"outboundLeadingPlusEnabled":true}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("credential-byo-exotel.json"));

        var created = await host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Name = "vx",
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198", Port = 5070, InboundEnabled = true, OutboundProtocol = SipGatewayProtocol.Tcp } },
            OutboundLeadingPlusEnabled = true,
        });

        host.VerifyAllSatisfied();
        Assert.That(created.Gateways[0].OutboundProtocol, Is.EqualTo(SipGatewayProtocol.Tcp));
    }

    [Test]
    public async Task Update_sends_explicit_null()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, "phone-number/" + TestAccount.PhoneNumberId, """{"assistantId":null,"server":{"url":"https://hooks.example.com/vapi"}}""")
            .Respond("application/json", Fixtures.Read("phone-number-byo.json"));

        var updated = await host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest
        {
            AssistantId = null,
            Server = new VapiServer { Url = "https://hooks.example.com/vapi" },
        });

        host.VerifyAllSatisfied();
        Assert.That(updated, Is.TypeOf<ByoPhoneNumber>());
    }
}
