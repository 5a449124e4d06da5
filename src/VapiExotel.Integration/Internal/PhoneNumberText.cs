namespace VapiExotel.Integration.Internal;

/// <summary>
/// Compares phone numbers as the services write them back: E.164 (<c>+918047490924</c>), digits only
/// (<c>918047490924</c>), or Exotel's national form (<c>08047490924</c>, an Indian number).
/// </summary>
internal static class PhoneNumberText
{
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Canonical(a), Canonical(b), StringComparison.Ordinal);

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
