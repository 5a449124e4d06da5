using Exotel.VSip;
using Microsoft.Extensions.Logging;
using Vapi.Client;
using VapiExotel.Integration.Internal;

namespace VapiExotel.Integration.Calls;

/// <summary>
/// Sends one call-creating request; after an ambiguous failure, waits for the service to settle and looks the call up
/// by its correlation id before anything is sent again. Sends a second time only when the call is proven not placed and
/// the caller asked for it.
/// </summary>
internal sealed class SafeCallRunner(TimeProvider time, ILogger logger)
{
    /// <summary>How many listed calls a lookup reads at most before it gives up (Unknown).</summary>
    private const int MaxListed = 1000;

    public Task<CallPlacement<VapiCall>> PlaceAsync(VapiClient vapi, CreateCallRequest request, string correlationId, SafeCallOptions options, CancellationToken cancellationToken) =>
        RunAsync(
            "Vapi",
            ct => vapi.Calls.CreateAsync(request, ct),
            async (since, ct) =>
            {
                var filter = new VapiCallListFilter { PhoneNumberId = request.PhoneNumberId, CreatedAtGt = since, PageSize = 100 };
                var listed = 0;
                await foreach (var call in vapi.Calls.ListAsync(filter, ct).ConfigureAwait(false))
                {
                    if (string.Equals(CallCorrelation.Find(call.Name), correlationId, StringComparison.Ordinal))
                    {
                        return Lookup<VapiCall>.Found(call, $"found as Vapi call {call.Id} by the correlation id in its name");
                    }

                    if (++listed >= MaxListed)
                    {
                        return Lookup<VapiCall>.Unclear($"more than {MaxListed} calls from the number since the attempt: the lookup stopped without finding {correlationId}");
                    }
                }

                return Lookup<VapiCall>.None($"no Vapi call from phone number {request.PhoneNumberId} since the attempt carries {correlationId}");
            },
            static e => e is VapiException { IsOutcomeUnknown: true },
            correlationId, options, cancellationToken);

