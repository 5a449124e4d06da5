using System.Text.RegularExpressions;
using VapiExotel.Shared;

namespace Exotel.VSip.Internal;

/// <summary>
/// Exotel's documented hard limits, checked before anything is sent so that a mistake costs no request and the error
/// names the field and the rule.
/// </summary>
internal static partial class ExotelRules
{
    public const int TrunkNameMaxLength = 16;
    public const int FriendlyNameMaxLength = 32;
    public const int CustomFieldMaxLength = 128;
    public const int TimeLimitMaxSeconds = 14400;
    public const int MinMask = 16;
    public const int MaxMask = 32;

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SafeIdentifier();

    [GeneratedRegex("^[A-Za-z0-9_]{1,16}$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TrunkNamePattern();

    // The Voice API also takes national numbers: a landline with its STD code (080XXXX2400) or a mobile.
    [GeneratedRegex(@"^(\+[1-9][0-9]{6,14}|[0-9]{6,15})$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DialablePattern();

    public static bool IsSafeIdentifier(string value) => SafeIdentifier().IsMatch(value);

    public static bool IsE164(string value) => AddressRules.IsE164(value);

    public static bool IsIPv4(string value) => AddressRules.IsIPv4(value);

    public static bool IsHostName(string value) => AddressRules.IsHostName(value);

    public static string TrunkName(string? value, string name)
    {
        Guard.NotEmpty(value, name);
        return TrunkNamePattern().IsMatch(value)
            ? value
            : throw new ArgumentException(
                $"{name} must be 1 to {TrunkNameMaxLength} characters of letters, digits and '_' (Exotel's rule: no spaces or hyphens); got {value.Length} characters.",
                name);
    }

    public static string E164(string? value, string name)
    {
        Guard.NotEmpty(value, name);
        return IsE164(value)
            ? value
            : throw new ArgumentException($"{name} must be an E.164 number: '+', the country code and the number, digits only (for example +919876543210).", name);
    }

    public static string Dialable(string? value, string name)
    {
        Guard.NotEmpty(value, name);
        return DialablePattern().IsMatch(value)
            ? value
            : throw new ArgumentException(
                $"{name} must be a phone number in E.164 (+919876543210) or national form (09876543210, 08047490924): digits only, 6 to 15 of them.",
                name);
    }

    public static string IPv4(string? value, string name)
    {
        Guard.NotEmpty(value, name);
        return IsIPv4(value)
            ? value
            : throw new ArgumentException($"{name} must be an IPv4 address in dotted-quad form (for example 44.229.228.186); host names and IPv6 are not accepted.", name);
    }

    public static int Mask(int value, string name) => Guard.InRange(value, MinMask, MaxMask, name);

    public static string? FriendlyName(string? value, string name) =>
        value is null ? null : Guard.MaxLength(value, FriendlyNameMaxLength, name);
}
