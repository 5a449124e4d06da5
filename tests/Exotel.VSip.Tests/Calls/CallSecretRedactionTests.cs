using System.Net;
using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>No Voice API failure surfaces the API key, the token or the Basic credential, in exceptions or logs.</summary>
public sealed class CallSecretRedactionTests
{
    private const string MinimalBody = "From=09876543210&To=09123456789&CallerId=08047490924";

    private static readonly string EchoAllSecrets =
        $"Invalid credentials {TestAccount.ApiKey}:{TestAccount.ApiToken} (Basic {TestAccount.ExpectedBasic})";

    private static ConnectCallRequest Minimal() => new("09876543210", "09123456789", "08047490924");

    private static void AssertNoSecret(ExotelException ex, ExotelTestHost host)
    {
        var texts = new[] { ex.Message, ex.ToString(), ex.ErrorMessage ?? string.Empty, ex.Description ?? string.Empty }
            .Concat(host.Logs.Lines)
            .ToList();
        Assert.That(host.Logs.Lines, Is.Not.Empty, "the request should have been logged");
        foreach (var secret in TestAccount.Secrets)
        {
            Assert.That(texts, Has.None.Contains(secret), $"a secret ({secret[..6]}…) leaked");
        }
    }

    [Test]
    public void A_401_RestException_that_echoes_the_credentials_is_redacted()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody)
            .Respond(HttpStatusCode.Unauthorized, "application/json", V1Json.RestException(401, EchoAllSecrets, "AUTH"));

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        Assert.That(ex.Message, Does.Contain("Invalid credentials"), "the rest of Exotel's message is kept");
        Assert.That(ex.Message, Does.Contain("***"));
        AssertNoSecret(ex, host);
    }

    [Test]
    public void A_400_RestException_whose_message_echoes_the_token_is_redacted()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody)
            .Respond(HttpStatusCode.BadRequest, "application/json", V1Json.RestException(400, $"Token {TestAccount.ApiToken} is not allowed to call 09123456789"));

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(Minimal()))!;

        Assert.That(ex.Message, Does.Contain("is not allowed to call 09123456789"));
        AssertNoSecret(ex, host);
    }

    [Test]
    public void A_plain_text_401_that_echoes_the_Authorization_header_is_redacted()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json?details=true")
            .Respond(HttpStatusCode.Unauthorized, "text/plain", $"Rejected Authorization: Basic {TestAccount.ExpectedBasic}");

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.GetAsync("s1"))!;

        Assert.That(ex.Message, Does.Contain("Rejected Authorization"));
        AssertNoSecret(ex, host);
    }

    [Test]
    public void An_XML_RestException_that_echoes_the_key_is_redacted()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json?details=true")
            .Respond(
                HttpStatusCode.Forbidden,
                "application/xml",
                $"<TwilioResponse><RestException><Status>403</Status><Message>Key {TestAccount.ApiKey} may not read this call</Message></RestException></TwilioResponse>");

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.GetAsync("s1"))!;

        Assert.That(ex.Message, Does.Contain("may not read this call"));
        AssertNoSecret(ex, host);
    }

    [Test]
    public void An_unreadable_200_that_echoes_the_token_in_a_field_is_redacted_including_the_inner_exception()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json?details=true")
            .Respond("application/json", V1Json.Wrapped($$"""{"Sid":"s1","Price":"{{TestAccount.ApiToken}}"}"""));

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.GetAsync("s1"))!;

        Assert.That(ex.Status, Is.EqualTo(200));
        AssertNoSecret(ex, host);
    }

    [Test]
    public async Task A_successful_connect_logs_no_secret()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody).Respond("application/json", Fixtures.Read("call-connect.json"));

        await host.Client.Calls.ConnectAsync(Minimal());

        Assert.That(host.Logs.Lines, Is.Not.Empty);
        foreach (var secret in TestAccount.Secrets)
        {
            Assert.That(host.Logs.Lines, Has.None.Contains(secret));
        }

        Assert.That(host.Logs.Lines, Has.None.Contains("09876543210"), "log lines name the operation by its template, not the numbers called");
    }
}
