using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Security;

/// <summary>The API key never reaches a log line, an exception or a description of the options.</summary>
public class SecretLeakTests
{
    private const string Key = TestAccount.ApiKey;

    private static string Everything(Exception e) =>
        string.Join("\n", e.Message, e.ToString(), (e as VapiException)?.RawBody, string.Join("\n", (e as VapiException)?.Messages ?? []), (e as VapiException)?.Error,
            (e as VapiException)?.RequestId);

    private static CreateCallRequest OneCall() => new()
    {
        AssistantId = TestAccount.AssistantId,
        PhoneNumberId = TestAccount.PhoneNumberId,
        Customer = new VapiCustomer { Number = "+919876543210" },
    };

    [Test]
    public async Task No_log_line_contains_the_key_across_successes_and_failures()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId).Respond("application/json", Fixtures.Read("call-ended-sip.json"));
        host.Expect(HttpMethod.Get, "assistant/" + TestAccount.AssistantId)
            .Respond(HttpStatusCode.Unauthorized, "application/json", $$$"""{"message":"Invalid Key {{{Key}}}","error":"Unauthorized {{{Key}}}","statusCode":401}""");
        host.ExpectAnyBody(HttpMethod.Post, "call").Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        host.Expect(HttpMethod.Get, "call?limit=100").Respond(HttpStatusCode.OK, "text/plain", "not json " + Key);

        await host.Client.Calls.GetAsync(TestAccount.CallId);
        Assert.CatchAsync<VapiException>(() => host.Client.Assistants.GetAsync(TestAccount.AssistantId));
        Assert.CatchAsync<VapiException>(() => host.Client.Calls.CreateAsync(OneCall()));
        Assert.CatchAsync<VapiException>(async () => await host.Client.Calls.ListAsync().ToListAsync());

        host.VerifyAllSatisfied();
        var lines = host.Logs.Lines.ToList();
        Assert.That(lines, Is.Not.Empty, "the test host captures the HTTP client's logs");
        Assert.That(lines, Has.Some.Contains("Vapi GET /call/{id} answered 200"));
        Assert.That(lines, Has.None.Contains(Key));
        Assert.That(lines, Has.None.Contains("Bearer vapi"));
    }

    [Test]
    public void An_error_body_echoing_the_key_is_redacted_everywhere()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId)
            .Respond(HttpStatusCode.Unauthorized, [new KeyValuePair<string, string>("X-Request-Id", "rq-" + Key)], "application/json",
                $$$"""{"message":["Invalid Key {{{Key}}}","Bearer {{{Key}}} was refused"],"error":"Unauthorized for {{{Key}}}","statusCode":401}""");

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.GetAsync(TestAccount.CallId))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Not.Contain(Key));
            Assert.That(e.ToString(), Does.Not.Contain(Key));
            Assert.That(e.RawBody, Does.Not.Contain(Key).And.Contain("Invalid Key ***"));
            Assert.That(e.Messages, Is.EqualTo(new[] { "Invalid Key ***", "Bearer *** was refused" }));
            Assert.That(e.Error, Is.EqualTo("Unauthorized for ***"));
            Assert.That(e.Message, Does.Contain("Invalid Key ***"));
        });
    }

    [Test]
    public void The_request_id_header_echoing_the_key_is_not_in_the_message()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId)
            .Respond(HttpStatusCode.InternalServerError, [new KeyValuePair<string, string>("X-Request-Id", "rq-" + Key)], "application/json", "{}");

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.GetAsync(TestAccount.CallId))!;

        Assert.That(e.Message, Does.Not.Contain(Key).And.Contain("request id rq-***"));
        Assert.That(e.ToString(), Does.Not.Contain(Key));
    }

    [TestCase(HttpStatusCode.OK, "text/html")]
    [TestCase(HttpStatusCode.BadGateway, "text/html")]
    [TestCase(HttpStatusCode.BadRequest, "application/json")]
    public void A_non_json_body_echoing_the_key_is_redacted(HttpStatusCode status, string mediaType)
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId).Respond(status, mediaType, $"<html>\n<p>Authorization: Bearer {Key}</p>\n</html>");

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.GetAsync(TestAccount.CallId))!;

        Assert.That(Everything(e), Does.Not.Contain(Key));
        Assert.That(e.RawBody, Does.Contain("Bearer ***"));
    }

    [Test]
    public void A_key_at_the_truncation_point_of_a_huge_body_does_not_leak_in_part()
    {
        using var host = new VapiTestHost();
        var body = new string('x', 4090) + Key + new string('y', 5000);
        host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId).Respond(HttpStatusCode.InternalServerError, "text/plain", body);

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.GetAsync(TestAccount.CallId))!;

        Assert.That(e.RawBody, Does.Not.Contain(Key[..6]));
        Assert.That(e.RawBody, Does.Contain("x***y"));
    }

    [TestCase(HttpRequestError.ResponseEnded)]
    [TestCase(HttpRequestError.ConnectionError)]
    public void A_transport_error_quoting_the_key_keeps_it_out_of_the_exception(HttpRequestError error)
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "call").Throw(new HttpRequestException(error, "failed with header Authorization: Bearer " + Key));

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.CreateAsync(OneCall()))!;

        Assert.That(e.Message, Does.Not.Contain(Key).And.Contain("***"));
        Assert.That(e.ToString(), Does.Not.Contain(Key));
        Assert.That(e.InnerException, Is.Null, "a cause quoting the key is dropped");
    }

    [Test]
    public void An_unreadable_success_echoing_the_key_is_redacted()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId)
            .Respond(HttpStatusCode.OK, "application/json", $$$"""{"id":"x","createdAt":"{{{Key}}}"}""");

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.GetAsync(TestAccount.CallId))!;

        Assert.That(e.Message, Does.Contain("could not read"));
        Assert.That(Everything(e), Does.Not.Contain(Key));
    }

    [Test]
    public void The_control_url_never_receives_the_key()
    {
        using var host = new VapiTestHost();
        const string url = "https://phone-call-websocket.example.vapi.ai/019d2ad0/control";
        string? leaked = null;
        host.Mock.Expect(HttpMethod.Post, url).Respond(async r =>
        {
            leaked = r.Headers.ToString() + await r.Content!.ReadAsStringAsync();
            return new HttpResponseMessage(HttpStatusCode.OK);
        });

        Assert.DoesNotThrowAsync(() => host.Client.Calls.EndAsync(new Uri(url)));

        Assert.That(leaked, Is.Not.Null);
        Assert.That(leaked, Does.Not.Contain(Key).And.Not.Contain("Authorization"));
        Assert.That(host.Logs.Lines, Has.None.Contains(Key));
    }

    [Test]
    public void Options_to_string_masks_the_key()
    {
        var options = new VapiClientOptions { ApiKey = Key, Region = VapiRegion.EU, BaseAddress = new Uri("https://proxy.example.com/vapi/") };

        var text = options.ToString();

        Assert.That(text, Does.Not.Contain(Key).And.Contain("ApiKey = ***").And.Contain("EU").And.Contain("https://proxy.example.com/vapi/"));
        Assert.That(new VapiClientOptions().ToString(), Does.Contain("(not set)"));
    }

    [Test]
    public void Options_to_string_hides_credentials_placed_in_the_base_address()
    {
        var options = new VapiClientOptions { ApiKey = Key, BaseAddress = new Uri($"https://user:{Key}@proxy.example.com/vapi/") };

        Assert.That(options.ToString(), Does.Not.Contain(Key).And.Not.Contain("user").And.Contain("https://proxy.example.com/vapi/"));
    }

    [Test]
    public void Options_validation_failures_never_contain_the_key()
    {
        var services = new ServiceCollection();
        services.AddVapiClient(o =>
        {
            o.ApiKey = Key + "\n";
            o.BaseAddress = new Uri($"http://user:{Key}@example.com/");
        });
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<VapiClientOptions>>().Value)!;

        Assert.That(e.Failures, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(string.Join(" ", e.Failures) + e, Does.Not.Contain(Key));
    }

    [Test]
    public void The_standalone_constructor_never_puts_the_key_in_its_exception()
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new VapiClient(new VapiClientOptions { ApiKey = Key + " ", BaseAddress = new Uri($"https://u:{Key}@h/") }))!;

        Assert.That(e.ToString(), Does.Not.Contain(Key));
    }
}