    public async Task<CallPlacement<ExotelCall>> PlaceAsync(
        ExotelClient exotel, ExotelConnectRequest request, string correlationId, SafeCallOptions options, CancellationToken cancellationToken)
    {
        // Exotel's call records do not return CustomField (only its callbacks do), so a call cannot be found by its id.
        // Instead the calls between these numbers are listed before sending: after an ambiguous failure, a call that
        // was not there before is this one. Matching is done here, by number in any form, not by Exotel's filters,
        // whose number formats are not documented; and the window is wide (clock skew), which the baseline makes safe.
        var to = (request as ConnectCallRequest)?.To;
        var numbers = to is null ? request.From : $"{request.From} to {to}";
        var since = time.GetUtcNow() - options.ClockSkewAllowance;
        var before = (await MatchingAsync(exotel, request.From, to, since, cancellationToken).ConfigureAwait(false)).Select(c => c.Sid).ToHashSet(StringComparer.Ordinal);

        return await RunAsync(
            "Exotel",
            ct => request switch
            {
                ConnectCallRequest connect => exotel.Calls.ConnectAsync(connect, ct),
                ConnectToFlowRequest flow => exotel.Calls.ConnectToFlowAsync(flow, ct),
                _ => throw new ArgumentException("request must be a ConnectCallRequest or a ConnectToFlowRequest.", nameof(request)),
            },
            async (_, ct) =>
            {
                var fresh = (await MatchingAsync(exotel, request.From, to, since, ct).ConfigureAwait(false)).Where(c => !before.Contains(c.Sid)).ToList();
                return fresh.Count switch
                {
                    0 => Lookup<ExotelCall>.None($"no Exotel call from {numbers} appeared since the attempt"),
                    1 => Lookup<ExotelCall>.Found(fresh[0],
                        $"found as Exotel call {fresh[0].Sid}, the one call from {numbers} that was not there before the attempt (its status callback carries {correlationId})"),
                    _ => Lookup<ExotelCall>.Unclear(
                        $"{fresh.Count} Exotel calls from {numbers} appeared since the attempt ({string.Join(", ", fresh.Take(5).Select(c => c.Sid))}), and Exotel's call records do not show CustomField to tell which carries {correlationId}"),
                };
            },
            static e => e is ExotelException { IsOutcomeUnknown: true },
            correlationId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The account's calls from <paramref name="from"/> (to <paramref name="to"/>) created since <paramref name="since"/>, matched by number in any form.</summary>
    private static async Task<List<ExotelCall>> MatchingAsync(ExotelClient exotel, string from, string? to, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var matching = new List<ExotelCall>();
        var listed = 0;
        await foreach (var call in exotel.Calls.ListAsync(new ExotelCallListFilter { CreatedFrom = since, PageSize = 100 }, cancellationToken).ConfigureAwait(false))
        {
            if (PhoneNumberText.Same(call.From, from) && (to is null || PhoneNumberText.Same(call.To, to)))
            {
                matching.Add(call);
            }

            if (++listed >= MaxListed)
            {
                throw new VapiExotelException($"More than {MaxListed} Exotel calls in the lookup window: too many to tell this call apart safely. Narrow SafeCallOptions.ClockSkewAllowance.");
            }
        }

        return matching;
    }

    private async Task<CallPlacement<T>> RunAsync<T>(
        string service,
        Func<CancellationToken, Task<T>> send,
        Func<DateTimeOffset, CancellationToken, Task<Lookup<T>>> lookup,
        Func<Exception, bool> ambiguous,
        string correlationId,
        SafeCallOptions options,
        CancellationToken cancellationToken)
        where T : class
    {
        var since = time.GetUtcNow() - options.ClockSkewAllowance;
        for (var attempt = 1; ; attempt++)
        {
            Exception error;
            try
            {
                var call = await send(cancellationToken).ConfigureAwait(false);
                var placed = new CallPlacement<T>(CallPlacementOutcome.Placed, correlationId, call, attempt, null,
                    attempt == 1 ? "Placed." : "Placed on the second attempt, after the first was proven not placed.");
                SafeCallLog.Placement(logger, service, correlationId, placed.Outcome, attempt);
                return placed;
            }
            catch (Exception e) when (ambiguous(e) && !cancellationToken.IsCancellationRequested)
            {
                error = e;
            }

            var found = await SettleAndLookAsync(lookup, since, options, cancellationToken).ConfigureAwait(false);
            if (found.Outcome == CallPlacementOutcome.NotPlaced && options.RetryWhenProvenNotPlaced && attempt == 1)
            {
                // Before sending again, look a second time: a call still being created must not be dialled twice.
                found = await SettleAndLookAsync(lookup, since, options, cancellationToken).ConfigureAwait(false);
            }

            CallPlacement<T> result;
            switch (found.Outcome)
            {
                case CallPlacementOutcome.Placed:
                    result = new(CallPlacementOutcome.Placed, correlationId, found.Call, attempt, error,
                        $"The {service} request failed with an unknown outcome, but the call was placed: {found.Detail}. Do not dial again.");
                    break;
                case CallPlacementOutcome.NotPlaced when options.RetryWhenProvenNotPlaced && attempt == 1:
                    SafeCallLog.Placement(logger, service, correlationId, CallPlacementOutcome.NotPlaced, attempt);
                    continue;
                case CallPlacementOutcome.NotPlaced:
                    result = new(CallPlacementOutcome.NotPlaced, correlationId, null, attempt, error,
                        $"The {service} request failed with an unknown outcome, and the call was not placed: {found.Detail}. It is safe to place it again"
                        + (attempt > 1 ? " (it was sent twice; the SDK does not send it a third time)." : " (SafeCallOptions.RetryWhenProvenNotPlaced does it once for you)."));
                    break;
                default:
                    result = new(CallPlacementOutcome.Unknown, correlationId, null, attempt, error,
                        $"The {service} request failed with an unknown outcome, and whether the call was placed is not known: {found.Detail}. "
                        + $"Look for {correlationId} before dialing again ({(service == "Vapi" ? "in the call's name" : "in the status callback's CustomField, or the calls list")}).");
                    break;
            }

            SafeCallLog.Placement(logger, service, correlationId, result.Outcome, attempt);
            return result;
        }
    }

    private async Task<Lookup<T>> SettleAndLookAsync<T>(
        Func<DateTimeOffset, CancellationToken, Task<Lookup<T>>> lookup, DateTimeOffset since, SafeCallOptions options, CancellationToken cancellationToken)
        where T : class
    {
        if (options.SettleDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.SettleDelay, time, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await lookup(since, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure of the lookup leaves the question open: never "not placed" on a failed read.
            return Lookup<T>.Unclear($"the lookup failed too ({e.GetType().Name}: {e.Message})");
        }
    }

    private sealed record Lookup<T>(CallPlacementOutcome Outcome, T? Call, string Detail)
        where T : class
    {
        public static Lookup<T> Found(T call, string detail) => new(CallPlacementOutcome.Placed, call, detail);

        public static Lookup<T> None(string detail) => new(CallPlacementOutcome.NotPlaced, null, detail);

        public static Lookup<T> Unclear(string detail) => new(CallPlacementOutcome.Unknown, null, detail);
    }
}

/// <summary>The safe calls' log line (event id 3050). Only the service, the correlation id and the outcome: no number, no secret.</summary>
internal static partial class SafeCallLog
{
    [LoggerMessage(EventId = 3050, Level = LogLevel.Information, Message = "VapiExotel safe {Service} call {CorrelationId}: {Outcome} after {Attempts} attempt(s)")]
    public static partial void Placement(ILogger logger, string service, string correlationId, CallPlacementOutcome outcome, int attempts);
}
