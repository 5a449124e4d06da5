using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VapiExotel.Shared;
using VapiExotel.Shared.Http;

namespace Vapi.Client;

/// <summary>Registers <see cref="VapiClient"/> with dependency injection.</summary>
public static class VapiServiceCollectionExtensions
{
    /// <summary>Registers <see cref="VapiClient"/>, configured in code; the options are validated when the host starts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddVapiClient(this IServiceCollection services, Action<VapiClientOptions> configure)
    {
        Guard.NotNull(services, nameof(services));
        Guard.NotNull(configure, nameof(configure));
        services.AddOptions<VapiClientOptions>().Configure(configure);
        return services.AddVapiClientCore();
    }

    /// <summary>
    /// Registers <see cref="VapiClient"/>, bound to a configuration section such as <c>Vapi</c>
    /// (<c>ApiKey</c>, <c>Region</c>, <c>BaseAddress</c>, <c>Resilience:AttemptTimeout</c>…).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddVapiClient(this IServiceCollection services, IConfiguration configuration)
    {
        Guard.NotNull(services, nameof(services));
        Guard.NotNull(configuration, nameof(configuration));
        services.AddOptions<VapiClientOptions>().Bind(configuration);
        return services.AddVapiClientCore();
    }

    /// <summary>Registers <see cref="VapiClient"/>, bound to the configuration section at <paramref name="configSectionPath"/> (for example <c>Vapi</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configSectionPath">The section's path.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddVapiClient(this IServiceCollection services, string configSectionPath)
    {
        Guard.NotNull(services, nameof(services));
        Guard.NotEmpty(configSectionPath, nameof(configSectionPath));
        services.AddOptions<VapiClientOptions>().BindConfiguration(configSectionPath);
        return services.AddVapiClientCore();
    }

    private static IHttpClientBuilder AddVapiClientCore(this IServiceCollection services) =>
        ClientRegistration.Add<VapiClient, VapiClientOptions, VapiClientOptionsValidator>(
            services,
            VapiClient.HttpClientName,
            static options => options.Resilience,
            static (http, sp) => new VapiClient(http, sp.GetRequiredService<IOptions<VapiClientOptions>>().Value, sp.GetService<ILoggerFactory>()));
}
