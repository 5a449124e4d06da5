using System.Net;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Errors;

public class ErrorMappingTests
{
    private const string CloudflarePage = """
        <!DOCTYPE html>
        <html lang="en-US">
        <head><title>api.vapi.ai | 502: Bad gateway</title>
        <meta charset="UTF-8" />
        </head>
        <body>
        <div id="cf-wrapper">
          <div id="cf-error-details" class="p-0">
            <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
              <h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
                <span class="inline-block">Bad gateway</span>
                <span class="code-label">Error code 502</span>
              </h1>
            </header>
            <div class="my-8 bg-gradient-gray">
              <p>The web server reported a bad gateway error.</p>
              <p>Please try again in a few minutes.</p>
            </div>
            <div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300">
              <p class="text-13">
                <span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">8a1b2c3d4e5f6789</strong></span>
                <span class="cf-footer-separator sm:hidden">&bull;</span>
                <span class="cf-footer-item sm:block sm:mb-1">Performance &amp; security by Cloudflare</span>
              </p>
            </div>
          </div>
        </div>
        </body>
        </html>
        """;

    private static VapiException GetCallFails(VapiTestHost host) =>
        Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.GetAsync(TestAccount.CallId))!;

    private static MockedRequest ExpectGetCall(VapiTestHost host) => host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId);

    [Test]
    public void A_string_message_becomes_one_message()
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(HttpStatusCode.NotFound, "application/json", Fixtures.Read("error-not-found.json"));

        var e = GetCallFails(host);

        Assert.Multiple(() =>
        {
            Assert.That(e.Messages, Is.EqualTo(new[] { "Credential not found" }));
            Assert.That(e.Error, Is.EqualTo("Not Found"));
            Assert.That(e.Status, Is.EqualTo(404));
            Assert.That(e.IsNotFound, Is.True);
            Assert.That(e.IsValidationError, Is.False);
            Assert.That(e.Message, Is.EqualTo("Vapi GET /call/{id} failed: Credential not found (HTTP 404 NotFound)."));
            Assert.That(e.RawBody, Does.Contain("\"statusCode\": 404"));
        });
    }

    [Test]
    public void A_list_message_keeps_every_item_and_joins_them_in_the_text()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "call").Respond(HttpStatusCode.BadRequest, "application/json", Fixtures.Read("error-validation.json"));

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.CreateAsync(new CreateCallRequest
        {
            AssistantId = TestAccount.AssistantId,
            PhoneNumberId = TestAccount.PhoneNumberId,
            Customer = new VapiCustomer { Number = "+919876543210" },
        }))!;

        ErrorAssert.IsTheValidationFixture(e, "POST /call");
    }

    [Test]
    public void Non_string_items_of_a_message_list_are_kept_as_json_and_nulls_dropped()
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(HttpStatusCode.BadRequest, "application/json", Fixtures.Read("err-mixed-messages.json"));

        var e = GetCallFails(host);

        Assert.That(e.Messages, Is.EqualTo(new[] { "first", """{ "field": "name" }""", "42" }));
        Assert.That(e.Error, Is.Null);
    }

    [Test]
    public void An_html_page_from_cloudflare_gives_a_short_snippet_and_keeps_the_raw_body()
    {
        using var host = new VapiTestHost();
        const string html = CloudflarePage;
        ExpectGetCall(host).Respond(HttpStatusCode.BadGateway, "text/html", html);

        var e = GetCallFails(host);

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(502));
            Assert.That(e.Messages, Is.Empty);
            Assert.That(e.Error, Is.Null);
            Assert.That(e.Message, Does.Contain("<title>api.vapi.ai | 502: Bad gateway</title>"));
            Assert.That(e.Message, Does.Contain("HTTP 502 BadGateway"));
            Assert.That(e.Message, Does.Not.Contain("\n"));
            Assert.That(e.Message.Length, Is.LessThan(400));
            Assert.That(e.Message, Does.Not.Contain("cf-footer-item"), "the tail of the page is cut");
            Assert.That(e.RawBody, Is.EqualTo(html));
        });
    }

    [Test]
    public void An_empty_500_says_only_the_status()
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(HttpStatusCode.InternalServerError);

        var e = GetCallFails(host);

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(500));
            Assert.That(e.Messages, Is.Empty);
            Assert.That(e.RawBody, Is.Null);
            Assert.That(e.Message, Is.EqualTo("Vapi GET /call/{id} failed (HTTP 500 InternalServerError)."));
        });
    }

    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.Forbidden)]
    public void An_authentication_failure_hints_at_the_private_key_and_region(HttpStatusCode status)
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(status, "application/json", """{"message":"Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.","error":"Unauthorized","statusCode":401}""");

        var e = GetCallFails(host);

        Assert.Multiple(() =>
        {
            Assert.That(e.IsAuthenticationFailure, Is.True);
            Assert.That(e.Status, Is.EqualTo((int)status));
            Assert.That(e.Message, Does.Contain("VapiClientOptions.ApiKey").And.Contain("private key").And.Contain("Region").And.Contain("api.eu.vapi.ai"));
            Assert.That(e.Message, Does.Contain("Invalid Key"));
        });
    }

    [Test]
    public void Other_errors_carry_no_authentication_hint()
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(HttpStatusCode.NotFound, "application/json", Fixtures.Read("error-not-found.json"));

        Assert.That(GetCallFails(host).Message, Does.Not.Contain("private key"));
    }

    [Test]
    public void A_429_is_rate_limited_with_its_retry_after()
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(HttpStatusCode.TooManyRequests, [new KeyValuePair<string, string>("Retry-After", "7")], "application/json",
            """{"message":"Too Many Requests","statusCode":429}""");

        var e = GetCallFails(host);

        Assert.Multiple(() =>
        {
            Assert.That(e.IsRateLimited, Is.True);
            Assert.That(e.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(e.Status, Is.EqualTo(429));
            Assert.That(host.SentCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void Retry_after_as_a_date_in_the_past_is_zero()
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(HttpStatusCode.TooManyRequests, [new KeyValuePair<string, string>("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")], "application/json", "{}");

        Assert.That(GetCallFails(host).RetryAfter, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Without_retry_after_there_is_none()
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(HttpStatusCode.TooManyRequests, "application/json", "{}");

        Assert.That(GetCallFails(host).RetryAfter, Is.Null);
    }

    [Test]
    public void The_request_id_header_is_kept_and_named_in_the_message()
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(HttpStatusCode.InternalServerError,
            [new KeyValuePair<string, string>("X-Request-Id", "req-4f2a9c"), new KeyValuePair<string, string>("CF-Ray", "8a1b2c3d4e5f-BOM")],
            "application/json", """{"message":"Internal server error","statusCode":500}""");

        var e = GetCallFails(host);

        Assert.That(e.RequestId, Is.EqualTo("req-4f2a9c"));
        Assert.That(e.Message, Does.Contain("request id req-4f2a9c"));
    }

    [Test]
    public void Cloudflare_ray_is_the_request_id_when_there_is_no_x_request_id()
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(HttpStatusCode.BadGateway, [new KeyValuePair<string, string>("CF-Ray", "8a1b2c3d4e5f-BOM")], "text/html", "<html>bad gateway</html>");

        Assert.That(GetCallFails(host).RequestId, Is.EqualTo("8a1b2c3d4e5f-BOM"));
    }

    [TestCase("<html><body>OK</body></html>", "the body is not JSON")]
    [TestCase("", "the body is empty")]
    [TestCase("{\"id\":", "the body is not JSON")]
    public void A_success_with_an_unreadable_body_is_a_vapi_exception(string body, string problem)
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(HttpStatusCode.OK, "application/json", body);

        var e = GetCallFails(host);

        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("could not read").And.Contain(problem).And.Contain("GET /call/{id}"));
            Assert.That(e.Status, Is.EqualTo(200));
            Assert.That(e.InnerException, Is.Null);
            Assert.That(e.RawBody, Is.EqualTo(body.Length == 0 ? null : body));
        });
    }

    [TestCase("""[{"id":"x"}]""")]
    [TestCase("""{"id":"x","createdAt":"yesterday"}""")]
    [TestCase("""null""")]
    public void A_success_whose_json_has_the_wrong_shape_is_a_vapi_exception(string body)
    {
        using var host = new VapiTestHost();
        ExpectGetCall(host).Respond(HttpStatusCode.OK, "application/json", body);

        var e = GetCallFails(host);

        Assert.That(e.Message, Does.Contain("could not read").And.Contain("VapiCall"));
    }

    [Test]
    public void A_huge_body_is_truncated_to_about_4096_characters()
    {
        using var host = new VapiTestHost();
        var huge = "{\"message\":\"" + new string('x', 20_000) + "\"}";
        ExpectGetCall(host).Respond(HttpStatusCode.InternalServerError, "application/json", huge);

        var e = GetCallFails(host);

        Assert.Multiple(() =>
        {
            Assert.That(e.RawBody!.Length, Is.InRange(4096, 4100));
            Assert.That(e.RawBody, Does.StartWith("{\"message\":\"xxx").And.EndWith("…"));
            Assert.That(e.Messages.Single().Length, Is.LessThanOrEqualTo(501));
            Assert.That(e.Message.Length, Is.LessThan(700));
        });
    }

    [Test]
    public void A_huge_html_body_is_truncated_in_the_raw_body_and_the_message()
    {
        using var host = new VapiTestHost();
        var huge = "<html>" + new string('y', 50_000) + "</html>";
        ExpectGetCall(host).Respond(HttpStatusCode.BadGateway, "text/html", huge);

        var e = GetCallFails(host);

        Assert.That(e.RawBody!.Length, Is.EqualTo(4097));
        Assert.That(e.Message.Length, Is.LessThan(400));
    }
}
