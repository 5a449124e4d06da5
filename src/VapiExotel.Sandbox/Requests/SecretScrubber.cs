using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VapiExotel.Sandbox.Hosting;

namespace VapiExotel.Sandbox.Requests;

/// <summary>
/// Takes the secrets out of a request body before it goes into the request log: SIP and digest passwords, tokens and
/// secrets, and the values of a webhook server's <c>headers</c> (which carry the receiver's credentials). A body
/// without any keeps its exact bytes.
/// </summary>
internal static class SecretScrubber
{
    private const string Mask = "***";
    private static readonly string[] SecretNames = ["password", "authPassword", "secret", "secretKey", "token", "clientSecret"];

    /// <summary>Compares a kept secret with a candidate in constant time.</summary>
    public static bool SameSecret(string actual, string candidate) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(candidate));

    public static byte[] Scrub(byte[] body, string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        if (body.Length == 0)
        {
            return body;
        }

        if (string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return ScrubForm(body);
        }

        try
        {
            var node = JsonNode.Parse(body);
            return node is not null && ScrubNode(node) ? SandboxResponse.Serialize(node) : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private static bool ScrubNode(JsonNode node)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var value = obj[name];
                    if (value is null)
                    {
                        continue;
                    }

                    if (SecretNames.Contains(name, StringComparer.OrdinalIgnoreCase) && value is JsonValue)
                    {
                        obj[name] = Mask;
                        changed = true;
                    }
                    else if (string.Equals(name, "headers", StringComparison.Ordinal) && value is JsonObject headers)
                    {
                        foreach (var header in headers.Select(h => h.Key).ToList())
                        {
                            headers[header] = Mask;
                            changed = true;
                        }
                    }
                    else
                    {
                        changed |= ScrubNode(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        changed |= ScrubNode(item);
                    }
                }

                break;
        }

        return changed;
    }

    private static byte[] ScrubForm(byte[] body)
    {
        var pairs = Encoding.UTF8.GetString(body).Split('&');
        var changed = false;
        for (var i = 0; i < pairs.Length; i++)
        {
            var name = Uri.UnescapeDataString(pairs[i].Split('=')[0].Replace('+', ' '));
            if (SecretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                pairs[i] = pairs[i].Split('=')[0] + "=" + Uri.EscapeDataString(Mask);
                changed = true;
            }
        }

        return changed ? Encoding.UTF8.GetBytes(string.Join('&', pairs)) : body;
    }
}
