using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Vapi;

public sealed class VapiCredentialTests : Support.SandboxTest
{
    private const string Password = "exotel-digest-secret-1";

    private const string FullBody = $$"""
        {"provider":"byo-sip-trunk","name":"vx-exotel","gateways":[{"ip":"129.154.231.198","port":5070,"outboundProtocol":"tcp"}],
         "outboundLeadingPlusEnabled":true,"outboundAuthenticationPlan":{"authUsername":"vx_user","authPassword":"{{Password}}"} }
        """;

    [Test]
    public async Task Create_answers_201_with_server_fields_and_an_echo_of_only_the_fields_sent()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "credential", FullBody);
        var json = body!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(Guid.TryParse((string?)json["id"], out _), Is.True);
            Assert.That((string?)json["orgId"], Is.EqualTo(Sandbox.Vapi.OrgId));
            Assert.That((string?)json["createdAt"], Is.EqualTo("2026-01-23T10:00:00.000Z"));
            Assert.That((string?)json["updatedAt"], Is.EqualTo("2026-01-23T10:00:00.000Z"));
            Assert.That(json.Select(p => p.Key), Is.EquivalentTo(new[]
            {
                "id", "orgId", "provider", "createdAt", "updatedAt", "name", "gateways", "outboundLeadingPlusEnabled", "outboundAuthenticationPlan",
            }));
            Assert.That((string?)json["provider"], Is.EqualTo("byo-sip-trunk"));
            Assert.That((string?)json["name"], Is.EqualTo("vx-exotel"));
            Assert.That(VapiSeed.Json(json["gateways"]), Is.EqualTo("""[{"ip":"129.154.231.198","port":5070,"outboundProtocol":"tcp"}]"""));
            Assert.That(VapiSeed.Json(json["outboundAuthenticationPlan"]), Is.EqualTo("""{"authUsername":"vx_user"}"""));
        });
    }

    [Test]
    public async Task The_auth_password_is_never_returned_but_is_kept_to_check_against()
    {
        var created = await VapiSeed.PostAsync(Vapi, "credential", FullBody);
        var id = (string)created["id"]!;
        using var get = await Vapi.GetAsync($"credential/{id}");
        var getText = await get.Content.ReadAsStringAsync();
        using var list = await Vapi.GetAsync("credential");
        var listText = await list.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(created.ToJsonString().Contains(Password, StringComparison.Ordinal), Is.False, "create response leaks the password");
            Assert.That(created.ToJsonString().Contains("authPassword", StringComparison.Ordinal), Is.False, "create response names authPassword");
            Assert.That(getText.Contains(Password, StringComparison.Ordinal), Is.False, "GET leaks the password");
            Assert.That(listText.Contains(Password, StringComparison.Ordinal), Is.False, "list leaks the password");
            Assert.That(Sandbox.Vapi.Credentials.Single().ToJsonString().Contains(Password, StringComparison.Ordinal), Is.False, "snapshot leaks the password");
            Assert.That(Sandbox.Vapi.AuthPasswordIs(id, Password), Is.True);
            Assert.That(Sandbox.Vapi.AuthPasswordIs(id, "another-password"), Is.False);
        });
    }

    [Test]
    public async Task Unknown_top_level_and_nested_properties_are_refused_with_a_message_array()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "credential",
            """{"provider":"byo-sip-trunk","bar":1,"gateways":[{"ip":"129.154.231.198","foo":true}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body!["message"]!.GetValueKind(), Is.EqualTo(JsonValueKind.Array));
            Assert.That(Messages(body), Is.EquivalentTo(new[] { "property bar should not exist", "gateways.0.property foo should not exist" }));
            Assert.That((string?)body["error"], Is.EqualTo("Bad Request"));
            Assert.That((int?)body["statusCode"], Is.EqualTo(400));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [TestCase("""{"ip":"129.154.231.198","netmask":20}""", "gateways.0.netmask must not be less than 24")]
    [TestCase("""{"ip":"129.154.231.198","netmask":33}""", "gateways.0.netmask must not be greater than 32")]
    [TestCase("""{"ip":"129.154.231.198","port":70000}""", "gateways.0.port must not be greater than 65535")]
    [TestCase("""{"ip":"129.154.231.198","port":0}""", "gateways.0.port must not be less than 1")]
    [TestCase("""{"ip":"129.154.231.198","outboundProtocol":"sctp"}""", "gateways.0.outboundProtocol must be one of the following values: tls/srtp, tcp, tls, udp")]
    [TestCase("""{"port":5070}""", "gateways.0.ip should not be empty")]
    public async Task A_gateway_constraint_violation_is_refused_with_its_message(string gateway, string message)
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "credential", $$"""{"provider":"byo-sip-trunk","gateways":[{{gateway}}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Messages(body!), Is.EqualTo(new[] { message }));
        });
    }

    [Test]
    public async Task A_name_longer_than_40_characters_is_refused()
    {
        var name = new string('n', 41);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "credential",
            $$"""{"provider":"byo-sip-trunk","name":"{{name}}","gateways":[{"ip":"129.154.231.198"}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Messages(body!), Is.EqualTo(new[] { "name must be shorter than or equal to 40 characters" }));
        });
    }

    [Test]
    public async Task A_name_of_exactly_40_characters_is_accepted()
    {
        var name = new string('n', 40);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "credential",
            $$"""{"provider":"byo-sip-trunk","name":"{{name}}","gateways":[{"ip":"129.154.231.198"}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)body!["name"], Is.EqualTo(name));
        });
    }

    [Test]
    public async Task Missing_gateways_are_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "credential", """{"provider":"byo-sip-trunk","name":"no gateways"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Messages(body!), Is.EqualTo(new[] { "gateways should not be empty" }));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public async Task A_hostname_gateway_with_inbound_left_at_its_default_fails_gateway_creation()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "credential",
            """{"provider":"byo-sip-trunk","gateways":[{"ip":"trunk.pstn.exotel.com","port":5070}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Is.EqualTo("Couldn't validate SIP trunk credential. SIP gateway creation failed."));
            Assert.That((string?)body["error"], Is.EqualTo("Bad Request"));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public async Task A_hostname_gateway_is_accepted_when_inbound_is_disabled()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "credential",
            """{"provider":"byo-sip-trunk","gateways":[{"ip":"trunk.pstn.exotel.com","port":5070,"inboundEnabled":false}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)body!["gateways"]![0]!["ip"], Is.EqualTo("trunk.pstn.exotel.com"));
            Assert.That((bool?)body["gateways"]![0]!["inboundEnabled"], Is.False);
        });
    }

    [Test]
    public async Task Get_and_list_return_the_stored_credential()
    {
        var created = await VapiSeed.PostAsync(Vapi, "credential", FullBody);
        var id = (string)created["id"]!;
        var (getStatus, got) = await SendAsync(Vapi, HttpMethod.Get, $"credential/{id}");
        var (listStatus, list) = await SendAsync(Vapi, HttpMethod.Get, "credential");
        Assert.Multiple(() =>
        {
            Assert.That(getStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(VapiSeed.Json(got), Is.EqualTo(VapiSeed.Json(created)));
            Assert.That(listStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(list!.AsArray().Select(c => (string?)c!["id"]), Is.EqualTo(new[] { id }));
        });
    }

    [Test]
    public async Task Patching_gateways_replaces_the_whole_array_and_moves_updatedAt()
    {
        var created = await VapiSeed.PostAsync(Vapi, "credential",
            """{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198","port":5070},{"ip":"129.154.231.199","netmask":30,"outboundEnabled":false}]}""");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(90));
        var (status, patched) = await SendAsync(Vapi, HttpMethod.Patch, $"credential/{created["id"]}",
            """{"gateways":[{"ip":"129.154.231.200","port":443,"outboundProtocol":"tls"}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(VapiSeed.Json(patched!["gateways"]), Is.EqualTo("""[{"ip":"129.154.231.200","port":443,"outboundProtocol":"tls"}]"""));
            Assert.That((string?)patched["createdAt"], Is.EqualTo("2026-01-23T10:00:00.000Z"));
            Assert.That((string?)patched["updatedAt"], Is.EqualTo("2026-01-23T10:01:30.000Z"));
            Assert.That(Sandbox.Vapi.Credentials.Single()["gateways"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Patching_the_auth_plan_replaces_it_and_leaves_the_gateways_alone()
    {
        var created = await VapiSeed.PostAsync(Vapi, "credential", FullBody);
        var id = (string)created["id"]!;
        var (status, patched) = await SendAsync(Vapi, HttpMethod.Patch, $"credential/{id}",
            """{"outboundAuthenticationPlan":{"authUsername":"vx_user2","authPassword":"second-digest-secret"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(VapiSeed.Json(patched!["outboundAuthenticationPlan"]), Is.EqualTo("""{"authUsername":"vx_user2"}"""));
            Assert.That(VapiSeed.Json(patched["gateways"]), Is.EqualTo(VapiSeed.Json(created["gateways"])));
            Assert.That((bool?)patched["outboundLeadingPlusEnabled"], Is.True);
            Assert.That(Sandbox.Vapi.AuthPasswordIs(id, "second-digest-secret"), Is.True);
            Assert.That(Sandbox.Vapi.AuthPasswordIs(id, Password), Is.False);
        });
    }

    [Test]
    public async Task Patching_the_auth_plan_without_a_password_drops_the_old_password()
    {
        var created = await VapiSeed.PostAsync(Vapi, "credential", FullBody);
        var id = (string)created["id"]!;
        var (status, _) = await SendAsync(Vapi, HttpMethod.Patch, $"credential/{id}", """{"outboundAuthenticationPlan":{"authUsername":"vx_user"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Sandbox.Vapi.AuthPasswordIs(id, Password), Is.False);
        });
    }

    [Test]
    public async Task Patching_the_provider_to_another_value_is_refused()
    {
        var created = await VapiSeed.PostAsync(Vapi, "credential", FullBody);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Patch, $"credential/{created["id"]}", """{"provider":"twilio"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Messages(body!), Is.EqualTo(new[] { "provider must be one of the following values: byo-sip-trunk" }));
            Assert.That((string?)Sandbox.Vapi.Credentials.Single()["provider"], Is.EqualTo("byo-sip-trunk"));
        });
    }

    [Test]
    public async Task Patching_an_unknown_property_is_refused_and_changes_nothing()
    {
        var created = await VapiSeed.PostAsync(Vapi, "credential", FullBody);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Patch, $"credential/{created["id"]}", """{"name":"renamed","sbcConfiguration":{}}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Messages(body!), Is.EqualTo(new[] { "property sbcConfiguration should not exist" }));
            Assert.That((string?)Sandbox.Vapi.Credentials.Single()["name"], Is.EqualTo("vx-exotel"));
        });
    }

    [Test]
    public async Task Delete_returns_the_deleted_credential_and_it_is_gone_afterwards()
    {
        var created = await VapiSeed.PostAsync(Vapi, "credential", FullBody);
        var id = (string)created["id"]!;
        var (status, deleted) = await SendAsync(Vapi, HttpMethod.Delete, $"credential/{id}");
        var (after, missing) = await SendAsync(Vapi, HttpMethod.Get, $"credential/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(VapiSeed.Json(deleted), Is.EqualTo(VapiSeed.Json(created)));
            Assert.That(after, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)missing!["error"], Is.EqualTo("Not Found"));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public async Task Delete_is_refused_while_a_phone_number_uses_the_credential()
    {
        var number = await VapiSeed.CreateNumberAsync(Vapi);
        var credentialId = (string)number["credentialId"]!;
        var (refused, body) = await SendAsync(Vapi, HttpMethod.Delete, $"credential/{credentialId}");
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Does.Contain((string)number["id"]!));
            Assert.That(Sandbox.Vapi.Credentials, Has.Count.EqualTo(1));
        });

        var (numberDeleted, _) = await SendAsync(Vapi, HttpMethod.Delete, $"phone-number/{number["id"]}");
        var (credentialDeleted, _) = await SendAsync(Vapi, HttpMethod.Delete, $"credential/{credentialId}");
        Assert.Multiple(() =>
        {
            Assert.That(numberDeleted, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(credentialDeleted, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [TestCase("GET")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task An_id_that_is_not_a_UUID_is_refused_with_400(string method)
    {
        var (status, body) = await SendAsync(Vapi, new HttpMethod(method), "credential/not-a-uuid", method == "PATCH" ? "{}" : null);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Is.EqualTo("Validation failed (uuid is expected)"));
            Assert.That((string?)body["error"], Is.EqualTo("Bad Request"));
            Assert.That((int?)body["statusCode"], Is.EqualTo(400));
        });
    }

    [TestCase("GET")]
    [TestCase("PATCH")]
    [TestCase("DELETE")]
    public async Task An_unknown_UUID_answers_404_with_a_string_message(string method)
    {
        var (status, body) = await SendAsync(Vapi, new HttpMethod(method), $"credential/{Guid.NewGuid()}", method == "PATCH" ? "{}" : null);
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(body!["message"]!.GetValueKind(), Is.EqualTo(JsonValueKind.String));
            Assert.That((string?)body["error"], Is.EqualTo("Not Found"));
            Assert.That((int?)body["statusCode"], Is.EqualTo(404));
        });
    }

    private static string?[] Messages(JsonNode body) => [.. body["message"]!.AsArray().Select(m => (string?)m)];
}
