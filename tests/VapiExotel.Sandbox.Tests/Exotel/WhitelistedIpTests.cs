using System.Net;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>Whitelisted IPs, the trunk's ACL (exotel-api.md §5.3), over real HTTP.</summary>
public sealed class WhitelistedIpTests : Support.SandboxTest
{
    private Task<(HttpStatusCode Status, JsonNode? Body)> AddAsync(string trunkSid, string json) =>
        SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{trunkSid}/whitelisted-ips"), json);

    [Test]
    public async Task Add_without_a_mask_defaults_it_to_32_and_answers_the_documented_fields()
    {
        var trunk = await CreateTrunkAsync();

        var data = V2Assert.Success(await AddAsync(trunk, """{"ip":"44.248.146.11"}"""), "POST");

        Assert.That((string)data["id"]!, Does.Match("^[0-9]+$"));
        V2Assert.Json(data, $$"""
            {"id":"{{data["id"]}}","mask":32,"trunk_sid":"{{trunk}}","ip":"44.248.146.11","friendly_name":null,
             "date_created":"2026-01-23T10:00:00Z","date_updated":"2026-01-23T10:00:00Z"}
            """);
        V2Assert.Json(Sandbox.Exotel.WhitelistedIps(trunk).Single(), data.ToJsonString());
    }

    [TestCase(16)]
    [TestCase(24)]
    [TestCase(32)]
    public async Task Add_keeps_a_mask_from_16_to_32(int mask)
    {
        var trunk = await CreateTrunkAsync();

        var data = V2Assert.Success(await AddAsync(trunk, $$"""{"ip":"44.248.146.0","mask":{{mask}}}"""), "POST");

        Assert.That((int?)data["mask"], Is.EqualTo(mask));
    }

    [Test]
    public async Task Adding_the_same_ip_again_is_HTTP_200_with_response_code_409_and_error_1008()
    {
        var trunk = await CreateTrunkAsync();
        V2Assert.Success(await AddAsync(trunk, """{"ip":"44.248.146.10","mask":32}"""), "POST");

        var answer = await AddAsync(trunk, """{"ip":"44.248.146.10","mask":24}""");

        V2Assert.Failure(answer, "POST", 200, 409, 1008, "Duplicate resource", "Unable to Whitelist-ip with ip 44.248.146.10");
        Assert.That(Sandbox.Exotel.WhitelistedIps(trunk).Select(i => (int?)i["mask"]), Is.EqualTo(new int?[] { 32 }));
    }

    [TestCase("44.248.146")]
    [TestCase("44.248.146.256")]
    [TestCase("sip.vapi.ai")]
    [TestCase("2001:db8::1")]
    [TestCase("10.0.0.5")]
    [TestCase("192.168.1.10")]
    [TestCase("172.16.0.1")]
    [TestCase("127.0.0.1")]
    public async Task Add_of_anything_but_a_public_IPv4_literal_is_1002_Invalid_ip(string ip)
    {
        var trunk = await CreateTrunkAsync();

        var answer = await AddAsync(trunk, new JsonObject { ["ip"] = ip, ["mask"] = 32 }.ToJsonString());

        V2Assert.Invalid(answer, "POST", "Invalid ip");
        Assert.That(Sandbox.Exotel.WhitelistedIps(trunk), Is.Empty);
    }

    [Test]
    public async Task Add_without_an_ip_is_1001_Ip_is_mandatory()
    {
        var trunk = await CreateTrunkAsync();

        V2Assert.Mandatory(await AddAsync(trunk, """{"mask":32}"""), "POST", "Ip is mandatory");
    }

    [TestCase(0)]
    [TestCase(8)]
    [TestCase(15)]
    [TestCase(33)]
    public async Task Add_with_a_mask_outside_16_to_32_is_1002(int mask)
    {
        var trunk = await CreateTrunkAsync();

        var answer = await AddAsync(trunk, $$"""{"ip":"44.248.146.11","mask":{{mask}}}""");

        V2Assert.Invalid(answer, "POST", "mask should be in-between 16 and 32");
        Assert.That(Sandbox.Exotel.WhitelistedIps(trunk), Is.Empty);
    }

    [Test]
    public async Task Add_with_a_negative_mask_fails_parsing_with_1007()
    {
        var trunk = await CreateTrunkAsync();

        var answer = await AddAsync(trunk, """{"ip":"44.248.146.11","mask":-1}""");

        V2Assert.Failure(answer, "POST", 400, 400, 1007, "Invalid request body,failed parsing",
            "json: cannot unmarshal number -1 into Go struct field CreateWhitelistipsRequest.mask of type uint8");
    }

