using Polly;

namespace VapiExotel.Shared.Http;

/// <summary>
/// The one <see cref="DelegatingHandler"/> that both client packages put first in their handler chain. It waits for
/// the client-side rate limiter, then runs the client's <see cref="ClientPipeline"/> (total timeout, retry, circuit
/// breaker, attempt timeout) around the rest of the chain, so that everything after it (the network, any handler a
/// user adds) runs once per attempt.
/// </summary>
internal sealed class ResilienceHandler(ClientPipeline client) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var info = RequestInfo.For(request);
        info.Tracked = true;

        // The first slot is awaited outside every timeout: a request waits for the rate limit rather than failing.
        var lease = await client.EnterGateAsync(request, info, cancellationToken).ConfigureAwait(false);
        if (client.Pipeline is not { } pipeline)
        {
            return await AttemptWithLeaseAsync(request, info, lease, cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ClientPipeline.RequestKey, request);
        context.Properties.Set(ClientPipeline.FirstLeaseKey, new LeaseSlot(lease));
        context.Properties.Set(ClientPipeline.StartedKey, client.Time.GetTimestamp());
        context.Properties.Set(ClientPipeline.ClientKey, client);
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.Handler.SendAttemptAsync(state.Request, state.Info, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                (Handler: this, Request: request, Info: info)).ConfigureAwait(false);

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            context.Properties.GetValue(ClientPipeline.FirstLeaseKey, null!)?.Take()?.ReleaseUnsent();   // the pipeline refused before any attempt
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One attempt holding <paramref name="lease"/>: released unsent when provably nothing reached the service.</summary>
    private async Task<HttpResponseMessage> AttemptWithLeaseAsync(HttpRequestMessage request, RequestInfo info, RateGate.Lease? lease, CancellationToken cancellationToken)
    {
        try
        {
            var response = await SendAttemptAsync(request, info, cancellationToken).ConfigureAwait(false);
            lease?.Dispose();
            return response;
        }
        catch (HttpRequestException ex) when (RetryRules.IsNotSent(ex))
        {
            lease?.ReleaseUnsent();
            throw;
        }
        catch
        {
            lease?.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, RequestInfo info, CancellationToken cancellationToken)
    {
        if (++info.Attempts > 1)
        {
            // The same message goes out again: HttpClient's tracing would keep the first attempt's trace context.
            request.Headers.Remove("traceparent");
            request.Headers.Remove("tracestate");
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            info.MayHaveBeenProcessed |= response.StatusCode != System.Net.HttpStatusCode.TooManyRequests;
            await BufferContentAsync(response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception ex)
        {
            info.MayHaveBeenProcessed |= !(ex is HttpRequestException h && RetryRules.IsNotSent(h));
            throw;
        }
    }

    /// <summary>
    /// Reads the body within the attempt, so that a server that sends headers and then stalls is cut off by the
    /// timeouts rather than hanging the caller (HttpClient would otherwise read it after the handlers returned).
    /// </summary>
    private static async Task BufferContentAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);   // in place: no second copy
#else
            // .NET 8 cannot cancel LoadIntoBufferAsync: read with the token into content of our own.
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(bytes);
            foreach (var header in response.Content.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content.Dispose();
            response.Content = buffered;
#endif
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
