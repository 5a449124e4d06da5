using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vapi.Client.Tests.Support;

/// <summary>
/// The real DI registration (<c>AddVapiClient</c>) with MockHttp as the primary handler, so that options, the handler
/// chain and redaction are all exercised. Expectations pin the exact method, URL (path and query), headers and body.
/// </summary>
internal sealed class VapiTestHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly CountingHandler _counter = new();

    public VapiTestHost(Action<VapiClientOptions>? configure = null)
    {
        Mock.Fallback.Respond(request =>
        {
            Unmatched.Add($"{request.Method} {request.RequestUri}");
            return new HttpResponseMessage(HttpStatusCode.NotImplemented) { Content = new StringContent("no expectation matched") };
        });

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddVapiClient(o =>
            {
                o.ApiKey = TestAccount.ApiKey;
                configure?.Invoke(o);
            })
            .AddHttpMessageHandler(() => _counter)
            .ConfigurePrimaryHttpMessageHandler(() => Mock);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public List<string> Unmatched { get; } = [];

    /// <summary>How many HTTP requests reached the network layer (every attempt counts).</summary>
    public int SentCount => _counter.Count;

    public VapiClient Client => _services.GetRequiredService<VapiClient>();

    public IServiceProvider Services => _services;

    /// <summary>
    /// Expects a request to <see cref="TestAccount.BaseUrl"/> + <paramref name="pathAndQuery"/> with the bearer key,
    /// <c>Accept: application/json</c> and the SDK's user agent; with <paramref name="exactJsonBody"/> null the request
    /// must have no body, otherwise an <c>application/json</c> body equal to it, character for character.
    /// </summary>
    public MockedRequest Expect(HttpMethod method, string pathAndQuery, string? exactJsonBody = null)
    {
        var url = TestAccount.BaseUrl + pathAndQuery;
        var expectation = Mock.Expect(method, url)
            .With(r => r.RequestUri!.AbsoluteUri == url)
            .WithHeaders("Authorization", "Bearer " + TestAccount.ApiKey)
            .WithHeaders("Accept", "application/json")
            .With(r => r.Headers.UserAgent.ToString().StartsWith("Vapi.Client/", StringComparison.Ordinal));

        return exactJsonBody is null
            ? expectation.With(r => r.Content is null)
            : expectation
                .With(r => r.Content?.Headers.ContentType?.ToString() == "application/json")
                .With(r => r.Content!.ReadAsStringAsync().GetAwaiter().GetResult() == exactJsonBody);
    }

    /// <summary>Expects a request to the exact URL with the standard headers, whatever its body (for tests about the response).</summary>
    public MockedRequest ExpectAnyBody(HttpMethod method, string pathAndQuery)
    {
        var url = TestAccount.BaseUrl + pathAndQuery;
        return Mock.Expect(method, url)
            .With(r => r.RequestUri!.AbsoluteUri == url)
            .WithHeaders("Authorization", "Bearer " + TestAccount.ApiKey);
    }

    public void VerifyAllSatisfied()
    {
        Assert.That(Unmatched, Is.Empty, "requests that matched no expectation");
        Mock.VerifyNoOutstandingExpectation();
    }

    public void Dispose()
    {
        _services.Dispose();
        Mock.Dispose();
    }
}
