using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vapi.Client.Tests.Sandbox;
using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Resilience;

/// <summary>
/// The sandbox scenarios, plus what the resilience tests need: fault rules in one line, a client registered with
/// <c>AddVapiClient</c> whose logs are captured, and a handler that stamps every attempt that reaches the network.
/// </summary>
public abstract class ResilienceScenario : SandboxScenario
{
    /// <summary>Adds a Vapi fault rule for <paramref name="method"/> on <paramref name="path"/> (a glob), <paramref name="times"/> times (always when null).</summary>
    protected SandboxFaultRule Fault(SandboxFault fault, string method, string path, int? times = null, bool afterProcessing = false) =>
        Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = fault, Api = SandboxApi.Vapi, Method = method, Path = path, Times = times, AfterProcessing = afterProcessing,
        });

    /// <summary>
    /// A client registered with <c>AddVapiClient</c> (the sandbox's key and address, the scenarios' 1 ms back-off, then
    /// <paramref name="configure"/>), logging everything to <see cref="DiClient.Logs"/>; <paramref name="http"/> may add handlers.
    /// </summary>
    private protected DiClient NewDiClient(Action<VapiClientOptions>? configure = null, Action<IHttpClientBuilder>? http = null)
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var builder = services.AddVapiClient(o =>
        {
            o.ApiKey = Sandbox.Options.VapiApiKey;
            o.BaseAddress = Sandbox.VapiBaseAddress;
            o.Resilience.Retry.Delay = TimeSpan.FromMilliseconds(1);
            configure?.Invoke(o);
        });
        http?.Invoke(builder);
        return new DiClient(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), logs);
    }

    /// <summary>A DI container holding one <see cref="VapiClient"/> and the log lines it wrote.</summary>
    private protected sealed class DiClient(ServiceProvider provider, CapturingLoggerProvider logs) : IAsyncDisposable
    {
        public VapiClient Client { get; } = provider.GetRequiredService<VapiClient>();

        public CapturingLoggerProvider Logs { get; } = logs;

        /// <summary>The captured lines with this event id (the provider writes <c>[id]</c> after the level and category).</summary>
        public List<string> LinesWithEvent(int eventId) => Logs.Lines.Where(l => l.Contains($" [{eventId}] ", StringComparison.Ordinal)).ToList();

        public ValueTask DisposeAsync() => provider.DisposeAsync();
    }

    /// <summary>
    /// Records when each attempt reached the network (after the SDK's resilience handler, so after the rate limiter)
    /// and how many were in flight at once. The sandbox's clock is manual, so its own timestamps cannot show spacing.
    /// </summary>
    private protected sealed class StampingHandler : DelegatingHandler
    {
        private readonly object _gate = new();
        private int _inFlight;

        public ConcurrentQueue<TimeSpan> Sent { get; } = new();

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public int MaxInFlight { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                Sent.Enqueue(Clock.Elapsed);
                MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                lock (_gate)
                {
                    _inFlight--;
                }
            }
        }
    }
}
