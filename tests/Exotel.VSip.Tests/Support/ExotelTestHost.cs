using Microsoft.Extensions.DependencyInjection;

namespace Exotel.VSip.Tests.Support;

/// <summary>
/// <c>AddExotelVSip</c> over MockHttp. Expectations pin the exact method, URL (path and query), Basic authentication,
/// <c>Accept</c>, the user agent and the body.
/// </summary>
internal sealed class ExotelTestHost(Action<ExotelClientOptions>? configure = null)
    : MockHttpHost(services => services.AddExotelVSip(o =>
    {
        o.AccountSid = TestAccount.AccountSid;
        o.ApiKey = TestAccount.ApiKey;
        o.ApiToken = TestAccount.ApiToken;

        // Wire-level tests pin one exchange each: no retries, and no process-wide rate limit shared by every test of
        // the fake account. The resilience tests switch both back on.
        o.Resilience.Retry.MaxRetryAttempts = 0;
        o.Resilience.RateLimit.Enabled = false;
        configure?.Invoke(o);
    }))
{
    public ExotelClient Client => Services.GetRequiredService<ExotelClient>();

    /// <summary>Expects a v2/v1 request with no body or a JSON body matched exactly.</summary>
    public MockedRequest ExpectJson(HttpMethod method, string pathAndQuery, string? exactJsonBody = null) =>
        WithBody(ExpectAnyBody(method, pathAndQuery), exactJsonBody, "application/json");

    /// <summary>Expects a request to the exact URL with the standard headers, whatever its body (for tests about the response).</summary>
    public MockedRequest ExpectAnyBody(HttpMethod method, string pathAndQuery) =>
        ExpectUrl(method, TestAccount.BaseUrl + pathAndQuery)
            .WithHeaders("Authorization", "Basic " + TestAccount.ExpectedBasic)
            .WithHeaders("Accept", "application/json")
            .With(r => r.Headers.UserAgent.ToString().StartsWith("Exotel.VSip/", StringComparison.Ordinal));

    /// <summary>Expects a form-encoded request whose body is exactly <paramref name="exactFormBody"/>.</summary>
    public MockedRequest ExpectForm(string pathAndQuery, string exactFormBody) =>
        WithBody(ExpectAnyBody(HttpMethod.Post, pathAndQuery), exactFormBody, "application/x-www-form-urlencoded");
}
