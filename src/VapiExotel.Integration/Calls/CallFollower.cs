using Exotel.VSip;
using Microsoft.Extensions.Logging;
using Vapi.Client;
using VapiExotel.Integration.Internal;

namespace VapiExotel.Integration.Calls;

/// <summary>Polls a call until it ends, with a doubling wait, through transient read failures, honouring cancellation.</summary>
internal sealed class CallFollower(TimeProvider time, ILogger logger)
{
    public Task<VapiCall> FollowAsync(VapiClient vapi, string callId, CallWaitOptions? options, CancellationToken cancellationToken) =>
        PollAsync(
            ct => vapi.Calls.GetAsync(callId, ct),
            call => call.Status is { IsTerminal: true },
            call => call.Status?.Value ?? "unknown",
            ex => ex is VapiException { IsRateLimited: true } or VapiException { Status: 0 or >= 500 },
            callId, options, cancellationToken);

    public Task<ExotelCall> FollowAsync(ExotelClient exotel, string callSid, CallWaitOptions? options, CancellationToken cancellationToken) =>
        PollAsync(
            ct => exotel.Calls.GetAsync(callSid, includeDetails: true, ct),
            call => call.Status is { IsTerminal: true },
            call => call.Status?.Value ?? "unknown",
            ex => ex is ExotelException { IsRateLimited: true } or ExotelException { Status: 0 or >= 500 },
            callSid, options, cancellationToken);

    private async Task<T> PollAsync<T>(
        Func<CancellationToken, Task<T>> get, Func<T, bool> ended, Func<T, string> status, Func<Exception, bool> transient,
        string id, CallWaitOptions? options, CancellationToken cancellationToken)
    {
        options ??= new CallWaitOptions();
        if (options.InitialInterval <= TimeSpan.Zero || options.MaxInterval < options.InitialInterval || options.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("CallWaitOptions: InitialInterval must be positive, MaxInterval at least InitialInterval, and Timeout positive.", nameof(options));
        }

        var deadline = time.GetUtcNow() + options.Timeout;
        var interval = options.InitialInterval;
        var last = "not read yet";
        while (true)
        {
            try
            {
                var call = await get(cancellationToken).ConfigureAwait(false);
                var now = status(call);
                if (!string.Equals(now, last, StringComparison.Ordinal))
                {
                    Log.CallStatus(logger, id, now);
                    last = now;
                }

                if (ended(call))
                {
                    return call;
                }
            }
            catch (Exception ex) when (transient(ex))
            {
                // A failed read says nothing about the call: keep following it.
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new VapiExotelException($"Call {id} had not ended after {options.Timeout}; its last status was '{last}'. Follow it again, or end it.");
            }

            await Task.Delay(interval < left ? interval : left, time, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, options.MaxInterval.Ticks));
        }
    }
}
