using System.Globalization;
using System.Text.RegularExpressions;

namespace VapiExotel.Shared;

/// <summary>The one definition of an IPv4 literal, a host name and an E.164 number, shared by every package.</summary>
internal static partial class AddressRules
{
    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex E164Pattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HostNamePattern();

    /// <summary>'+', a country code that does not start with 0, and 7 to 15 digits in all.</summary>
    public static bool IsE164(string value) => E164Pattern().IsMatch(value);

    /// <summary>A strict dotted-quad IPv4 literal: four decimal parts 0–255, no leading zeros (IPAddress.Parse accepts "1" and "010").</summary>
    public static bool IsIPv4(string value)
    {
        var parts = value.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit)
                || int.Parse(part, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A DNS host name (letters, digits, hyphens, dots), not an all-numeric string that only looks like an address.</summary>
    public static bool IsHostName(string value) => HostNamePattern().IsMatch(value) && !value.All(c => char.IsAsciiDigit(c) || c == '.');
}
