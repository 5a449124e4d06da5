using Exotel.VSip;
using Vapi.Client;

namespace VapiExotel.Integration;

/// <summary>The service an event comes from.</summary>
public enum CallSide
{
    /// <summary>Exotel: the call SID, its legs and status callbacks.</summary>
    Exotel,

    /// <summary>Vapi: the call id, its status updates and end-of-call report.</summary>
    Vapi,
}

/// <summary>How the monitor learned of an event.</summary>
public enum CallEventSource
{
    /// <summary>A push: an Exotel status callback or a Vapi server message, given to <see cref="CallMonitor.Publish(ExotelStatusCallback)"/>.</summary>
    Push,

    /// <summary>A poll of the call's details, because no push arrived in time.</summary>
    Poll,
}

/// <summary>Something that happened to a followed call; see <see cref="CallStatusChanged"/>, <see cref="CallLegUpdate"/> and <see cref="CallEnded"/>.</summary>
/// <param name="Side">The service it comes from.</param>
/// <param name="Source">How the monitor learned of it.</param>
/// <param name="At">When the monitor learned of it (its clock).</param>
public abstract record CallEvent(CallSide Side, CallEventSource Source, DateTimeOffset At);

/// <summary>A side's status changed: Exotel's <c>queued</c>, <c>ringing</c>, <c>in-progress</c>, <c>completed</c>…, or Vapi's <c>queued</c>, <c>ringing</c>, <c>in-progress</c>, <c>ended</c>.</summary>
/// <param name="Side">The service.</param>
/// <param name="Source">How the monitor learned of it.</param>
/// <param name="At">When.</param>
/// <param name="Status">The new status, as the service names it.</param>
/// <param name="IsTerminal">Whether the side's call is over.</param>
public sealed record CallStatusChanged(CallSide Side, CallEventSource Source, DateTimeOffset At, string Status, bool IsTerminal) : CallEvent(Side, Source, At);

/// <summary>An Exotel leg changed (its status or how long it was on the call).</summary>
/// <param name="Source">How the monitor learned of it.</param>
/// <param name="At">When.</param>
/// <param name="Leg">The leg's number: 1 for the first party, 2 for the second.</param>
/// <param name="Status">The leg's status, when known.</param>
/// <param name="OnCallDuration">How long the leg was on the call, when known.</param>
public sealed record CallLegUpdate(CallEventSource Source, DateTimeOffset At, int Leg, ExotelCallStatus? Status, TimeSpan? OnCallDuration) : CallEvent(CallSide.Exotel, Source, At);

/// <summary>The call is over on every side followed: the last event of the stream.</summary>
/// <param name="Side">The side whose end completed the call.</param>
/// <param name="Source">How the monitor learned of it.</param>
/// <param name="At">When.</param>
/// <param name="Outcome">How the call ended, classified.</param>
public sealed record CallEnded(CallSide Side, CallEventSource Source, DateTimeOffset At, CallOutcome Outcome) : CallEvent(Side, Source, At);

/// <summary>How a call ended, on each side followed, with one verdict for both.</summary>
/// <param name="Classification">The verdict: which side refused, the code, the likely cause and its fix.</param>
/// <param name="ExotelStatus">Exotel's final status, when the call was followed there.</param>
/// <param name="VapiEndedReason">Vapi's ended reason, when the call was followed there and Vapi gave one.</param>
public sealed record CallOutcome(CallFailureClassification Classification, ExotelCallStatus? ExotelStatus, VapiEndedReason? VapiEndedReason)
{
    /// <summary>Whether the call failed (busy and no answer are not failures of the setup).</summary>
    public bool IsFailure => Classification.IsFailure;
}
