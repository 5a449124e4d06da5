using Exotel.VSip;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vapi.Client;

namespace VapiExotel.Integration;

/// <summary>Registers the integration: both clients, their options (validated at start-up) and <see cref="IVapiExotelIntegrator"/>.</summary>
public static class VapiExotelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the integration bound to configuration: the <c>VapiExotel</c> section of <paramref name="configuration"/>
    /// (or <paramref name="configuration"/> itself when it is that section). The Exotel and Vapi clients bind from its
    /// <c>Exotel</c> and <c>Vapi</c> sub-sections.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration, or its <c>VapiExotel</c> section.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddVapiExotel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration is IConfigurationSection { Key: VapiExotelOptions.SectionName } own ? own : configuration.GetSection(VapiExotelOptions.SectionName);
        services.AddExotelVSip(section.GetSection("Exotel"));
        services.AddVapiClient(section.GetSection("Vapi"));
        services.AddOptions<VapiExotelOptions>().Bind(section);
        return AddCore(services);
    }

    /// <summary>Registers the integration configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, including <see cref="VapiExotelOptions.Exotel"/> and <see cref="VapiExotelOptions.Vapi"/>.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddVapiExotel(this IServiceCollection services, Action<VapiExotelOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        // Each client's options are the very objects `configure` fills in (no copying): it runs once per options type.
        services.AddExotelVSip(exotel => configure(new VapiExotelOptions { Exotel = exotel }));
        services.AddVapiClient(vapi => configure(new VapiExotelOptions { Vapi = vapi }));
        services.AddOptions<VapiExotelOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<VapiExotelOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VapiExotelOptions>, VapiExotelOptionsValidator>());

        // Transient, as the typed clients it composes are; the call monitor is one per app, so that webhooks
        // (VapiExotel.AspNetCore) feed every integrator's FollowCallAsync.
        services.AddVapiExotelCallMonitor();
        services.TryAddTransient(sp => new VapiExotelIntegrator(
            sp.GetRequiredService<ExotelClient>(),
            sp.GetRequiredService<VapiClient>(),
            sp.GetRequiredService<IOptions<VapiExotelOptions>>().Value,
            sp.GetService<ILogger<VapiExotelIntegrator>>(),
            sp.GetService<TimeProvider>(),
            sp.GetRequiredService<CallMonitor>()));
        services.TryAddTransient<IVapiExotelIntegrator>(sp => sp.GetRequiredService<VapiExotelIntegrator>());
        return services;
    }
}
