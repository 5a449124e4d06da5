using System.Globalization;

namespace VapiExotel.Integration;

/// <summary>One step of a plan, setup or teardown: which resource, what happened to it, and its id.</summary>
public sealed class IntegrationStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="kind">The resource's kind.</param>
    /// <param name="target">What the step is about, in words (a trunk name, an address, a number).</param>
    /// <param name="outcome">What happened.</param>
    /// <param name="resourceId">The resource's id, when it exists (or has just been removed).</param>
    /// <param name="message">A sentence on what was found or done.</param>
    /// <param name="error">For a failure: the service's error and what to do.</param>
    public IntegrationStep(ResourceKind kind, string target, StepOutcome outcome, string? resourceId = null, string? message = null, StepError? error = null)
    {
        Kind = kind;
        Target = target ?? throw new ArgumentNullException(nameof(target));
        Outcome = outcome;
        ResourceId = resourceId;
        Message = message;
        Error = error;
    }

    /// <summary>The resource's kind.</summary>
    public ResourceKind Kind { get; }

    /// <summary>What the step is about: the trunk's name or SID, an address, a destination, a number, the credential's name.</summary>
    public string Target { get; }

    /// <summary>What happened (or, in a plan or dry run, would happen).</summary>
    public StepOutcome Outcome { get; }

    /// <summary>The resource's id (trunk SID, entry id, Vapi UUID), when it exists.</summary>
    public string? ResourceId { get; }

    /// <summary>A sentence on what was found or done; for a failure, what went wrong.</summary>
    public string? Message { get; }

    /// <summary>For a failure, the service's error and what to do; null otherwise.</summary>
    public StepError? Error { get; }

    /// <summary>Whether the step failed.</summary>
    public bool IsFailure => Outcome == StepOutcome.Failed;

    /// <summary>Whether the step changed something, or in a plan or dry run would.</summary>
    public bool IsChange => Outcome is StepOutcome.Created or StepOutcome.Updated or StepOutcome.Deleted
        or StepOutcome.WouldCreate or StepOutcome.WouldUpdate or StepOutcome.WouldDelete;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Kind} {Target}: {Outcome}");
        if (ResourceId is not null)
        {
            text += $" ({ResourceId})";
        }

        if (Message is not null)
        {
            text += " - " + Message;
        }

        if (Error?.Fix is { } fix)
        {
            text += " Fix: " + fix;
        }

        return text;
    }
}
