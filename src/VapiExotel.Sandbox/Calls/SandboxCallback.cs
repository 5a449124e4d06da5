using System.Text;

namespace VapiExotel.Sandbox;

/// <summary>
/// A status callback (Exotel) or server message (Vapi) the sandbox sent, or would have sent: it delivers only to
/// loopback addresses, and records the others as skipped.
/// </summary>
public sealed class SandboxCallback
{
    private readonly object _gate = new();
    private int _attempts;
    private int _status;
    private string? _skipped;

    internal SandboxCallback(SandboxApi api, string @event, Uri url, string contentType, byte[] body, IReadOnlyDictionary<string, string> headers, int maxAttempts, DateTimeOffset dueAt)
    {
        Api = api;
        Event = @event;
        Url = url;
        ContentType = contentType;
        Body = body;
        Headers = headers;
        MaxAttempts = maxAttempts;
        DueAt = dueAt;
    }

    /// <summary>The service that sent it.</summary>
    public SandboxApi Api { get; }

    /// <summary>What it reports: Exotel's <c>terminal</c> or <c>answered</c>; Vapi's message type (<c>status-update</c>, <c>end-of-call-report</c>).</summary>
    public string Event { get; }

    /// <summary>Where it goes.</summary>
    public Uri Url { get; }

    /// <summary>The body's content type.</summary>
    public string ContentType { get; }

    /// <summary>The body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>Extra headers sent with it (a Vapi server's <c>headers</c>, which may hold the receiver's secret: never printed by <see cref="ToString"/>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>How many attempts the service makes (Exotel retries twice; Vapi does not retry without a backoff plan).</summary>
    public int MaxAttempts { get; }

    /// <summary>When it became due, on the sandbox clock.</summary>
    public DateTimeOffset DueAt { get; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts
    {
        get
        {
            lock (_gate)
            {
                return _attempts;
            }
        }
    }

    /// <summary>The status of the last attempt; 0 before any, or when the receiver could not be reached.</summary>
    public int LastStatus
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Whether the receiver accepted it (a 2xx).</summary>
    public bool Delivered => LastStatus is >= 200 and < 300;

    /// <summary>Why it was not sent at all (an address that is not loopback), or null.</summary>
    public string? SkippedReason
    {
        get
        {
            lock (_gate)
            {
                return _skipped;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Api} {Event} → {Url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)}: {(SkippedReason ?? (Delivered ? "delivered" : $"not delivered after {Attempts} attempt(s)"))}";

    internal void Skip(string reason)
    {
        lock (_gate)
        {
            _skipped = reason;
        }
    }

    internal void Record(int status)
    {
        lock (_gate)
        {
            _attempts++;
            _status = status;
        }
    }
}
