using System.Security.Cryptography;

namespace VapiExotel.Integration.Setup;

/// <summary>Generates the digest passwords setup sets on both sides.</summary>
internal static class DigestPassword
{
    /// <summary>How long a generated password is: 24 characters of 62, about 143 bits.</summary>
    public const int Length = 24;

    // Letters and digits only: nothing that SIP, JSON, a shell or a console could mangle.
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new password from the system's cryptographic generator, with an upper-case letter, a lower-case letter and a digit.</summary>
    /// <returns>The password.</returns>
    public static string Generate()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(Alphabet, Length);
            if (password.Any(char.IsAsciiLetterUpper) && password.Any(char.IsAsciiLetterLower) && password.Any(char.IsAsciiDigit))
            {
                return password;
            }
        }
    }
}
