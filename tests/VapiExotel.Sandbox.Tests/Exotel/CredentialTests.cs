using System.Net;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>SIP digest credentials (exotel-api.md §5.4, §6): passwords go in and never come out.</summary>
public sealed class CredentialTests : Support.SandboxTest
{
    private const string Password = "Str0ng-Sandbox-Pass";

    private Task<(HttpStatusCode Status, JsonNode? Body)> CreateAsync(string trunkSid, string json) =>
        SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{trunkSid}/credentials"), json);

    private async Task<string> CreateCredentialAsync(string trunkSid, string user, string? friendly = null)
    {
        var body = new JsonObject { ["user_name"] = user, ["password"] = Password };
        if (friendly is not null)
        {
            body["friendly_name"] = friendly;
        }

        return (string)V2Assert.Success(await CreateAsync(trunkSid, body.ToJsonString()), "POST")["id"]!;
    }

    [Test]
    public async Task Create_answers_the_credential_without_its_password_and_keeps_the_password_to_check()
    {
        var trunk = await CreateTrunkAsync();

        var answer = await CreateAsync(trunk, $$"""{"user_name":"voice_ai_user","password":"{{Password}}","friendly_name":"voice_ai_platform"}""");

        var data = V2Assert.Success(answer, "POST");
        V2Assert.Json(data, $$"""
            {"id":"{{data["id"]}}","trunk_sid":"{{trunk}}","user_name":"voice_ai_user","friendly_name":"voice_ai_platform",
             "date_created":"2026-01-23T10:00:00Z","date_updated":"2026-01-23T10:00:00Z"}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Body!.ToJsonString().Contains(Password, StringComparison.Ordinal), Is.False, "the answer holds no password");
            Assert.That(Sandbox.Exotel.Credentials(trunk).Single().ToJsonString().Contains(Password, StringComparison.Ordinal), Is.False, "the snapshot holds no password");
            Assert.That(Sandbox.Exotel.Credentials(trunk).Single().ContainsKey("password"), Is.False);
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk, "voice_ai_user", Password), Is.True);
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk, "voice_ai_user", Password + "x"), Is.False);
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk, "someone_else", Password), Is.False);
        });
    }

    [Test]
    public async Task Create_without_a_user_name_or_a_password_is_1001()
    {
        var trunk = await CreateTrunkAsync();

        var noUser = await CreateAsync(trunk, $$"""{"password":"{{Password}}"}""");
        var noPassword = await CreateAsync(trunk, """{"user_name":"voice_ai_user"}""");

        V2Assert.Mandatory(noUser, "POST", "UserName is mandatory");
        V2Assert.Mandatory(noPassword, "POST", "Password is mandatory");
        Assert.That(Sandbox.Exotel.Credentials(trunk), Is.Empty);
    }

    [Test]
    public async Task Create_with_a_friendly_name_over_32_characters_is_1002_and_32_are_accepted()
    {
        var trunk = await CreateTrunkAsync();

        var tooLong = await CreateAsync(trunk, $$"""{"user_name":"u1","password":"{{Password}}","friendly_name":"{{new string('f', 33)}}"}""");
        var longest = await CreateAsync(trunk, $$"""{"user_name":"u2","password":"{{Password}}","friendly_name":"{{new string('f', 32)}}"}""");

        V2Assert.Invalid(tooLong, "POST", "Maximum allowed length for FriendlyName is 32");
        Assert.That((string?)V2Assert.Success(longest, "POST")["friendly_name"], Has.Length.EqualTo(32));
        Assert.That(Sandbox.Exotel.Credentials(trunk).Select(c => (string?)c["user_name"]), Is.EqualTo(new[] { "u2" }));
    }

    [Test]
    public async Task List_adds_total_and_page_to_the_page_metadata()
    {
        var trunk = await CreateTrunkAsync();
        await CreateCredentialAsync(trunk, "user_1");
        await CreateCredentialAsync(trunk, "user_2");
        var third = await CreateCredentialAsync(trunk, "user_3");

        var answer = await SendAsync(Exotel, HttpMethod.Get, V2($"trunks/{trunk}/credentials?page_size=2&offset=2"));

        var items = V2Assert.List(answer);
        Assert.That(items.Select(c => (string?)c["id"]), Is.EqualTo(new[] { third }));
        Assert.That(answer.Body!.ToJsonString().Contains(Password, StringComparison.Ordinal), Is.False);
        var path = $"/v2/accounts/{AccountSid}/trunks/{trunk}/credentials";
        V2Assert.Json(answer.Body!["metadata"], $$"""
            {"page_size":2,"first_page_uri":"{{path}}?offset=0&page_size=2","prev_page_uri":"{{path}}?offset=0&page_size=2",
             "next_page_uri":null,"total":3,"page":2}
            """);
    }

    [Test]
    public async Task List_filters_by_id()
    {
        var trunk = await CreateTrunkAsync();
        await CreateCredentialAsync(trunk, "user_1");
        var second = await CreateCredentialAsync(trunk, "user_2");

        var answer = await SendAsync(Exotel, HttpMethod.Get, V2($"trunks/{trunk}/credentials?id={second}"));

        Assert.That(V2Assert.List(answer).Select(c => (string?)c["user_name"]), Is.EqualTo(new[] { "user_2" }));
        Assert.That((int?)answer.Body!["metadata"]!["total"], Is.EqualTo(1));
    }

    [Test]
    public async Task List_of_a_trunk_without_credentials_is_an_empty_response_without_metadata()
    {
        var trunk = await CreateTrunkAsync();

        var answer = await SendAsync(Exotel, HttpMethod.Get, V2($"trunks/{trunk}/credentials"));

        Assert.That(V2Assert.List(answer), Is.Empty);
        Assert.That(V2Assert.Keys(answer.Body), Is.EqualTo(new[] { "request_id", "method", "http_code", "response" }));
    }

    [Test]
    public async Task Update_with_the_id_in_the_path_changes_the_fields_sent_and_the_password_without_echoing_it()
    {
        var trunk = await CreateTrunkAsync();
        var id = await CreateCredentialAsync(trunk, "voice_ai_user", "old_name");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(2));

        var answer = await SendAsync(Exotel, HttpMethod.Put, V2($"trunks/{trunk}/credentials/{id}"), """{"password":"N3w-Sandbox-Pass","friendly_name":"new_name"}""");

        var data = V2Assert.Success(answer, "PUT");
        V2Assert.Json(data, $$"""
            {"id":"{{id}}","trunk_sid":"{{trunk}}","user_name":"voice_ai_user","friendly_name":"new_name",
             "date_created":"2026-01-23T10:00:00Z","date_updated":"2026-01-23T10:02:00Z"}
            """);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Body!.ToJsonString().Contains("N3w-Sandbox-Pass", StringComparison.Ordinal), Is.False);
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk, "voice_ai_user", "N3w-Sandbox-Pass"), Is.True);
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk, "voice_ai_user", Password), Is.False);
        });
    }

    [Test]
    public async Task Delete_with_the_id_in_the_query_answers_the_deleted_credential_without_password()
    {
        var trunk = await CreateTrunkAsync();
        var id = await CreateCredentialAsync(trunk, "voice_ai_user", "voice_ai_platform");

        var answer = await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/credentials?id={id}"));

        var data = V2Assert.Success(answer, "DELETE");
        Assert.Multiple(() =>
        {
            Assert.That(V2Assert.Keys(data), Is.EquivalentTo(new[] { "id", "trunk_sid", "user_name", "friendly_name", "date_created", "date_updated" }));
            Assert.That((string?)data["id"], Is.EqualTo(id));
            Assert.That((string?)data["user_name"], Is.EqualTo("voice_ai_user"));
            Assert.That(answer.Body!.ToJsonString().Contains(Password, StringComparison.Ordinal), Is.False);
            Assert.That(Sandbox.Exotel.Credentials(trunk), Is.Empty);
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk, "voice_ai_user", Password), Is.False);
        });
    }

    [Test]
    public async Task Delete_with_the_id_in_the_path_is_not_a_route_and_leaves_the_credential()
    {
        var trunk = await CreateTrunkAsync();
        var id = await CreateCredentialAsync(trunk, "voice_ai_user");

        var answer = await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/credentials/{id}"));

        V2Assert.NotFound(answer, "DELETE");
        Assert.That(Sandbox.Exotel.Credentials(trunk), Has.Count.EqualTo(1));
    }
}
