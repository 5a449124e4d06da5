namespace VapiExotel.Sandbox;

/// <summary>How a called party behaves in the sandbox.</summary>
public enum SandboxCallOutcome
{
    /// <summary>Answers, talks for <see cref="SandboxCallScript.TalkFor"/>, then hangs up.</summary>
    Answered,

    /// <summary>Is busy.</summary>
    Busy,

    /// <summary>Rings without answer.</summary>
    NoAnswer,

    /// <summary>The call cannot be connected (a SIP failure on the way).</summary>
    Failed,
}

/// <summary>
/// How a sandbox call progresses on the sandbox clock: queued, then ringing after <see cref="QueuedFor"/>, then
/// answered (or not) after <see cref="RingFor"/>, then ended after <see cref="TalkFor"/>.
/// </summary>
public sealed record SandboxCallScript
{
    /// <summary>The party's behaviour.</summary>
    public SandboxCallOutcome Outcome { get; init; } = SandboxCallOutcome.Answered;

    /// <summary>How long the call stays queued.</summary>
    public TimeSpan QueuedFor { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long it rings.</summary>
    public TimeSpan RingFor { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>How long the conversation lasts, when answered.</summary>
    public TimeSpan TalkFor { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The Vapi <c>endedReason</c>; when null it follows <see cref="Outcome"/>: <c>customer-ended-call</c>,
    /// <c>customer-busy</c>, <c>customer-did-not-answer</c> or
    /// <c>call.in-progress.error-sip-outbound-call-failed-to-connect</c>.
    /// </summary>
    public string? VapiEndedReason { get; init; }

    /// <summary>A party that answers and talks for <paramref name="talkFor"/> (30 seconds by default).</summary>
    /// <param name="talkFor">The conversation's length.</param>
    /// <returns>The script.</returns>
    public static SandboxCallScript Answered(TimeSpan? talkFor = null) => new() { TalkFor = talkFor ?? TimeSpan.FromSeconds(30) };

    /// <summary>A busy party.</summary>
    /// <returns>The script.</returns>
    public static SandboxCallScript Busy() => new() { Outcome = SandboxCallOutcome.Busy };

    /// <summary>A party that does not answer.</summary>
    /// <returns>The script.</returns>
    public static SandboxCallScript NoAnswer() => new() { Outcome = SandboxCallOutcome.NoAnswer };

    /// <summary>A call that cannot be connected.</summary>
    /// <param name="vapiEndedReason">The Vapi ended reason; a generic outbound SIP failure when null.</param>
    /// <returns>The script.</returns>
    public static SandboxCallScript Failed(string? vapiEndedReason = null) => new() { Outcome = SandboxCallOutcome.Failed, VapiEndedReason = vapiEndedReason };

    internal string EffectiveVapiEndedReason => VapiEndedReason ?? Outcome switch
    {
        SandboxCallOutcome.Busy => "customer-busy",
        SandboxCallOutcome.NoAnswer => "customer-did-not-answer",
        SandboxCallOutcome.Failed => "call.in-progress.error-sip-outbound-call-failed-to-connect",
        _ => "customer-ended-call",
    };

    internal string ExotelStatus => Outcome switch
    {
        SandboxCallOutcome.Busy => "busy",
        SandboxCallOutcome.NoAnswer => "no-answer",
        SandboxCallOutcome.Failed => "failed",
        _ => "completed",
    };

    internal void Validate(string name)
    {
        if (QueuedFor < TimeSpan.Zero || RingFor < TimeSpan.Zero || TalkFor < TimeSpan.Zero)
        {
            throw new ArgumentException($"{name}: QueuedFor, RingFor and TalkFor must not be negative.", name);
        }

        if (!Enum.IsDefined(Outcome))
        {
            throw new ArgumentException($"{name}: Outcome {Outcome} is not a defined value.", name);
        }
    }
}
