using System.Net;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.PhoneNumbers;

/// <summary><c>POST /phone-number</c> for BYO numbers and free Vapi SIP numbers: the exact body and the number read back.</summary>
public class CreatePhoneNumberTests
{
    [Test]
    public async Task A_minimal_byo_number_sends_the_provider_number_and_credential()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "phone-number",
                $$"""{"provider":"byo-phone-number","number":"+918047000003","credentialId":"{{TestAccount.CredentialId}}"}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-byo.json"));

        var created = await host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            Number = "+918047000003",
            CredentialId = TestAccount.CredentialId,
        });

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(created, Is.TypeOf<ByoPhoneNumber>());
            Assert.That(created.Id, Is.EqualTo("eba2fb13-259f-4123-abfa-0a1b2c3d4e5f"));
            Assert.That(created.CredentialId, Is.EqualTo("a2c815b8-03f4-40f5-813c-0a1b2c3d4e5f"));
            Assert.That(created.NumberE164CheckEnabled, Is.False);
            Assert.That(created.Status, Is.EqualTo(VapiPhoneNumberStatus.Active));
        });
    }

    [Test]
    public async Task A_byo_number_without_a_number_sends_only_the_credential()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "phone-number", $$"""{"provider":"byo-phone-number","credentialId":"{{TestAccount.CredentialId}}"}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest { CredentialId = TestAccount.CredentialId });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_fully_populated_byo_number_is_sent_provider_first_in_declaration_order()
    {
        using var host = new VapiTestHost();
        var expected =
            $$"""{"provider":"byo-phone-number","number":"+918047000003","numberE164CheckEnabled":true,"credentialId":"{{TestAccount.CredentialId}}","name":"Acme front desk","assistantId":"{{TestAccount.AssistantId}}","server":""" +
            """{"url":"https://hooks.example.com/vapi?tenant=acme&line=1","headers":{"Authorization":"Bearer hook-token","X-Tenant":"acme"},"timeoutSeconds":""" +
            """20,"credentialId":"cred-hmac-1","staticIpAddressesEnabled":true},"fallbackDestination":""" +
            """{"type":"number","number":"+918047000099"}}""";
        host.Expect(HttpMethod.Post, "phone-number", expected)
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("pn-byo-routed.json"));

        var created = await host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            FallbackDestination = VapiTransferDestination.ToNumber("+918047000099"),
            Server = new VapiServer
            {
                Url = "https://hooks.example.com/vapi?tenant=acme&line=1",
                Headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Authorization"] = "Bearer hook-token", ["X-Tenant"] = "acme" },
                TimeoutSeconds = 20,
                CredentialId = "cred-hmac-1",
                StaticIpAddressesEnabled = true,
            },
            AssistantId = TestAccount.AssistantId,
            Name = "Acme front desk",
            CredentialId = TestAccount.CredentialId,
            NumberE164CheckEnabled = true,
            Number = "+918047000003",
        });

        host.VerifyAllSatisfied();
        Assert.That(created.Id, Is.EqualTo(TestAccount.PhoneNumberId));
    }

    [TestCase(1.0, "1")]
    [TestCase(12.5, "12.5")]
    [TestCase(300.0, "300")]
    public async Task A_server_timeout_within_1_to_300_is_sent_as_a_number(double seconds, string json)
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "phone-number",
                $$$"""{"provider":"byo-phone-number","credentialId":"{{{TestAccount.CredentialId}}}","server":{"url":"https://hooks.example.com/vapi","timeoutSeconds":{{{json}}}}}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            CredentialId = TestAccount.CredentialId,
            Server = new VapiServer { Url = "https://hooks.example.com/vapi", TimeoutSeconds = seconds },
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_fallback_to_a_sip_uri_is_sent_with_type_sip()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "phone-number",
                $$$"""{"provider":"byo-phone-number","credentialId":"{{{TestAccount.CredentialId}}}","workflowId":"wf-1","fallbackDestination":{"type":"sip","sipUri":"sip:reception@acme.example.com"}}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            CredentialId = TestAccount.CredentialId,
            WorkflowId = "wf-1",
            FallbackDestination = VapiTransferDestination.ToSipUri("sip:reception@acme.example.com"),
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_fallback_destination_with_every_member_is_sent_in_declaration_order()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "phone-number",
                $$$"""{"provider":"byo-phone-number","credentialId":"{{{TestAccount.CredentialId}}}","fallbackDestination":{"type":"number","number":"02240000000","numberE164CheckEnabled":false,"extension":"12","callerId":"+918047000003","description":"Reception"}}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            CredentialId = TestAccount.CredentialId,
            FallbackDestination = new VapiTransferDestination
            {
                Description = "Reception", CallerId = "+918047000003", Extension = "12", NumberE164CheckEnabled = false, Number = "02240000000", Type = "number",
            },
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_non_e164_number_is_sent_when_the_check_is_off()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "phone-number",
                $$"""{"provider":"byo-phone-number","number":"9876543210","numberE164CheckEnabled":false,"credentialId":"{{TestAccount.CredentialId}}"}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            Number = "9876543210",
            NumberE164CheckEnabled = false,
            CredentialId = TestAccount.CredentialId,
        });

        host.VerifyAllSatisfied();
    }

    [TestCase("+0123")]
    [TestCase("1833684XXXX")]
    [TestCase("abc")]
    public async Task A_loose_number_is_sent_when_the_check_is_off(string number)
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "phone-number",
                $$"""{"provider":"byo-phone-number","number":"{{number}}","numberE164CheckEnabled":false,"credentialId":"{{TestAccount.CredentialId}}"}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            Number = number,
            NumberE164CheckEnabled = false,
            CredentialId = TestAccount.CredentialId,
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_number_of_40_characters_is_sent_when_the_check_is_off()
    {
        using var host = new VapiTestHost();
        var number = new string('7', 40);
        host.Expect(HttpMethod.Post, "phone-number",
                $$"""{"provider":"byo-phone-number","number":"{{number}}","numberE164CheckEnabled":false,"credentialId":"{{TestAccount.CredentialId}}"}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest { Number = number, NumberE164CheckEnabled = false, CredentialId = TestAccount.CredentialId });

        host.VerifyAllSatisfied();
    }

    [Test]
    public void A_byo_create_answered_with_another_kind_of_number_fails()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "phone-number")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-vapi.json"));

        var ex = Assert.ThrowsAsync<VapiException>(() =>
            host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest { Number = "+918047000003", CredentialId = TestAccount.CredentialId }))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("'vapi'"));
            Assert.That(ex.Message, Does.Contain(nameof(ByoPhoneNumber)));
            Assert.That(ex.Operation, Is.EqualTo("POST /phone-number"));
        });
    }

    [Test]
    public async Task A_fully_populated_vapi_sip_number_is_sent_provider_first_in_declaration_order()
    {
        using var host = new VapiTestHost();
        const string expected =
            """{"provider":"vapi","sipUri":"sip:front-desk@sip.vapi.ai","authentication":""" +
            """{"realm":"sip.vapi.ai","username":"front-desk-user-000001","password":"front-desk-password+0001"},"name":"Front desk","squadId":"squad-1","server":""" +
            """{"url":"https://hooks.example.com/vapi"},"fallbackDestination":""" +
            """{"type":"sip","sipUri":"sip:reception@acme.example.com"}}""";
        host.Expect(HttpMethod.Post, "phone-number", expected)
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-vapi.json"));

        var created = await host.Client.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest
        {
            FallbackDestination = VapiTransferDestination.ToSipUri("sip:reception@acme.example.com"),
            Server = new VapiServer { Url = "https://hooks.example.com/vapi" },
            SquadId = "squad-1",
            Name = "Front desk",
            Authentication = new VapiSipAuthentication { Realm = "sip.vapi.ai", Username = "front-desk-user-000001", Password = "front-desk-password+0001" },
            SipUri = "sip:front-desk@sip.vapi.ai",
        });

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(created, Is.TypeOf<VapiSipPhoneNumber>());
            Assert.That(created.SipUri, Is.EqualTo("sip:your_unique_user_name@sip.eu.vapi.ai"));
            Assert.That(created.Authentication?.Username, Is.EqualTo("front-desk-user-000001"));
            Assert.That(created.Authentication?.Password, Is.Null);
        });
    }

    [Test]
    public async Task A_minimal_vapi_sip_number_sends_the_provider_and_uri()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "phone-number", """{"provider":"vapi","sipUri":"sips:front-desk@sip.eu.vapi.ai"}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-vapi.json"));

        await host.Client.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest { SipUri = "sips:front-desk@sip.eu.vapi.ai" });

        host.VerifyAllSatisfied();
    }

    [TestCase(20)]
    [TestCase(40)]
    public async Task Sip_credentials_of_20_to_40_characters_are_sent(int length)
    {
        using var host = new VapiTestHost();
        var username = new string('u', length);
        var password = new string('p', length);
        host.Expect(HttpMethod.Post, "phone-number",
                $$$"""{"provider":"vapi","sipUri":"sip:front-desk@sip.vapi.ai","authentication":{"username":"{{{username}}}","password":"{{{password}}}"}}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-vapi.json"));

        await host.Client.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest
        {
            SipUri = "sip:front-desk@sip.vapi.ai",
            Authentication = new VapiSipAuthentication { Username = username, Password = password },
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public void A_vapi_sip_create_answered_with_a_byo_number_fails()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "phone-number")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-byo.json"));

        var ex = Assert.ThrowsAsync<VapiException>(() =>
            host.Client.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest { SipUri = "sip:front-desk@sip.vapi.ai" }))!;

        Assert.That(ex.Message, Does.Contain(nameof(VapiSipPhoneNumber)));
    }
}
