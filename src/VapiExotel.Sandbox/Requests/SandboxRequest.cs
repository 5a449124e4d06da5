using System.Text;

namespace VapiExotel.Sandbox;

/// <summary>One request the sandbox received, as the test sees it in <see cref="VapiExotelSandbox.Requests"/>.</summary>
public sealed class SandboxRequest
{
    private readonly byte[] _body;
    private int _status;

    internal SandboxRequest(
        long sequence, SandboxApi api, string method, string path, string query, IReadOnlyDictionary<string, string> headers, byte[] body, DateTimeOffset receivedAt, SandboxFaultKind? fault)
    {
        Fault = fault;
        Sequence = sequence;
        Api = api;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        _body = body;
        ReceivedAt = receivedAt;
    }

    /// <summary>The request's place in the log, from 1.</summary>
    public long Sequence { get; }

    /// <summary>The service it went to.</summary>
    public SandboxApi Api { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, without the query.</summary>
    public string Path { get; }

    /// <summary>The query string with its leading <c>?</c>, or empty.</summary>
    public string Query { get; }

    /// <summary>The headers; the <c>Authorization</c> value keeps only its scheme (<c>Basic ***</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// The body's bytes, with its secrets replaced by <c>***</c>: passwords, tokens and secrets, and the values of a
    /// webhook server's <c>headers</c>. A body without any is kept byte for byte.
    /// </summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>The body as UTF-8 text, secrets replaced as in <see cref="Body"/>.</summary>
    public string BodyText => Encoding.UTF8.GetString(_body);

    /// <summary>When it arrived, on the sandbox clock.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The status answered; 0 while it is in flight, or when it got no answer (a dropped connection, a timeout).</summary>
    public int Status
    {
        get => Volatile.Read(ref _status);
        internal set => Volatile.Write(ref _status, value);
    }

    /// <summary>The fault injected into it, if any.</summary>
    public SandboxFaultKind? Fault { get; }

    /// <summary>The request line and its answer; never the body or credentials.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"#{Sequence} {Api} {Method} {Path}{Query} → {(Status == 0 ? "no answer" : Status)}{(Fault is { } f ? $" ({f})" : string.Empty)}";
}
