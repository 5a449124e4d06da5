using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Sandbox;

/// <summary>
/// A fresh sandbox per test (manual clock at <see cref="SandboxPerTest.Start"/>) and the real <see cref="ExotelClient"/>, registered
/// through <c>AddExotelVSip</c> and pointed at it: every scenario goes over real HTTP on loopback, so that the client
/// and the emulation are shown to agree.
/// </summary>
public abstract class SandboxScenario : SandboxPerTest
{
    /// <summary>India Standard Time, the offset of every v1 date.</summary>
    protected static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);

    /// <summary>A request id as Exotel's captured responses carry it: 32 lower-case hex digits.</summary>
    protected const string RequestIdPattern = "^[0-9a-f]{32}$";

    private readonly List<ServiceProvider> _providers = [];

    /// <summary>The client registered with <c>AddExotelVSip</c>, with the sandbox's account and the default (query) delete style.</summary>
    protected ExotelClient Client { get; private set; } = null!;

    protected string AccountSid => Sandbox.Options.ExotelAccountSid;

    [SetUp]
    public void CreateClient() => Client = NewClient();

    [TearDown]
    public async Task DisposeProvidersAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        _providers.Clear();
    }

    /// <summary>Another client registered through <c>AddExotelVSip</c> for the sandbox's account, with <paramref name="configure"/> applied last.</summary>
    protected ExotelClient NewClient(Action<ExotelClientOptions>? configure = null) => NewClient(configure, services: null);

    /// <summary>
    /// Another client registered through <c>AddExotelVSip</c> in a service provider of its own, with <paramref name="services"/>
    /// applied to the collection first (logging, a clock) and <paramref name="http"/> to the client's <see cref="IHttpClientBuilder"/> (handlers).
    /// </summary>
    protected ExotelClient NewClient(Action<ExotelClientOptions>? configure, Action<IServiceCollection>? services, Action<IHttpClientBuilder>? http = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var builder = collection.AddExotelVSip(o =>
        {
            UseSandboxAccount(o);
            configure?.Invoke(o);
        });
        http?.Invoke(builder);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return provider.GetRequiredService<ExotelClient>();
    }

    /// <summary>A client built without dependency injection (<c>new ExotelClient(options)</c>) for the sandbox's account.</summary>
    protected ExotelClient NewStandaloneClient(Action<ExotelClientOptions>? configure = null)
    {
        var options = new ExotelClientOptions();
        UseSandboxAccount(options);
        configure?.Invoke(options);
        return new ExotelClient(options);
    }

    /// <summary>A v2 path of the sandbox account: <c>/v2/accounts/{sid}/</c> + <paramref name="rest"/>.</summary>
    protected string V2(string rest) => $"/v2/accounts/{AccountSid}/{rest}";

    /// <summary>A v1 path of the sandbox account: <c>/v1/Accounts/{sid}/</c> + <paramref name="rest"/>.</summary>
    protected string V1(string rest) => $"/v1/Accounts/{AccountSid}/{rest}";

    /// <summary>The requests the sandbox received with this method and exact path (no query), oldest first.</summary>
    protected IReadOnlyList<SandboxRequest> Received(string method, string path) =>
        Sandbox.Requests.Where(r => r.Method == method && r.Path == path).ToList();

    /// <summary>The one request the sandbox received with this method and path.</summary>
    protected SandboxRequest ReceivedOnce(string method, string path)
    {
        var requests = Received(method, path);
        Assert.That(requests, Has.Count.EqualTo(1), $"{method} {path} requests");
        return requests[0];
    }

    /// <summary>The property names of a JSON request body, in order (for bodies that carry a secret).</summary>
    protected static IReadOnlyList<string> JsonKeys(SandboxRequest request) =>
        JsonNode.Parse(request.BodyText)!.AsObject().Select(p => p.Key).ToList();

    protected Task<ExotelTrunk> CreateTrunkAsync(string name = "vx_trunk") => Client.Trunks.CreateAsync(new CreateTrunkRequest(name));

    private void UseSandboxAccount(ExotelClientOptions options)
    {
        var settings = Sandbox.Options;
        options.AccountSid = settings.ExotelAccountSid;
        options.ApiKey = settings.ExotelApiKey;
        options.ApiToken = settings.ExotelApiToken;
        options.Resilience.Retry.Delay = TimeSpan.FromMilliseconds(1);   // the default retries, without their back-off
        options.BaseAddress = Sandbox.ExotelBaseAddress;
    }
}
