using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>What every v2 answer shares (exotel-api.md §1.2, §1.3, §2.3, §3): authentication, content type, parsing and paging.</summary>
public sealed class EnvelopeTests : Support.SandboxTest
{
    private HttpClient ClientWith(string key, string token)
    {
        var client = new HttpClient { BaseAddress = Sandbox.ExotelBaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key}:{token}")));
        return client;
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostRawAsync(string path, string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await Exotel.PostAsync(path, content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static void Unauthorized((HttpStatusCode Status, JsonNode? Body) answer, string method) =>
        V2Assert.Failure(answer, method, 401, 401, 1010, "Authorization failed", "Authorization failed");

    [TestCase(false, true)]
    [TestCase(true, false)]
    public async Task A_wrong_key_or_token_is_401_with_error_1010(bool rightKey, bool rightToken)
    {
        var options = Sandbox.Options;
        using var client = ClientWith(rightKey ? options.ExotelApiKey : "wrong-key", rightToken ? options.ExotelApiToken : "wrong-token");

        var answer = await SendAsync(client, HttpMethod.Get, V2("trunks"));

        Unauthorized(answer, "GET");
    }

    [Test]
    public async Task No_credentials_at_all_is_401_and_changes_nothing()
    {
        using var client = new HttpClient { BaseAddress = Sandbox.ExotelBaseAddress };

        var answer = await SendAsync(client, HttpMethod.Post, V2("trunks"), $$"""{"trunk_name":"t1","nso_code":"ANY-ANY","domain_name":"{{AccountSid}}.pstn.exotel.com"}""");

        Unauthorized(answer, "POST");
        Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
    }

    [Test]
    public async Task Another_account_sid_in_the_v2_path_is_401()
    {
        var answer = await SendAsync(Exotel, HttpMethod.Get, "v2/accounts/otheraccount1/trunks");

        Unauthorized(answer, "GET");
    }

    [Test]
    public async Task Another_account_sid_in_the_v1_path_is_a_401_RestException()
    {
        var (status, body) = await SendAsync(Exotel, HttpMethod.Get, "v1/Accounts/otheraccount1/Calls.json");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
        V2Assert.Json(body, """{"RestException":{"Status":401,"Message":"Authorization failed"}}""");
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task A_POST_that_is_not_json_is_415_with_error_1011_echoing_the_content_type(string contentType)
    {
        var answer = await PostRawAsync(V2("trunks"), "trunk_name=t1", contentType);

        V2Assert.Failure(answer, "POST", 415, 415, 1011, "unsupported content type", contentType);
        Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
    }

    [Test]
    public async Task A_PUT_that_is_not_json_is_415_too()
    {
        var sid = await CreateTrunkAsync();
        using var content = new StringContent("""{"trunk_name":"renamed"}""", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await Exotel.PutAsync(V2($"trunks/{sid}"), content);

        V2Assert.Failure((response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())), "PUT", 415, 415, 1011, "unsupported content type", "text/plain");
    }

    [TestCase("""{"trunk_name":"t1",""")]
    [TestCase("")]
    public async Task A_malformed_json_body_is_400_with_error_1007(string body)
    {
        var answer = await PostRawAsync(V2("trunks"), body, "application/json");

        V2Assert.Failure(answer, "POST", 400, 400, 1007, "Invalid request body,failed parsing", "unexpected EOF");
    }

    [Test]
    public async Task A_field_of_the_wrong_type_is_400_with_the_go_unmarshal_error()
    {
        var answer = await SendAsync(Exotel, HttpMethod.Post, V2("trunks"), """{"trunk_name":42,"nso_code":"ANY-ANY"}""");

        V2Assert.Failure(answer, "POST", 400, 400, 1007, "Invalid request body,failed parsing",
            "json: cannot unmarshal number into Go struct field CreateTrunkRequest.trunk_name of type string");
    }

    [Test]
    public async Task An_unknown_v2_path_is_404_1000()
    {
        V2Assert.NotFound(await SendAsync(Exotel, HttpMethod.Get, V2("sip-trunks")), "GET");
    }

    [Test]
    public async Task Every_answer_carries_its_own_32_hex_request_id()
    {
        var first = await SendAsync(Exotel, HttpMethod.Get, V2("trunks"));
        var second = await SendAsync(Exotel, HttpMethod.Get, V2("trunks"));

        V2Assert.Head(first.Body, "GET", 200);
        V2Assert.Head(second.Body, "GET", 200);
        Assert.That((string?)first.Body!["request_id"], Is.Not.EqualTo((string?)second.Body!["request_id"]));
    }

    [Test]
    public async Task An_empty_list_has_no_metadata()
    {
        var (status, body) = await SendAsync(Exotel, HttpMethod.Get, V2("trunks"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(V2Assert.Keys(body), Is.EqualTo(new[] { "request_id", "method", "http_code", "response" }));
        Assert.That(body!["response"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Paging_links_are_exact_and_following_next_page_uri_reaches_every_item_once()
    {
        var sids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            sids.Add(await CreateTrunkAsync($"trunk_{i}"));
        }

        var path = $"/v2/accounts/{AccountSid}/trunks";
        var seen = new List<string>();
        var metadata = new List<JsonNode>();
        string? next = $"{path}?page_size=2&offset=0";
        while (next is not null)
        {
            var answer = await SendAsync(Exotel, HttpMethod.Get, next);
            seen.AddRange(V2Assert.List(answer).Select(t => (string)t["trunk_sid"]!));
            metadata.Add(answer.Body!["metadata"]!);
            next = (string?)answer.Body["metadata"]!["next_page_uri"];
        }

        Assert.That(seen, Is.EqualTo(sids));
        Assert.That(metadata, Has.Count.EqualTo(3));
        V2Assert.Json(metadata[0], $$"""{"page_size":2,"first_page_uri":"{{path}}?offset=0&page_size=2","prev_page_uri":null,"next_page_uri":"{{path}}?offset=2&page_size=2"}""");
        V2Assert.Json(metadata[1], $$"""{"page_size":2,"first_page_uri":"{{path}}?offset=0&page_size=2","prev_page_uri":"{{path}}?offset=0&page_size=2","next_page_uri":"{{path}}?offset=4&page_size=2"}""");
        V2Assert.Json(metadata[2], $$"""{"page_size":2,"first_page_uri":"{{path}}?offset=0&page_size=2","prev_page_uri":"{{path}}?offset=2&page_size=2","next_page_uri":null}""");
    }

    [Test]
    public async Task A_page_past_the_end_is_empty_but_keeps_its_links()
    {
        await CreateTrunkAsync("trunk_1");
        var path = $"/v2/accounts/{AccountSid}/trunks";

        var answer = await SendAsync(Exotel, HttpMethod.Get, V2("trunks?offset=10&page_size=5"));

        Assert.That(V2Assert.List(answer), Is.Empty);
        V2Assert.Json(answer.Body!["metadata"], $$"""{"page_size":5,"first_page_uri":"{{path}}?offset=0&page_size=5","prev_page_uri":"{{path}}?offset=5&page_size=5","next_page_uri":null}""");
    }

    [TestCase("page_size=0")]
    [TestCase("page_size=abc")]
    [TestCase("offset=-1")]
    public async Task An_invalid_paging_parameter_is_1002(string query)
    {
        var answer = await SendAsync(Exotel, HttpMethod.Get, V2($"trunks?{query}"));

        V2Assert.Invalid(answer, "GET", $"Invalid {query.Split('=')[0]}");
    }
}
