using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Exotel.VSip;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vapi.Client;

namespace VapiExotel.Integration;

/// <summary>
/// Follows one conversation across Exotel and Vapi as a stream of typed events. Pushes (Exotel status callbacks,
/// Vapi server messages) given to <c>Publish</c> reach every follower at once; when a side stays silent, the monitor
/// polls its call details with a doubling wait. The stream ends with one <see cref="CallEnded"/> carrying the
/// classified outcome, or when the token is cancelled. Thread-safe: register one per app (a singleton) so that the
/// webhook endpoints and the followers share it. It keeps the last pushes of recent calls, so that a follower that
/// starts after a callback still sees it.
/// </summary>
public sealed partial class CallMonitor
{
    private const int RememberedCalls = 1024;
    private const int RememberedPushesPerCall = 16;

    private readonly ExotelClient? _exotel;
    private readonly VapiClient? _vapi;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IServiceScopeFactory? _scopes;
#if NET9_0_OR_GREATER
    private readonly Lock _gate = new();
#else
    private readonly object _gate = new();
#endif
    private readonly Dictionary<string, List<Channel<Observation>>> _followers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Observation>> _recent = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();

    /// <summary>Creates a monitor.</summary>
    /// <param name="exotel">Polls Exotel calls; without it, Exotel sides are followed by pushes only.</param>
    /// <param name="vapi">Polls Vapi calls; without it, Vapi sides are followed by pushes only.</param>
    /// <param name="timeProvider">The clock for polling; the system's when null.</param>
    /// <param name="logger">Logs status changes and failed polls; none when null.</param>
    public CallMonitor(ExotelClient? exotel, VapiClient? vapi, TimeProvider? timeProvider = null, ILogger<CallMonitor>? logger = null)
    {
        _exotel = exotel;
        _vapi = vapi;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>A monitor that takes its clients from a new scope of <paramref name="scopes"/> at each poll (typed HTTP clients are transient).</summary>
    internal CallMonitor(IServiceScopeFactory scopes, TimeProvider? timeProvider, ILogger<CallMonitor>? logger)
        : this(null, null, timeProvider, logger) => _scopes = scopes;

    /// <summary>Hands an Exotel status callback to the followers of its call (duplicates are harmless).</summary>
    /// <param name="callback">The callback, as <see cref="ExotelStatusCallbackParser"/> read it.</param>
    /// <returns>Whether it was taken: it names a call and carries a status.</returns>
    public bool Publish(ExotelStatusCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (string.IsNullOrWhiteSpace(callback.CallSid))
        {
            return false;
        }

        var status = callback.Status;
        if (status is null && callback.EventType == ExotelStatusCallbackEvent.Answered)
        {
            status = ExotelCallStatus.InProgress;
        }

        if (status is null && callback.Legs.Count == 0)
        {
            return false;
        }

        Deliver(ForExotel(callback.CallSid, CallEventSource.Push, status, callback.Legs));
        return true;
    }

    /// <summary>Hands a Vapi server message to the followers of its call: status updates and end-of-call reports are taken, other types ignored.</summary>
    /// <param name="message">The message, as <see cref="VapiServerMessageParser"/> read it.</param>
    /// <returns>Whether it was taken.</returns>
    public bool Publish(VapiServerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Call?.Id is not { Length: > 0 } id)
        {
            return false;
        }

        Observation observation;
        switch (message)
        {
            case VapiStatusUpdateMessage update when (update.Status ?? message.Call.Status) is { } status:
                observation = ForVapi(id, CallEventSource.Push, status, update.EndedReason ?? message.Call.EndedReason);
                break;
            case VapiEndOfCallReportMessage report:
                observation = ForVapi(id, CallEventSource.Push, VapiCallStatus.Ended, report.EndedReason ?? message.Call.EndedReason);
                break;
            default:
                return false;
        }

        Deliver(observation);
        return true;
    }

