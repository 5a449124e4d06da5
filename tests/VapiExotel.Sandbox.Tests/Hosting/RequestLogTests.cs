using System.Net;
using System.Net.Http.Headers;

namespace VapiExotel.Sandbox.Tests.Hosting;

/// <summary>The request log: every request in order, with credentials masked and the status answered.</summary>
public sealed class RequestLogTests : Support.SandboxTest
{
    private const string Credential = """{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198"}]}""";

    [Test]
    public async Task Every_request_is_recorded_in_order_with_method_path_query_body_and_status()
    {
        await SendAsync(Vapi, HttpMethod.Get, "assistant?limit=1");
        await SendAsync(Vapi, HttpMethod.Post, "credential", Credential);
        await SendAsync(Exotel, HttpMethod.Get, V2("trunks") + "?page_size=5");
        await SendAsync(Vapi, HttpMethod.Get, "nowhere");
        var log = Sandbox.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(log.Select(r => r.Sequence), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
            Assert.That(log.Select(r => r.Api), Is.EqualTo(new[] { SandboxApi.Vapi, SandboxApi.Vapi, SandboxApi.Exotel, SandboxApi.Vapi }));
            Assert.That(log.Select(r => r.Method), Is.EqualTo(new[] { "GET", "POST", "GET", "GET" }));
            Assert.That(log.Select(r => r.Path), Is.EqualTo(new[] { "/assistant", "/credential", $"/v2/accounts/{AccountSid}/trunks", "/nowhere" }));
            Assert.That(log.Select(r => r.Query), Is.EqualTo(new[] { "?limit=1", string.Empty, "?page_size=5", string.Empty }));
            Assert.That(log.Select(r => r.Status), Is.EqualTo(new[] { 200, 201, 200, 404 }));
            Assert.That(log[1].BodyText, Is.EqualTo(Credential));
            Assert.That(log[1].Body.Length, Is.EqualTo(Credential.Length));
            Assert.That(log[0].BodyText, Is.Empty);
            Assert.That(log.Select(r => r.ReceivedAt), Is.All.EqualTo(Start));
            Assert.That(log.Select(r => r.Fault), Is.All.Null);
        });
    }

    [Test]
    public async Task The_log_records_the_sandbox_time_of_each_request()
    {
        await SendAsync(Vapi, HttpMethod.Get, "assistant");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(3));
        await SendAsync(Vapi, HttpMethod.Get, "assistant");
        Assert.That(Sandbox.Requests.Select(r => r.ReceivedAt), Is.EqualTo(new[] { Start, Start.AddMinutes(3) }));
    }

    [Test]
    public async Task Authorization_is_masked_to_its_scheme()
    {
        await SendAsync(Vapi, HttpMethod.Get, "assistant");
        await SendAsync(Exotel, HttpMethod.Get, V2("trunks"));
        var log = Sandbox.Requests;
        var options = Sandbox.Options;
        Assert.Multiple(() =>
        {
            Assert.That(log[0].Headers["Authorization"], Is.EqualTo("Bearer ***"));
            Assert.That(log[1].Headers["Authorization"], Is.EqualTo("Basic ***"));
            Assert.That(log.SelectMany(r => r.Headers.Values).Any(v => v.Contains(options.VapiApiKey, StringComparison.Ordinal)), Is.False, "the Vapi key is in the log");
            Assert.That(log.SelectMany(r => r.Headers.Values).Any(v => v.Contains(options.ExotelApiToken, StringComparison.Ordinal)), Is.False, "the Exotel token is in the log");
            Assert.That(log.Select(r => r.ToString()).Any(t => t.Contains(options.VapiApiKey, StringComparison.Ordinal)), Is.False, "the Vapi key is in a log line");
        });
    }

    [Test]
    public async Task Wrong_credentials_are_masked_and_logged_with_their_401()
    {
        using var wrong = new HttpClient { BaseAddress = Sandbox.VapiBaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "leaked-guess-123");
        await SendAsync(wrong, HttpMethod.Get, "assistant");
        var entry = Sandbox.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(entry.Headers["Authorization"], Is.EqualTo("Bearer ***"));
            Assert.That(entry.Status, Is.EqualTo(401));
        });
    }

    [Test]
    public async Task Other_headers_are_kept()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "assistant");
        request.Headers.Add("X-Correlation-Id", "abc-123");
        using var response = await Vapi.SendAsync(request);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Sandbox.Requests.Single().Headers["X-Correlation-Id"], Is.EqualTo("abc-123"));
        });
    }

    [Test]
    public async Task ClearRequests_empties_the_log_and_numbering_goes_on()
    {
        await SendAsync(Vapi, HttpMethod.Get, "assistant");
        await SendAsync(Vapi, HttpMethod.Get, "assistant");
        Sandbox.ClearRequests();
        var cleared = Sandbox.Requests;
        await SendAsync(Vapi, HttpMethod.Get, "credential");
        var after = Sandbox.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(cleared, Is.Empty);
            Assert.That(after, Has.Count.EqualTo(1));
            Assert.That(after[0].Path, Is.EqualTo("/credential"));
            Assert.That(after[0].Sequence, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task The_request_list_is_a_snapshot()
    {
        await SendAsync(Vapi, HttpMethod.Get, "assistant");
        var snapshot = Sandbox.Requests;
        await SendAsync(Vapi, HttpMethod.Get, "assistant");
        Assert.Multiple(() =>
        {
            Assert.That(snapshot, Has.Count.EqualTo(1));
            Assert.That(Sandbox.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_log_line_shows_the_request_and_its_answer_without_the_body()
    {
        await SendAsync(Vapi, HttpMethod.Post, "credential", Credential);
        Assert.That(Sandbox.Requests.Single().ToString(), Is.EqualTo("#1 Vapi POST /credential → 201"));
    }
}
