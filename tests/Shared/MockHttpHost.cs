using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VapiExotel.Tests.Shared;

/// <summary>
/// A package's real DI registration with MockHttp as the primary handler, so that options, the handler chain and
/// redaction are all exercised; requests that match no expectation are recorded and answered 501.
/// </summary>
internal abstract class MockHttpHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly CountingHandler _counter = new();

    protected MockHttpHost(Func<IServiceCollection, IHttpClientBuilder> register)
    {
        Mock.Fallback.Respond(request =>
        {
            Unmatched.Add($"{request.Method} {request.RequestUri}");
            return new HttpResponseMessage(HttpStatusCode.NotImplemented) { Content = new StringContent("no expectation matched") };
        });

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        register(services)
            .AddHttpMessageHandler(() => _counter)
            .ConfigurePrimaryHttpMessageHandler(() => Mock);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public List<string> Unmatched { get; } = [];

    /// <summary>How many HTTP requests reached the network layer (every attempt counts).</summary>
    public int SentCount => _counter.Count;

    public IServiceProvider Services => _services;

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

    /// <summary>An expectation on the exact absolute URL, query included.</summary>
    protected MockedRequest ExpectUrl(HttpMethod method, string url) =>
        Mock.Expect(method, url).With(r => r.RequestUri!.AbsoluteUri == url);

    /// <summary>Narrows <paramref name="expectation"/> to no body (<paramref name="exactBody"/> null) or exactly this body and content type.</summary>
    protected static MockedRequest WithBody(MockedRequest expectation, string? exactBody, string contentType) =>
        exactBody is null
            ? expectation.With(r => r.Content is null)
            : expectation
                .With(r => r.Content?.Headers.ContentType?.ToString() == contentType)
                .With(r => r.Content!.ReadAsStringAsync().GetAwaiter().GetResult() == exactBody);
}
