using Exotel.VSip;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vapi.Client;
using VapiExotel.Integration;

namespace VapiExotel.AspNetCore;

/// <summary>Registers and maps the webhook endpoints that feed the <see cref="CallMonitor"/>.</summary>
public static partial class VapiExotelWebhookExtensions
{
    /// <summary>
    /// Registers the app's <see cref="CallMonitor"/> (a singleton; see <c>AddVapiExotelCallMonitor</c>) and the webhook
    /// options. Register the clients too, with <c>AddVapiExotel</c>, so that the monitor can poll.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options: at least <see cref="VapiExotelWebhookOptions.VapiVerifier"/>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddVapiExotelWebhooks(this IServiceCollection services, Action<VapiExotelWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddVapiExotelCallMonitor();
        services.AddOptions<VapiExotelWebhookOptions>().Configure(configure);
        return services;
    }

    /// <summary>
    /// Maps <c>POST {prefix}/exotel/status</c> (Exotel status callbacks: multipart, URL-encoded or JSON) and
    /// <c>POST {prefix}/vapi</c> (Vapi server messages, verified first: 401 when they fail). Both hand what they read
    /// to the <see cref="CallMonitor"/> and answer 200; a body that is not a callback or message is answered 400.
    /// Exotel signs nothing: put a secret in <paramref name="prefix"/>, or add authorization to the group returned.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">Where the endpoints live, <c>/webhooks</c> by default.</param>
    /// <returns>The group of both endpoints, for more conventions (authorization, rate limits).</returns>
    /// <exception cref="InvalidOperationException"><c>AddVapiExotelWebhooks</c> was not called, or no Vapi verifier is set.</exception>
    public static RouteGroupBuilder MapVapiExotelWebhooks(this IEndpointRouteBuilder endpoints, string prefix = "/webhooks")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var options = endpoints.ServiceProvider.GetService<IOptions<VapiExotelWebhookOptions>>()?.Value;
        if (options is null || endpoints.ServiceProvider.GetService<CallMonitor>() is null)
        {
            throw new InvalidOperationException("Call services.AddVapiExotelWebhooks(…) before MapVapiExotelWebhooks.");
        }

        if (options.VapiVerifier is null && !options.AllowUnverifiedVapiMessages)
        {
            throw new InvalidOperationException(
                "VapiExotelWebhookOptions.VapiVerifier is not set: set it (for example VapiWebhookVerifier.ForSecretHeader(secret)) to the credential of the Vapi server URL, or set AllowUnverifiedVapiMessages for local development.");
        }

        if (options.MaxBodyBytes <= 0)
        {
            throw new InvalidOperationException("VapiExotelWebhookOptions.MaxBodyBytes must be positive.");
        }

        var group = endpoints.MapGroup(prefix);
        group.MapPost("/exotel/status", (RequestDelegate)(context => ExotelStatusAsync(context, options)));
        group.MapPost("/vapi", (RequestDelegate)(context => VapiMessageAsync(context, options)));
        return group;
    }

    private static async Task ExotelStatusAsync(HttpContext context, VapiExotelWebhookOptions options)
    {
        var body = await ReadBodyAsync(context, options).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        ExotelStatusCallback callback;
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            callback = await ExotelStatusCallbackParser.ParseAsync(stream, context.Request.ContentType, context.RequestAborted).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            LogRejected(Logger(context), "Exotel status callback", ex.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.RequestServices.GetRequiredService<CallMonitor>().Publish(callback);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static async Task VapiMessageAsync(HttpContext context, VapiExotelWebhookOptions options)
    {
        var body = await ReadBodyAsync(context, options).ConfigureAwait(false);
        if (body is null)
        {
            return;
        }

        if (options.VapiVerifier is { } verifier)
        {
            var headers = context.Request.Headers;
            var verification = verifier.Verify(
                name => headers.TryGetValue(name, out var value) ? value.ToString() : null,
                body, context.Request.Method, context.Request.GetEncodedUrlWithoutQuery());
            if (!verification.IsValid)
            {
                LogRejected(Logger(context), "Vapi server message", verification.Reason);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }

        VapiServerMessage message;
        try
        {
            message = VapiServerMessageParser.Parse(body);
        }
        catch (VapiException ex)
        {
            LogRejected(Logger(context), "Vapi server message", ex.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.RequestServices.GetRequiredService<CallMonitor>().Publish(message);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{}", context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads the body up to the limit; null (with 413 answered) when it is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, VapiExotelWebhookOptions options)
    {
        if (context.Request.ContentLength > options.MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > options.MaxBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string GetEncodedUrlWithoutQuery(this HttpRequest request) =>
        string.Concat(request.Scheme, "://", request.Host.ToUriComponent(), request.PathBase.ToUriComponent(), request.Path.ToUriComponent());

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("VapiExotel.AspNetCore.Webhooks") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    [LoggerMessage(EventId = 3951, Level = LogLevel.Warning, Message = "VapiExotel webhooks: a {Kind} was refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string kind, string reason);
}
