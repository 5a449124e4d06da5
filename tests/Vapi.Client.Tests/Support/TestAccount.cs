namespace Vapi.Client.Tests.Support;

/// <summary>A fake organisation. The key is long and distinctive so that a leak is easy to spot in any text.</summary>
internal static class TestAccount
{
    public const string ApiKey = "vapi-private-key-9f8e7d6c5b4a39281706";
    public const string BaseUrl = "https://api.vapi.ai/";
    public const string CredentialId = "5b1c0f7e-2a8d-4a57-9a51-0c6a1f3b9e21";
    public const string PhoneNumberId = "c0ffee00-0000-4000-8000-000000000003";
    public const string AssistantId = "2f9c1d4e-7a6b-4c3d-9e8f-0a1b2c3d4e5f";
    public const string CallId = "019d2ad0-6eb1-7aac-9377-0fc25d8bc1ad";
}
