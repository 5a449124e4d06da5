using System.Net;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>Destination URIs (exotel-api.md §2.2, §5.5): a multi-item write answered 200 or 207 with per-item results.</summary>
public sealed class DestinationTests : Support.SandboxTest
{
    private Task<(HttpStatusCode Status, JsonNode? Body)> AddAsync(string trunkSid, params string[] destinations) =>
        SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{trunkSid}/destination-uris"),
            new JsonObject { ["destinations"] = new JsonArray([.. destinations.Select(d => (JsonNode)new JsonObject { ["destination"] = d })]) }.ToJsonString());

    private async Task WhitelistAsync(string trunkSid, string ip, int mask = 32) =>
        V2Assert.Success(await SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{trunkSid}/whitelisted-ips"), $$"""{"ip":"{{ip}}","mask":{{mask}}}"""), "POST");

    private static JsonArray Items(JsonNode? body) => body!["response"]!.AsArray();

    [Test]
    public async Task Adding_a_whitelisted_ip_answers_200_with_the_sip_prefixed_destination_and_defaults()
    {
        var trunk = await CreateTrunkAsync();
        await WhitelistAsync(trunk, "44.248.146.11");

        var answer = await AddAsync(trunk, "44.248.146.11:5061;transport=tls");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body?.ToJsonString());
        V2Assert.Head(answer.Body, "POST", 200);
        V2Assert.Json(answer.Body!["metadata"], """{"total":1,"success":1,"failed":0}""");
        var item = Items(answer.Body).Single()!;
        Assert.Multiple(() =>
        {
            Assert.That((int?)item["code"], Is.EqualTo(200));
            Assert.That((string?)item["status"], Is.EqualTo("success"));
            Assert.That(item["error_data"], Is.Null);
        });
        var data = item["data"]!;
        Assert.That((string)data["id"]!, Does.Match("^[0-9]+$"));
        V2Assert.Json(data, $$"""
            {"id":"{{data["id"]}}","destination":"sip:44.248.146.11:5061;transport=tls","date_created":"2026-01-23T10:00:00Z",
             "date_updated":"2026-01-23T10:00:00Z","type":"public","priority":0,"weight":1,"trunk_sid":"{{trunk}}"}
            """);
        V2Assert.Json(Sandbox.Exotel.DestinationUris(trunk).Single(), data.ToJsonString());
    }

    [Test]
    public async Task A_fqdn_destination_needs_no_whitelisting()
    {
        var trunk = await CreateTrunkAsync();

        var answer = await AddAsync(trunk, "sip.company.com:5061;transport=tls", "sip.company.com:5060;transport=tcp");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body?.ToJsonString());
        V2Assert.Json(answer.Body!["metadata"], """{"total":2,"success":2,"failed":0}""");
        Assert.That(Items(answer.Body).Select(i => (string?)i!["data"]!["destination"]),
            Is.EqualTo(new[] { "sip:sip.company.com:5061;transport=tls", "sip:sip.company.com:5060;transport=tcp" }));
    }

    [Test]
    public async Task An_ip_not_in_the_whitelist_is_207_with_Destination_not_whitelisted()
    {
        var trunk = await CreateTrunkAsync();

        var answer = await AddAsync(trunk, "44.248.146.11:5061;transport=tls");

        Assert.That((int)answer.Status, Is.EqualTo(207), answer.Body?.ToJsonString());
        V2Assert.Head(answer.Body, "POST", 207);
        V2Assert.Json(answer.Body!["metadata"], """{"total":1,"success":0,"failed":1}""");
        V2Assert.Item(Items(answer.Body).Single()!.AsObject(), 400, 1002, "Invalid parameter", "Destination not whitelisted");
        Assert.That(Sandbox.Exotel.DestinationUris(trunk), Is.Empty);
    }

    [Test]
    public async Task A_mixed_batch_is_207_with_one_result_per_destination_in_order()
    {
        var trunk = await CreateTrunkAsync();
        await WhitelistAsync(trunk, "44.248.146.11");

        var answer = await AddAsync(trunk, "44.248.146.11:5061;transport=tls", "44.248.146.12:5061;transport=tls", "sip.company.com:5061;transport=tls");

        Assert.That((int)answer.Status, Is.EqualTo(207));
        V2Assert.Json(answer.Body!["metadata"], """{"total":3,"success":2,"failed":1}""");
        var items = Items(answer.Body);
        Assert.That(items.Select(i => (string?)i!["status"]), Is.EqualTo(new[] { "success", "failure", "success" }));
        V2Assert.Item(items[1]!.AsObject(), 400, 1002, "Invalid parameter", "Destination not whitelisted");
        Assert.That(Sandbox.Exotel.DestinationUris(trunk).Select(d => (string?)d["destination"]),
            Is.EqualTo(new[] { "sip:44.248.146.11:5061;transport=tls", "sip:sip.company.com:5061;transport=tls" }));
    }

    [Test]
    public async Task The_same_ip_succeeds_once_it_is_whitelisted()
    {
        var trunk = await CreateTrunkAsync();
        Assert.That((int)(await AddAsync(trunk, "44.248.146.11:5060;transport=tcp")).Status, Is.EqualTo(207));
        await WhitelistAsync(trunk, "44.248.146.11");

        var answer = await AddAsync(trunk, "44.248.146.11:5060;transport=tcp");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body?.ToJsonString());
        Assert.That(Sandbox.Exotel.DestinationUris(trunk), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_slash_24_whitelist_covers_every_ip_in_it_and_no_other()
    {
        var trunk = await CreateTrunkAsync();
        await WhitelistAsync(trunk, "44.248.146.0", 24);

        var answer = await AddAsync(trunk, "44.248.146.77:5061;transport=tls", "44.248.147.77:5061;transport=tls");

        Assert.That((int)answer.Status, Is.EqualTo(207));
        var items = Items(answer.Body);
        Assert.That((string?)items[0]!["data"]!["destination"], Is.EqualTo("sip:44.248.146.77:5061;transport=tls"));
        V2Assert.Item(items[1]!.AsObject(), 400, 1002, "Invalid parameter", "Destination not whitelisted");
    }

    [Test]
    public async Task A_whitelist_on_another_trunk_does_not_count()
    {
        var trunk = await CreateTrunkAsync("trunk_a");
        var other = await CreateTrunkAsync("trunk_b");
        await WhitelistAsync(other, "44.248.146.11");

        var answer = await AddAsync(trunk, "44.248.146.11:5061;transport=tls");

        Assert.That((int)answer.Status, Is.EqualTo(207));
        V2Assert.Item(Items(answer.Body).Single()!.AsObject(), 400, 1002, "Invalid parameter", "Destination not whitelisted");
    }

    [TestCase("10.1.2.3:5060;transport=tcp")]
    [TestCase("192.168.0.10:5061;transport=tls")]
    [TestCase("203.0.113.50:5060;transport=tcp")]
    [TestCase("sip.example.invalid:5061;transport=tls")]
    [TestCase("pbx.local:5061;transport=tls")]
    [TestCase("sip.company.com;transport=tls")]
    public async Task A_private_documentation_or_unresolvable_destination_is_not_a_valid_Ip_or_Fqdn(string destination)
    {
        var trunk = await CreateTrunkAsync();

        var answer = await AddAsync(trunk, destination);

        Assert.That((int)answer.Status, Is.EqualTo(207), answer.Body?.ToJsonString());
        V2Assert.Json(answer.Body!["metadata"], """{"total":1,"success":0,"failed":1}""");
        V2Assert.Item(Items(answer.Body).Single()!.AsObject(), 400, 1002, "Invalid parameter", "Destination is not a valid Ip or Fqdn");
    }

    [Test]
    public async Task A_udp_transport_is_refused()
    {
        var trunk = await CreateTrunkAsync();
        await WhitelistAsync(trunk, "44.248.146.11");

        var answer = await AddAsync(trunk, "44.248.146.11:5060;transport=udp");

        Assert.That((int)answer.Status, Is.EqualTo(207));
        V2Assert.Item(Items(answer.Body).Single()!.AsObject(), 400, 1002, "Invalid parameter", "Invalid transport, allowed values are tls and tcp");
        Assert.That(Sandbox.Exotel.DestinationUris(trunk), Is.Empty);
    }

    [Test]
    public async Task A_body_without_destinations_is_1001()
    {
        var trunk = await CreateTrunkAsync();

        var missing = await SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{trunk}/destination-uris"), "{}");
        var empty = await SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{trunk}/destination-uris"), """{"destinations":[]}""");

        V2Assert.Mandatory(missing, "POST", "Destinations is mandatory");
        V2Assert.Mandatory(empty, "POST", "Destinations is mandatory");
    }

    [Test]
    public async Task Update_sets_priority_and_weight()
    {
        var trunk = await CreateTrunkAsync();
        var id = (string)Items((await AddAsync(trunk, "sip.company.com:5061;transport=tls")).Body)[0]!["data"]!["id"]!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));

        var data = V2Assert.Success(await SendAsync(Exotel, HttpMethod.Put, V2($"trunks/{trunk}/destination-uris/{id}"), """{"priority":2,"weight":5}"""), "PUT");

        V2Assert.Json(data, $$"""
            {"id":"{{id}}","destination":"sip:sip.company.com:5061;transport=tls","date_created":"2026-01-23T10:00:00Z",
             "date_updated":"2026-01-23T10:00:30Z","type":"public","priority":2,"weight":5,"trunk_sid":"{{trunk}}"}
            """);
        Assert.That((int?)Sandbox.Exotel.DestinationUris(trunk).Single()["weight"], Is.EqualTo(5));
    }

    [Test]
    public async Task Delete_by_query_or_path_id_answers_the_destination_and_removes_it()
    {
        var trunk = await CreateTrunkAsync();
        var answer = await AddAsync(trunk, "sip.company.com:5061;transport=tls", "sip.company.com:5060;transport=tcp");
        var first = (string)Items(answer.Body)[0]!["data"]!["id"]!;
        var second = (string)Items(answer.Body)[1]!["data"]!["id"]!;

        var byQuery = V2Assert.Success(await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/destination-uris?id={first}")), "DELETE");
        Assert.That(Sandbox.Exotel.DestinationUris(trunk).Select(d => (string?)d["id"]), Is.EqualTo(new[] { second }));
        var byPath = V2Assert.Success(await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/destination-uris/{second}")), "DELETE");

        Assert.Multiple(() =>
        {
            Assert.That((string?)byQuery["destination"], Is.EqualTo("sip:sip.company.com:5061;transport=tls"));
            Assert.That((string?)byPath["destination"], Is.EqualTo("sip:sip.company.com:5060;transport=tcp"));
            Assert.That(Sandbox.Exotel.DestinationUris(trunk), Is.Empty);
        });
    }

    [Test]
    public async Task List_answers_the_destinations_with_page_metadata()
    {
        var trunk = await CreateTrunkAsync();
        await AddAsync(trunk, "sip.company.com:5061;transport=tls");

        var answer = await SendAsync(Exotel, HttpMethod.Get, V2($"trunks/{trunk}/destination-uris"));

        Assert.That(V2Assert.List(answer).Select(d => (string?)d["destination"]), Is.EqualTo(new[] { "sip:sip.company.com:5061;transport=tls" }));
        Assert.That((string?)answer.Body!["metadata"]!["first_page_uri"],
            Is.EqualTo($"/v2/accounts/{AccountSid}/trunks/{trunk}/destination-uris?offset=0&page_size=50"));
    }
}
