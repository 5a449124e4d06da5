using System.Diagnostics.CodeAnalysis;

namespace VapiExotel.Shared;

/// <summary>Argument checks that name the field and the rule, raised before any request is sent.</summary>
internal static class Guard
{
    public static T NotNull<T>([NotNull] T? value, string name) where T : class =>
        value ?? throw new ArgumentNullException(name, $"{name} is required.");

    public static string NotEmpty([NotNull] string? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} is required.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty or white space.", name);
        }

        return value;
    }

    /// <summary>An identifier that goes into a URL path: not empty, no white space, no path separators, not a dot segment.</summary>
    public static string Id([NotNull] string? value, string name)
    {
        NotEmpty(value, name);
        if (value is "." or "..")
        {
            // A dot segment would be removed from the URL, sending the request to the parent resource.
            throw new ArgumentException($"{name} must not be '.' or '..'.", name);
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c is '/' or '\\' or '?' or '#' || char.IsControl(c))
            {
                throw new ArgumentException($"{name} must not contain white space, '/', '\\', '?' or '#'.", name);
            }
        }

        return value;
    }

    public static int InRange(int value, int min, int max, string name) =>
        value < min || value > max
            ? throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}; got {value}.")
            : value;

    public static string MaxLength(string value, int max, string name) =>
        value.Length > max
            ? throw new ArgumentException($"{name} must be at most {max} characters; got {value.Length}.", name)
            : value;

    public static Uri AbsoluteHttpUri([NotNull] Uri? value, string name)
    {
        NotNull(value, name);
        if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{name} must be an absolute http or https URL.", name);
        }

        if (!string.IsNullOrEmpty(value.UserInfo))
        {
            throw new ArgumentException($"{name} must not carry credentials in the URL (user-info).", name);
        }

        return value;
    }
}
