using System.Net;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>The trunk resource of the vSIP API (exotel-api.md §5.1), over real HTTP.</summary>
public sealed class TrunkTests : Support.SandboxTest
{
    private Task<(HttpStatusCode Status, JsonNode? Body)> PostTrunkAsync(string json) => SendAsync(Exotel, HttpMethod.Post, V2("trunks"), json);

    private Task<(HttpStatusCode Status, JsonNode? Body)> PostTrunkAsync(string name, string nso, string domain) =>
        PostTrunkAsync(new JsonObject { ["trunk_name"] = name, ["nso_code"] = nso, ["domain_name"] = domain }.ToJsonString());

    private string Domain => $"{AccountSid}.pstn.exotel.com";

    private string ExpectedTrunk(string sid, string name, string created = "2026-01-23T10:00:00Z", string updated = "2026-01-23T10:00:00Z")
    {
        var self = $"/v2/accounts/{AccountSid}/trunks/{sid}";
        return $$"""
            {
              "trunk_name": "{{name}}", "date_created": "{{created}}", "date_updated": "{{updated}}",
              "trunk_sid": "{{sid}}", "status": "active", "domain_name": "{{Domain}}",
              "auth_type": "IP-WHITELIST", "registration_enabled": "disabled", "edge_preference": "auto",
              "nso_code": "ANY-ANY", "secure_trunking": "disabled",
              "destination_uris": "{{self}}/destination-uris",
              "whitelisted_ips": "{{self}}/whitelisted-ips",
              "credentials": "{{self}}/credentials",
              "phone_numbers": "{{self}}/phone-numbers"
            }
            """;
    }

    [Test]
    public async Task Create_answers_every_documented_field_of_the_new_trunk()
    {
        var data = V2Assert.Success(await PostTrunkAsync("outbound_trunk", "ANY-ANY", Domain), "POST");

        var sid = (string)data["trunk_sid"]!;
        Assert.That(sid, Does.StartWith("trmum"));
        V2Assert.Json(data, ExpectedTrunk(sid, "outbound_trunk"));
        Assert.That(Sandbox.Exotel.Trunks.Select(t => (string?)t["trunk_sid"]), Is.EqualTo(new[] { sid }));
    }

