using System.Net;
using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>Voice API failures: <c>RestException</c> bodies, bare HTTP errors and answers without a call.</summary>
public sealed class CallErrorTests
{
    private const string MinimalBody = "From=09876543210&To=09123456789&CallerId=08047490924";

    private static ConnectCallRequest Minimal() => new("09876543210", "09123456789", "08047490924");

    [Test]
    public void RestException_maps_to_an_ExotelException_with_status_code_and_message()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody)
            .Respond(HttpStatusCode.BadRequest, "application/json", V1Json.RestException(400, "To number is not a valid phone number", "INVALID_TO"));

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Status, Is.EqualTo(400));
            Assert.That(ex.ResponseCode, Is.EqualTo(400));
            Assert.That(ex.ErrorCode, Is.EqualTo(new ExotelErrorCode("INVALID_TO")));
            Assert.That(ex.ErrorMessage, Is.EqualTo("To number is not a valid phone number"));
            Assert.That(ex.Message, Does.Contain("To number is not a valid phone number"));
            Assert.That(ex.Message, Does.Contain("HTTP 400"));
            Assert.That(ex.Operation, Is.EqualTo("POST /v1/Accounts/{account_sid}/Calls/connect.json"));
            Assert.That(ex.IsRateLimited, Is.False);
            Assert.That(ex.IsAuthenticationFailure, Is.False);
        }

        host.VerifyAllSatisfied();
    }

    [Test]
    public void RestException_without_a_code_has_no_error_code()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody)
            .Respond(HttpStatusCode.BadRequest, "application/json", V1Json.RestException(400, "Missing parameter"));

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        Assert.That(ex.ErrorCode, Is.Null);
        Assert.That(ex.ResponseCode, Is.EqualTo(400));
        Assert.That(ex.Message, Does.Contain("Missing parameter"));
    }

    [Test]
    public void RestException_with_a_numeric_code_keeps_the_code_as_text()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody)
            .Respond(HttpStatusCode.Forbidden, "application/json", """{"RestException":{"Status":"403","Message":"Call to this number is blocked (DND)","Code":20003}}""");

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Status, Is.EqualTo(403));
            Assert.That(ex.ResponseCode, Is.EqualTo(403));
            Assert.That(ex.ErrorCode!.Value.Value, Is.EqualTo("20003"));
            Assert.That(ex.Message, Does.Contain("DND"));
        }
    }

    [Test]
    public void RestException_inside_an_HTTP_200_is_a_failure()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody)
            .Respond("application/json", V1Json.RestException(402, "Insufficient balance", "LOW_BALANCE"));

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Status, Is.EqualTo(200));
            Assert.That(ex.ResponseCode, Is.EqualTo(402));
            Assert.That(ex.ErrorCode, Is.EqualTo(new ExotelErrorCode("LOW_BALANCE")));
            Assert.That(ex.Message, Does.Contain("Insufficient balance"));
        }
    }

    [Test]
    public void Rate_limit_429_is_flagged_and_carries_Retry_After()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody)
            .Respond(_ =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
                {
                    Content = new StringContent(V1Json.RestException(429, "Too many requests", "RATE_LIMIT_EXCEEDED"), System.Text.Encoding.UTF8, "application/json"),
                };
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
                return response;
            });

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.IsRateLimited, Is.True);
            Assert.That(ex.Status, Is.EqualTo(429));
            Assert.That(ex.ErrorCode, Is.EqualTo(ExotelErrorCode.RateLimitExceeded));
            Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(host.SentCount, Is.EqualTo(1), "a rate-limited connect is not retried by the SDK");
        }
    }

    [Test]
    public void Rate_limit_429_with_an_empty_body_is_still_flagged()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json?details=true").Respond(HttpStatusCode.TooManyRequests);

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.GetAsync("s1"))!;

        Assert.That(ex.IsRateLimited, Is.True);
        Assert.That(ex.Status, Is.EqualTo(429));
    }

    [Test]
    public void Unauthorized_RestException_hints_at_the_credentials_and_the_region()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody)
            .Respond(HttpStatusCode.Unauthorized, "application/json", V1Json.RestException(401, "Authentication is required to view this page."));

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Status, Is.EqualTo(401));
            Assert.That(ex.IsAuthenticationFailure, Is.True);
            Assert.That(ex.Message, Does.Contain("Authentication is required"));
            Assert.That(ex.Message, Does.Contain("ApiKey"));
            Assert.That(ex.Message, Does.Contain("ApiToken"));
            Assert.That(ex.Message, Does.Contain("Region"));
        }
    }

    [Test]
    public void Unauthorized_with_a_plain_text_body_also_hints_at_the_credentials()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json?details=true")
            .Respond(HttpStatusCode.Unauthorized, "text/plain", "Unauthorized");

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.GetAsync("s1"))!;

        Assert.That(ex.Status, Is.EqualTo(401));
        Assert.That(ex.Message, Does.Contain("ApiKey").And.Contain("Region"));
    }

    [TestCase("""{"Status":"queued"}""")]
    [TestCase("""{"Call":null}""")]
    [TestCase("""{"Call":"c5797dcbaaeed7678c4062a4a3ed2f8a"}""")]
    [TestCase("""{}""")]
    public void A_200_answer_to_connect_without_a_call_is_an_ExotelException(string body)
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody).Respond("application/json", body);

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        Assert.That(ex.Status, Is.EqualTo(200));
        Assert.That(ex.Message, Does.Contain("no Call"));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [TestCase("OK")]
    [TestCase("[]")]
    [TestCase("")]
    public void A_200_answer_that_is_not_a_JSON_object_is_an_ExotelException(string body)
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody).Respond("application/json", body);

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        Assert.That(ex.Status, Is.EqualTo(200));
        Assert.That(ex.Message, Does.Contain("could not read"));
    }

    [TestCase("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>")]
    [TestCase("<!DOCTYPE html>\n<html><body><h1>502 Bad Gateway</h1><p>The upstream server is down.<br></p></body></html>")]
    [TestCase("upstream connect error or disconnect/reset before headers")]
    public void A_non_JSON_error_page_gives_an_ExotelException_with_the_HTTP_status(string body)
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody).Respond(HttpStatusCode.BadGateway, "text/html", body);

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Status, Is.EqualTo(502));
            Assert.That(ex.ResponseCode, Is.Null);
            Assert.That(ex.Message, Does.Contain("HTTP 502"));
            Assert.That(ex.IsAuthenticationFailure, Is.False);
            Assert.That(host.SentCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void A_JSON_error_body_that_is_not_a_RestException_gives_the_HTTP_status()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json?details=true")
            .Respond(HttpStatusCode.InternalServerError, "application/json", """{"error":"internal"}""");

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.GetAsync("s1"))!;

        Assert.That(ex.Status, Is.EqualTo(500));
        Assert.That(ex.Message, Does.Contain("HTTP 500"));
    }

    [Test]
    public void A_connection_failure_gives_an_ExotelException_with_status_0_and_is_not_retried()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody).Throw(new HttpRequestException("Connection refused"));

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Status, Is.Zero);
            Assert.That(ex.IsTimeout, Is.False);
            Assert.That(ex.InnerException, Is.TypeOf<HttpRequestException>());
            Assert.That(host.SentCount, Is.EqualTo(1));
        }
    }
}
