using System.Text.Json;
using Vapi.Client.Internal;
using VapiExotel.Shared;

namespace Vapi.Client;

/// <summary>
/// Reads the body of a Vapi webhook, <c>{"message": {"type": …}}</c>, into a typed message. Pure .NET: pass the raw
/// body from any web framework. Unknown message types are returned as <see cref="VapiServerMessage"/>, never refused.
/// </summary>
public static class VapiServerMessageParser
{
    /// <summary>Reads a webhook body given as UTF-8 bytes (the body exactly as received).</summary>
    /// <param name="utf8Body">The request body.</param>
    /// <returns>A <see cref="VapiStatusUpdateMessage"/>, a <see cref="VapiEndOfCallReportMessage"/>, or a <see cref="VapiServerMessage"/> for any other type.</returns>
    /// <exception cref="VapiException">The body is not a Vapi server message; the message says why, without quoting the body.</exception>
    public static VapiServerMessage Parse(ReadOnlySpan<byte> utf8Body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Body.StartsWith("\uFEFF"u8) ? utf8Body[3..].ToArray() : utf8Body.ToArray());   // a byte-order mark is not JSON
        }
        catch (JsonException)
        {
            throw Invalid("the body is not JSON");
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    /// <summary>Reads a webhook body given as text.</summary>
    /// <param name="body">The request body.</param>
    /// <returns>The typed message.</returns>
    /// <exception cref="VapiException">The body is not a Vapi server message.</exception>
    public static VapiServerMessage Parse(string body)
    {
        Guard.NotNull(body, nameof(body));
        return Parse(System.Text.Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Reads a webhook body from a stream (read to its end, not disposed).</summary>
    /// <param name="body">The request body.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The typed message.</returns>
    /// <exception cref="VapiException">The body is not a Vapi server message.</exception>
    public static async Task<VapiServerMessage> ParseAsync(Stream body, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(body, nameof(body));
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static VapiServerMessage Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("the body has no \"message\" object");
        }

        if (!message.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw Invalid("the message has no \"type\"");
        }

        try
        {
            var value = type.GetString();
            VapiServerMessage? parsed = value switch
            {
                "status-update" => message.Deserialize(VapiJsonContext.Default.VapiStatusUpdateMessage),
                "end-of-call-report" => message.Deserialize(VapiJsonContext.Default.VapiEndOfCallReportMessage),
                _ => message.Deserialize(VapiJsonContext.Default.VapiServerMessage),
            };

            return parsed ?? throw Invalid("the message is null");
        }
        catch (JsonException) when (type.GetString() is not ("status-update" or "end-of-call-report"))
        {
            // A type this SDK does not model must never be refused: keep it raw when a common member has drifted.
            return new VapiServerMessage
            {
                Type = new VapiServerMessageType(type.GetString()!),
                AdditionalProperties = message.EnumerateObject().Where(p => p.Name != "type").ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal),
            };
        }
        catch (JsonException ex)
        {
            // The path, not the parser's text: the text can quote the body.
            throw Invalid($"a member has an unexpected shape ({ex.Path ?? "unknown path"})");
        }
    }

    private static VapiException Invalid(string problem) => new($"The webhook body is not a Vapi server message: {problem}.", 0) { Operation = "webhook" };
}
