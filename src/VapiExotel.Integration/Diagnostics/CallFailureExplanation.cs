namespace VapiExotel.Integration;

/// <summary>Where in the call path a failure lies, as far as its code tells.</summary>
public enum FailureSide
{
    /// <summary>Not a failure: the call went as calls go (answered and hung up, busy, no answer).</summary>
    None,

    /// <summary>The PSTN or the called party's network, beyond Exotel.</summary>
    Carrier,

    /// <summary>Exotel: the trunk, its whitelist, destination, number mapping or flow.</summary>
    Exotel,

    /// <summary>The SIP path between Exotel and Vapi: addresses, ports, transport, credentials.</summary>
    SipPath,

    /// <summary>Vapi: the assistant, the phone number, the account's limits.</summary>
    Vapi,

    /// <summary>The code is not known.</summary>
    Unknown,
}

/// <summary>What a SIP cause code, SIP response or Vapi ended reason means, and what to do about it.</summary>
/// <param name="Code">The code as given: <c>16</c>, <c>SIP 403</c>, or the ended reason.</param>
/// <param name="Name">Its standard name (<c>NORMAL_CLEARING</c>, <c>Forbidden</c>), or the ended reason itself.</param>
/// <param name="Meaning">What it means, in plain words.</param>
/// <param name="Fix">What to check or do; for a normal outcome, that nothing is wrong.</param>
/// <param name="Side">Where the failure lies.</param>
public sealed record CallFailureExplanation(string Code, string Name, string Meaning, string Fix, FailureSide Side)
{
    /// <summary>Whether the code means something went wrong (as opposed to a normal hang-up, busy or no answer).</summary>
    public bool IsFailure => Side is not FailureSide.None;

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Name}: {Meaning} Fix: {Fix}";
}
