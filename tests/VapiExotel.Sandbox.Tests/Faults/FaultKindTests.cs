using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Faults;

/// <summary>What each kind of injected fault does to a request, in each service's own error shape.</summary>
public sealed class FaultKindTests : Support.SandboxTest
{
    [Test]
    public async Task Latency_delays_the_answer_but_the_request_still_succeeds()
    {
        var rule = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.Latency(TimeSpan.FromMilliseconds(300)), Api = SandboxApi.Vapi });
        var watch = Stopwatch.StartNew();
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, "assistant");
        watch.Stop();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)));
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(Sandbox.Requests.Single().Fault, Is.EqualTo(SandboxFaultKind.Latency));
            Assert.That(Sandbox.Requests.Single().Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Rate_limited_answers_429_with_Retry_After_in_Vapi_shape()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.RateLimited(TimeSpan.FromSeconds(7)), SandboxApi.Vapi);
        using var response = await Vapi.GetAsync("credential");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That((string?)body["message"], Is.EqualTo("Too Many Requests"));
            Assert.That((string?)body["error"], Is.EqualTo("Too Many Requests"));
            Assert.That((int?)body["statusCode"], Is.EqualTo(429));
            Assert.That(Sandbox.Requests.Single().Status, Is.EqualTo(429));
            Assert.That(Sandbox.Requests.Single().Fault, Is.EqualTo(SandboxFaultKind.RateLimited));
        });
    }

    [Test]
    public async Task Retry_After_is_rounded_up_to_whole_seconds_and_left_out_when_not_given()
    {
        var rounded = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.RateLimited(TimeSpan.FromMilliseconds(1500)), Path = "/credential" });
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.RateLimited(), Path = "/assistant" });
        using var first = await Vapi.GetAsync("credential");
        using var second = await Vapi.GetAsync("assistant");
        Assert.Multiple(() =>
        {
            Assert.That(rounded.Applied, Is.EqualTo(1));
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(first.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(second.Headers.RetryAfter, Is.Null);
        });
    }

    [Test]
    public async Task Rate_limited_answers_429_in_Exotel_v2_envelope()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.RateLimited(TimeSpan.FromSeconds(30)), SandboxApi.Exotel);
        using var response = await Exotel.GetAsync(V2("trunks"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That((string?)body["method"], Is.EqualTo("GET"));
            Assert.That((int?)body["http_code"], Is.EqualTo(429));
            Assert.That((string?)body["request_id"], Is.Not.Empty);
            Assert.That((int?)body["response"]!["code"], Is.EqualTo(429));
            Assert.That((string?)body["response"]!["status"], Is.EqualTo("failure"));
            Assert.That(body["response"]!["data"], Is.Null);
            Assert.That((int?)body["response"]!["error_data"]!["code"], Is.EqualTo(1030));
            Assert.That((string?)body["response"]!["error_data"]!["message"], Is.EqualTo("Too Many Requests"));
        });
    }

    [Test]
    public async Task Rate_limited_answers_429_as_a_v1_RestException_with_its_code()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.RateLimited(TimeSpan.FromSeconds(3)), SandboxApi.Exotel);
        using var response = await Exotel.GetAsync(V1("Calls/abc.json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That((int?)body["RestException"]!["Status"], Is.EqualTo(429));
            Assert.That((string?)body["RestException"]!["Message"], Is.EqualTo("Too Many Requests"));
            Assert.That((string?)body["RestException"]!["Code"], Is.EqualTo("RATE_LIMIT_EXCEEDED"));
        });
    }

    [Test]
    public async Task A_v1_fault_without_the_json_suffix_answers_XML()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.ServerError(502), SandboxApi.Exotel);
        using var response = await Exotel.GetAsync(V1("Calls/abc"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
            Assert.That(text, Does.Contain("<TwilioResponse><RestException><Status>502</Status>"));
        });
    }

    [Test]
    public async Task Server_error_answers_in_Vapi_shape()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.ServerError(503), SandboxApi.Vapi);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "credential", """{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198"}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That((string?)body!["message"], Is.Not.Empty);
            Assert.That((string?)body["error"], Is.EqualTo("Service Unavailable"));
            Assert.That((int?)body["statusCode"], Is.EqualTo(503));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }

    [Test]
    public async Task Server_error_500_is_the_default_status()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.ServerError(), SandboxApi.Vapi);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, "assistant");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That((string?)body!["message"], Is.EqualTo("Internal Server Error"));
            Assert.That((string?)body["error"], Is.EqualTo("Internal Server Error"));
            Assert.That((int?)body["statusCode"], Is.EqualTo(500));
        });
    }

    [Test]
    public async Task Server_error_answers_in_Exotel_v2_envelope()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.ServerError(503), SandboxApi.Exotel);
        var (status, body) = await SendAsync(Exotel, HttpMethod.Post, V2("trunks"),
            $$"""{"trunk_name":"vx_trunk","nso_code":"ANY-ANY","domain_name":"{{AccountSid}}.pstn.exotel.com"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That((string?)body!["method"], Is.EqualTo("POST"));
            Assert.That((int?)body["http_code"], Is.EqualTo(503));
            Assert.That((int?)body["response"]!["code"], Is.EqualTo(503));
            Assert.That((string?)body["response"]!["status"], Is.EqualTo("failure"));
            Assert.That(body["response"]!["error_data"], Is.Not.Null);
            Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
        });
    }

    [Test]
    public async Task Server_error_answers_as_a_v1_RestException()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.ServerError(503), SandboxApi.Exotel);
        using var response = await PostFormAsync(V1("Calls/connect.json"), ("From", "+919876543210"), ("To", "+919876543211"), ("CallerId", "+918047490924"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That((int?)body["RestException"]!["Status"], Is.EqualTo(503));
            Assert.That((string?)body["RestException"]!["Message"], Is.Not.Empty);
            Assert.That(Sandbox.Exotel.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task Drop_connection_closes_without_an_answer()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.DropConnection(), SandboxApi.Vapi);
        Assert.ThrowsAsync<HttpRequestException>(() => Vapi.GetAsync("assistant"));
        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);
        var logged = Sandbox.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(logged.Status, Is.EqualTo(0));
            Assert.That(logged.Fault, Is.EqualTo(SandboxFaultKind.DropConnection));
            Assert.That(logged.Path, Is.EqualTo("/assistant"));
        });
    }

    [Test]
    public async Task Drop_connection_on_Exotel_before_processing_creates_nothing()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.DropConnection(), SandboxApi.Exotel);
        using var content = new StringContent($$"""{"trunk_name":"vx_trunk","nso_code":"ANY-ANY","domain_name":"{{AccountSid}}.pstn.exotel.com"}""",
            Encoding.UTF8, "application/json");
        Assert.ThrowsAsync<HttpRequestException>(() => Exotel.PostAsync(V2("trunks"), content));
        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);
        Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
    }

    [Test]
    public async Task Timeout_holds_the_request_until_the_client_gives_up()
    {
        Sandbox.Faults.AddGlobal(SandboxFault.Timeout(), SandboxApi.Vapi);
        using var impatient = new HttpClient { BaseAddress = Sandbox.VapiBaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };
        impatient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sandbox.Options.VapiApiKey);
        var watch = Stopwatch.StartNew();
        var thrown = Assert.CatchAsync<TaskCanceledException>(() => impatient.GetAsync("assistant"));
        watch.Stop();
        var logged = Sandbox.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.InnerException, Is.InstanceOf<TimeoutException>());
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290)));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
            Assert.That(logged.Status, Is.EqualTo(0));
            Assert.That(logged.Fault, Is.EqualTo(SandboxFaultKind.Timeout));
        });
    }

    [Test]
    public async Task Requests_after_a_removed_timeout_are_answered_normally()
    {
        var rule = Sandbox.Faults.AddGlobal(SandboxFault.Timeout(), SandboxApi.Vapi);
        using var impatient = new HttpClient { BaseAddress = Sandbox.VapiBaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };
        impatient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sandbox.Options.VapiApiKey);
        Assert.CatchAsync<TaskCanceledException>(() => impatient.GetAsync("assistant"));
        Sandbox.Faults.Remove(rule);
        using var response = await impatient.GetAsync("assistant");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Fault_factories_refuse_out_of_range_values()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => SandboxFault.ServerError(404));
            Assert.Throws<ArgumentOutOfRangeException>(() => SandboxFault.ServerError(600));
            Assert.Throws<ArgumentOutOfRangeException>(() => SandboxFault.Latency(TimeSpan.FromSeconds(-1)));
            Assert.Throws<ArgumentOutOfRangeException>(() => SandboxFault.RateLimited(TimeSpan.FromSeconds(-1)));
            Assert.That(SandboxFault.ServerError(503).Status, Is.EqualTo(503));
            Assert.That(SandboxFault.RateLimited().Status, Is.EqualTo(429));
        });
    }
}
