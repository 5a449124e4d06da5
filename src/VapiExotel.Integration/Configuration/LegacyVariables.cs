using System.Collections.Frozen;
using System.Collections;
using Microsoft.Extensions.Configuration;

namespace VapiExotel.Integration;

/// <summary>
/// Reads the original Python scripts' environment variables (<c>EXO_AUTH_KEY</c>, <c>VAPI_PRIVATE_KEY</c>,
/// <c>PHONE_NUMBER</c>…) as <c>VapiExotel</c> settings, so that a move from the scripts needs no renaming. Add it
/// before the sources that should win over it.
/// </summary>
public static class LegacyVariables
{
    /// <summary>Each original variable and the <c>VapiExotel</c> key it sets.</summary>
    public static IReadOnlyDictionary<string, string> Map { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["EXO_AUTH_KEY"] = "Exotel:ApiKey",
        ["EXO_AUTH_TOKEN"] = "Exotel:ApiToken",
        ["EXO_ACCOUNT_SID"] = "Exotel:AccountSid",
        ["EXO_SUBSCRIBIX_DOMAIN"] = "Exotel:Region or Exotel:BaseAddress",
        ["VAPI_PRIVATE_KEY"] = "Vapi:ApiKey",
        ["VAPI_ASSISTANT_ID"] = "AssistantId",
        ["PHONE_NUMBER"] = "PhoneNumber",
        ["VAPI_FQDN"] = "SipUri",
        ["EXOTEL_GATEWAY_IP"] = "Gateway:Host",
        ["EXOTEL_GATEWAY_PORT"] = "Gateway:Port",
        ["TRANSPORT_TYPE"] = "Trunk:Transport",
        ["EXOTEL_TRUNK_SID"] = "Trunk:Sid",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Adds the original scripts' environment variables as <c>VapiExotel</c> settings.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="variables">The variables to read; the process environment when null.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddVapiExotelLegacyVariables(this IConfigurationBuilder builder, IDictionary<string, string?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var source = variables ?? Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        return builder.AddInMemoryCollection(Translate(source));
    }

    /// <summary>The <c>VapiExotel</c> settings the variables stand for.</summary>
    internal static Dictionary<string, string?> Translate(IDictionary<string, string?> variables)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in Map)
        {
            if (!variables.TryGetValue(variable, out var value) || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            value = value.Trim();
            if (variable == "EXO_SUBSCRIBIX_DOMAIN")
            {
                // The scripts took a bare host; the two documented ones are regions, anything else an explicit address.
                switch (value.ToLowerInvariant())
                {
                    case "api.in.exotel.com":
                        settings[$"{VapiExotelOptions.SectionName}:Exotel:Region"] = "Mumbai";
                        break;
                    case "api.exotel.com":
                        settings[$"{VapiExotelOptions.SectionName}:Exotel:Region"] = "Singapore";
                        break;
                    default:
                        settings[$"{VapiExotelOptions.SectionName}:Exotel:BaseAddress"] = value.Contains("://", StringComparison.Ordinal) ? value : $"https://{value}/";
                        break;
                }

                continue;
            }

            settings[$"{VapiExotelOptions.SectionName}:{key}"] = variable == "TRANSPORT_TYPE" ? value.ToLowerInvariant() : value;
        }

        return settings;
    }
}
