using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.InteropServices;

namespace VapiExotel.Shared.Http;

/// <summary>Builds the User-Agent that names the package and its version, e.g. <c>Exotel.VSip/0.1.0 (.NET 10.0.0; Linux)</c>.</summary>
internal static class UserAgent
{
    public static ProductInfoHeaderValue[] For(Assembly assembly)
    {
        var name = assembly.GetName().Name ?? "VapiExotel";
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);   // drop the source-revision suffix
        if (plus >= 0)
        {
            version = version[..plus];
        }

        var os = OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : OperatingSystem.IsLinux() ? "Linux" : "Other";
        return
        [
            new ProductInfoHeaderValue(name, version),
            new ProductInfoHeaderValue($"(.NET {Environment.Version.ToString(3)}; {os}; {RuntimeInformation.ProcessArchitecture})"),
        ];
    }
}
