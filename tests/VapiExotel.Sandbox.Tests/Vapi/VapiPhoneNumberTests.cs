using System.Net;

namespace VapiExotel.Sandbox.Tests.Vapi;

public sealed class VapiPhoneNumberTests : Support.SandboxTest
{
    private const string SipPassword = "vapi-sip-password-0123456";

    [Test]
    public async Task Create_byo_number_answers_201_active_with_an_echo()
    {
        var credentialId = await VapiSeed.CreateCredentialAsync(Vapi);
        var assistantId = VapiSeed.AssistantId(Sandbox);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{credentialId}}","number":"+918047490924","name":"Exotel line","assistantId":"{{assistantId}}"}""");
        var json = body!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(Guid.TryParse((string?)json["id"], out _), Is.True);
            Assert.That((string?)json["orgId"], Is.EqualTo(Sandbox.Vapi.OrgId));
            Assert.That((string?)json["provider"], Is.EqualTo("byo-phone-number"));
            Assert.That((string?)json["status"], Is.EqualTo("active"));
            Assert.That((string?)json["credentialId"], Is.EqualTo(credentialId));
            Assert.That((string?)json["number"], Is.EqualTo("+918047490924"));
            Assert.That((string?)json["name"], Is.EqualTo("Exotel line"));
            Assert.That((string?)json["assistantId"], Is.EqualTo(assistantId));
            Assert.That((string?)json["createdAt"], Is.EqualTo("2026-01-23T10:00:00.000Z"));
            Assert.That(json.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "id", "orgId", "provider", "createdAt", "updatedAt", "credentialId", "number", "name", "assistantId", "status",
            }));
            Assert.That(Sandbox.Vapi.PhoneNumbers.Single()["id"]!.ToString(), Is.EqualTo((string?)json["id"]));
        });
    }

    [TestCase("918047490924")]
    [TestCase("+0123")]
    [TestCase("abc")]
    public async Task A_number_that_is_not_E164_is_refused_by_default(string number)
    {
        var credentialId = await VapiSeed.CreateCredentialAsync(Vapi);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{credentialId}}","number":"{{number}}"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Does.Contain(number).And.Contain("E.164"));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
    }

    [TestCase("918047490924")]
    [TestCase("+001234567890")]
    [TestCase("abc")]
    public async Task A_non_E164_number_is_accepted_when_the_check_is_disabled(string number)
    {
        var credentialId = await VapiSeed.CreateCredentialAsync(Vapi);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{credentialId}}","number":"{{number}}","numberE164CheckEnabled":false}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)body!["number"], Is.EqualTo(number));
            Assert.That((bool?)body["numberE164CheckEnabled"], Is.False);
        });
    }

    [Test]
    public async Task With_the_check_disabled_the_number_must_still_match_the_simple_pattern()
    {
        var credentialId = await VapiSeed.CreateCredentialAsync(Vapi);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{credentialId}}","number":"12 34-56","numberE164CheckEnabled":false}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Is.EqualTo("number must match /^\\+?[a-zA-Z0-9]+$/"));
        });
    }

    [Test]
    public async Task An_unknown_credential_id_is_refused()
    {
        var unknown = Guid.NewGuid().ToString();
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{unknown}}","number":"+918047490924"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Does.Contain(unknown));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
    }

    [Test]
    public async Task A_missing_credential_id_is_refused_by_the_schema()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number", """{"provider":"byo-phone-number","number":"+918047490924"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body!["message"]!.AsArray().Select(m => (string?)m), Is.EqualTo(new[] { "credentialId should not be empty" }));
        });
    }

    [Test]
    public async Task An_unknown_assistant_id_is_refused()
    {
        var credentialId = await VapiSeed.CreateCredentialAsync(Vapi);
        var unknown = Guid.NewGuid().ToString();
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{credentialId}}","number":"+918047490924","assistantId":"{{unknown}}"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Does.Contain(unknown));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
    }

    [Test]
    public async Task The_same_number_twice_on_one_credential_is_refused_but_allowed_on_another()
    {
        var first = await VapiSeed.CreateNumberAsync(Vapi);
        var credentialId = (string)first["credentialId"]!;
        var (duplicate, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{credentialId}}","number":"+918047490924"}""");
        var other = await VapiSeed.CreateCredentialAsync(Vapi);
        var (elsewhere, _) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{other}}","number":"+918047490924"}""");
        Assert.Multiple(() =>
        {
            Assert.That(duplicate, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Does.Contain("+918047490924"));
            Assert.That(elsewhere, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task An_explicit_null_in_PATCH_removes_the_assistant_and_sets_the_server()
    {
        var number = await VapiSeed.CreateNumberAsync(Vapi, extra: $$""","assistantId":"{{VapiSeed.AssistantId(Sandbox)}}","name":"keep me" """);
        var (status, patched) = await SendAsync(Vapi, HttpMethod.Patch, $"phone-number/{number["id"]}",
            """{"assistantId":null,"server":{"url":"https://hooks.example.com/vapi"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(patched!.AsObject().ContainsKey("assistantId"), Is.False);
            Assert.That((string?)patched["server"]!["url"], Is.EqualTo("https://hooks.example.com/vapi"));
            Assert.That((string?)patched["name"], Is.EqualTo("keep me"));
            Assert.That(Sandbox.Vapi.PhoneNumbers.Single().ContainsKey("assistantId"), Is.False);
        });
    }

    [Test]
    public async Task Patching_a_number_to_one_already_on_the_credential_is_refused()
    {
        var first = await VapiSeed.CreateNumberAsync(Vapi);
        var second = await VapiSeed.CreateNumberAsync(Vapi, "+918047490925", credentialId: (string)first["credentialId"]!);
        var (status, _) = await SendAsync(Vapi, HttpMethod.Patch, $"phone-number/{second["id"]}", """{"number":"+918047490924"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Sandbox.Vapi.PhoneNumbers.Select(p => (string?)p["number"]), Is.EqualTo(new[] { "+918047490924", "+918047490925" }));
        });
    }

    [TestCase("""{"url":"not a url"}""", "server.url must be a URL address")]
    [TestCase("""{"url":"ftp://hooks.example.com/x"}""", "server.url must be a URL address")]
    [TestCase("""{"url":"https://hooks.example.com/x","timeoutSeconds":0}""", "server.timeoutSeconds must not be less than 1")]
    [TestCase("""{"url":"https://hooks.example.com/x","timeoutSeconds":301}""", "server.timeoutSeconds must not be greater than 300")]
    [TestCase("""{"url":"https://hooks.example.com/x","secret":"s"}""", "server.property secret should not exist")]
    public async Task The_server_object_is_validated(string server, string message)
    {
        var credentialId = await VapiSeed.CreateCredentialAsync(Vapi);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{credentialId}}","number":"+918047490924","server":{{server}} }""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body!["message"]!.AsArray().Select(m => (string?)m), Is.EqualTo(new[] { message }));
        });
    }

    [Test]
    public async Task A_server_with_timeout_and_headers_in_range_is_accepted_and_echoed()
    {
        var number = await VapiSeed.CreateNumberAsync(Vapi,
            extra: ""","server":{"url":"https://hooks.example.com/x","timeoutSeconds":300,"headers":{"X-Test":"1"}}""");
        Assert.That(VapiSeed.Json(number["server"]), Is.EqualTo("""{"url":"https://hooks.example.com/x","timeoutSeconds":300,"headers":{"X-Test":"1"}}"""));
    }

    [TestCase("""{"type":"number","number":"+14155551234"}""")]
    [TestCase("""{"type":"sip","sipUri":"sip:support@pbx.example.com"}""")]
    public async Task A_fallback_destination_of_either_kind_is_accepted(string destination)
    {
        var number = await VapiSeed.CreateNumberAsync(Vapi, extra: $$""","fallbackDestination":{{destination}}""");
        Assert.That(VapiSeed.Json(number["fallbackDestination"]), Is.EqualTo(destination));
    }

    [TestCase("""{"type":"fax","number":"+14155551234"}""", "fallbackDestination.type must be one of the following values: number, sip")]
    [TestCase("""{"type":"sip"}""", "fallbackDestination.sipUri should not be empty")]
    [TestCase("""{"type":"number"}""", "fallbackDestination.number should not be empty")]
    [TestCase("""{"type":"sip","sipUri":"sip:a@b","number":"+14155551234"}""", "fallbackDestination.property number should not exist")]
    public async Task A_fallback_destination_is_validated_by_its_type(string destination, string message)
    {
        var credentialId = await VapiSeed.CreateCredentialAsync(Vapi);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{credentialId}}","fallbackDestination":{{destination}} }""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body!["message"]!.AsArray().Select(m => (string?)m), Is.EqualTo(new[] { message }));
        });
    }

    [Test]
    public async Task A_vapi_SIP_number_on_the_configured_domain_is_created_without_echoing_its_password()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"vapi","sipUri":"sip:vx-agent@sip.vapi.ai","name":"SIP agent","authentication":{"username":"vx-agent-user-0123456","password":"{{SipPassword}}"} }""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)body!["provider"], Is.EqualTo("vapi"));
            Assert.That((string?)body["sipUri"], Is.EqualTo("sip:vx-agent@sip.vapi.ai"));
            Assert.That((string?)body["status"], Is.EqualTo("active"));
            Assert.That(VapiSeed.Json(body["authentication"]), Is.EqualTo("""{"username":"vx-agent-user-0123456"}"""));
            Assert.That(body.ToJsonString().Contains(SipPassword, StringComparison.Ordinal), Is.False, "the SIP password was echoed");
            Assert.That(Sandbox.Vapi.PhoneNumbers.Single().ToJsonString().Contains(SipPassword, StringComparison.Ordinal), Is.False, "the snapshot holds the SIP password");
        });
    }

    [TestCase("sip:vx-agent@sip.eu.vapi.ai")]
    [TestCase("sip:vx-agent@example.com")]
    [TestCase("vx-agent@sip.vapi.ai")]
    [TestCase("sip:@sip.vapi.ai")]
    public async Task A_vapi_SIP_uri_off_the_configured_domain_is_refused(string sipUri)
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number", $$"""{"provider":"vapi","sipUri":"{{sipUri}}"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Is.EqualTo("sipUri must look like sip:<username>@sip.vapi.ai"));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
    }

    [TestCase("""{"username":"short-user","password":"vapi-sip-password-0123456"}""", "authentication.username must be longer than or equal to 20 characters")]
    [TestCase("""{"username":"vx-agent-user-0123456","password":"short"}""", "authentication.password must be longer than or equal to 20 characters")]
    [TestCase("""{"username":"vx-agent-user-0123456-0123456789-0123456789","password":"vapi-sip-password-0123456"}""", "authentication.username must be shorter than or equal to 40 characters")]
    [TestCase("""{"username":"vx-agent-user-0123456"}""", "authentication.password should not be empty")]
    public async Task Vapi_SIP_authentication_needs_a_username_and_password_of_20_to_40_characters(string authentication, string message)
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"vapi","sipUri":"sip:vx-agent@sip.vapi.ai","authentication":{{authentication}} }""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body!["message"]!.AsArray().Select(m => (string?)m), Is.EqualTo(new[] { message }));
        });
    }

    [Test]
    public async Task A_SIP_uri_already_taken_is_refused_whatever_its_case()
    {
        await VapiSeed.PostAsync(Vapi, "phone-number", """{"provider":"vapi","sipUri":"sip:vx-agent@sip.vapi.ai"}""");
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number", """{"provider":"vapi","sipUri":"sip:VX-Agent@sip.vapi.ai"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Does.Contain("already taken"));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task An_unsupported_provider_is_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "phone-number", """{"provider":"twilio","number":"+14155551234","twilioAccountSid":"AC1"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["error"], Is.EqualTo("Bad Request"));
            Assert.That(VapiSeed.Json(body["message"]), Does.Contain("provider must be one of the following values"));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
    }

    [Test]
    public async Task Get_patch_and_delete_a_number()
    {
        var number = await VapiSeed.CreateNumberAsync(Vapi);
        var id = (string)number["id"]!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(2));
        var (getStatus, got) = await SendAsync(Vapi, HttpMethod.Get, $"phone-number/{id}");
        var (patchStatus, patched) = await SendAsync(Vapi, HttpMethod.Patch, $"phone-number/{id}", """{"name":"renamed"}""");
        var (deleteStatus, deleted) = await SendAsync(Vapi, HttpMethod.Delete, $"phone-number/{id}");
        var (afterStatus, after) = await SendAsync(Vapi, HttpMethod.Get, $"phone-number/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(getStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(VapiSeed.Json(got), Is.EqualTo(VapiSeed.Json(number)));
            Assert.That(patchStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)patched!["name"], Is.EqualTo("renamed"));
            Assert.That((string?)patched["updatedAt"], Is.EqualTo("2026-01-23T10:00:02.000Z"));
            Assert.That((string?)patched["status"], Is.EqualTo("active"));
            Assert.That(deleteStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)deleted!["id"], Is.EqualTo(id));
            Assert.That((string?)deleted["name"], Is.EqualTo("renamed"));
            Assert.That(afterStatus, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)after!["error"], Is.EqualTo("Not Found"));
        });
    }

    [Test]
    public async Task Patching_the_provider_of_a_byo_number_is_refused()
    {
        var number = await VapiSeed.CreateNumberAsync(Vapi);
        var (status, _) = await SendAsync(Vapi, HttpMethod.Patch, $"phone-number/{number["id"]}", """{"provider":"vapi"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)Sandbox.Vapi.PhoneNumbers.Single()["provider"], Is.EqualTo("byo-phone-number"));
        });
    }

    [Test]
    public async Task A_phone_number_id_that_is_not_a_UUID_is_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, "phone-number/12345");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Is.EqualTo("Validation failed (uuid is expected)"));
        });
    }
}
