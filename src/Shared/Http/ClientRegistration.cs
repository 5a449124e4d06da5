using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VapiExotel.Shared.Http;

/// <summary>
/// The one way a package registers its typed client: options validated at start-up, a resilience pipeline per client
/// name, an <see cref="HttpClient"/> whose timeouts the pipeline owns, and header redaction in the factory's logs.
/// </summary>
internal static class ClientRegistration
{
    // Headers IHttpClientFactory may log in clear; every other value (Authorization, cookies…) is redacted.
    private static readonly HashSet<string> LoggedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept", "Content-Type", "Content-Length", "Date", "Retry-After", "Server", "User-Agent", "X-Request-Id", "CF-Ray", "traceparent",
    };

    /// <summary>Binds the options with <paramref name="bind"/>, validates them at start-up, and registers the client with its pipeline.</summary>
    public static IHttpClientBuilder Add<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(
        IServiceCollection services,
        Action<OptionsBuilder<TOptions>> bind,
        string httpClientName,
        Func<TOptions, ResilienceOptions> resilience,
        Func<TOptions, string> rateLimitScope,
        Func<HttpClient, TOptions, ILoggerFactory?, TClient> create)
        where TClient : class
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        Guard.NotNull(services, nameof(services));
        bind(services.AddOptions<TOptions>());
        return AddCore<TClient, TOptions, TValidator>(
            services, httpClientName, resilience, rateLimitScope,
            (http, sp) => create(http, sp.GetRequiredService<IOptions<TOptions>>().Value, sp.GetService<ILoggerFactory>()));
    }

    private static IHttpClientBuilder AddCore<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(
        IServiceCollection services,
        string httpClientName,
        Func<TOptions, ResilienceOptions> resilience,
        Func<TOptions, string> rateLimitScope,
        Func<HttpClient, IServiceProvider, TClient> create)
        where TClient : class
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());

        // One pipeline per client name, outliving handler rotation, so that the breaker is not reset every two minutes.
        services.TryAddKeyedSingleton(httpClientName, (sp, _) =>
        {
            var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
            var logger = (sp.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger<TClient>();
            return ClientPipeline.Create(resilience(options), rateLimitScope(options), logger, sp.GetService<TimeProvider>());
        });

        var alreadyRegistered = services.Any(d => d.ServiceType == typeof(Marker<TClient>));
        var builder = services.AddHttpClient<TClient, TClient>(httpClientName, (http, sp) => create(http, sp));
        if (alreadyRegistered)
        {
            return builder;   // a second call changes options only; the handlers are already in place
        }

        services.AddSingleton<Marker<TClient>>();
        return builder
            .ConfigureHttpClient(static http => http.Timeout = Timeout.InfiniteTimeSpan)   // the pipeline owns every timeout
            .AddHttpMessageHandler(sp => new ResilienceHandler(sp.GetRequiredKeyedService<ClientPipeline>(httpClientName)))
            // The factory's default loggers write full URLs (a call's control URL is a capability) and raw transport
            // exceptions; the packages log path templates instead. AddDefaultLogger() brings them back, still redacted.
            .RemoveAllLoggers()
            .RedactLoggedHeaders(static name => !LoggedHeaders.Contains(name));
    }

    private sealed class Marker<T>;
}