    /// <summary>
    /// Follows a call until it has ended on every side named by <paramref name="call"/>: a <see cref="CallStatusChanged"/>
    /// when a side's status changes, a <see cref="CallLegUpdate"/> when an Exotel leg changes, and last a
    /// <see cref="CallEnded"/>. Polls at once, then only when no push came for <see cref="CallMonitorOptions.QuietPeriod"/>.
    /// Transient read failures (429, 5xx, network) are retried at the next poll; others end the stream with their exception.
    /// </summary>
    /// <param name="call">The call.</param>
    /// <param name="options">How to follow it; the defaults when null.</param>
    /// <param name="cancellationToken">Ends the stream (with <see cref="OperationCanceledException"/>); the call itself goes on.</param>
    /// <returns>The events, in the order the monitor learned of them.</returns>
    /// <exception cref="ArgumentException">The options break a rule.</exception>
    /// <exception cref="InvalidOperationException">Polling is asked for a side whose client this monitor lacks.</exception>
    public IAsyncEnumerable<CallEvent> FollowAsync(CallReference call, CallMonitorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var settings = (options ?? new CallMonitorOptions()).Checked();
        if (settings.Poll && _scopes is null && ((call.ExotelCallSid is not null && _exotel is null) || (call.VapiCallId is not null && _vapi is null)))
        {
            throw new InvalidOperationException("This monitor has no client to poll one of the call's sides: give it both clients, or set CallMonitorOptions.Poll to false.");
        }

        return FollowCoreAsync(call, settings, cancellationToken);
    }

