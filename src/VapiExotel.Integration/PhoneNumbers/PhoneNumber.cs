using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace VapiExotel.Integration.PhoneNumbers;

/// <summary>
/// A phone number with an explicit policy, used for every number the integration configures, sends and compares.
/// </summary>
/// <remarks>
/// <para>
/// Accepted: E.164 for every country (<c>+</c>, a country code that does not start with 0, 8 to 15 digits in all),
/// and the Indian forms <c>+91XXXXXXXXXX</c>, <c>91XXXXXXXXXX</c> (12 digits), <c>0XXXXXXXXXX</c> (the national form:
/// the trunk prefix 0, then the STD code and subscriber number, or the mobile number, 10 digits in all),
/// <c>091XXXXXXXXXX</c> and <c>0091XXXXXXXXXX</c>. Spaces, dashes, dots and parentheses may separate the digits.
/// </para>
/// <para>
/// Refused, each with its reason: letters, extensions, an empty text, <c>+</c> alone, too few or too many digits,
/// <c>+910…</c> (the trunk prefix after the country code), a bare 10-digit number (no country), and other countries'
/// numbers in anything but E.164.
/// </para>
/// <para>
/// <see cref="E164"/> is what Vapi and Exotel's trunk API take; <see cref="ExotelNational"/> is what Exotel's Voice API
/// writes back in call details and callbacks, so that a number compares equal whichever form a service used.
/// In JSON a number is its E.164 string; reading accepts every form above.
/// </para>
/// </remarks>
[JsonConverter(typeof(PhoneNumberJsonConverter))]
public sealed class PhoneNumber : IEquatable<PhoneNumber>
{
    private const string IndiaCode = "91";
    private const int IndianDigits = 10;
    private const int MaxTextLength = 64;

    private PhoneNumber(string e164, bool isIndian)
    {
        E164 = e164;
        IsIndian = isIndian;
    }

    /// <summary>The number in E.164: <c>+</c>, the country code and the national number (<c>+918047490924</c>).</summary>
    public string E164 { get; }

    /// <summary>
    /// The number as Exotel's Voice API returns it in call details and callbacks: for an Indian number the national
    /// form, the trunk prefix 0 and 10 digits (<c>08047490924</c>); for any other number, E.164, as sent.
    /// </summary>
    public string ExotelNational => IsIndian ? "0" + E164[3..] : E164;

    /// <summary>Whether the number is Indian (country code 91).</summary>
    public bool IsIndian { get; }

