using System.Text.Encodings.Web;
using System.Text.Json;

namespace VapiExotel.Shared.Http;

/// <summary>
/// Removes known secret values (API keys, tokens, passwords) from any text the SDK is about to surface: exception
/// messages, response snippets, log lines. It works on values, not patterns, so it also catches a service that echoes
/// a secret back inside an error description.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "***";

    // Values shorter than this are not treated as secrets: masking "a" everywhere would garble every message.
    private const int MinimumSecretLength = 4;

    private readonly string[] _secrets;

    public SecretRedactor(params string?[] secrets) =>
        _secrets = secrets.Where(s => s is { Length: >= MinimumSecretLength }).SelectMany(s => Forms(s!)).Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length).ToArray();

    // A service that echoes a secret inside JSON escapes it ("pa\"ss", "\u002B…"), so each escaped form is a secret too.
    private static IEnumerable<string> Forms(string secret) =>
    [
        secret,
        JsonEncodedText.Encode(secret).ToString(),
        JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
    ];

    /// <summary>A redactor that also knows <paramref name="extraSecrets"/> (a password from the current request).</summary>
    public SecretRedactor With(params string?[] extraSecrets) =>
        extraSecrets.All(s => s is not { Length: >= MinimumSecretLength }) ? this : new SecretRedactor([.. _secrets, .. extraSecrets]);

    /// <summary>True when <paramref name="text"/> contains one of the secrets.</summary>
    public bool ContainsSecret(string text) => _secrets.Any(s => text.Contains(s, StringComparison.Ordinal));

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>Redacts, flattens line breaks and truncates a service-provided text for use in a message.</summary>
    public string Snippet(string? text, int maxLength = 300)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var flat = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        flat = Redact(flat);
        return flat.Length <= maxLength ? flat : string.Concat(flat.AsSpan(0, maxLength), "…");
    }
}