    [Test]
    public async Task Create_with_a_taken_name_is_a_real_409_with_error_1008()
    {
        await CreateTrunkAsync("outbound_trunk");

        var answer = await PostTrunkAsync("outbound_trunk", "ANY-ANY", Domain);

        V2Assert.Failure(answer, "POST", 409, 409, 1008, "Duplicate resource", "Trunk with name 'outbound_trunk' already exists");
        Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Create_without_a_name_is_1001_TrunkName_is_mandatory()
    {
        var answer = await PostTrunkAsync($$"""{"nso_code":"ANY-ANY","domain_name":"{{Domain}}"}""");

        V2Assert.Mandatory(answer, "POST", "TrunkName is mandatory");
        Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
    }

    [Test]
    public async Task Create_with_a_name_of_17_characters_is_1002_and_16_characters_are_accepted()
    {
        var tooLong = await PostTrunkAsync("abcdefghijklmnopq", "ANY-ANY", Domain);
        var longest = await PostTrunkAsync("abcdefghijklmnop", "ANY-ANY", Domain);

        V2Assert.Invalid(tooLong, "POST", "Maximum allowed length for TrunkName is 16");
        Assert.That((string?)V2Assert.Success(longest, "POST")["trunk_name"], Is.EqualTo("abcdefghijklmnop"));
    }

    [TestCase("out-bound")]
    [TestCase("out bound")]
    [TestCase("outbound.1")]
    public async Task Create_with_a_character_other_than_alphanumerics_and_underscore_is_1002(string name)
    {
        var answer = await PostTrunkAsync(name, "ANY-ANY", Domain);

        V2Assert.Invalid(answer, "POST", "Allowed characters for TrunkName is alphanumeric and _");
        Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
    }

    [Test]
    public async Task Create_with_an_nso_code_other_than_ANY_ANY_is_1002_Nso_code_is_invalid()
    {
        var answer = await PostTrunkAsync("outbound_trunk", "XYZ-ABC", Domain);

        V2Assert.Invalid(answer, "POST", "Nso code is invalid");
    }

    [Test]
    public async Task Create_with_a_domain_outside_pstn_exotel_com_is_1002()
    {
        var answer = await PostTrunkAsync("outbound_trunk", "ANY-ANY", $"{AccountSid}.sip.example.com");

        V2Assert.Invalid(answer, "POST", "Domain name should end with .pstn.exotel.com");
    }

    [Test]
    public async Task List_answers_every_trunk_oldest_first_with_page_metadata()
    {
        var first = await CreateTrunkAsync("trunk_a");
        var second = await CreateTrunkAsync("trunk_b");

        var answer = await SendAsync(Exotel, HttpMethod.Get, V2("trunks"));

        var trunks = V2Assert.List(answer);
        Assert.That(trunks.Select(t => (string?)t["trunk_sid"]), Is.EqualTo(new[] { first, second }));
        V2Assert.Json(trunks[1], ExpectedTrunk(second, "trunk_b"));
        V2Assert.Json(answer.Body!["metadata"], $$"""
            {"page_size":50,"first_page_uri":"/v2/accounts/{{AccountSid}}/trunks?offset=0&page_size=50","prev_page_uri":null,"next_page_uri":null}
            """);
    }

    [Test]
    public async Task List_with_a_trunk_sid_filter_answers_only_that_trunk()
    {
        await CreateTrunkAsync("trunk_a");
        var wanted = await CreateTrunkAsync("trunk_b");
        await CreateTrunkAsync("trunk_c");

        var answer = await SendAsync(Exotel, HttpMethod.Get, V2($"trunks?trunk_sid={wanted}"));

        var trunks = V2Assert.List(answer);
        Assert.That(trunks.Select(t => (string?)t["trunk_name"]), Is.EqualTo(new[] { "trunk_b" }));
        Assert.That((string?)answer.Body!["metadata"]!["first_page_uri"],
            Is.EqualTo($"/v2/accounts/{AccountSid}/trunks?offset=0&page_size=50&trunk_sid={wanted}"));
    }

    [Test]
    public async Task Update_renames_the_trunk_and_moves_only_date_updated()
    {
        var sid = await CreateTrunkAsync("trunk_a");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        var data = V2Assert.Success(await SendAsync(Exotel, HttpMethod.Put, V2($"trunks/{sid}"), """{"trunk_name":"trunk_renamed"}"""), "PUT");

        V2Assert.Json(data, ExpectedTrunk(sid, "trunk_renamed", updated: "2026-01-23T10:01:00Z"));
        Assert.That((string?)Sandbox.Exotel.Trunks.Single()["trunk_name"], Is.EqualTo("trunk_renamed"));
    }

    [Test]
    public async Task Update_to_the_name_of_another_trunk_is_409_1008_and_changes_nothing()
    {
        await CreateTrunkAsync("trunk_a");
        var sid = await CreateTrunkAsync("trunk_b");

        var answer = await SendAsync(Exotel, HttpMethod.Put, V2($"trunks/{sid}"), """{"trunk_name":"trunk_a"}""");

        V2Assert.Failure(answer, "PUT", 409, 409, 1008, "Duplicate resource", "Trunk with name 'trunk_a' already exists");
        Assert.That(Sandbox.Exotel.Trunks.Select(t => (string?)t["trunk_name"]), Is.EqualTo(new[] { "trunk_a", "trunk_b" }));
    }

    [Test]
    public async Task Update_with_an_invalid_name_is_1002()
    {
        var sid = await CreateTrunkAsync("trunk_a");

        var answer = await SendAsync(Exotel, HttpMethod.Put, V2($"trunks/{sid}"), """{"trunk_name":"trunk-a"}""");

        V2Assert.Invalid(answer, "PUT", "Allowed characters for TrunkName is alphanumeric and _");
    }

    [Test]
    public async Task Update_of_an_unknown_trunk_is_404_1000()
    {
        var answer = await SendAsync(Exotel, HttpMethod.Put, V2("trunks/trmum1doesnotexist0000000a1n"), """{"trunk_name":"x"}""");

        V2Assert.NotFound(answer, "PUT");
    }

    [Test]
    public async Task Delete_answers_the_deleted_trunk_and_cascades_to_everything_on_it()
    {
        var sid = await CreateTrunkAsync("trunk_a");
        V2Assert.Success(await SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{sid}/phone-numbers"), """{"phone_number":"+919876543210","mode":"pstn"}"""), "POST");
        V2Assert.Success(await SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{sid}/whitelisted-ips"), """{"ip":"44.229.228.186","mask":32}"""), "POST");
        V2Assert.Success(await SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{sid}/credentials"), """{"user_name":"voice_ai_user","password":"s3cret-Pass"}"""), "POST");
        Assert.That((await SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{sid}/destination-uris"),
            """{"destinations":[{"destination":"44.229.228.186:5061;transport=tls"}]}""")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{sid}/settings"),
            """{"settings":[{"name":"trunk_external_alias","value":"+919876543210"}]}""")).Status, Is.EqualTo(HttpStatusCode.OK));

        var data = V2Assert.Success(await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks?trunk_sid={sid}")), "DELETE");

        V2Assert.Json(data, ExpectedTrunk(sid, "trunk_a"));
        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
            Assert.That(Sandbox.Exotel.PhoneNumbers(sid), Is.Empty);
            Assert.That(Sandbox.Exotel.WhitelistedIps(sid), Is.Empty);
            Assert.That(Sandbox.Exotel.DestinationUris(sid), Is.Empty);
            Assert.That(Sandbox.Exotel.Credentials(sid), Is.Empty);
            Assert.That(Sandbox.Exotel.Settings(sid), Is.Empty);
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(sid, "voice_ai_user", "s3cret-Pass"), Is.False);
        });
        V2Assert.NotFound(await SendAsync(Exotel, HttpMethod.Get, V2($"trunks/{sid}/phone-numbers")), "GET");
        var maps = await SendAsync(Exotel, HttpMethod.Get, V2("trunk-maps?exophone=%2B919876543210"));
        V2Assert.NotFound(maps, "GET");   // the number is no longer mapped anywhere
    }

    [Test]
    public async Task A_deleted_trunks_name_can_be_used_again()
    {
        var sid = await CreateTrunkAsync("trunk_a");
        V2Assert.Success(await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks?trunk_sid={sid}")), "DELETE");

        var again = await CreateTrunkAsync("trunk_a");

        Assert.That(again, Is.Not.EqualTo(sid));
    }

    [Test]
    public async Task Delete_of_an_unknown_trunk_is_404_1000()
    {
        await CreateTrunkAsync("trunk_a");

        var answer = await SendAsync(Exotel, HttpMethod.Delete, V2("trunks?trunk_sid=trmum1doesnotexist0000000a1n"));

        V2Assert.NotFound(answer, "DELETE");
        Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Delete_without_a_trunk_sid_is_1001()
    {
        var answer = await SendAsync(Exotel, HttpMethod.Delete, V2("trunks"));

        V2Assert.Mandatory(answer, "DELETE", "TrunkSid is mandatory");
    }
}
