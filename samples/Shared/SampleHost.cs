using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VapiExotel.Integration;

namespace VapiExotel.Samples;

/// <summary>Starts a sample's host, turning invalid settings into a plain list instead of a logged stack trace.</summary>
internal static class SampleHost
{
    /// <summary>Validates the options and starts <paramref name="host"/>; prints every invalid key and returns false when a setting is wrong.</summary>
    /// <param name="host">The built host.</param>
    /// <returns>True when the host started.</returns>
    public static async Task<bool> TryStartAsync(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            // Reading the options validates them, naming every invalid key at once. StartAsync validates them too
            // (ValidateOnStart), but logs the exception with its stack trace before this could print it plainly.
            _ = host.Services.GetRequiredService<IOptions<VapiExotelOptions>>().Value;
            await host.StartAsync();
            return true;
        }
        catch (OptionsValidationException e)
        {
            Console.WriteLine("The configuration is not valid:");
            foreach (var failure in e.Failures)
            {
                Console.WriteLine($"  - {failure}");
            }

            return false;
        }
    }
}
