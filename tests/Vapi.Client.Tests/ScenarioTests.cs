using System.Net;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests;

/// <summary>The "done when": register, create a trunk credential and a number bound to an assistant, place a call and follow it to its end.</summary>
public class ScenarioTests
{
    [Test]
    public async Task A_user_wires_a_trunk_and_a_number_places_a_call_and_follows_it_to_its_end()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "assistant/" + TestAccount.AssistantId)
            .Respond("application/json", Fixtures.Read("assistant.json"));
        host.Expect(HttpMethod.Post, "credential",
                """{"provider":"byo-sip-trunk","name":"vx-exotel-acme1-trunk1","gateways":[{"ip":"129.154.231.198","port":5070,"inboundEnabled":true,"outboundEnabled":true,"outboundProtocol":"tcp"}],"outboundAuthenticationPlan":{"authUsername":"exotel-user","authPassword":"digest-pass-7f3a9c"},"outboundLeadingPlusEnabled":true}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("credential-byo-exotel.json"));
        host.Expect(HttpMethod.Post, "phone-number",
                $$"""{"provider":"byo-phone-number","number":"+918047000003","credentialId":"{{TestAccount.CredentialId}}","name":"Front desk","assistantId":"{{TestAccount.AssistantId}}"}""")
            .Respond(HttpStatusCode.Created, "application/json", ByoNumberJson());
        host.Expect(HttpMethod.Post, "call",
                $$$"""{"assistantId":"{{{TestAccount.AssistantId}}}","phoneNumberId":"{{{TestAccount.PhoneNumberId}}}","customer":{"number":"+919876543210","name":"Asha"}}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));
        foreach (var status in new[] { "ringing", "in-progress" })
        {
            host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId)
                .Respond("application/json", $$"""{"id":"{{TestAccount.CallId}}","orgId":"o","status":"{{status}}","createdAt":"2026-03-26T15:43:16.145Z","updatedAt":"2026-03-26T15:43:17.145Z"}""");
        }

        host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId).Respond("application/json", Fixtures.Read("call-ended-sip.json"));

        var vapi = host.Client;
        var assistant = await vapi.Assistants.GetAsync(TestAccount.AssistantId);
        var trunk = await vapi.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Name = "vx-exotel-acme1-trunk1",
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198", Port = 5070, InboundEnabled = true, OutboundEnabled = true, OutboundProtocol = SipGatewayProtocol.Tcp } },
            OutboundAuthenticationPlan = new SipTrunkOutboundAuthenticationPlan { AuthUsername = "exotel-user", AuthPassword = "digest-pass-7f3a9c" },
            OutboundLeadingPlusEnabled = true,
        });
        var number = await vapi.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            Number = "+918047000003", CredentialId = trunk.Id, Name = "Front desk", AssistantId = assistant.Id,
        });
        var call = await vapi.Calls.CreateAsync(new CreateCallRequest
        {
            AssistantId = assistant.Id, PhoneNumberId = number.Id, Customer = new VapiCustomer { Number = "+919876543210", Name = "Asha" },
        });

        var seen = new List<VapiCallStatus?> { call.Status };
        while (call.Status?.IsTerminal != true)
        {
            call = await vapi.Calls.GetAsync(call.Id);
            seen.Add(call.Status);
        }

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(assistant.Name, Is.EqualTo("Front desk"));
            Assert.That(trunk.Id, Is.EqualTo(TestAccount.CredentialId));
            Assert.That(trunk.Gateways[0].EffectiveOutboundProtocol, Is.EqualTo(SipGatewayProtocol.Tcp));
            Assert.That(number.CredentialId, Is.EqualTo(TestAccount.CredentialId));
            Assert.That(seen, Is.EqualTo(new VapiCallStatus?[] { VapiCallStatus.Queued, VapiCallStatus.Ringing, VapiCallStatus.InProgress, VapiCallStatus.Ended }));
            Assert.That(call.EndedReason, Is.EqualTo(VapiEndedReason.OutboundSip408RequestTimeout));
            Assert.That(call.EndedReason!.Value.SipStatusCode, Is.EqualTo(408));
            Assert.That(call.Artifact?.PcapUrl, Does.EndWith(".pcap"));
            Assert.That(string.Join("\n", host.Logs.Lines), Does.Not.Contain("digest-pass-7f3a9c").And.Not.Contain(TestAccount.ApiKey));
        });
    }

    private static string ByoNumberJson() =>
        $$"""{"id":"{{TestAccount.PhoneNumberId}}","orgId":"o","provider":"byo-phone-number","number":"+918047000003","credentialId":"{{TestAccount.CredentialId}}","assistantId":"{{TestAccount.AssistantId}}","name":"Front desk","status":"active","createdAt":"2026-11-03T12:00:00.000Z","updatedAt":"2026-11-03T12:00:00.000Z"}""";
}
