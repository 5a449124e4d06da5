using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exotel.VSip.Tests.Support;

/// <summary>
/// The real DI registration (<c>AddExotelVSip</c>) with MockHttp as the primary handler, so that options, the handler
/// chain and redaction are all exercised. Expectations pin the exact method, URL (path and query), headers and body.
/// </summary>
internal sealed class ExotelTestHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly CountingHandler _counter = new();

    public ExotelTestHost(Action<ExotelClientOptions>? configure = null)
    {
        Mock.Fallback.Respond(request =>
        {
            Unmatched.Add($"{request.Method} {request.RequestUri}");
            return new HttpResponseMessage(HttpStatusCode.NotImplemented) { Content = new StringContent("no expectation matched") };
        });

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddExotelVSip(o =>
            {
                o.AccountSid = TestAccount.AccountSid;
                o.ApiKey = TestAccount.ApiKey;
                o.ApiToken = TestAccount.ApiToken;
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

    public ExotelClient Client => _services.GetRequiredService<ExotelClient>();

    public IServiceProvider Services => _services;

    /// <summary>Expects a v2/v1 request with no body or a JSON body matched exactly.</summary>
    public MockedRequest ExpectJson(HttpMethod method, string pathAndQuery, string? exactJsonBody = null) =>
        Expect(method, pathAndQuery, exactJsonBody, "application/json");

    /// <summary>Expects a request to the exact URL with the standard headers, whatever its body (for tests about the response).</summary>
    public MockedRequest ExpectAnyBody(HttpMethod method, string pathAndQuery) => Expect(method, pathAndQuery, exactBody: null, contentType: null);

    /// <summary>Expects a form-encoded request whose body is exactly <paramref name="exactFormBody"/>.</summary>
    public MockedRequest ExpectForm(string pathAndQuery, string exactFormBody) =>
        Expect(HttpMethod.Post, pathAndQuery, exactFormBody, "application/x-www-form-urlencoded");

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

    private MockedRequest Expect(HttpMethod method, string pathAndQuery, string? exactBody, string? contentType)
    {
        var url = TestAccount.BaseUrl + pathAndQuery;
        var expectation = Mock.Expect(method, url)
            .With(r => r.RequestUri!.AbsoluteUri == url)
            .WithHeaders("Authorization", "Basic " + TestAccount.ExpectedBasic)
            .WithHeaders("Accept", "application/json")
            .With(r => r.Headers.UserAgent.ToString().StartsWith("Exotel.VSip/", StringComparison.Ordinal));

        if (contentType is null)
        {
            return expectation;
        }

        return exactBody is null
            ? expectation.With(r => r.Content is null)
            : expectation
                .With(r => r.Content?.Headers.ContentType?.ToString() == contentType)
                .With(r => r.Content!.ReadAsStringAsync().GetAwaiter().GetResult() == exactBody);
    }
}
