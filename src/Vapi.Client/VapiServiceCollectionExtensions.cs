using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
    public static IHttpClientBuilder AddVapiClient(this IServiceCollection services, Action<VapiClientOptions> configure) =>
        Register(services, b => b.Configure(Guard.NotNull(configure, nameof(configure))));

    /// <summary>
    /// Registers <see cref="VapiClient"/>, bound to a configuration section such as <c>Vapi</c>
    /// (<c>ApiKey</c>, <c>Region</c>, <c>BaseAddress</c>, <c>Resilience:AttemptTimeout</c>…).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddVapiClient(this IServiceCollection services, IConfiguration configuration) =>
        Register(services, b => b.Bind(Guard.NotNull(configuration, nameof(configuration))));

    /// <summary>Registers <see cref="VapiClient"/>, bound to the configuration section at <paramref name="configSectionPath"/> (for example <c>Vapi</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configSectionPath">The section's path.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddVapiClient(this IServiceCollection services, string configSectionPath) =>
        Register(services, b => b.BindConfiguration(Guard.NotEmpty(configSectionPath, nameof(configSectionPath))));

    private static IHttpClientBuilder Register(IServiceCollection services, Action<OptionsBuilder<VapiClientOptions>> bind) =>
        ClientRegistration.Add<VapiClient, VapiClientOptions, VapiClientOptionsValidator>(
            services, bind, VapiClient.HttpClientName, static options => options.Resilience, VapiClient.RateLimitScope, static (http, options, logging) => new VapiClient(http, options, logging));
}
