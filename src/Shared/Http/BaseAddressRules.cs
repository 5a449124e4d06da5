using System.Net;

namespace VapiExotel.Shared.Http;

/// <summary>
/// The one rule for a configurable service address: https, or plain http only on a loopback address (a local
/// sandbox), never credentials in the URL. TLS verification is never switched off anywhere in the SDK.
/// </summary>
internal static class BaseAddressRules
{
    /// <summary>Returns <see langword="null"/> when <paramref name="address"/> is acceptable, otherwise why not.</summary>
    public static string? Check(Uri address, string settingName)
    {
        if (!address.IsAbsoluteUri)
        {
            return $"{settingName} must be an absolute URL such as https://host/.";
        }

        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            return $"{settingName} must not carry credentials in the URL; they are sent only in the Authorization header.";
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            return $"{settingName} must not have a query or a fragment.";
        }

        if (address.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (address.Scheme == Uri.UriSchemeHttp)
        {
            return IsLoopback(address)
                ? null
                : $"{settingName} uses plain http, which is accepted only for a loopback address (127.0.0.1, ::1, localhost); use https.";
        }

        return $"{settingName} must use https (or http on a loopback address); got scheme '{address.Scheme}'.";
    }

    public static bool IsLoopback(Uri address) =>
        address.IsLoopback
        || string.Equals(address.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(address.IdnHost, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Ensures the address ends with '/', so that relative paths resolve beneath it.</summary>
    public static Uri WithTrailingSlash(Uri address) =>
        address.AbsolutePath.EndsWith('/') ? address : new Uri(address.GetLeftPart(UriPartial.Path) + "/");
}
