using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace VapiExotel.Sandbox.Hosting;

/// <summary>A request as the emulators see it: read in full, so that they can answer synchronously under the state lock.</summary>
internal sealed record SandboxHttpRequest
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public required IQueryCollection Query { get; init; }

    public required IHeaderDictionary Headers { get; init; }

    public required byte[] Body { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The form fields, for a form-encoded or multipart body.</summary>
    public IFormCollection? Form { get; init; }

    /// <summary>This API's base address (<c>http://127.0.0.1:port/</c>), to build links.</summary>
    public required Uri BaseAddress { get; init; }

    public DateTimeOffset Now { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) ? values.ToString() : null;
}

/// <summary>An answer, built before anything is written, so that a fault can still replace it.</summary>
internal sealed class SandboxResponse
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int Status { get; init; }

    public string? ContentType { get; init; }

    public byte[] Body { get; init; } = [];

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static SandboxResponse Json(int status, JsonNode body) =>
        new() { Status = status, ContentType = "application/json; charset=utf-8", Body = Serialize(body) };

    public static SandboxResponse Text(int status, string contentType, string body) =>
        new() { Status = status, ContentType = contentType, Body = Encoding.UTF8.GetBytes(body) };

    public SandboxResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public static byte[] Serialize(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return stream.ToArray();
    }
}
