using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vapi.Client.Tests.Sandbox;

/// <summary>BYO numbers and free Vapi SIP numbers, end to end against the sandbox.</summary>
public sealed class PhoneNumberScenarioTests : SandboxScenario
{
    private const string HookSecret = "hook-secret-5d1c";
    private const string SipUser = "vx-front-desk-user-0001";
    private const string SipPassword = "vx-front-desk-pass-00001";

    private static VapiServer Server() => new()
    {
        Url = "https://hooks.example.com/vapi/events",
        Headers = new Dictionary<string, string> { ["X-Vapi-Secret"] = HookSecret },
        TimeoutSeconds = 20,
        StaticIpAddressesEnabled = false,
        BackoffPlan = JsonDocument.Parse("""{"type":"exponential","maxRetries":3,"baseDelaySeconds":1}""").RootElement,
        EncryptedPaths = ["message.call.customer.number"],
    };

    private static VapiTransferDestination Fallback() => new()
    {
        Type = "number", Number = "+919876500000", Extension = "12", CallerId = ExoPhone, Description = "Reception",
    };

    private static void AssertCreated(ByoPhoneNumber number, string credentialId, string assistantId)
    {
        Assert.Multiple(() =>
        {
            Assert.That(number.Provider, Is.EqualTo(VapiPhoneNumberProvider.ByoPhoneNumber));
            Assert.That(number.Status, Is.EqualTo(VapiPhoneNumberStatus.Active));
            Assert.That(number.Number, Is.EqualTo(ExoPhone));
            Assert.That(number.Name, Is.EqualTo("Front desk"));
            Assert.That(number.CredentialId, Is.EqualTo(credentialId));
            Assert.That(number.AssistantId, Is.EqualTo(assistantId));
            Assert.That(number.NumberE164CheckEnabled, Is.Null, "not sent, so not echoed (Vapi's default, true, applies)");
            Assert.That(number.Server?.Url, Is.EqualTo("https://hooks.example.com/vapi/events"));
            Assert.That(number.Server?.Headers?.Keys, Is.EqualTo(new[] { "X-Vapi-Secret" }));
            Assert.That(number.Server?.Headers?["X-Vapi-Secret"] == HookSecret, Is.True, "the header's value round-trips");
            Assert.That(number.Server?.TimeoutSeconds, Is.EqualTo(20));
            Assert.That(number.Server?.StaticIpAddressesEnabled, Is.False);
            Assert.That(number.Server?.BackoffPlan?.GetRawText(), Is.EqualTo("""{"type":"exponential","maxRetries":3,"baseDelaySeconds":1}"""));
            Assert.That(number.Server?.EncryptedPaths, Is.EqualTo(new[] { "message.call.customer.number" }));
            Assert.That(number.FallbackDestination?.Type, Is.EqualTo("number"));
            Assert.That(number.FallbackDestination?.Number, Is.EqualTo("+919876500000"));
            Assert.That(number.FallbackDestination?.Extension, Is.EqualTo("12"));
            Assert.That(number.FallbackDestination?.CallerId, Is.EqualTo(ExoPhone));
            Assert.That(number.FallbackDestination?.Description, Is.EqualTo("Reception"));
            Assert.That(number.CreatedAt, Is.EqualTo(Start));
            Assert.That(number.AdditionalProperties, Is.Null);
        });
    }

