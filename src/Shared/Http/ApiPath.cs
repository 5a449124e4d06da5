using System.Text;

namespace VapiExotel.Shared.Http;

/// <summary>
/// A request path relative to the API host, with the template it came from. The template (with <c>{placeholders}</c>
/// instead of ids) names the operation in logs, traces and exception messages, so that those carry no ids or numbers.
/// </summary>
internal readonly record struct ApiPath(string Relative, string Template)
{
    /// <summary>True for a request that is never sent twice, whatever the failure (creating a Vapi call).</summary>
    public bool NeverReplay { get; init; }

    /// <summary>How to check whether this request took effect when its outcome is unknown; a generic hint when null.</summary>
    public string? OutcomeUnknownHint { get; init; }

    /// <summary>Fills the template's placeholders, in order, with escaped values.</summary>
    public static ApiPath Build(string template, params ReadOnlySpan<string> values)
    {
        var sb = new StringBuilder(template.Length + 32);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                sb.Append(template[i]);
                continue;
            }

            var close = template.IndexOf('}', i);
            sb.Append(Uri.EscapeDataString(values[next++]));
            i = close;
        }

        if (next != values.Length)
        {
            throw new InvalidOperationException($"Template '{template}' takes {next} values; {values.Length} given.");
        }

        return new ApiPath(sb.ToString(), template);
    }

    /// <summary>Appends query parameters, escaped; parameters whose value is null are left out.</summary>
    public ApiPath WithQuery(params ReadOnlySpan<(string Name, string? Value)> parameters)
    {
        var sb = new StringBuilder(Relative);
        var separator = Relative.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            sb.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return this with { Relative = sb.ToString() };
    }
}
