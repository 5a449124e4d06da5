namespace VapiExotel.Integration;

/// <summary>
/// One conversation as the two services name it: its Exotel call SID, its Vapi call id, or both. A call followed by
/// both ends when both sides have ended.
/// </summary>
public sealed record CallReference
{
    /// <summary>Creates a reference; give at least one of the two.</summary>
    /// <param name="exotelCallSid">The Exotel call SID, or null.</param>
    /// <param name="vapiCallId">The Vapi call id, or null.</param>
    /// <exception cref="ArgumentException">Neither is given, or one is blank.</exception>
    public CallReference(string? exotelCallSid, string? vapiCallId)
    {
        if (exotelCallSid is null && vapiCallId is null)
        {
            throw new ArgumentException("Give an Exotel call SID, a Vapi call id, or both.", nameof(exotelCallSid));
        }

        if (exotelCallSid is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(exotelCallSid);
        }

        if (vapiCallId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(vapiCallId);
        }

        ExotelCallSid = exotelCallSid?.Trim();
        VapiCallId = vapiCallId?.Trim();
    }

    /// <summary>The Exotel call SID, when the call is followed on Exotel.</summary>
    public string? ExotelCallSid { get; }

    /// <summary>The Vapi call id, when the call is followed on Vapi.</summary>
    public string? VapiCallId { get; }

    /// <summary>A call followed on Exotel only.</summary>
    /// <param name="callSid">The call SID.</param>
    /// <returns>The reference.</returns>
    public static CallReference ForExotel(string callSid) => new(callSid, null);

    /// <summary>A call followed on Vapi only.</summary>
    /// <param name="callId">The call id.</param>
    /// <returns>The reference.</returns>
    public static CallReference ForVapi(string callId) => new(null, callId);
}
