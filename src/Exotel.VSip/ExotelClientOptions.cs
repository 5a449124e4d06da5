using Microsoft.Extensions.Options;
using VapiExotel.Shared.Http;

namespace Exotel.VSip;

/// <summary>
/// Settings for <see cref="ExotelClient"/>. Bind them from configuration (for example the <c>Exotel</c> section) or
/// set them in code; they are validated at start-up, and <see cref="ToString"/> never shows the key or the token.
/// </summary>
public sealed class ExotelClientOptions
{
    /// <summary>The Exotel account SID (for example <c>ameyo5m</c>). Required.</summary>
    public string AccountSid { get; set; } = string.Empty;

    /// <summary>The API key: the user name of HTTP Basic authentication. Required; a secret.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The API token: the password of HTTP Basic authentication. Required; a secret.</summary>
    public string ApiToken { get; set; } = string.Empty;

    /// <summary>The cluster that holds the account. Default <see cref="ExotelRegion.Mumbai"/>.</summary>
    public ExotelRegion Region { get; set; } = ExotelRegion.Mumbai;

    /// <summary>
    /// Overrides the region's host, for a proxy or a local sandbox. Must be https, or plain http on a loopback
    /// address; must not carry credentials.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Timeouts applied to every request.</summary>
    public ExotelResilienceOptions Resilience { get; set; } = new();

    /// <summary>Where DELETE requests put a resource id. Default <see cref="Exotel.VSip.DeleteIdStyle.Query"/>, as Exotel documents.</summary>
    public DeleteIdStyle DeleteIdStyle { get; set; } = DeleteIdStyle.Query;

    /// <summary>
    /// Allows adding destination URIs over UDP. Exotel's API reference accepts only <c>tls</c> and <c>tcp</c>; one old
    /// sample posted a UDP destination. Off by default, so that a UDP destination is refused before it is sent.
    /// </summary>
    public bool AllowUdpDestinations { get; set; }

    /// <summary>The address requests go to: <see cref="BaseAddress"/> when set, otherwise the region's host.</summary>
    public Uri GetEffectiveBaseAddress() => BaseAddress ?? Region switch
    {
        ExotelRegion.Singapore => new Uri("https://api.exotel.com/"),
        _ => new Uri("https://api.in.exotel.com/"),
    };

    /// <summary>Describes the options with the key and the token masked.</summary>
    public override string ToString() =>
        $"ExotelClientOptions {{ AccountSid = {AccountSid}, ApiKey = {Mask(ApiKey)}, ApiToken = {Mask(ApiToken)}, Region = {Region}, BaseAddress = {Describe(BaseAddress)} }}";

    // Scheme, host, port and path only: a user-info part could hold credentials.
    private static string Describe(Uri? address) =>
        address is null ? "(region default)" : address.IsAbsoluteUri ? address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(relative)";

    private static string Mask(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : SecretRedactor.Mask;

    internal ExotelClientOptions Clone()
    {
        var copy = (ExotelClientOptions)MemberwiseClone();
        copy.Resilience = (Resilience ?? new ExotelResilienceOptions()).Clone();
        return copy;
    }
}

/// <summary>Validates <see cref="ExotelClientOptions"/>; every message names the setting and the rule, never a secret value.</summary>
internal sealed class ExotelClientOptionsValidator : IValidateOptions<ExotelClientOptions>
{
    private const string Prefix = nameof(ExotelClientOptions);

    public ValidateOptionsResult Validate(string? name, ExotelClientOptions options)
    {
        var failures = GetFailures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static IEnumerable<string> GetFailures(ExotelClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AccountSid))
        {
            yield return $"{Prefix}.AccountSid is required (your Exotel account SID).";
        }
        else if (!Internal.ExotelRules.IsSafeIdentifier(options.AccountSid))
        {
            yield return $"{Prefix}.AccountSid may contain only letters, digits, '_' and '-'.";
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            yield return $"{Prefix}.ApiKey is required (the API key from Exotel's dashboard, API settings).";
        }

        if (string.IsNullOrWhiteSpace(options.ApiToken))
        {
            yield return $"{Prefix}.ApiToken is required (the API token from Exotel's dashboard, API settings).";
        }

        if (!Enum.IsDefined(options.Region))
        {
            yield return $"{Prefix}.Region must be Mumbai or Singapore; got {(int)options.Region}. Use BaseAddress for any other host.";
        }

        if (options.BaseAddress is not null && BaseAddressRules.Check(options.BaseAddress, $"{Prefix}.BaseAddress") is { } problem)
        {
            yield return problem;
        }

        if (!Enum.IsDefined(options.DeleteIdStyle))
        {
            yield return $"{Prefix}.DeleteIdStyle must be Query or Path.";
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
