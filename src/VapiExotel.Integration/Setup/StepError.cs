namespace VapiExotel.Integration;

/// <summary>Why a step failed, as the service said it, and what to do about it. Never carries a secret.</summary>
public sealed class StepError
{
    /// <summary>Creates an error.</summary>
    /// <param name="service">Which side answered: <c>Exotel</c>, <c>Vapi</c>, <c>DNS</c> or <c>Integration</c> (a rule of the integration, such as a conflict).</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="fix">What to do.</param>
    public StepError(string service, string message, string fix)
    {
        Service = service ?? throw new ArgumentNullException(nameof(service));
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Fix = fix ?? throw new ArgumentNullException(nameof(fix));
    }

    /// <summary>Which side: <c>Exotel</c>, <c>Vapi</c>, <c>DNS</c> or <c>Integration</c>.</summary>
    public string Service { get; }

    /// <summary>What went wrong (the service's safe message).</summary>
    public string Message { get; }

    /// <summary>What to do next.</summary>
    public string Fix { get; }

    /// <summary>The HTTP status, when the service answered (0 when no answer came).</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The service's own error code (Exotel's <c>1008</c>, Vapi's <c>Bad Request</c>), when it gave one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The service's request id, to quote to its support.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// True when a creating request may have taken effect although no answer came (a timeout or a dropped
    /// connection). A rerun is still safe: setup looks for what exists before it creates anything.
    /// </summary>
    public bool IsOutcomeUnknown { get; init; }

    /// <summary>True when the failure is a conflict with something the integration does not own (a number on another trunk, two trunks of one name).</summary>
    public bool IsConflict { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Service}: {Message} Fix: {Fix}";
}
