namespace VapiExotel.Integration.Tests.Configuration;

/// <summary>A complete, valid <c>VapiExotel</c> configuration as flat keys, to change one setting at a time.</summary>
internal static class TestSettings
{
    public static Dictionary<string, string?> Valid() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["VapiExotel:Exotel:AccountSid"] = "acme1",
        ["VapiExotel:Exotel:ApiKey"] = "exotel-key-1234",
        ["VapiExotel:Exotel:ApiToken"] = "exotel-token-5678",
        ["VapiExotel:Vapi:ApiKey"] = "vapi-key-abcd",
        ["VapiExotel:Trunk:Name"] = "vx_trunk",
        ["VapiExotel:Numbers:0:PhoneNumber"] = "+918047490924",
        ["VapiExotel:Numbers:0:AssistantId"] = "asst-1",
        ["VapiExotel:Numbers:0:SipUri"] = "front-desk@sip.vapi.ai",
    };
}
