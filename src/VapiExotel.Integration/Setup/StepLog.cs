using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VapiExotel.Integration.Internal;

namespace VapiExotel.Integration.Setup;

/// <summary>
/// Collects an operation's steps from concurrent work, logs each as it lands, and hands them back in a stable
/// order: by resource kind, then by the order the configuration lists them.
/// </summary>
/// <param name="operation">The operation as log lines and reports name it ("teardown (dry run)").</param>
/// <param name="logger">Where each step is logged.</param>
/// <param name="metricOperation">The operation as metrics and spans name it ("teardown_dry_run"); <paramref name="operation"/> when null.</param>
/// <param name="progress">The caller's progress sink, told of each step as it lands.</param>
internal sealed class StepLog(string operation, ILogger logger, string? metricOperation = null, IProgress<IntegrationStep>? progress = null)
{
    private readonly ConcurrentQueue<(IntegrationStep Step, int Order)> _steps = new();

    public IntegrationStep Add(IntegrationStep step, int order = 0)
    {
        _steps.Enqueue((step, order));
        IntegrationTelemetry.Steps.Add(
            1,
            new KeyValuePair<string, object?>("vapiexotel.operation", metricOperation ?? operation),
            new KeyValuePair<string, object?>("vapiexotel.resource_kind", step.Kind.ToString()),
            new KeyValuePair<string, object?>("vapiexotel.outcome", step.Outcome.ToString()));

        if (step.Error is { } error)
        {
            Log.StepFailed(logger, operation, step.Kind, step.Target, error.Message, error.Fix);
        }
        else
        {
            Log.Step(logger, operation, step.Kind, step.Target, step.Outcome, step.ResourceId);
        }

        progress?.Report(step);

        return step;
    }

    public IntegrationStep Fail(ResourceKind kind, string target, Exception exception, int order = 0, string? resourceId = null)
    {
        var error = ErrorAdvice.For(exception, kind, operation.Split(' ')[0]);
        return Add(new IntegrationStep(kind, target, StepOutcome.Failed, resourceId, error.Message, error), order);
    }

    public IntegrationStep Fail(ResourceKind kind, string target, StepError error, int order = 0, string? resourceId = null) =>
        Add(new IntegrationStep(kind, target, StepOutcome.Failed, resourceId, error.Message, error), order);

    public IntegrationStep Skip(ResourceKind kind, string target, string reason, int order = 0) =>
        Add(new IntegrationStep(kind, target, StepOutcome.Skipped, message: reason), order);

    public IntegrationReport Report(SetupScope scope, IReadOnlyList<string> manualSteps, SipDigestCredential? digestCredential = null)
    {
        // The queue keeps arrival order, and OrderBy is stable: steps of one kind and order stay as they came.
        var ordered = _steps.OrderBy(s => s.Step.Kind).ThenBy(s => s.Order).Select(s => s.Step).ToList();
        var report = new IntegrationReport(operation, scope, ordered, manualSteps) { DigestCredential = digestCredential };
        var failed = ordered.Count(s => s.IsFailure);
        var changed = ordered.Count(s => s.IsChange);
        Log.Finished(logger, operation, scope, failed, changed, ordered.Count);
        return report;
    }
}
