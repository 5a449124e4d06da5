using System.Text;

namespace VapiExotel.Integration;

/// <summary>How a check came out.</summary>
public enum ValidationStatus
{
    /// <summary>As it should be.</summary>
    Passed,

    /// <summary>Works, but something deserves a look (see the message).</summary>
    Warning,

    /// <summary>Wrong: calls will fail until it is fixed (see the fix).</summary>
    Failed,

    /// <summary>Not checked, because a check it depends on failed.</summary>
    Skipped,

    /// <summary>
    /// Something no API can do or read, still to be done (or verified) by hand: the check's fix says what. It does not
    /// make a report invalid (the API side may be entirely right), but the setup is not complete until it is done;
    /// see <see cref="ValidationReport.HasPendingManualSteps"/>.
    /// </summary>
    ManualStepPending,
}

/// <summary>One check of <see cref="IVapiExotelIntegrator.ValidateAsync"/>: what was checked, how it came out, and how to fix it.</summary>
/// <param name="Name">A stable name: <c>configuration</c>, <c>exotel.account</c>, <c>exotel.trunk</c>, <c>exotel.whitelisted-ip:44.229.228.186</c>, <c>exotel.inbound-flow</c>, <c>vapi.phone-number:+918047490924</c>, <c>security.posture</c>…</param>
/// <param name="Status">How it came out.</param>
/// <param name="Message">What was found.</param>
/// <param name="Fix">What to do when it did not pass; null when it passed.</param>
public sealed record ValidationCheck(string Name, ValidationStatus Status, string Message, string? Fix = null)
{
    /// <inheritdoc />
    public override string ToString() => $"[{Status}] {Name}: {Message}" + (Fix is null ? string.Empty : " Fix: " + Fix);
}

/// <summary>The outcome of <see cref="IVapiExotelIntegrator.ValidateAsync"/>: the offline checks, then the online ones.</summary>
public sealed class ValidationReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="checks">The checks, in order.</param>
    /// <param name="manualSteps">What no API can check, to be verified by hand.</param>
    public ValidationReport(IReadOnlyList<ValidationCheck> checks, IReadOnlyList<string>? manualSteps = null)
    {
        Checks = checks ?? throw new ArgumentNullException(nameof(checks));
        ManualSteps = manualSteps ?? [];
    }

    /// <summary>Every check, in order: the configuration first, then Exotel's, then Vapi's.</summary>
    public IReadOnlyList<ValidationCheck> Checks { get; }

    /// <summary>What no API can check, such as the Exotel flow that connects each ExoPhone to the trunk.</summary>
    public IReadOnlyList<string> ManualSteps { get; }

    /// <summary>
    /// Whether no check failed (warnings, skipped checks and pending manual steps allowed, though a check is skipped
    /// only when another failed). A valid report can still have <see cref="HasPendingManualSteps"/>.
    /// </summary>
    public bool IsValid => Checks.All(c => c.Status != ValidationStatus.Failed);

    /// <summary>
    /// Whether something is left to do by hand before calls flow both ways (a check with
    /// <see cref="ValidationStatus.ManualStepPending"/>, or an entry in <see cref="ManualSteps"/>): true after every
    /// online validation, because no API can create or read the Exotel flow that connects a number to the trunk.
    /// </summary>
    public bool HasPendingManualSteps => ManualSteps.Count > 0 || Checks.Any(c => c.Status == ValidationStatus.ManualStepPending);

    /// <summary>The checks still to be done by hand (<see cref="ValidationStatus.ManualStepPending"/>).</summary>
    public IEnumerable<ValidationCheck> PendingManualSteps => Checks.Where(c => c.Status == ValidationStatus.ManualStepPending);

    /// <summary>The failed checks.</summary>
    public IEnumerable<ValidationCheck> Failures => Checks.Where(c => c.Status == ValidationStatus.Failed);

    /// <summary>The check of a name, or null.</summary>
    /// <param name="name">The check's name.</param>
    /// <returns>The check.</returns>
    public ValidationCheck? this[string name] => Checks.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var check in Checks)
        {
            text.AppendLine(check.ToString());
        }

        foreach (var manual in ManualSteps)
        {
            text.Append("[Manual] ").AppendLine(manual);
        }

        return text.ToString();
    }
}
