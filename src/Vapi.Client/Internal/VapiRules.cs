using System.Text.RegularExpressions;
using VapiExotel.Shared;

namespace Vapi.Client.Internal;

/// <summary>
/// Vapi's documented limits, checked before anything is sent so that a mistake costs no request and the error names
/// the field and the rule.
/// </summary>
internal static partial class VapiRules
{
    public const int NameMaxLength = 40;
    public const int LongTextMaxLength = 10000;

    [GeneratedRegex(@"^\+?[A-Za-z0-9]+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LooseNumberPattern();

    [GeneratedRegex(@"^sips?:[^@\s]+@[^@\s]+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SipUriPattern();

    public static void Gateways(IEnumerable<SipTrunkGateway>? gateways, string name)
    {
        if (gateways is null)
        {
            throw new ArgumentNullException(name, $"{name} is required: at least one gateway.");
        }

        var index = 0;
        foreach (var gateway in gateways)
        {
            Gateway(gateway, $"{name}[{index}]");
            index++;
        }

        if (index == 0)
        {
            throw new ArgumentException($"{name} must contain at least one gateway.", name);
        }
    }

    public static void Gateway(SipTrunkGateway? gateway, string name)
    {
        Guard.NotNull(gateway, name);
        var ip = $"{name}.Ip";
        Guard.NotEmpty(gateway.Ip, ip);
        if (gateway.Port is { } port)
        {
            Guard.InRange(port, 1, 65535, $"{name}.Port");
        }

        if (gateway.Netmask is { } netmask)
        {
            Guard.InRange(netmask, 24, 32, $"{name}.Netmask");
        }

        if (AddressRules.IsIPv4(gateway.Ip))
        {
            return;
        }

        if (!AddressRules.IsHostName(gateway.Ip))
        {
            throw new ArgumentException($"{ip} must be an IPv4 address (such as 129.154.231.198) or, for an outbound-only gateway, a host name.", ip);
        }

        if (gateway.IsInboundEnabled)
        {
            throw new ArgumentException(
                $"{ip} is a host name, but the gateway is inbound-enabled (InboundEnabled is {(gateway.InboundEnabled is null ? "unset, and Vapi's default is true" : "true")}): " +
                "an inbound gateway needs an IPv4 address. Resolve the name first, or set InboundEnabled = false for an outbound-only gateway.",
                ip);
        }
    }

    public static string? Name(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        Guard.NotEmpty(value, name);
        return Guard.MaxLength(value, NameMaxLength, name);
    }

    public static string? MaxLength(string? value, int max, string name) => value is null ? null : Guard.MaxLength(value, max, name);

    /// <summary>A number of 3–40 characters: E.164 when the check is on (Vapi's default), otherwise letters and digits with an optional '+'.</summary>
    public static string Number(string? value, bool? e164CheckEnabled, string name)
    {
        Guard.NotEmpty(value, name);
        if (value.Length is < 3 or > 40)
        {
            throw new ArgumentException($"{name} must be 3 to 40 characters; got {value.Length}.", name);
        }

        if (e164CheckEnabled ?? true)
        {
            return AddressRules.IsE164(value)
                ? value
                : throw new ArgumentException(
                    $"{name} must be an E.164 number ('+', the country code and the number, digits only, such as +919876543210) while NumberE164CheckEnabled is on.", name);
        }

        return LooseNumberPattern().IsMatch(value)
            ? value
            : throw new ArgumentException($"{name} may contain only letters and digits, with an optional leading '+'.", name);
    }

    public static string SipUri(string? value, string name)
    {
        Guard.NotEmpty(value, name);
        return SipUriPattern().IsMatch(value)
            ? value
            : throw new ArgumentException($"{name} must be a SIP URI such as sip:user@sip.vapi.ai.", name);
    }

    public static void SipAuthentication(VapiSipAuthentication? authentication, string name)
    {
        if (authentication is null)
        {
            return;
        }

        Length(authentication.Username, 20, 40, $"{name}.Username");
        Length(authentication.Password, 20, 40, $"{name}.Password");
    }

    public static void Server(VapiServer? server, string name)
    {
        if (server is null)
        {
            return;
        }

        if (server.Url is not null && (!Uri.TryCreate(server.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException($"{name}.Url must be an absolute http or https URL.", $"{name}.Url");
        }

        if (server.TimeoutSeconds is { } timeout && !(timeout >= 1 && timeout <= 300))   // NaN fails too
        {
            throw new ArgumentOutOfRangeException($"{name}.TimeoutSeconds", timeout, $"{name}.TimeoutSeconds must be between 1 and 300.");
        }
    }

    /// <summary>A number destination carries a number and no SIP URI; a SIP destination the reverse (Vapi's two schemas).</summary>
    public static void TransferDestination(VapiTransferDestination? destination, string name)
    {
        if (destination is null)
        {
            return;
        }

        MaxLength(destination.CallerId, NameMaxLength, $"{name}.CallerId");
        switch (destination.Type)
        {
            case "number":
                Number(destination.Number, destination.NumberE164CheckEnabled, $"{name}.Number");
                MaxLength(destination.Extension, 10, $"{name}.Extension");
                if (destination.SipUri is not null)
                {
                    throw new ArgumentException($"{name}.SipUri must not be set on a \"number\" destination.", $"{name}.SipUri");
                }

                break;
            case "sip":
                SipUri(destination.SipUri, $"{name}.SipUri");
                if (destination.Number is not null || destination.Extension is not null || destination.NumberE164CheckEnabled is not null)
                {
                    throw new ArgumentException($"{name}: Number, Extension and NumberE164CheckEnabled must not be set on a \"sip\" destination.", name);
                }

                break;
            default:
                throw new ArgumentException($"{name}.Type must be \"number\" or \"sip\" (use VapiTransferDestination.ToNumber or ToSipUri).", $"{name}.Type");
        }
    }

    /// <summary>At most one of the ids that say who answers.</summary>
    public static void AtMostOne(string what, params ReadOnlySpan<(string Name, bool IsSet)> members)
    {
        var set = new List<string>();
        foreach (var (name, isSet) in members)
        {
            if (isSet)
            {
                set.Add(name);
            }
        }

        if (set.Count > 1)
        {
            throw new ArgumentException($"Set at most one of {what}; got {string.Join(" and ", set)}.", set[1]);
        }
    }

    public static void Customer(VapiCustomer? customer, string name)
    {
        Guard.NotNull(customer, name);
        if (customer.Number is null && customer.SipUri is null)
        {
            throw new ArgumentException($"{name} needs a Number or a SipUri.", name);
        }

        if (customer.Number is not null)
        {
            Number(customer.Number, customer.NumberE164CheckEnabled, $"{name}.Number");
        }

        if (customer.SipUri is not null)
        {
            SipUri(customer.SipUri, $"{name}.SipUri");
        }

        MaxLength(customer.Extension, 10, $"{name}.Extension");
        MaxLength(customer.Name, NameMaxLength, $"{name}.Name");
        MaxLength(customer.Email, NameMaxLength, $"{name}.Email");
        MaxLength(customer.ExternalId, NameMaxLength, $"{name}.ExternalId");
    }

    private static void Length(string? value, int min, int max, string name)
    {
        Guard.NotEmpty(value, name);
        if (value.Length < min || value.Length > max)
        {
            // The length, never the value: it may be a password.
            throw new ArgumentException($"{name} must be {min} to {max} characters; got {value.Length}.", name);
        }
    }
}