    private async IAsyncEnumerable<CallEvent> FollowCoreAsync(CallReference call, CallMonitorOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sides = new List<SideState>();
        var now = _time.GetUtcNow();
        var firstPoll = options.Poll ? now : DateTimeOffset.MaxValue;
        if (call.ExotelCallSid is { } sid)
        {
            sides.Add(new SideState(CallSide.Exotel, ExotelKey(sid), sid, firstPoll, options.InitialPollInterval));
        }

        if (call.VapiCallId is { } id)
        {
            sides.Add(new SideState(CallSide.Vapi, VapiKey(id), id, firstPoll, options.InitialPollInterval));
        }

        var inbox = Channel.CreateUnbounded<Observation>(new UnboundedChannelOptions { SingleReader = true });
        Subscribe(sides, inbox);
        try
        {
            var events = new List<CallEvent>();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (inbox.Reader.TryRead(out var pushed))
                {
                    if (sides.Find(s => s.Key == pushed.Key) is { } side && Apply(side, pushed, sides, options, events))
                    {
                        foreach (var e in events)
                        {
                            yield return e;
                        }

                        yield break;
                    }
                }

                now = _time.GetUtcNow();
                foreach (var side in sides)
                {
                    if (side.Ended || side.NextPoll > now)
                    {
                        continue;
                    }

                    var polled = await PollAsync(side, cancellationToken).ConfigureAwait(false);
                    now = _time.GetUtcNow();
                    side.NextPoll = now + side.Interval;
                    side.Interval = TimeSpan.FromTicks(Math.Min(side.Interval.Ticks * 2, options.MaxPollInterval.Ticks));
                    if (polled is not null && Apply(side, polled, sides, options, events))
                    {
                        foreach (var e in events)
                        {
                            yield return e;
                        }

                        yield break;
                    }
                }

                foreach (var e in events)
                {
                    yield return e;
                }

                events.Clear();
                var next = sides.Where(s => !s.Ended).Min(s => s.NextPoll);
                await WaitAsync(inbox.Reader, next == DateTimeOffset.MaxValue ? null : next - _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Unsubscribe(sides, inbox);
        }
    }

    /// <summary>Applies one observation to its side; adds the events to <paramref name="events"/>; true when the call is over.</summary>
    private bool Apply(SideState side, Observation seen, List<SideState> sides, CallMonitorOptions options, List<CallEvent> events)
    {
        if (side.Ended)
        {
            return false;
        }

        var at = _time.GetUtcNow();
        if (seen.Source == CallEventSource.Push && options.Poll)
        {
            side.NextPoll = at + options.QuietPeriod;
            side.Interval = options.InitialPollInterval;
        }

        for (var i = 0; i < seen.Legs.Count; i++)
        {
            var leg = seen.Legs[i];
            var number = leg.Id ?? i + 1;
            var now = (leg.Status, leg.OnCallDuration);
            if (!side.Legs.TryGetValue(number, out var before) || before != now)
            {
                side.Legs[number] = now;
                events.Add(new CallLegUpdate(seen.Source, at, number, leg.Status, leg.OnCallDuration));
            }
        }

        if (seen.Status is { } status && !string.Equals(status, side.Status, StringComparison.Ordinal))
        {
            side.Status = status;
            events.Add(new CallStatusChanged(side.Side, seen.Source, at, status, seen.Terminal));
            LogStatus(_logger, side.Side, side.Id, status);
        }

        if (!seen.Terminal)
        {
            return false;
        }

        side.Ended = true;
        side.Final = seen;
        if (sides.Exists(s => !s.Ended))
        {
            return false;
        }

        var exotel = sides.Find(s => s.Side == CallSide.Exotel)?.Final;
        var vapi = sides.Find(s => s.Side == CallSide.Vapi)?.Final;
        var classification = CallFailureClassification.Combine(exotel?.Classification, vapi?.Classification);
        events.Add(new CallEnded(side.Side, seen.Source, at, new CallOutcome(classification, exotel?.ExotelStatus, vapi?.EndedReason)));
        return true;
    }

    private async Task<Observation?> PollAsync(SideState side, CancellationToken cancellationToken)
    {
        var scope = _scopes?.CreateAsyncScope();
        try
        {
            if (side.Side == CallSide.Exotel)
            {
                var exotel = scope?.ServiceProvider.GetRequiredService<ExotelClient>() ?? _exotel!;
                var call = await exotel.Calls.GetAsync(side.Id, includeDetails: true, cancellationToken).ConfigureAwait(false);
                return ForExotel(side.Id, CallEventSource.Poll, call.Status, call.Details?.Legs ?? []);
            }

            var vapi = scope?.ServiceProvider.GetRequiredService<VapiClient>() ?? _vapi!;
            var vapiCall = await vapi.Calls.GetAsync(side.Id, cancellationToken).ConfigureAwait(false);
            return vapiCall.Status is { } status ? ForVapi(side.Id, CallEventSource.Poll, status, vapiCall.EndedReason) : null;
        }
        catch (Exception ex) when (ex is ExotelException { IsRateLimited: true } or ExotelException { Status: 0 or >= 500 }
                                       or VapiException { IsRateLimited: true } or VapiException { Status: 0 or >= 500 })
        {
            // A failed read says nothing about the call: poll again later.
            LogPollFailed(_logger, side.Side, side.Id, ex.Message);
            return null;
        }
        finally
        {
            if (scope is { } s)
            {
                await s.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task WaitAsync(ChannelReader<Observation> inbox, TimeSpan? wait, CancellationToken cancellationToken)
    {
        if (wait is { } w && w <= TimeSpan.Zero)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pushed = inbox.WaitToReadAsync(stop.Token).AsTask();
        var due = wait is { } delay ? Task.Delay(delay, _time, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token);
        await Task.WhenAny(pushed, due).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(pushed, due).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Deliver(Observation observation)
    {
        lock (_gate)
        {
            if (!_recent.TryGetValue(observation.Key, out var kept))
            {
                if (_recentOrder.Count >= RememberedCalls && _recentOrder.TryDequeue(out var oldest))
                {
                    _recent.Remove(oldest);
                }

                _recent[observation.Key] = kept = [];
                _recentOrder.Enqueue(observation.Key);
            }

            if (kept.Count >= RememberedPushesPerCall)
            {
                kept.RemoveAt(0);
            }

            kept.Add(observation);
            if (_followers.TryGetValue(observation.Key, out var inboxes))
            {
                foreach (var inbox in inboxes)
                {
                    inbox.Writer.TryWrite(observation);
                }
            }
        }
    }

    private void Subscribe(List<SideState> sides, Channel<Observation> inbox)
    {
        lock (_gate)
        {
            foreach (var side in sides)
            {
                if (!_followers.TryGetValue(side.Key, out var inboxes))
                {
                    _followers[side.Key] = inboxes = [];
                }

                inboxes.Add(inbox);
                foreach (var earlier in _recent.GetValueOrDefault(side.Key) ?? [])
                {
                    inbox.Writer.TryWrite(earlier);
                }
            }
        }
    }

    private void Unsubscribe(List<SideState> sides, Channel<Observation> inbox)
    {
        lock (_gate)
        {
            foreach (var side in sides)
            {
                if (_followers.TryGetValue(side.Key, out var inboxes) && inboxes.Remove(inbox) && inboxes.Count == 0)
                {
                    _followers.Remove(side.Key);
                }
            }
        }

        inbox.Writer.TryComplete();
    }

    private static string ExotelKey(string sid) => "exotel:" + sid;

    private static string VapiKey(string id) => "vapi:" + id;

    private static Observation ForExotel(string sid, CallEventSource source, ExotelCallStatus? status, IReadOnlyList<ExotelCallLeg> legs)
    {
        var terminal = status is { IsTerminal: true };
        return new Observation(ExotelKey(sid), source, status?.Value, terminal, legs,
            terminal ? CallFailureClassification.FromExotelStatus(status!.Value) : null, status, null);
    }

    private static Observation ForVapi(string id, CallEventSource source, VapiCallStatus status, VapiEndedReason? reason)
    {
        var terminal = status.IsTerminal;
        CallFailureClassification? classification = null;
        if (terminal)
        {
            classification = reason is { } r
                ? CallFailureClassification.FromEndedReason(r)
                : new CallFailureClassification(FailureSide.Unknown, status.Value, LikelyCause.Unknown,
                    "Vapi ended the call without a reason.", "Look at the call in the Vapi dashboard.");
        }

        return new Observation(VapiKey(id), source, status.Value, terminal, [], classification, null, reason);
    }

    [LoggerMessage(EventId = 3901, Level = LogLevel.Debug, Message = "VapiExotel monitor: {Side} call {CallId} is {Status}")]
    private static partial void LogStatus(ILogger logger, CallSide side, string callId, string status);

    [LoggerMessage(EventId = 3902, Level = LogLevel.Debug, Message = "VapiExotel monitor: polling {Side} call {CallId} failed, polling again later: {Reason}")]
    private static partial void LogPollFailed(ILogger logger, CallSide side, string callId, string reason);

    private sealed record Observation(
        string Key, CallEventSource Source, string? Status, bool Terminal, IReadOnlyList<ExotelCallLeg> Legs,
        CallFailureClassification? Classification, ExotelCallStatus? ExotelStatus, VapiEndedReason? EndedReason);

    private sealed class SideState(CallSide side, string key, string id, DateTimeOffset nextPoll, TimeSpan interval)
    {
        public CallSide Side { get; } = side;

        public string Key { get; } = key;

        public string Id { get; } = id;

        public DateTimeOffset NextPoll { get; set; } = nextPoll;

        public TimeSpan Interval { get; set; } = interval;

        public string? Status { get; set; }

        public bool Ended { get; set; }

        public Observation? Final { get; set; }

        public Dictionary<int, (ExotelCallStatus? Status, TimeSpan? OnCallDuration)> Legs { get; } = [];
    }
}
