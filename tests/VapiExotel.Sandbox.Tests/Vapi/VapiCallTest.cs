namespace VapiExotel.Sandbox.Tests.Vapi;

/// <summary>A sandbox with a BYO number ready to call from, and the seeded assistant to call with.</summary>
public abstract class VapiCallTest : Support.SandboxTest
{
    protected string AssistantId { get; private set; } = null!;

    protected string PhoneNumberId { get; private set; } = null!;

    [SetUp]
    public async Task CreateNumberAsync()
    {
        AssistantId = VapiSeed.AssistantId(Sandbox);
        PhoneNumberId = (string)(await VapiSeed.CreateNumberAsync(Vapi))["id"]!;
    }
}
