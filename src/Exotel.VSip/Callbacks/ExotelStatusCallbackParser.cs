using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Exotel.VSip.Internal;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>
/// Reads the status callbacks Exotel posts to your app, in any of its encodings: <c>multipart/form-data</c> (its
/// default), <c>application/x-www-form-urlencoded</c> and <c>application/json</c>. Exotel documents no signature, so
/// protect the callback address with a secret path or token of your own.
/// </summary>
public static partial class ExotelStatusCallbackParser
{
    /// <summary>The largest body read, far above any real callback.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    [GeneratedRegex(@"^Legs\[(?<index>\d{1,2})\](\[(?<field>\w{1,40})\]|\.(?<field>\w{1,40}))$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LegField();

    [GeneratedRegex("""(?<![\w*])name=(?:"(?<name>[^"]*)"|(?<name>[^;\s]+))""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PartName();

    /// <summary>Reads a callback body according to its content type.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="contentType">The request's <c>Content-Type</c> header.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="FormatException">The body is not a status callback.</exception>
    public static async Task<ExotelStatusCallback> ParseAsync(Stream body, string? contentType, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(body, nameof(body));
        var text = await ReadLimitedAsync(body, cancellationToken).ConfigureAwait(false);
        var mediaType = MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed : null;
        return mediaType?.MediaType?.ToUpperInvariant() switch
        {
            "APPLICATION/JSON" => ParseJson(text),
            "MULTIPART/FORM-DATA" => ParseForm(ReadMultipart(text, Boundary(mediaType))),
            "APPLICATION/X-WWW-FORM-URLENCODED" => ParseForm(text),
            _ when text.TrimStart().StartsWith('{') => ParseJson(text),
            _ => ParseForm(text),
        };
    }

    /// <summary>Reads a JSON callback (<c>StatusCallbackContentType=application/json</c>).</summary>
    /// <param name="json">The body.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="FormatException">The body is not a status callback.</exception>
    public static ExotelStatusCallback ParseJson(string json)
    {
        Guard.NotNull(json, nameof(json));
        ExotelStatusCallback? callback;
        try
        {
            callback = JsonSerializer.Deserialize(json, ExotelJsonContext.Default.ExotelStatusCallback);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The status callback is not valid JSON for Exotel's shape: {ex.Message}", ex);
        }

        return Checked(callback);
    }

    /// <summary>Reads a URL-encoded form callback body.</summary>
    /// <param name="urlEncodedForm">The body, such as <c>CallSid=…&amp;Status=completed</c>.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="FormatException">The body is not a status callback.</exception>
    public static ExotelStatusCallback ParseForm(string urlEncodedForm)
    {
        Guard.NotNull(urlEncodedForm, nameof(urlEncodedForm));
        var fields = new List<KeyValuePair<string, string?>>();
        foreach (var pair in urlEncodedForm.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            fields.Add(new(Decode(parts[0]), parts.Length == 2 ? Decode(parts[1]) : string.Empty));
        }

        return ParseForm(fields);
    }

    /// <summary>
    /// Reads callback fields already parsed by a web framework (for example ASP.NET Core's <c>IFormCollection</c>).
    /// Legs may come as <c>Legs[0][Status]</c>; values wrapped as <c>['…']</c> are unwrapped.
    /// </summary>
    /// <param name="fields">The form fields.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="FormatException">The fields are not a status callback.</exception>
    public static ExotelStatusCallback ParseForm(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        Guard.NotNull(fields, nameof(fields));
        var json = new JsonObject();
        var legs = new SortedDictionary<int, JsonObject>();
        foreach (var (key, raw) in fields)
        {
            var value = Unwrap(raw);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;   // an empty field is an absent value, not an empty status or address
            }

            var leg = LegField().Match(key);
            if (leg.Success)
            {
                var index = int.Parse(leg.Groups["index"].Value, CultureInfo.InvariantCulture);
                if (!legs.TryGetValue(index, out var legObject))
                {
                    legs[index] = legObject = new JsonObject();
                }

                legObject[leg.Groups["field"].Value] = value;
            }
            else if (key == "Legs" && value is { Length: > 0 } && value.TrimStart().StartsWith('['))
            {
                try
                {
                    json["Legs"] = JsonNode.Parse(value);
                }
                catch (JsonException ex)
                {
                    throw new FormatException($"The status callback's Legs field is not JSON: {ex.Message}", ex);
                }
            }
            else
            {
                json[key] = value;
            }
        }

        if (legs.Count > 0)
        {
            json["Legs"] = new JsonArray(legs.Values.Select(l => (JsonNode)l).ToArray());
        }

        try
        {
            return Checked(json.Deserialize(ExotelJsonContext.Default.ExotelStatusCallback));
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The status callback has a field Exotel does not send in that form: {ex.Message}", ex);
        }
    }

    private static ExotelStatusCallback Checked(ExotelStatusCallback? callback) =>
        callback is { CallSid.Length: > 0 } ? callback : throw new FormatException("The status callback has no CallSid.");

    // Exotel's own receiver strips ['…'] wrappers that some deliveries put around values.
    private static string? Unwrap(string? value) =>
        value is { Length: >= 4 } && value.StartsWith("['", StringComparison.Ordinal) && value.EndsWith("']", StringComparison.Ordinal)
            ? value[2..^2]
            : value;

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static string Boundary(MediaTypeHeaderValue mediaType)
    {
        var boundary = mediaType.Parameters.FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
        return string.IsNullOrEmpty(boundary) ? throw new FormatException("The multipart/form-data callback has no boundary.") : boundary;
    }

    private static List<KeyValuePair<string, string?>> ReadMultipart(string body, string boundary)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        foreach (var part in body.Split("--" + boundary, StringSplitOptions.None).Skip(1))
        {
            if (part.StartsWith("--", StringComparison.Ordinal))
            {
                break;   // the closing delimiter
            }

            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var separatorLength = 4;
            if (split < 0)
            {
                split = part.IndexOf("\n\n", StringComparison.Ordinal);
                separatorLength = 2;
            }

            if (split < 0)
            {
                continue;
            }

            var headers = part[..split];
            var name = PartName().Match(headers);
            if (!name.Success)
            {
                continue;
            }

            var value = part[(split + separatorLength)..];
            value = value.EndsWith("\r\n", StringComparison.Ordinal) ? value[..^2] : value.TrimEnd('\n');
            fields.Add(new(name.Groups["name"].Value, value));
        }

        return fields;
    }

    private static async Task<string> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new FormatException($"The status callback is larger than {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
