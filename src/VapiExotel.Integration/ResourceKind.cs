namespace VapiExotel.Integration;

/// <summary>The kinds of thing the integration reads, creates, checks and removes.</summary>
public enum ResourceKind
{
    /// <summary>The Exotel vSIP trunk.</summary>
    ExotelTrunk,

    /// <summary>An address whitelisted on the trunk (one of Vapi's signalling addresses).</summary>
    ExotelWhitelistedIp,

    /// <summary>The trunk's destination URI, pointing at Vapi.</summary>
    ExotelDestination,

    /// <summary>An ExoPhone mapped to the trunk.</summary>
    ExotelNumberMapping,

    /// <summary>
    /// The integration's SIP digest credential on the trunk, paired with the Vapi credential's
    /// <c>outboundAuthenticationPlan</c> (only with <see cref="TrunkOptions.DigestAuthentication"/>).
    /// </summary>
    ExotelTrunkCredential,

    /// <summary>The Exotel gateway's IPv4 address, resolved from its host name (nothing is created).</summary>
    GatewayAddress,

    /// <summary>The Vapi BYO SIP trunk credential for Exotel's gateway.</summary>
    VapiCredential,

    /// <summary>A Vapi BYO phone number, bound to its assistant.</summary>
    VapiPhoneNumber,

    /// <summary>A Vapi assistant (read only: the integration never creates or removes one).</summary>
    VapiAssistant,
}
