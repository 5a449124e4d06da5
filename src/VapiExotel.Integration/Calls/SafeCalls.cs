using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace VapiExotel.Integration;

/// <summary>Whether a call was placed, as far as the SDK can prove.</summary>
public enum CallPlacementOutcome
{
    /// <summary>The call exists: it was created, or found by its correlation id after an ambiguous failure.</summary>
    Placed,

    /// <summary>Proven not placed: the create failed ambiguously, and the lookup that followed succeeded and found no such call.</summary>
    NotPlaced,

    /// <summary>Not known: the lookup failed, or could not tell the call apart from others. Look before dialing again.</summary>
    Unknown,
}

/// <summary>How a safe call (<c>PlaceAssistantCallAsync</c>, <c>PlaceConnectCallAsync</c>, <c>PlaceFlowCallAsync</c>) behaves after an ambiguous failure.</summary>
public sealed class SafeCallOptions
{
    /// <summary>
    /// When true, a call proven not placed is sent once more, with the same correlation id; never otherwise, and never
    /// a third time. False by default: the result says <see cref="CallPlacementOutcome.NotPlaced"/> and you decide.
    /// </summary>
    public bool RetryWhenProvenNotPlaced { get; set; }

    /// <summary>
    /// How long to wait after an ambiguous failure before looking the call up (2 seconds by default), so that a call
    /// the service is still creating shows in its list. Zero looks at once.
    /// </summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How far before the attempt (by this machine's clock) the lookup starts (2 minutes by default): the allowance
    /// for a difference between this clock and the service's. Wider only costs a longer list.
    /// </summary>
    public TimeSpan ClockSkewAllowance { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The correlation id to use (<c>vx-</c> and 12 lowercase hex digits, as <see cref="CallCorrelation.NewId"/> makes),
    /// so that you know it before anything is sent, even if the call is cancelled; a new one when null.
    /// </summary>
    public string? CorrelationId { get; set; }

    internal void Check()
    {
        if (CorrelationId is { } id && !CallCorrelation.IsId(id))
        {
            throw new ArgumentException($"SafeCallOptions.CorrelationId must be 'vx-' and 12 lowercase hex digits (CallCorrelation.NewId()); got '{id}'.", "options");
        }

        if (SettleDelay < TimeSpan.Zero || SettleDelay > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException("SafeCallOptions.SettleDelay must be from 0 to 5 minutes.", "options");
        }

        if (ClockSkewAllowance < TimeSpan.Zero || ClockSkewAllowance > TimeSpan.FromDays(1))
        {
            throw new ArgumentException("SafeCallOptions.ClockSkewAllowance must be from 0 to 1 day.", "options");
        }
    }
}

/// <summary>The result of a safe call: placed, proven not placed, or unknown, with the call's correlation id.</summary>
/// <typeparam name="TCall">The service's call: <see cref="Vapi.Client.VapiCall"/> or <see cref="Exotel.VSip.ExotelCall"/>.</typeparam>
public sealed class CallPlacement<TCall>
    where TCall : class
{
    /// <summary>Creates a result (for tests of code that uses the safe-call methods).</summary>
    /// <param name="outcome">Placed, not placed or unknown.</param>
    /// <param name="correlationId">The call's correlation id.</param>
    /// <param name="call">The call, when placed.</param>
    /// <param name="attempts">How many times the request was sent.</param>
    /// <param name="error">The ambiguous failure, when there was one.</param>
    /// <param name="message">What happened, and what to do.</param>
    public CallPlacement(CallPlacementOutcome outcome, string correlationId, TCall? call, int attempts, Exception? error, string message)
    {
        Outcome = outcome;
        CorrelationId = correlationId;
        Call = call;
        Attempts = attempts;
        Error = error;
        Message = message;
    }

    /// <summary>Placed, proven not placed, or unknown.</summary>
    public CallPlacementOutcome Outcome { get; }

    /// <summary>The client-generated id (<c>vx-</c> and 12 hex digits) carried by the call; see <see cref="CallCorrelation"/>.</summary>
    public string CorrelationId { get; }

    /// <summary>The call, when <see cref="Outcome"/> is <see cref="CallPlacementOutcome.Placed"/>; otherwise null.</summary>
    public TCall? Call { get; }

    /// <summary>How many create requests were sent: 1, or 2 when a call proven not placed was sent again.</summary>
    public int Attempts { get; }

    /// <summary>The ambiguous failure of the last create request, when there was one (its outcome was unknown).</summary>
    public Exception? Error { get; }

    /// <summary>What happened and, unless placed, what to do.</summary>
    public string Message { get; }

    /// <summary>True when <see cref="Outcome"/> is <see cref="CallPlacementOutcome.Placed"/>.</summary>
    public bool IsPlaced => Outcome == CallPlacementOutcome.Placed;

    /// <inheritdoc />
    public override string ToString() => $"{Outcome} {CorrelationId} (attempts: {Attempts}): {Message}";
}

/// <summary>
/// The correlation id that every safe call carries: <c>vx-</c> and 12 lowercase hex digits. In Vapi it ends the call's
/// <c>name</c> (<c>"{name} [vx-…]"</c>, the name shortened with <c>…</c> to fit 40 characters; the bare id without a
/// name). In Exotel it ends the <c>CustomField</c> (<c>"{your value} [vx-…]"</c>; the bare id without one), which the
/// status callback echoes: read it back with <see cref="Find"/> and <see cref="Strip"/>.
/// </summary>
public static partial class CallCorrelation
{
    /// <summary>The longest <c>CustomField</c> of your own that fits beside the id (Exotel's limit is 128).</summary>
    public const int MaxCustomFieldLength = 128 - TagLength;

