using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.PhoneNumbers;

/// <summary><c>PATCH /phone-number/{id}</c>: only the members set are sent, and a null is sent as an explicit null.</summary>
public class UpdatePhoneNumberTests
{
    private const string Path = "phone-number/" + TestAccount.PhoneNumberId;

    [Test]
    public async Task A_byo_update_with_nothing_set_sends_an_empty_object()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path, "{}").Respond("application/json", Fixtures.Read("phone-number-byo.json"));

        var updated = await host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest());

        host.VerifyAllSatisfied();
        Assert.That(updated, Is.TypeOf<ByoPhoneNumber>());
    }

    [Test]
    public async Task A_byo_update_sends_explicit_nulls_for_the_cleared_members()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path, """{"name":null,"assistantId":null,"squadId":null,"workflowId":null,"server":null,"fallbackDestination":null}""")
            .Respond("application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest
        {
            FallbackDestination = null,
            Server = null,
            WorkflowId = null,
            SquadId = null,
            AssistantId = null,
            Name = null,
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_byo_update_sends_every_set_member_in_declaration_order()
    {
        using var host = new VapiTestHost();
        var expected =
            $$"""{"number":"9876543210","numberE164CheckEnabled":false,"credentialId":"{{TestAccount.CredentialId}}","name":"Acme line 2","workflowId":"wf-1","server":""" +
            """{"url":"https://hooks.example.com/vapi","headers":{"X-Tenant":"acme+1"}},"fallbackDestination":""" +
            """{"type":"number","number":"+918047000099"}}""";
        host.Expect(HttpMethod.Patch, Path, expected).Respond("application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest
        {
            FallbackDestination = VapiTransferDestination.ToNumber("+918047000099"),
            Server = new VapiServer { Url = "https://hooks.example.com/vapi", Headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["X-Tenant"] = "acme+1" } },
            WorkflowId = "wf-1",
            Name = "Acme line 2",
            CredentialId = TestAccount.CredentialId,
            NumberE164CheckEnabled = false,
            Number = "9876543210",
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_byo_update_can_switch_from_a_squad_to_an_assistant()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path, $$"""{"assistantId":"{{TestAccount.AssistantId}}","squadId":null}""")
            .Respond("application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest
        {
            AssistantId = TestAccount.AssistantId,
            SquadId = null,
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_byo_update_checks_an_e164_number_and_sends_plus_unescaped()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path, """{"number":"+918047000004","numberE164CheckEnabled":true}""")
            .Respond("application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest
        {
            Number = "+918047000004",
            NumberE164CheckEnabled = true,
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public void An_answer_of_another_provider_than_the_update_was_for_is_an_error()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path, """{"name":"x"}""").Respond("application/json", Fixtures.Read("phone-number-vapi.json"));

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest { Name = "x" }))!;

        Assert.That(ex.Message, Does.Contain("'vapi' number").And.Contain("ByoPhoneNumber"));
    }

    [Test]
    public async Task A_vapi_sip_update_with_nothing_set_sends_an_empty_object()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path, "{}").Respond("application/json", Fixtures.Read("phone-number-vapi.json"));

        var updated = await host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateVapiSipPhoneNumberRequest());

        host.VerifyAllSatisfied();
        Assert.That(updated, Is.TypeOf<VapiSipPhoneNumber>());
    }

    [Test]
    public async Task A_vapi_sip_update_sends_explicit_nulls_for_the_cleared_members()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, Path,
                """{"authentication":null,"name":null,"assistantId":null,"squadId":null,"workflowId":null,"server":null,"fallbackDestination":null}""")
            .Respond("application/json", Fixtures.Read("phone-number-vapi.json"));

        await host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateVapiSipPhoneNumberRequest
        {
            Authentication = null,
            Name = null,
            AssistantId = null,
            SquadId = null,
            WorkflowId = null,
            Server = null,
            FallbackDestination = null,
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_vapi_sip_update_sends_every_set_member_in_declaration_order()
    {
        using var host = new VapiTestHost();
        var expected =
            """{"sipUri":"sip:reception@sip.vapi.ai","authentication":""" +
            """{"username":"front-desk-user-000002","password":"front-desk-password+0002"},"name":"Reception","assistantId":"a-1","server":""" +
            """{"url":"https://hooks.example.com/vapi","timeoutSeconds":30},"fallbackDestination":""" +
            """{"type":"sip","sipUri":"sip:operator@acme.example.com"}}""";
        host.Expect(HttpMethod.Patch, Path, expected).Respond("application/json", Fixtures.Read("phone-number-vapi.json"));

        await host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateVapiSipPhoneNumberRequest
        {
            FallbackDestination = VapiTransferDestination.ToSipUri("sip:operator@acme.example.com"),
            Server = new VapiServer { Url = "https://hooks.example.com/vapi", TimeoutSeconds = 30 },
            AssistantId = "a-1",
            Name = "Reception",
            Authentication = new VapiSipAuthentication { Username = "front-desk-user-000002", Password = "front-desk-password+0002" },
            SipUri = "sip:reception@sip.vapi.ai",
        });

        host.VerifyAllSatisfied();
    }
}
