using System.Net;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>Exotel's per-account request limit (exotel-api.md §1.4), enforced at 5 a minute to keep the tests short.</summary>
public sealed class RateLimitTests : Support.SandboxTest
{
    protected override void Configure(VapiExotelSandboxOptions options)
    {
        options.EnforceExotelRateLimit = true;
        options.ExotelRequestsPerMinute = 5;
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body, string? RetryAfter)> GetAsync(string path)
    {
        using var response = await Exotel.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? string.Join(",", values) : null;
        return (response.StatusCode, JsonNode.Parse(text), retryAfter);
    }

    /// <summary>Spends the minute's allowance of one API: the vSIP config API (v2) by default, or the Voice API (v1).</summary>
    private async Task UseUpTheMinuteAsync(bool voiceApi = false)
    {
        for (var i = 0; i < 5; i++)
        {
            var (status, body, _) = await GetAsync(voiceApi ? V1("Calls.json") : V2("trunks"));
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1}: {body?.ToJsonString()}");
        }
    }

    [Test]
    public async Task The_trunk_api_and_the_voice_api_each_have_their_own_allowance()
    {
        await UseUpTheMinuteAsync();

        Assert.That((await GetAsync(V1("Calls.json"))).Status, Is.EqualTo(HttpStatusCode.OK), "the Voice API's allowance is untouched");
        Assert.That((await GetAsync(V2("trunks"))).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task The_sixth_request_in_a_minute_is_429_with_Retry_After_and_the_v2_envelope()
    {
        await UseUpTheMinuteAsync();

        var (status, body, retryAfter) = await GetAsync(V2("trunks"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(retryAfter, Is.EqualTo("60"));
        V2Assert.Head(body, "GET", 429);
        var response = body!["response"]!;
        Assert.Multiple(() =>
        {
            Assert.That((int?)response["code"], Is.EqualTo(429));
            Assert.That((string?)response["status"], Is.EqualTo("failure"));
            Assert.That(response["data"], Is.Null);
            Assert.That((string?)response["error_data"]!["message"], Is.EqualTo("Too Many Requests"));
        });
    }

    [Test]
    public async Task Retry_After_counts_down_with_the_clock()
    {
        await UseUpTheMinuteAsync();
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(45));

        var (status, _, retryAfter) = await GetAsync(V2("trunks"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(retryAfter, Is.EqualTo("15"));
    }

    [Test]
    public async Task Requests_pass_again_once_the_minute_has_gone_by()
    {
        await UseUpTheMinuteAsync();
        Assert.That((await GetAsync(V2("trunks"))).Status, Is.EqualTo(HttpStatusCode.TooManyRequests));

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        await UseUpTheMinuteAsync();
        Assert.That((await GetAsync(V2("trunks"))).Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "the new minute has the same allowance");
    }

    [Test]
    public async Task A_v1_request_over_the_limit_is_a_RestException_with_code_RATE_LIMIT_EXCEEDED()
    {
        await UseUpTheMinuteAsync(voiceApi: true);

        var (status, body, retryAfter) = await GetAsync(V1("Calls.json"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(retryAfter, Is.EqualTo("60"));
        V2Assert.Json(body, """{"RestException":{"Status":429,"Message":"Too Many Requests","Code":"RATE_LIMIT_EXCEEDED"}}""");
    }

    [Test]
    public async Task A_refused_connect_places_no_call()
    {
        await UseUpTheMinuteAsync(voiceApi: true);

        using var response = await PostFormAsync(V1("Calls/connect.json"), ("From", "+919876543210"), ("To", "+919123456789"), ("CallerId", "+918047490924"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Sandbox.Exotel.Calls, Is.Empty);
    }

    [Test]
    public async Task Requests_refused_for_their_content_still_count_toward_the_limit()
    {
        for (var i = 0; i < 5; i++)
        {
            var (status, _, _) = await GetAsync(V2("trunks/trmum1doesnotexist0000000a1n/phone-numbers"));
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        }

        var (sixth, _, retryAfter) = await GetAsync(V2("trunks"));

        Assert.That(sixth, Is.EqualTo(HttpStatusCode.TooManyRequests), "a request answered 404 is still a request");
        Assert.That(retryAfter, Is.EqualTo("60"));
    }
}
