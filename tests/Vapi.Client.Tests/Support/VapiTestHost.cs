using Microsoft.Extensions.DependencyInjection;

namespace Vapi.Client.Tests.Support;

/// <summary>
/// <c>AddVapiClient</c> over MockHttp. Expectations pin the exact method, URL (path and query), the bearer key,
/// <c>Accept</c>, the user agent and the body.
/// </summary>
internal sealed class VapiTestHost(Action<VapiClientOptions>? configure = null)
    : MockHttpHost(services => services.AddVapiClient(o =>
    {
        o.ApiKey = TestAccount.ApiKey;

        // Wire-level tests pin one exchange each: no retries, and no process-wide rate limit shared by every test of
        // the fake account. The resilience tests switch both back on.
        o.Resilience.Retry.MaxRetryAttempts = 0;
        o.Resilience.RateLimit.Enabled = false;
        configure?.Invoke(o);
    }))
{
    public VapiClient Client => Services.GetRequiredService<VapiClient>();

    /// <summary>
    /// Expects a request to <see cref="TestAccount.BaseUrl"/> + <paramref name="pathAndQuery"/> with the standard
    /// headers; with <paramref name="exactJsonBody"/> null the request must have no body, otherwise an
    /// <c>application/json</c> body equal to it, character for character.
    /// </summary>
    public MockedRequest Expect(HttpMethod method, string pathAndQuery, string? exactJsonBody = null) =>
        WithBody(ExpectAnyBody(method, pathAndQuery), exactJsonBody, "application/json");

    /// <summary>Expects a request to the exact URL with the standard headers, whatever its body (for tests about the response).</summary>
    public MockedRequest ExpectAnyBody(HttpMethod method, string pathAndQuery) =>
        ExpectUrl(method, TestAccount.BaseUrl + pathAndQuery)
            .WithHeaders("Authorization", "Bearer " + TestAccount.ApiKey)
            .WithHeaders("Accept", "application/json")
            .With(r => r.Headers.UserAgent.ToString().StartsWith("Vapi.Client/", StringComparison.Ordinal));
}