    [Test]
    public async Task A_byo_number_with_server_and_fallback_round_trips_through_create_get_and_list()
    {
        var trunk = await CreateTrunkAsync();

        var created = await Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            Number = ExoPhone, CredentialId = trunk.Id, Name = "Front desk", AssistantId = SeededAssistantId, Server = Server(), FallbackDestination = Fallback(),
        });
        var got = await Client.PhoneNumbers.GetAsync(created.Id);
        var listed = await AllAsync(Client.PhoneNumbers.ListAsync());

        AssertCreated(created, trunk.Id, SeededAssistantId);
        Assert.That(got, Is.TypeOf<ByoPhoneNumber>());
        AssertCreated((ByoPhoneNumber)got, trunk.Id, SeededAssistantId);
        Assert.That(listed.Select(n => n.Id), Is.EqualTo(new[] { created.Id }));
        AssertCreated((ByoPhoneNumber)listed[0], trunk.Id, SeededAssistantId);
    }

    [Test]
    public async Task Setting_the_assistant_to_null_removes_it_and_a_new_server_and_sip_fallback_replace_the_old()
    {
        var trunk = await CreateTrunkAsync();
        var created = await Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            Number = ExoPhone, CredentialId = trunk.Id, Name = "Front desk", AssistantId = SeededAssistantId, Server = Server(), FallbackDestination = Fallback(),
        });
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));

        var updated = await Client.PhoneNumbers.UpdateAsync(created.Id, new UpdateByoPhoneNumberRequest
        {
            AssistantId = null,
            Server = new VapiServer { Url = "https://hooks.example.com/vapi/assistant-request" },
            FallbackDestination = VapiTransferDestination.ToSipUri("sip:reception@pbx.example.com"),
        });

        var patch = JsonNode.Parse(RequestsTo("PATCH", "/phone-number/" + created.Id).Single().BodyText)!.AsObject();
        var stored = Sandbox.Vapi.PhoneNumbers.Single();
        Assert.Multiple(() =>
        {
            Assert.That(patch.Select(p => p.Key), Is.EquivalentTo(new[] { "assistantId", "server", "fallbackDestination" }));
            Assert.That(patch["assistantId"], Is.Null, "an explicit JSON null");
            Assert.That(updated.AssistantId, Is.Null);
            Assert.That(stored.ContainsKey("assistantId"), Is.False, "the sandbox removed the assistant");
            Assert.That(updated.Server?.Url, Is.EqualTo("https://hooks.example.com/vapi/assistant-request"));
            Assert.That(updated.Server?.Headers, Is.Null, "the server is replaced whole");
            Assert.That(updated.FallbackDestination?.Type, Is.EqualTo("sip"));
            Assert.That(updated.FallbackDestination?.SipUri, Is.EqualTo("sip:reception@pbx.example.com"));
            Assert.That(updated.FallbackDestination?.Number, Is.Null);
            Assert.That(updated.Name, Is.EqualTo("Front desk"), "left alone");
            Assert.That(updated.Number, Is.EqualTo(ExoPhone), "left alone");
            Assert.That(updated.UpdatedAt, Is.EqualTo(Start.AddSeconds(30)));
            Assert.That((string?)stored["fallbackDestination"]!["sipUri"], Is.EqualTo("sip:reception@pbx.example.com"));
        });
    }

    [Test]
    public async Task An_update_that_sets_only_the_name_sends_only_the_name()
    {
        var trunk = await CreateTrunkAsync();
        var created = await CreateNumberAsync(trunk.Id);

        var updated = await Client.PhoneNumbers.UpdateAsync(created.Id, new UpdateByoPhoneNumberRequest { Name = "Reception" });

        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo("PATCH", "/phone-number/" + created.Id).Single().BodyText, Is.EqualTo("""{"name":"Reception"}"""));
            Assert.That(updated.Name, Is.EqualTo("Reception"));
            Assert.That(updated.AssistantId, Is.EqualTo(SeededAssistantId));
            Assert.That(updated.CredentialId, Is.EqualTo(trunk.Id));
        });
    }

    [Test]
    public async Task A_number_outside_e164_is_kept_when_the_check_is_turned_off()
    {
        var trunk = await CreateTrunkAsync();

        var created = await Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            Number = "08047490924", NumberE164CheckEnabled = false, CredentialId = trunk.Id, AssistantId = SeededAssistantId,
        });

        Assert.Multiple(() =>
        {
            Assert.That(created.Number, Is.EqualTo("08047490924"));
            Assert.That(created.NumberE164CheckEnabled, Is.False);
            Assert.That((bool?)Sandbox.Vapi.PhoneNumbers.Single()["numberE164CheckEnabled"], Is.False);
        });
    }

    [Test]
    public async Task A_deleted_number_is_gone_from_get_and_list()
    {
        var trunk = await CreateTrunkAsync();
        var created = await CreateNumberAsync(trunk.Id);

        await Client.PhoneNumbers.DeleteAsync(created.Id);

        var ex = Assert.ThrowsAsync<VapiException>(() => Client.PhoneNumbers.GetAsync(created.Id))!;
        var listed = await AllAsync(Client.PhoneNumbers.ListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo("DELETE", "/phone-number/" + created.Id).Single().Status, Is.EqualTo(200));
            Assert.That(ex.IsNotFound, Is.True);
            Assert.That(ex.Messages, Is.EqualTo(new[] { "Phone number not found" }));
            Assert.That(listed, Is.Empty);
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
    }

    [Test]
    public async Task A_vapi_sip_number_with_authentication_reads_back_without_its_password_and_lists_beside_a_byo_number()
    {
        var trunk = await CreateTrunkAsync();
        var byo = await CreateNumberAsync(trunk.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));

        var created = await Client.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest
        {
            SipUri = "sip:vx-front-desk@sip.vapi.ai",
            Name = "SIP front desk",
            AssistantId = SeededAssistantId,
            Authentication = new VapiSipAuthentication { Realm = "sip.vapi.ai", Username = SipUser, Password = SipPassword },
        });
        var got = await Client.PhoneNumbers.GetAsync(created.Id);
        var listed = await AllAsync(Client.PhoneNumbers.ListAsync());

        var stored = Sandbox.Vapi.PhoneNumbers.Single(n => (string?)n["provider"] == "vapi");
        Assert.Multiple(() =>
        {
            foreach (var number in new[] { created, got as VapiSipPhoneNumber })
            {
                Assert.That(number, Is.Not.Null, "read as a Vapi SIP number");
                Assert.That(number!.Provider, Is.EqualTo(VapiPhoneNumberProvider.Vapi));
                Assert.That(number.SipUri, Is.EqualTo("sip:vx-front-desk@sip.vapi.ai"));
                Assert.That(number.Name, Is.EqualTo("SIP front desk"));
                Assert.That(number.AssistantId, Is.EqualTo(SeededAssistantId));
                Assert.That(number.Status, Is.EqualTo(VapiPhoneNumberStatus.Active));
                Assert.That(number.Authentication?.Realm, Is.EqualTo("sip.vapi.ai"));
                Assert.That(number.Authentication?.Username, Is.EqualTo(SipUser));
                Assert.That(number.Authentication?.Password, Is.Null, "the password never comes back");
            }

            Assert.That(listed.Select(n => n.GetType()), Is.EqualTo(new[] { typeof(VapiSipPhoneNumber), typeof(ByoPhoneNumber) }), "newest first, each typed by provider");
            Assert.That(listed.Select(n => n.Id), Is.EqualTo(new[] { created.Id, byo.Id }));
            Assert.That(((JsonObject)stored["authentication"]!).Select(p => p.Key), Is.EquivalentTo(new[] { "realm", "username" }));
        });
    }

    [Test]
    public async Task Setting_a_vapi_sip_numbers_authentication_to_null_removes_it()
    {
        var created = await Client.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest
        {
            SipUri = "sip:vx-front-desk@sip.vapi.ai",
            Authentication = new VapiSipAuthentication { Username = SipUser, Password = SipPassword },
        });

        var updated = await Client.PhoneNumbers.UpdateAsync(created.Id, new UpdateVapiSipPhoneNumberRequest { Authentication = null, Name = "Open line" });

        Assert.Multiple(() =>
        {
            Assert.That(RequestsTo("PATCH", "/phone-number/" + created.Id).Single().BodyText, Is.EqualTo("""{"authentication":null,"name":"Open line"}"""));
            Assert.That(updated.Authentication, Is.Null);
            Assert.That(updated.Name, Is.EqualTo("Open line"));
            Assert.That(updated.SipUri, Is.EqualTo("sip:vx-front-desk@sip.vapi.ai"));
            Assert.That(Sandbox.Vapi.PhoneNumbers.Single().ContainsKey("authentication"), Is.False);
        });
    }

    [Test]
    public void A_sip_uri_outside_the_regions_sip_domain_passes_the_client_but_is_refused_by_the_server()
    {
        var ex = Assert.ThrowsAsync<VapiException>(() => Client.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest { SipUri = "sip:vx-front-desk@pbx.example.com" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.IsValidationError, Is.True);
            Assert.That(ex.Messages, Is.EqualTo(new[] { "sipUri must look like sip:<username>@sip.vapi.ai" }));
            Assert.That(ex.Operation, Is.EqualTo("POST /phone-number"));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
    }
}
