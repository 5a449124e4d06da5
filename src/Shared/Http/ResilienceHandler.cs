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
                        var response = await state.Handler.SendInnerAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false);
                        await BufferContentAsync(response, ctx.CancellationToken).ConfigureAwait(false);
                        return Outcome.FromResult(response);
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

    /// <summary>
    /// Reads the body within the attempt, so that a server that sends headers and then stalls is cut off by the
    /// timeouts rather than hanging the caller (HttpClient would otherwise read it after the handlers returned).
    /// </summary>
    private static async Task BufferContentAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(bytes);
            foreach (var header in response.Content.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content.Dispose();
            response.Content = buffered;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
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

    // One connection pool for every client built without DI, so that a client per tenant costs no sockets of its
    // own and nothing needs disposing. Connections rotate so that DNS changes are seen, as IHttpClientFactory does.
    private static readonly Lazy<SocketsHttpHandler> SharedConnections = new(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });

    /// <summary>An <see cref="HttpClient"/> whose requests go through <paramref name="pipeline"/> over the shared connection pool, for use without DI.</summary>
    public static HttpClient CreateStandaloneClient(ResiliencePipeline<HttpResponseMessage> pipeline) =>
        new(new ResilienceHandler(pipeline) { InnerHandler = SharedConnections.Value }, disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan,   // the pipeline owns every timeout
        };
}
