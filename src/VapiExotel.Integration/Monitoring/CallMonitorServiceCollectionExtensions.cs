using Exotel.VSip;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Vapi.Client;

namespace VapiExotel.Integration;

/// <summary>Registers the <see cref="CallMonitor"/>.</summary>
public static class CallMonitorServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="CallMonitor"/> for the app (a singleton), polling through the registered
    /// <see cref="ExotelClient"/> and <see cref="VapiClient"/> (register them too, for example with <c>AddVapiExotel</c>),
    /// each poll in a scope of its own.
    /// Safe to call more than once.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddVapiExotelCallMonitor(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new CallMonitor(
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<CallMonitor>>()));
        return services;
    }
}
