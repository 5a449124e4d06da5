using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace VapiExotel.Integration.Internal;

/// <summary>
/// The integration's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>VapiExotel.Integration</c>:
/// a span per operation (<c>vapiexotel.setup</c>, <c>vapiexotel.validate</c>…) around the client packages' request
/// spans, and counts of steps by outcome. Tags carry operation names, kinds and outcomes only.
/// </summary>
internal static class IntegrationTelemetry
{
    public const string Name = "VapiExotel.Integration";

    private static readonly string? Version =
        typeof(IntegrationTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0];

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Steps of setup, plan and teardown, by operation, resource kind and outcome.</summary>
    public static readonly Counter<long> Steps = Meter.CreateCounter<long>(
        "vapiexotel.integration.steps", "{step}", "Integration steps, by operation, resource kind and outcome.");

    /// <summary>Seconds an integrator operation took, by operation and result.</summary>
    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "vapiexotel.integration.operation.duration", "s", "Duration of integrator operations (setup, plan, validate, list, teardown, calls).");

    /// <summary>Runs an operation inside its span and records its duration; <paramref name="failed"/> judges a result that did not throw.</summary>
    public static async Task<T> RunAsync<T>(string operation, Func<Task<T>> body, Func<T, bool>? failed = null)
    {
        using var activity = Source.StartActivity("vapiexotel." + operation, ActivityKind.Internal);
        var started = Stopwatch.GetTimestamp();
        var result = "error";
        try
        {
            var value = await body().ConfigureAwait(false);
            result = failed?.Invoke(value) == true ? "failed" : "succeeded";
            if (result == "failed")
            {
                activity?.SetStatus(ActivityStatusCode.Error, "one or more steps failed");
            }

            return value;
        }
        catch (Exception ex)
        {
            result = ex is OperationCanceledException ? "cancelled" : "error";
            if (result == "error")
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);   // a caller's cancellation is not a failure
            }

            throw;
        }
        finally
        {
            activity?.SetTag("vapiexotel.result", result);
            OperationDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("vapiexotel.operation", operation),
                new KeyValuePair<string, object?>("vapiexotel.result", result));
        }
    }
}
