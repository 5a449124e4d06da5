using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Security;

/// <summary>The key, the token and the Basic header value never appear in a message, a ToString() or a log line.</summary>
public class SecretTests
{
    [Test]
    public async Task No_secret_reaches_exceptions_or_logs_even_when_exotel_echoes_it()
    {
        using var host = new ExotelTestHost();
        var echo = $"bad credentials {TestAccount.ApiKey}:{TestAccount.ApiToken} (Basic {TestAccount.ExpectedBasic})";
        host.ExpectJson(HttpMethod.Get, TestAccount.V2 + "/trunks")
            .Respond(HttpStatusCode.Unauthorized, "application/json", Fixtures.Failure(401, 401, 1010, "Authorization failed", echo));
        host.ExpectJson(HttpMethod.Get, TestAccount.V2 + "/trunks")
            .Respond(HttpStatusCode.InternalServerError, "text/html", $"<h1>oops</h1> token={TestAccount.ApiToken}");
        host.ExpectJson(HttpMethod.Get, TestAccount.V2 + "/trunks")
            .Respond("text/plain", $"not json {TestAccount.ApiKey}");

        var surfaced = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            try
            {
                await host.Client.Trunks.ListAsync().ToListAsync();
                Assert.Fail("expected a failure");
            }
            catch (ExotelException e)
            {
                surfaced.Add(e.ToString());
                surfaced.Add(e.Description ?? string.Empty);
                surfaced.Add(e.ErrorMessage ?? string.Empty);
            }
        }

        surfaced.AddRange(host.Logs.Lines);
        Assert.That(host.Logs.Lines, Has.Some.Contains("Exotel GET /v2/accounts/{account_sid}/trunks answered 401"), "the package's own log line was captured");
        Assert.That(host.Logs.Lines, Has.None.Contains("System.Net.Http.HttpClient"), "the factory's URL-and-exception loggers are removed");
        foreach (var secret in TestAccount.Secrets)
        {
            Assert.That(surfaced, Has.None.Contains(secret));
        }
    }

    [Test]
    public async Task When_the_factory_logger_is_added_back_the_authorization_header_is_still_redacted()
    {
        var logs = new CapturingLoggerProvider();
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, TestAccount.BaseUrl + TestAccount.V2 + "/trunks").Respond("application/json", Fixtures.List([]));
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddExotelVSip(o =>
            {
                o.AccountSid = TestAccount.AccountSid;
                o.ApiKey = TestAccount.ApiKey;
                o.ApiToken = TestAccount.ApiToken;
            })
            .AddDefaultLogger()
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ExotelClient>().Trunks.ListAsync().ToListAsync();

        Assert.That(logs.Lines, Has.Some.Contains("System.Net.Http.HttpClient.Exotel.VSip"), "the factory's own logging is back");
        Assert.That(logs.Lines, Has.Some.Contains("User-Agent: Exotel.VSip/"), "allow-listed headers are logged in clear");
        Assert.That(logs.Lines, Has.Some.Contains("Authorization: *"), "the Authorization header is logged redacted");
        foreach (var secret in TestAccount.Secrets)
        {
            Assert.That(logs.Lines, Has.None.Contains(secret));
        }
    }

    [Test]
    public void Options_ToString_masks_the_key_and_token()
    {
        var text = new ExotelClientOptions { AccountSid = "acme1", ApiKey = TestAccount.ApiKey, ApiToken = TestAccount.ApiToken }.ToString();

        Assert.That(text, Does.Contain("acme1").And.Contain("***").And.Not.Contain(TestAccount.ApiKey).And.Not.Contain(TestAccount.ApiToken));
    }

    [Test]
    public async Task Credentials_travel_only_in_the_authorization_header()
    {
        using var host = new ExotelTestHost();
        HttpRequestMessage? seen = null;
        host.Mock.When("*").Respond(request =>
        {
            seen = request;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Fixtures.Read("list-empty-no-metadata.json")) };
        });

        await host.Client.Trunks.ListAsync().ToListAsync();

        Assert.That(seen, Is.Not.Null);
        Assert.That(seen!.RequestUri!.UserInfo, Is.Empty);
        Assert.That(seen.RequestUri.ToString(), Does.Not.Contain(TestAccount.ApiKey).And.Not.Contain(TestAccount.ApiToken));
        Assert.That(seen.Headers.Authorization?.ToString(), Is.EqualTo("Basic " + TestAccount.ExpectedBasic));
    }
}