    [Test]
    public async Task Update_replaces_ip_and_mask_and_moves_date_updated()
    {
        var trunk = await CreateTrunkAsync();
        var id = (string)V2Assert.Success(await AddAsync(trunk, """{"ip":"44.248.146.11","mask":32}"""), "POST")["id"]!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(5));

        var data = V2Assert.Success(await SendAsync(Exotel, HttpMethod.Put, V2($"trunks/{trunk}/whitelisted-ips/{id}"), """{"ip":"44.248.146.0","mask":24}"""), "PUT");

        V2Assert.Json(data, $$"""
            {"id":"{{id}}","mask":24,"trunk_sid":"{{trunk}}","ip":"44.248.146.0","friendly_name":null,
             "date_created":"2026-01-23T10:00:00Z","date_updated":"2026-01-23T10:05:00Z"}
            """);
        V2Assert.Json(Sandbox.Exotel.WhitelistedIps(trunk).Single(), data.ToJsonString());
    }

    [Test]
    public async Task Update_without_a_mask_is_1001_as_both_fields_are_required()
    {
        var trunk = await CreateTrunkAsync();
        var id = (string)V2Assert.Success(await AddAsync(trunk, """{"ip":"44.248.146.11"}"""), "POST")["id"]!;

        var answer = await SendAsync(Exotel, HttpMethod.Put, V2($"trunks/{trunk}/whitelisted-ips/{id}"), """{"ip":"44.248.146.12"}""");

        V2Assert.Mandatory(answer, "PUT", "Mask is mandatory");
        Assert.That((string?)Sandbox.Exotel.WhitelistedIps(trunk).Single()["ip"], Is.EqualTo("44.248.146.11"));
    }

    [Test]
    public async Task Update_to_an_ip_already_on_the_trunk_is_HTTP_200_with_409_1008()
    {
        var trunk = await CreateTrunkAsync();
        V2Assert.Success(await AddAsync(trunk, """{"ip":"44.229.228.186"}"""), "POST");
        var id = (string)V2Assert.Success(await AddAsync(trunk, """{"ip":"44.238.177.138"}"""), "POST")["id"]!;

        var answer = await SendAsync(Exotel, HttpMethod.Put, V2($"trunks/{trunk}/whitelisted-ips/{id}"), """{"ip":"44.229.228.186","mask":32}""");

        V2Assert.Failure(answer, "PUT", 200, 409, 1008, "Duplicate resource", "Unable to Whitelist-ip with ip 44.229.228.186");
    }

    [Test]
    public async Task Delete_with_the_id_in_the_query_answers_the_ip_and_removes_it()
    {
        var trunk = await CreateTrunkAsync();
        var id = (string)V2Assert.Success(await AddAsync(trunk, """{"ip":"44.229.228.186"}"""), "POST")["id"]!;
        V2Assert.Success(await AddAsync(trunk, """{"ip":"44.238.177.138"}"""), "POST");

        var data = V2Assert.Success(await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/whitelisted-ips?id={id}")), "DELETE");

        Assert.That((string?)data["id"], Is.EqualTo(id));
        Assert.That((string?)data["ip"], Is.EqualTo("44.229.228.186"));
        Assert.That(Sandbox.Exotel.WhitelistedIps(trunk).Select(i => (string?)i["ip"]), Is.EqualTo(new[] { "44.238.177.138" }));
        V2Assert.NotFound(await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/whitelisted-ips?id={id}")), "DELETE");
    }

    [Test]
    public async Task List_answers_the_ips_in_the_order_added()
    {
        var trunk = await CreateTrunkAsync();
        V2Assert.Success(await AddAsync(trunk, """{"ip":"44.229.228.186"}"""), "POST");
        V2Assert.Success(await AddAsync(trunk, """{"ip":"44.238.177.138","mask":24}"""), "POST");

        var ips = V2Assert.List(await SendAsync(Exotel, HttpMethod.Get, V2($"trunks/{trunk}/whitelisted-ips")));

        Assert.That(ips.Select(i => $"{i["ip"]}/{i["mask"]}"), Is.EqualTo(new[] { "44.229.228.186/32", "44.238.177.138/24" }));
    }
}
