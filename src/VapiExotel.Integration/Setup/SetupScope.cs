namespace VapiExotel.Integration;

/// <summary>Which direction a setup or plan covers.</summary>
public enum SetupScope
{
    /// <summary>Both directions.</summary>
    All,

    /// <summary>
    /// Inbound only (PSTN → Exotel → Vapi), the Exotel side: the trunk, Vapi's signalling addresses whitelisted on it,
    /// its destination URI and the number mappings.
    /// </summary>
    Inbound,

    /// <summary>
    /// Outbound only (Vapi → Exotel → PSTN), the Vapi side: the BYO SIP trunk credential for Exotel's gateway and a BYO
    /// phone number per ExoPhone, bound to its assistant.
    /// </summary>
    Outbound,
}
