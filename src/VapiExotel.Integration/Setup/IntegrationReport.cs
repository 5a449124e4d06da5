using System.Text;

namespace VapiExotel.Integration;

/// <summary>What a plan, setup or teardown found and did, step by step, and what is left to do by hand.</summary>
public sealed class IntegrationReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="operation">Which operation: <c>plan</c>, <c>setup</c>, <c>teardown</c> or <c>teardown (dry run)</c>.</param>
    /// <param name="scope">The direction it covered.</param>
    /// <param name="steps">Its steps.</param>
    /// <param name="manualSteps">What is left to do by hand.</param>
    public IntegrationReport(string operation, SetupScope scope, IReadOnlyList<IntegrationStep> steps, IReadOnlyList<string>? manualSteps = null)
    {
        Operation = operation ?? throw new ArgumentNullException(nameof(operation));
        Scope = scope;
        Steps = steps ?? throw new ArgumentNullException(nameof(steps));
        ManualSteps = manualSteps ?? [];
    }

    /// <summary>Which operation: <c>plan</c>, <c>setup</c>, <c>teardown</c> or <c>teardown (dry run)</c>.</summary>
    public string Operation { get; }

    /// <summary>The direction covered.</summary>
    public SetupScope Scope { get; }

    /// <summary>Every step, Exotel's first, then Vapi's, each side in the order its resources depend on one another.</summary>
    public IReadOnlyList<IntegrationStep> Steps { get; }

    /// <summary>
    /// What no API can do and must be done by hand, such as the Exotel flow that connects each ExoPhone to
    /// <c>sip:&lt;trunk_sid&gt;</c> for inbound calls.
    /// </summary>
    public IReadOnlyList<string> ManualSteps { get; }

    /// <summary>
    /// The SIP digest credential this setup generated and set on both sides (with
    /// <see cref="TrunkOptions.DigestAuthentication"/>), or null when it generated none: the option is off, both sides
    /// were paired already, or the pairing failed. Neither service returns the password: this is the only time it is
    /// seen. Never part of <see cref="ToString"/>, a step or a log line.
    /// </summary>
    public SipDigestCredential? DigestCredential { get; init; }

    /// <summary>Whether every step succeeded (none failed).</summary>
    public bool Succeeded => Steps.All(s => !s.IsFailure);

    /// <summary>The failed steps.</summary>
    public IEnumerable<IntegrationStep> Failures => Steps.Where(s => s.IsFailure);

    /// <summary>Whether anything changed (or, for a plan or dry run, would).</summary>
    public bool HasChanges => Steps.Any(s => s.IsChange);

    /// <summary>The trunk's SID, when the trunk exists.</summary>
    public string? TrunkSid => IdOf(ResourceKind.ExotelTrunk);

    /// <summary>The Vapi credential's id, when it exists.</summary>
    public string? CredentialId => IdOf(ResourceKind.VapiCredential);

    /// <summary>The steps about one kind of resource.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The steps, in report order.</returns>
    public IEnumerable<IntegrationStep> StepsFor(ResourceKind kind) => Steps.Where(s => s.Kind == kind);

    /// <summary>Throws when a step failed, with this report attached; returns the report otherwise.</summary>
    /// <returns>This report.</returns>
    /// <exception cref="VapiExotelException">A step failed; <see cref="VapiExotelException.Report"/> says what exists now.</exception>
    public IntegrationReport EnsureSuccess() =>
        Succeeded ? this : throw new VapiExotelException(
            $"{Operation} failed at {Failures.Count()} step(s): {string.Join("; ", Failures.Select(f => $"{f.Kind} {f.Target}: {f.Message}"))}") { Report = this };

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder().Append(Operation).Append(" (").Append(Scope).Append("): ")
            .Append(Succeeded ? "succeeded" : "failed").AppendLine();
        foreach (var step in Steps)
        {
            text.Append("  ").AppendLine(step.ToString());
        }

        foreach (var manual in ManualSteps)
        {
            text.Append("  Manual: ").AppendLine(manual);
        }

        return text.ToString();
    }

    private string? IdOf(ResourceKind kind) => Steps.FirstOrDefault(s => s.Kind == kind && s.ResourceId is not null && s.Outcome is not (StepOutcome.Deleted or StepOutcome.WouldDelete))?.ResourceId;
}
