using System.Text;
using Exotel.VSip.Tests.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Resilience;

/// <summary>
/// The sandbox scenario base with what the resilience tests share: fault rules in one line, a client that logs into a
/// <see cref="CapturingLoggerProvider"/>, the sandbox's port (to pick this test's spans and measurements out of the
/// process-wide telemetry) and the secrets that must never be written anywhere.
/// </summary>
public abstract class ResilienceScenario : SandboxScenario
{
    /// <summary>The path of the trunk list (and of trunk creation and deletion) as a fault rule matches it.</summary>
    protected const string TrunksPath = "/v2/accounts/*/trunks";

    /// <summary>The sandbox's Exotel port: the <c>server.port</c> of this test's requests.</summary>
    protected int Port => Sandbox.ExotelBaseAddress.Port;

    /// <summary>The API key, the token and the Basic value built from them.</summary>
    protected string[] Secrets
    {
        get
        {
            var options = Sandbox.Options;
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ExotelApiKey}:{options.ExotelApiToken}"));
            return [options.ExotelApiKey, options.ExotelApiToken, basic];
        }
    }

    /// <summary>Injects <paramref name="fault"/> into the Exotel requests with this method and path, every time or <paramref name="times"/> times.</summary>
    protected SandboxFaultRule AddFault(SandboxFault fault, string method, string path, int? times = null, bool afterProcessing = false) =>
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = fault, Api = SandboxApi.Exotel, Method = method, Path = path, Times = times, AfterProcessing = afterProcessing });

    /// <summary>A client registered through <c>AddExotelVSip</c> whose logs, at every level, go to <paramref name="logs"/>.</summary>
    private protected ExotelClient NewLoggedClient(CapturingLoggerProvider logs, Action<ExotelClientOptions>? configure = null, Action<IHttpClientBuilder>? http = null) =>
        NewClient(configure, services => services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)), http);

    /// <summary>The captured lines of one event id, such as 1003 (a retry).</summary>
    private protected static List<string> LinesOf(CapturingLoggerProvider logs, int eventId) =>
        logs.Lines.Where(l => l.Contains($"[{eventId}]", StringComparison.Ordinal)).ToList();
}
