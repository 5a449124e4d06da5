using VapiExotel.Integration.PhoneNumbers;

namespace VapiExotel.Integration.Internal;

/// <summary>
/// Compares phone numbers as the services write them back: E.164 (<c>+918047490924</c>), digits only
/// (<c>918047490924</c>), or Exotel's national form (<c>08047490924</c>, an Indian number). Both read as a
/// <see cref="PhoneNumber"/> when they can; otherwise their digits are compared, as a service may write a number
/// the policy refuses (digits only, without the '+', for another country).
/// </summary>
internal static class PhoneNumberText
{
    public static bool Same(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        return PhoneNumber.TryParse(a, out var first) && PhoneNumber.TryParse(b, out var second)
            ? first.Equals(second)
            : string.Equals(Canonical(a), Canonical(b), StringComparison.Ordinal);
    }

    /// <summary>A configured number in E.164 when it reads as one (configuration may use any accepted form); otherwise as given.</summary>
    public static string? ToE164(string? number) => PhoneNumber.TryParse(number, out var parsed) ? parsed.E164 : number;

    private static string Canonical(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (number.TrimStart().StartsWith('+'))
        {
            return digits;
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return digits[2..];
        }

        // Exotel answers Indian numbers in the national form: a trunk prefix 0 and ten digits.
        return digits.Length == 11 && digits[0] == '0' ? "91" + digits[1..] : digits;
    }
}
