namespace Vapi.Client;

/// <summary>Where a Vapi organisation is hosted. The region sets both the API host and the SIP domain, which must match.</summary>
public enum VapiRegion
{
    /// <summary>The United States: <c>https://api.vapi.ai</c> and <c>sip.vapi.ai</c>. The default.</summary>
    US = 0,

    /// <summary>The European Union: <c>https://api.eu.vapi.ai</c> and <c>sip.eu.vapi.ai</c>.</summary>
    EU = 1,
}
