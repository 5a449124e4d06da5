using Microsoft.Extensions.Options;
using VapiExotel.Shared.Http;

namespace Vapi.Client;

/// <summary>
/// Settings for <see cref="VapiClient"/>. Bind them from configuration (for example the <c>Vapi</c> section) or set
/// them in code; they are validated at start-up, and <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class VapiClientOptions
{
    /// <summary>The organisation's <b>private</b> API key, sent as a bearer token. Required; a secret.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Where the organisation is hosted. Default <see cref="VapiRegion.US"/>.</summary>
    public VapiRegion Region { get; set; } = VapiRegion.US;

    /// <summary>
    /// Overrides the region's API host, for a proxy or a local sandbox. Must be https, or plain http on a loopback
    /// address; must not carry credentials. The SIP domain still follows <see cref="Region"/>.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Timeouts applied to every request.</summary>
    public VapiResilienceOptions Resilience { get; set; } = new();

    /// <summary>The address requests go to: <see cref="BaseAddress"/> when set, otherwise the region's API host.</summary>
    public Uri GetEffectiveBaseAddress() => BaseAddress ?? (Region == VapiRegion.EU ? new Uri("https://api.eu.vapi.ai/") : new Uri("https://api.vapi.ai/"));

    /// <summary>The region's SIP domain: <c>sip.vapi.ai</c> or <c>sip.eu.vapi.ai</c>.</summary>
    public string GetSipDomain() => Region == VapiRegion.EU ? "sip.eu.vapi.ai" : "sip.vapi.ai";

    /// <summary>Describes the options with the key masked.</summary>
    public override string ToString() =>
        $"VapiClientOptions {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : SecretRedactor.Mask)}, Region = {Region}, BaseAddress = {Describe(BaseAddress)} }}";

    // Scheme, host, port and path only: a user-info part could hold credentials.
    private static string Describe(Uri? address) =>
        address is null ? "(region default)" : address.IsAbsoluteUri ? address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(relative)";

    internal VapiClientOptions Clone()
    {
        var copy = (VapiClientOptions)MemberwiseClone();
        copy.Resilience = (Resilience ?? new VapiResilienceOptions()).Clone();
        return copy;
    }
}

/// <summary>Validates <see cref="VapiClientOptions"/>; every message names the setting and the rule, never the key.</summary>
internal sealed class VapiClientOptionsValidator : IValidateOptions<VapiClientOptions>
{
    private const string Prefix = nameof(VapiClientOptions);

    public ValidateOptionsResult Validate(string? name, VapiClientOptions options)
    {
        var failures = GetFailures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static IEnumerable<string> GetFailures(VapiClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            yield return $"{Prefix}.ApiKey is required (the organisation's private API key, from the dashboard's API Keys page).";
        }
        else if (options.ApiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            yield return $"{Prefix}.ApiKey must not contain white space or control characters (check for a stray line break).";
        }

        if (!Enum.IsDefined(options.Region))
        {
            yield return $"{Prefix}.Region must be US or EU; got {(int)options.Region}. Use BaseAddress for any other host.";
        }

        if (options.BaseAddress is not null && BaseAddressRules.Check(options.BaseAddress, $"{Prefix}.BaseAddress") is { } problem)
        {
            yield return problem;
        }

        if (options.Resilience is null)
        {
            yield return $"{Prefix}.Resilience is required.";
        }
        else
        {
            foreach (var failure in options.Resilience.Validate($"{Prefix}.Resilience"))
            {
                yield return failure;
            }
        }
    }
}