    private const int VapiNameMaxLength = 40;
    private const int TagLength = 18;   // " [vx-" + 12 + "]"

    /// <summary>A new correlation id: <c>vx-</c> and 12 random lowercase hex digits.</summary>
    /// <returns>The id.</returns>
    public static string NewId() => "vx-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();

    /// <summary>The correlation id in a call's name or <c>CustomField</c>, or null when there is none.</summary>
    /// <param name="text">The name or <c>CustomField</c>.</param>
    /// <returns>The id, or null.</returns>
    public static string? Find(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = Tag().Match(text);
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>Your own part of a call's name or <c>CustomField</c>, without the correlation id; null when nothing else was there.</summary>
    /// <param name="text">The name or <c>CustomField</c>.</param>
    /// <returns>Your value, or null.</returns>
    public static string? Strip(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var stripped = Tag().Replace(text, string.Empty, 1);
        return stripped.Length == 0 ? null : stripped;
    }

    /// <summary>True when <paramref name="text"/> is a correlation id.</summary>
    internal static bool IsId(string text) => Id().IsMatch(text);

    // A value copied from an earlier call may still end with that call's tag: it is dropped, so that the one id a call
    // carries is its own (a lookup for the new id must never be fooled by the old one).
    private static string? Untagged(string? value)
    {
        while (value is not null && Find(value) is not null)
        {
            value = Strip(value);
        }

        return value;
    }

    internal static string VapiName(string? name, string id)
    {
        name = Untagged(name);
        if (string.IsNullOrEmpty(name))
        {
            return id;
        }

        var room = VapiNameMaxLength - TagLength;
        if (name.Length > room)
        {
            var cut = room - 1;
            if (char.IsHighSurrogate(name[cut - 1]))
            {
                cut--;
            }

            name = string.Concat(name.AsSpan(0, cut), "…");
        }

        return $"{name} [{id}]";
    }

    internal static string CustomField(string? value, string id)
    {
        value = Untagged(value);
        if (string.IsNullOrEmpty(value))
        {
            return id;
        }

        return value.Length <= MaxCustomFieldLength
            ? $"{value} [{id}]"
            : throw new ArgumentException(
                $"request.CustomField must be at most {MaxCustomFieldLength} characters for a safe call: the correlation id takes the rest of Exotel's 128; got {value.Length}.",
                "request");
    }

    // Only at the end: the whole value is the id, or it ends with " [id]" (an id inside a value is not a tag).
    [GeneratedRegex(@"^(?<id>vx-[0-9a-f]{12})$|(?: \[)(?<id>vx-[0-9a-f]{12})\]$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^vx-[0-9a-f]{12}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Id();
}
