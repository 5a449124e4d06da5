using System.Text.Json.Nodes;
using Exotel.VSip;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vapi.Client;
using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.Integrator.Operations;

/// <summary>
/// What the tests do to the services behind the integration's back ("someone else" in the Exotel console or the Vapi
/// dashboard): standalone clients on the sandbox, and a clock that moves while a call is followed.
/// </summary>
internal static class Direct
{
    /// <summary>A standalone Exotel client on the sandbox's account.</summary>
    public static ExotelClient Exotel(VapiExotelSandbox sandbox) => new(new ExotelClientOptions
    {
        AccountSid = sandbox.Options.ExotelAccountSid,
        ApiKey = sandbox.Options.ExotelApiKey,
        ApiToken = sandbox.Options.ExotelApiToken,
        BaseAddress = sandbox.ExotelBaseAddress,
    });

    /// <summary>A standalone Vapi client on the sandbox's org.</summary>
    public static VapiClient Vapi(VapiExotelSandbox sandbox) => new(new VapiClientOptions
    {
        ApiKey = sandbox.Options.VapiApiKey,
        BaseAddress = sandbox.VapiBaseAddress,
    });

    /// <summary>A byo-sip-trunk credential of someone else's (or of the integration's name, to make it ambiguous).</summary>
    public static Task<ByoSipTrunkCredential> CreateCredentialAsync(VapiExotelSandbox sandbox, string name, string ip = "129.154.231.50") =>
        Vapi(sandbox).Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Name = name,
            Gateways = [new SipTrunkGateway { Ip = ip, Port = 5070, OutboundProtocol = SipGatewayProtocol.Tcp }],
        });

    /// <summary>The credential name the integration uses by default.</summary>
    public static string CredentialName(VapiExotelSandbox sandbox) => "vx-exotel-" + sandbox.Options.ExotelAccountSid;

    /// <summary>Moves the sandbox clock on in small steps until <paramref name="task"/> completes (a call being followed).</summary>
    public static async Task<T> AdvanceUntilAsync<T>(VapiExotelSandbox sandbox, Task<T> task, TimeSpan step, int maxSteps = 400)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await sandbox.AdvanceTimeAsync(step);

            // Lets the follower poll between two moves of the clock.
            await Task.WhenAny(task, Task.Delay(3));
        }

        return await task;
    }

    /// <summary>
    /// An integrator registered like <see cref="IntegratorScenario"/>'s, with <paramref name="exotelHandler"/> between
    /// the Exotel client and the sandbox. Dispose the provider.
    /// </summary>
    public static (IVapiExotelIntegrator Integrator, ServiceProvider Provider) IntegratorWithExotelHandler(
        IDictionary<string, string?> settings, Func<DelegatingHandler> exotelHandler)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddVapiExotel(configuration);
        services.AddHttpClient(ExotelClient.HttpClientName).AddHttpMessageHandler(exotelHandler);
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IVapiExotelIntegrator>(), provider);
    }
}

/// <summary>
/// Makes Exotel's trunk list show a second trunk of <paramref name="name"/>: a state Exotel's unique-name rule (and so
/// the sandbox) does not let a test create, but which the integration guards against all the same.
/// </summary>
internal sealed class DuplicateTrunkHandler(string name, string extraSid) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method != HttpMethod.Get || !request.RequestUri!.AbsolutePath.EndsWith("/trunks", StringComparison.Ordinal) || !response.IsSuccessStatusCode)
        {
            return response;
        }

        var envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
        if (envelope["response"] is JsonArray items
            && items.FirstOrDefault(i => (string?)i?["data"]?["trunk_name"] == name) is { } original)
        {
            var copy = original.DeepClone();
            copy["data"]!["trunk_sid"] = extraSid;
            items.Add(copy);
        }

        var replaced = new HttpResponseMessage(response.StatusCode) { RequestMessage = request, Content = new StringContent(envelope.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        response.Dispose();
        return replaced;
    }
}
