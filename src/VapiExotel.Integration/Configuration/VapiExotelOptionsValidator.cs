using System.Globalization;
using System.Text.RegularExpressions;
using Exotel.VSip;
using Microsoft.Extensions.Options;
using VapiExotel.Integration.PhoneNumbers;
using VapiExotel.Shared;

namespace VapiExotel.Integration;

/// <summary>
/// The offline checks of <see cref="VapiExotelOptions"/>: every problem, each naming its configuration key and the
/// rule, so that one start-up error lists all there is to fix. The Exotel and Vapi client settings are also checked
/// by their own packages.
/// </summary>
internal sealed partial class VapiExotelOptionsValidator : IValidateOptions<VapiExotelOptions>
{
    private const string Prefix = VapiExotelOptions.SectionName;

    [GeneratedRegex("^[A-Za-z0-9_]{1,16}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrunkName();

    [GeneratedRegex(@"^(?:sip:)?(?<user>[A-Za-z0-9._~+-]{1,64})@(?<domain>[A-Za-z0-9.-]+)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SipAddress();

    public ValidateOptionsResult Validate(string? name, VapiExotelOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IEnumerable<string> Problems(VapiExotelOptions options)
    {
        if (options.Exotel is null || options.Vapi is null || options.Trunk is null || options.Gateway is null)
        {
            yield return $"{Prefix}: Exotel, Vapi, Trunk and Gateway must not be null.";
            yield break;
        }

        foreach (var (key, value) in new[]
                 {
                     ("Exotel:AccountSid", options.Exotel.AccountSid), ("Exotel:ApiKey", options.Exotel.ApiKey),
                     ("Exotel:ApiToken", options.Exotel.ApiToken), ("Vapi:ApiKey", options.Vapi.ApiKey),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{Prefix}:{key} is required.";
            }
        }

        if (options.Trunk.Sid is { } sid && string.IsNullOrWhiteSpace(sid))
        {
            yield return $"{Prefix}:Trunk:Sid must not be blank; leave it unset to find the trunk by name.";
        }

        if (string.IsNullOrWhiteSpace(options.Trunk.Sid) && !TrunkName().IsMatch(options.Trunk.GetName()))
        {
            yield return $"{Prefix}:Trunk:Name must be 1 to 16 letters, digits or '_' (Exotel's rule); got '{options.Trunk.Name}'.";
        }

        if (options.Trunk.Transport is not (SipTransport.Tcp or SipTransport.Tls))
        {
            yield return $"{Prefix}:Trunk:Transport must be tcp or tls: Exotel's SIP edge speaks nothing else; got '{options.Trunk.Transport}'.";
        }

        var host = options.Gateway.Host;
        if (string.IsNullOrWhiteSpace(host) || !(AddressRules.IsIPv4(host) || AddressRules.IsHostName(host)))
        {
            yield return $"{Prefix}:Gateway:Host must be an IPv4 address or a host name; got '{host}'.";
        }

        if (options.Gateway.Port is { } port && port is < 1 or > 65535)
        {
            yield return $"{Prefix}:Gateway:Port must be 1 to 65535; got {port.ToString(CultureInfo.InvariantCulture)}.";
        }

        for (var i = 0; i < (options.VapiSignallingIps?.Count ?? 0); i++)
        {
            if (options.VapiSignallingIps![i] is not { } ip || !AddressRules.IsIPv4(ip))
            {
                yield return $"{Prefix}:VapiSignallingIps:{i.ToString(CultureInfo.InvariantCulture)} must be an IPv4 address; got '{options.VapiSignallingIps[i]}'.";
            }
        }

        var credentialName = options.GetCredentialName();
        if (credentialName.Length > 40 || string.IsNullOrWhiteSpace(credentialName))
        {
            yield return $"{Prefix}:CredentialName must be 1 to 40 characters (Vapi's limit); got {credentialName.Length.ToString(CultureInfo.InvariantCulture)}.";
        }

        if (options.TestCallNumber is { } testNumber && !string.IsNullOrWhiteSpace(testNumber)   // blank means unset
            && !PhoneNumber.TryParse(testNumber, out _, out var testReason))
        {
            yield return $"{Prefix}:TestCallNumber must be a phone number (E.164, such as +919876543210, or an Indian form such as 09876543210); got '{testNumber}': {testReason}";
        }

        if (options.MaxConcurrency is < 1 or > 32)
        {
            yield return $"{Prefix}:MaxConcurrency must be 1 to 32; got {options.MaxConcurrency.ToString(CultureInfo.InvariantCulture)}.";
        }

        foreach (var problem in NumberProblems(options))
        {
            yield return problem;
        }
    }

    /// <summary>The host Exotel dials for a Vapi SIP address: <c>sip:name@sip.vapi.ai</c> → <c>name.sip.vapi.ai</c>.</summary>
    public static string SipHost(string sipUri)
    {
        var match = SipAddress().Match(sipUri);
        return match.Success ? $"{match.Groups["user"].Value}.{match.Groups["domain"].Value}".ToLowerInvariant() : sipUri;
    }

    private static IEnumerable<string> NumberProblems(VapiExotelOptions options)
    {
        var bindings = options.GetNumberBindings();
        if (bindings.Count == 0)
        {
            yield return $"{Prefix}:Numbers needs at least one binding of PhoneNumber and AssistantId (or set {Prefix}:PhoneNumber and AssistantId).";
            yield break;
        }

        var sipDomain = options.Vapi.GetSipDomain();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? sharedHost = null;
        for (var i = 0; i < bindings.Count; i++)
        {
            var binding = bindings[i];
            var key = i < (options.Numbers?.Count ?? 0) ? $"{Prefix}:Numbers:{i.ToString(CultureInfo.InvariantCulture)}:" : $"{Prefix}:";
            // Any accepted form (E.164, or an Indian form such as 08047490924); the integrator works with its E.164.
            if (!PhoneNumber.TryParse(binding.PhoneNumber, out var number, out var reason))
            {
                yield return $"{key}PhoneNumber must be a phone number (E.164, such as +918047490924, or an Indian form such as 08047490924); got '{binding.PhoneNumber}': {reason}";
            }
            else if (!seen.Add(number.E164))
            {
                yield return $"{key}PhoneNumber {number.E164} is bound twice; a number can have only one assistant.";
            }

            if (string.IsNullOrWhiteSpace(binding.AssistantId))
            {
                yield return $"{key}AssistantId is required: the Vapi assistant that answers {binding.PhoneNumber}.";
            }

            // Every number on the trunk shares its destinations, so the bindings must agree on one.
            string host;
            if (string.IsNullOrEmpty(binding.SipUri))
            {
                host = string.Empty;
            }
            else if (SipAddress().Match(binding.SipUri) is not { Success: true } sip)
            {
                yield return $"{key}SipUri must be the assistant's Vapi SIP address, name@{sipDomain}; got '{binding.SipUri}'.";
                continue;
            }
            else if (!string.Equals(sip.Groups["domain"].Value, sipDomain, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{key}SipUri is on {sip.Groups["domain"].Value}, but {Prefix}:Vapi:Region is {options.Vapi.Region}, whose SIP domain is {sipDomain}: "
                             + "the API region and the SIP host must match.";
                continue;
            }
            else if (!AddressRules.IsHostName(host = SipHost(binding.SipUri)))
            {
                yield return $"{key}SipUri's user part must make a host name ({host}): letters, digits and '-' only, because Exotel dials it as a host.";
                continue;
            }

            sharedHost ??= host;
            if (!string.Equals(host, sharedHost, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{key}SipUri differs from another number's: a trunk sends every call to the same destination, so all numbers must share one SipUri, "
                             + "or (better) none, so that the destination is the Vapi credential's host and Vapi routes each call by the number dialled.";
            }
        }
    }
}
