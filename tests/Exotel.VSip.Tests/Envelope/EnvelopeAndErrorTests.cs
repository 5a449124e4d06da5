using System.Net;
using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Envelope;

/// <summary>Success comes from the envelope, not the HTTP status; every documented error code maps to one typed exception.</summary>
public class EnvelopeAndErrorTests
{
    private const string Trunks = TestAccount.V2 + "/trunks";
    private const string Ips = TestAccount.V2 + "/trunks/tr1/whitelisted-ips";

    [TestCase(404, 1000, "Not Found", "Not Found", false, true, false)]
    [TestCase(400, 1001, "Mandatory Parameter missing", "Ip is mandatory", false, false, false)]
    [TestCase(400, 1002, "Invalid parameter", "mask should be in-between 16 and 32", false, false, false)]
    [TestCase(403, 1003, "Authorization failed", "Trunk belongs to another account", false, false, true)]
    [TestCase(400, 1007, "Invalid request body,failed parsing", "unexpected EOF", false, false, false)]
    [TestCase(409, 1008, "Duplicate resource", "Unable to Whitelist-ip with ip 44.248.146.10", true, false, false)]
    [TestCase(401, 1010, "Authorization failed", "Authentication failed", false, false, true)]
    [TestCase(415, 1011, "unsupported content type", "text/plain", false, false, false)]
    public void Each_documented_error_code_is_classified(
        int http, int code, string message, string description, bool duplicate, bool notFound, bool auth)
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Ips, """{"ip":"44.248.146.10","mask":32}""")
            .Respond((HttpStatusCode)http, "application/json", Fixtures.Failure(http, http, code, message, description, "rid42"));

        var e = Assert.ThrowsAsync<ExotelException>(() => host.Client.WhitelistedIps.AddAsync("tr1", "44.248.146.10"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(http));
            Assert.That(e.ErrorCode?.NumericValue, Is.EqualTo(code));
            Assert.That(e.ErrorMessage, Is.EqualTo(message));
            Assert.That(e.Description, Is.EqualTo(description));
            Assert.That(e.RequestId, Is.EqualTo("rid42"));
            Assert.That(e.IsDuplicate, Is.EqualTo(duplicate));
            Assert.That(e.IsNotFound, Is.EqualTo(notFound));
            Assert.That(e.IsAuthenticationFailure, Is.EqualTo(auth));
            Assert.That(e.Message, Does.Contain(description));
        });
    }

    [Test]
    public void An_authentication_failure_says_to_check_the_credentials_and_the_region()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Trunks).Respond(HttpStatusCode.Unauthorized, "application/json", Fixtures.Failure(401, 401, 1010, "Authorization failed", "Authentication failed"));

        var e = Assert.ThrowsAsync<ExotelException>(async () => await host.Client.Trunks.ListAsync().ToListAsync())!;

        Assert.That(e.Message, Does.Contain("ApiKey").And.Contain("Region").And.Contain("api.exotel.com"));
    }

    [Test]
    public void The_older_duplicate_shape_with_code_1002_is_still_a_duplicate_by_its_message_and_409()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Ips, """{"ip":"44.248.146.10","mask":32}""")
            .Respond("application/json", Fixtures.Failure(200, 409, 1002, "Resource exists", "exists"));

        var e = Assert.ThrowsAsync<ExotelException>(() => host.Client.WhitelistedIps.AddAsync("tr1", "44.248.146.10"))!;

        Assert.That(e.IsDuplicate, Is.True);
    }

    [Test]
    public void A_200_envelope_reporting_failure_is_not_success()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Ips, """{"ip":"44.248.146.10","mask":32}""")
            .Respond("application/json", Fixtures.Failure(200, 400, 1002, "Invalid parameter", "Invalid ip"));

        var e = Assert.ThrowsAsync<ExotelException>(() => host.Client.WhitelistedIps.AddAsync("tr1", "44.248.146.10"))!;

        Assert.That((e.Status, e.ResponseCode, e.IsDuplicate), Is.EqualTo((200, (int?)400, false)));
    }

    [Test]
    public void A_200_envelope_with_status_success_but_code_409_is_not_success()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Ips, """{"ip":"44.248.146.10","mask":32}""")
            .Respond("application/json", """{"request_id":"r","http_code":200,"response":{"code":409,"error_data":null,"status":"success","data":{"id":"1"}}}""");

        Assert.That(() => host.Client.WhitelistedIps.AddAsync("tr1", "44.248.146.10"), Throws.InstanceOf<ExotelException>().With.Property("IsDuplicate").True);
    }

    [Test]
    public void A_non_json_error_page_becomes_an_exception_with_its_status_and_a_short_snippet()
    {
        using var host = new ExotelTestHost();
        var page = "<html><body>Bad gateway " + new string('x', 2000) + "</body></html>";
        host.ExpectJson(HttpMethod.Get, Trunks).Respond(HttpStatusCode.BadGateway, "text/html", page);

        var e = Assert.ThrowsAsync<ExotelException>(async () => await host.Client.Trunks.ListAsync().ToListAsync())!;

        Assert.That(e.Status, Is.EqualTo(502));
        Assert.That(e.Message, Does.Contain("Bad gateway"));
        Assert.That(e.Message.Length, Is.LessThan(400), "the body is truncated");
    }

    [Test]
    public void A_success_status_with_a_body_that_is_not_json_is_reported_as_unreadable()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Trunks).Respond("text/plain", "OK");

        var e = Assert.ThrowsAsync<ExotelException>(async () => await host.Client.Trunks.ListAsync().ToListAsync())!;

        Assert.That(e.Message, Does.Contain("could not read").And.Contain("not JSON"));
    }

    [Test]
    public void A_429_is_rate_limited_and_carries_retry_after()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Trunks).Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("") };
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return response;
        });

        var e = Assert.ThrowsAsync<ExotelException>(async () => await host.Client.Trunks.ListAsync().ToListAsync())!;

        Assert.That((e.IsRateLimited, e.RetryAfter), Is.EqualTo((true, (TimeSpan?)TimeSpan.FromSeconds(7))));
    }

    [Test]
    public void A_failed_item_inside_a_list_raises_instead_of_being_dropped()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Trunks).Respond("application/json",
            """{"request_id":"r","http_code":200,"response":[{"code":200,"status":"success","data":{"trunk_sid":"a"}},{"code":500,"status":"failure","error_data":{"code":1000,"message":"Internal","description":"boom"},"data":null}]}""");

        var e = Assert.ThrowsAsync<ExotelException>(async () => await host.Client.Trunks.ListAsync().ToListAsync())!;

        Assert.That(e.Description, Is.EqualTo("boom"));
    }

    [Test]
    public void A_data_member_of_the_wrong_shape_is_reported_as_unreadable_with_the_type()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Ips, """{"ip":"44.248.146.10","mask":32}""").Respond("application/json", Fixtures.Envelope("""{"id":"1","mask":{"x":1}}"""));

        var e = Assert.ThrowsAsync<ExotelException>(() => host.Client.WhitelistedIps.AddAsync("tr1", "44.248.146.10"))!;

        Assert.That(e.Message, Does.Contain("ExotelWhitelistedIp"));
    }

    [Test]
    public async Task Unknown_members_and_values_are_tolerated_and_kept()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Trunks)
            .Respond("application/json", Fixtures.List(["""{"trunk_sid":12345,"status":"suspended","auth_type":"DIGEST","brand_new_field":{"a":[1,2]}}"""]));

        var trunk = await host.Client.Trunks.ListAsync().SingleAsync();

        Assert.That(trunk.Sid, Is.EqualTo("12345"), "a numeric id is read as a string");
        Assert.That(trunk.Status?.Value, Is.EqualTo("suspended"), "an unknown status is kept verbatim");
        Assert.That(trunk.Status, Is.Not.EqualTo(ExotelTrunkStatus.Active).And.Not.EqualTo(ExotelTrunkStatus.Inactive));
        Assert.That(trunk.AuthType?.Value, Is.EqualTo("DIGEST"));
    }

    [Test]
    public void ExotelErrorCode_compares_by_value_and_reads_numbers()
    {
        Assert.That(new ExotelErrorCode(1008), Is.EqualTo(ExotelErrorCode.DuplicateResource));
        Assert.That((ExotelErrorCode)"1008", Is.EqualTo(ExotelErrorCode.DuplicateResource));
        Assert.That(ExotelErrorCode.RateLimitExceeded.NumericValue, Is.Null);
        Assert.That(default(ExotelErrorCode).Value, Is.EqualTo(string.Empty));
    }
}
