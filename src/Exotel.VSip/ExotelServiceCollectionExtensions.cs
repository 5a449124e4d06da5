using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VapiExotel.Shared;
using VapiExotel.Shared.Http;

namespace Exotel.VSip;

/// <summary>Registers <see cref="ExotelClient"/> with dependency injection.</summary>
public static class ExotelServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ExotelClient"/>, configured in code; the options are validated when the host starts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddExotelVSip(this IServiceCollection services, Action<ExotelClientOptions> configure) =>
        Register(services, b => b.Configure(Guard.NotNull(configure, nameof(configure))));

    /// <summary>
    /// Registers <see cref="ExotelClient"/>, bound to a configuration section such as <c>Exotel</c>
    /// (<c>AccountSid</c>, <c>ApiKey</c>, <c>ApiToken</c>, <c>Region</c>, <c>BaseAddress</c>, <c>Resilience:AttemptTimeout</c>…).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding the options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddExotelVSip(this IServiceCollection services, IConfiguration configuration) =>
        Register(services, b => b.Bind(Guard.NotNull(configuration, nameof(configuration))));

    /// <summary>Registers <see cref="ExotelClient"/>, bound to the configuration section at <paramref name="configSectionPath"/> (for example <c>Exotel</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configSectionPath">The section's path.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddExotelVSip(this IServiceCollection services, string configSectionPath) =>
        Register(services, b => b.BindConfiguration(Guard.NotEmpty(configSectionPath, nameof(configSectionPath))));

    private static IHttpClientBuilder Register(IServiceCollection services, Action<OptionsBuilder<ExotelClientOptions>> bind) =>
        ClientRegistration.Add<ExotelClient, ExotelClientOptions, ExotelClientOptionsValidator>(
            services, bind, ExotelClient.HttpClientName, static options => options.Resilience, ExotelClient.RateLimitScope, static (http, options, logging) => new ExotelClient(http, options, logging));
}
