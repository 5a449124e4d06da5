namespace VapiExotel.Sandbox;

/// <summary>What an injected fault does to a request.</summary>
public enum SandboxFaultKind
{
    /// <summary>Waits, then handles the request normally.</summary>
    Latency,

    /// <summary>Answers 429 with <c>Retry-After</c>, in the service's own error shape.</summary>
    RateLimited,

    /// <summary>Answers a 5xx, in the service's own error shape.</summary>
    ServerError,

    /// <summary>Closes the connection without an answer.</summary>
    DropConnection,

    /// <summary>Never answers: the request hangs until the client gives up (or the sandbox stops).</summary>
    Timeout,
}

/// <summary>A fault to inject; see <see cref="SandboxFaultRule"/> for where and when.</summary>
public sealed record SandboxFault
{
    private SandboxFault(SandboxFaultKind kind) => Kind = kind;

    /// <summary>What the fault does.</summary>
    public SandboxFaultKind Kind { get; }

    /// <summary>The added wait, for <see cref="SandboxFaultKind.Latency"/>. Real time: the clients' timeouts are real.</summary>
    public TimeSpan Delay { get; private init; }

    /// <summary>The HTTP status, for <see cref="SandboxFaultKind.ServerError"/> and <see cref="SandboxFaultKind.RateLimited"/>.</summary>
    public int Status { get; private init; }

    /// <summary>The <c>Retry-After</c> sent with a 429, when not null (whole seconds).</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>Waits <paramref name="delay"/> before handling the request.</summary>
    /// <param name="delay">The wait.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault Latency(TimeSpan delay) =>
        delay >= TimeSpan.Zero ? new(SandboxFaultKind.Latency) { Delay = delay } : throw new ArgumentOutOfRangeException(nameof(delay), delay, "delay must not be negative.");

    /// <summary>Answers 429, with <c>Retry-After</c> when <paramref name="retryAfter"/> is given.</summary>
    /// <param name="retryAfter">The wait to advertise, in whole seconds; none when null.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault RateLimited(TimeSpan? retryAfter = null) =>
        retryAfter is { } wait && wait < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "retryAfter must not be negative.")
            : new(SandboxFaultKind.RateLimited) { Status = 429, RetryAfter = retryAfter };

    /// <summary>Answers <paramref name="status"/> (500 by default).</summary>
    /// <param name="status">A status from 500 to 599.</param>
    /// <returns>The fault.</returns>
    public static SandboxFault ServerError(int status = 500) =>
        status is >= 500 and <= 599 ? new(SandboxFaultKind.ServerError) { Status = status } : throw new ArgumentOutOfRangeException(nameof(status), status, "status must be 500 to 599.");

    /// <summary>Closes the connection without answering.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault DropConnection() => new(SandboxFaultKind.DropConnection);

    /// <summary>Never answers.</summary>
    /// <returns>The fault.</returns>
    public static SandboxFault Timeout() => new(SandboxFaultKind.Timeout);
}
