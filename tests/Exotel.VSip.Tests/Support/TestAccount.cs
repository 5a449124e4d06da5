using System.Text;

namespace Exotel.VSip.Tests.Support;

/// <summary>Obviously fake credentials; tests assert they never leak.</summary>
internal static class TestAccount
{
    public const string AccountSid = "acme1";
    public const string ApiKey = "fake_key_5f2b8c1e9d";
    public const string ApiToken = "fake_token_93a7e4b2c6f1";
    public const string BaseUrl = "https://api.in.exotel.com";
    public const string V2 = "/v2/accounts/acme1";
    public const string V1 = "/v1/Accounts/acme1";
    public const string TrunkSid = "trmum1f708622631150902801a1n";

    public static readonly string ExpectedBasic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApiKey}:{ApiToken}"));

    public static string[] Secrets => [ApiKey, ApiToken, ExpectedBasic];
}