    /// <summary>Reads a number in any accepted form.</summary>
    /// <param name="text">The number: E.164, or an Indian form (<c>+91…</c>, <c>91…</c>, <c>0…</c>, <c>091…</c>, <c>0091…</c>).</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a phone number; the message says why.</exception>
    public static PhoneNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var number, out var reason)
            ? number
            : throw new FormatException($"'{text}' is not a phone number: {reason}");
    }

    /// <summary>Reads a number in any accepted form, without throwing.</summary>
    /// <param name="text">The number, or null.</param>
    /// <param name="number">The number when it is one; otherwise null.</param>
    /// <returns>Whether <paramref name="text"/> is a phone number.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PhoneNumber? number) => TryParse(text, out number, out _);

    /// <summary>Reads a number in any accepted form, without throwing, and says why a text is not one.</summary>
    /// <param name="text">The number, or null.</param>
    /// <param name="number">The number when it is one; otherwise null.</param>
    /// <param name="reason">Why <paramref name="text"/> is not a phone number (one sentence, without the text); null when it is one.</param>
    /// <returns>Whether <paramref name="text"/> is a phone number.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PhoneNumber? number, [NotNullWhen(false)] out string? reason)
    {
        number = null;
        reason = Read(text, out var digits, out var plus) ?? Classify(digits, plus, out number);
        return reason is null;
    }

    /// <summary>Whether <paramref name="text"/>, in any accepted form (E.164, Exotel's national form…), is this number.</summary>
    /// <param name="text">A number as a service wrote it, or null.</param>
    /// <returns>True when it reads as this number.</returns>
    public bool Matches(string? text) => TryParse(text, out var other) && Equals(other);

    /// <inheritdoc />
    public bool Equals(PhoneNumber? other) => other is not null && string.Equals(E164, other.E164, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PhoneNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(E164);

    /// <summary>The number in E.164 (<see cref="E164"/>).</summary>
    /// <returns>The E.164 text.</returns>
    public override string ToString() => E164;

    /// <summary>Whether two numbers are the same (their E.164 forms are equal).</summary>
    /// <param name="left">A number, or null.</param>
    /// <param name="right">A number, or null.</param>
    /// <returns>True when both are null or both are the same number.</returns>
    public static bool operator ==(PhoneNumber? left, PhoneNumber? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two numbers differ.</summary>
    /// <param name="left">A number, or null.</param>
    /// <param name="right">A number, or null.</param>
    /// <returns>True when they are not the same number.</returns>
    public static bool operator !=(PhoneNumber? left, PhoneNumber? right) => !(left == right);

    /// <summary>The digits of <paramref name="text"/> and whether a '+' leads them; the reason when the text cannot be a number.</summary>
    private static string? Read(string? text, out string digits, out bool plus)
    {
        digits = string.Empty;
        plus = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return "it is empty.";
        }

        if (text.Length > MaxTextLength)
        {
            return $"it is longer than {MaxTextLength.ToString(CultureInfo.InvariantCulture)} characters.";
        }

        var span = text.AsSpan().Trim();
        var builder = new StringBuilder(span.Length);
        var depth = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (c == '+')
            {
                if (i != 0)
                {
                    return "a '+' may only lead the number.";
                }

                plus = true;
            }
            else if (c == '(')
            {
                if (++depth > 1)
                {
                    return "its parentheses are nested.";
                }
            }
            else if (c == ')')
            {
                if (--depth < 0)
                {
                    return "its parentheses do not match.";
                }
            }
            else if (c is '-' or '.' || char.IsWhiteSpace(c))
            {
                // A separator.
            }
            else if (IsExtension(span[i..]))
            {
                return "it has an extension or a dial string; give the number alone.";
            }
            else if (char.IsLetter(c))
            {
                return $"it contains the letter '{c}'; only digits, a leading '+' and the separators space, '-', '.', '(' and ')' are allowed.";
            }
            else
            {
                return $"it contains '{c}', which is neither a digit nor a separator (space, '-', '.', '(' or ')').";
            }
        }

        if (depth != 0)
        {
            return "its parentheses do not match.";
        }

        digits = builder.ToString();
        return digits.Length == 0 ? (plus ? "there are no digits after the '+'." : "it has no digits.") : null;
    }

    private static bool IsExtension(ReadOnlySpan<char> rest) =>
        rest[0] is '#' or ',' or ';' or 'x' or 'X' || rest.StartsWith("ext", StringComparison.OrdinalIgnoreCase);

    /// <summary>The number the digits make, or the reason they make none.</summary>
    private static string? Classify(string digits, bool plus, out PhoneNumber? number)
    {
        number = null;
        if (plus)
        {
            if (digits[0] == '0')
            {
                return "a country code never starts with 0 (after '+' comes the country code: +91 for India).";
            }

            if (digits.StartsWith(IndiaCode, StringComparison.Ordinal))
            {
                return Indian(digits[2..], "+91", out number);
            }

            if (digits.Length < 8)
            {
                return $"an E.164 number has 8 to 15 digits; this has {Count(digits)}.";
            }

            if (digits.Length > 15)
            {
                return $"an E.164 number has at most 15 digits; this has {Count(digits)}.";
            }

            number = new PhoneNumber("+" + digits, isIndian: false);
            return null;
        }

        if (digits.StartsWith("0091", StringComparison.Ordinal))
        {
            return Indian(digits[4..], "0091", out number);
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return "the international prefix 00 is accepted only for India (0091…); write other countries' numbers in E.164 (+ and the country code).";
        }

        if (digits.StartsWith("091", StringComparison.Ordinal) && digits.Length >= 13)
        {
            return Indian(digits[3..], "091", out number);
        }

        if (digits[0] == '0')
        {
            return Indian(digits[1..], "the trunk prefix 0", out number);
        }

        if (digits.StartsWith(IndiaCode, StringComparison.Ordinal) && digits.Length > IndianDigits)
        {
            return Indian(digits[2..], "91", out number);
        }

        if (digits.Length == IndianDigits)
        {
            return "10 digits with no prefix name no country; write +91 (or 0) before an Indian number, or give the number in E.164.";
        }

        return $"it has {Count(digits)} digits and no prefix; write it in E.164 (+ and the country code) or in an Indian form (+91…, 0…).";
    }

    private static string? Indian(string national, string prefix, out PhoneNumber? number)
    {
        number = null;
        if (national.Length > 0 && national[0] == '0')
        {
            return $"{prefix} is followed by a trunk prefix 0, which does not belong after the country code; drop that 0.";
        }

        if (national.Length != IndianDigits)
        {
            return $"an Indian number has 10 digits after {prefix} (the mobile number, or the STD code and the subscriber number); this has {Count(national)}.";
        }

        number = new PhoneNumber("+" + IndiaCode + national, isIndian: true);
        return null;
    }

    private static string Count(string digits) => digits.Length.ToString(CultureInfo.InvariantCulture);
}
