using Vapi.Client;

namespace VapiExotel.Integration;

/// <summary>
/// The addresses Vapi's SBCs send SIP from, per region: what an Exotel trunk must whitelist for Vapi's outbound calls.
/// Versioned data, overridable with <see cref="VapiExotelOptions.VapiSignallingIps"/>.
/// </summary>
public static class VapiSignalling
{
    /// <summary>Where the lists come from, and when they were last checked.</summary>
    public const string Source = "https://docs.vapi.ai/advanced/sip/sip-networking (US: both addresses; EU: VapiAI/docs PR #1068), checked 2026-11";

    /// <summary>The US signalling addresses (<c>sip.vapi.ai</c>); Vapi may use either, so both must be whitelisted.</summary>
    public static IReadOnlyList<string> US { get; } = ["44.229.228.186", "44.238.177.138"];

    /// <summary>The EU signalling address (<c>sip.eu.vapi.ai</c>).</summary>
    public static IReadOnlyList<string> EU { get; } = ["63.182.83.170"];

    /// <summary>The signalling addresses of a region.</summary>
    /// <param name="region">The Vapi region.</param>
    /// <returns>The addresses.</returns>
    public static IReadOnlyList<string> For(VapiRegion region) => region == VapiRegion.EU ? EU : US;
}
