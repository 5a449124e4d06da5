using Polly;
using Polly.Timeout;

namespace VapiExotel.Shared.Http;

/// <summary>
/// The one <see cref="DelegatingHandler"/> that runs a client's resilience pipeline around every request. It sits
/// first in the handler chain, so that everything after it (authentication, logging, the network) runs per attempt.
/// </summary>
internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    /// <summary>The request being sent, for strategies that decide by method (retry safety).</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("VapiExotel.Request");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendInnerAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}

/// <summary>Builds a client's pipeline from its options: total timeout (outer) around attempt timeout (inner).</summary>
internal static class ResiliencePipelineFactory
{
    public static ResiliencePipeline<HttpResponseMessage> Create(TimeSpan totalRequestTimeout, TimeSpan attemptTimeout, TimeProvider? timeProvider = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (timeProvider is not null)
        {
            builder.TimeProvider = timeProvider;
        }

        return builder
            .AddTimeout(new TimeoutStrategyOptions { Name = "TotalRequestTimeout", Timeout = totalRequestTimeout })
            .AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = attemptTimeout })
            .Build();
    }

    /// <summary>A plain <see cref="HttpClient"/> whose requests go through <paramref name="pipeline"/>, for use without DI.</summary>
    public static HttpClient CreateStandaloneClient(ResiliencePipeline<HttpResponseMessage> pipeline) =>
        new(new ResilienceHandler(pipeline)
        {
            // Rotate pooled connections so that DNS changes are seen, as IHttpClientFactory does.
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) },
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,   // the pipeline owns every timeout
        };
}
