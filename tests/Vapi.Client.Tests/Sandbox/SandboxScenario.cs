using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Sandbox;

/// <summary>
/// A fresh sandbox per test (manual clock at <see cref="SandboxPerTest.Start"/>) and the real <see cref="VapiClient"/> pointed at it
/// over loopback HTTP: every request the client sends must pass the sandbox's strict schema, and every answer the
/// sandbox gives must read back into the client's types.
/// </summary>
public abstract class SandboxScenario : SandboxPerTest
{
    /// <summary>A customer number; calls to it follow the default script unless a test scripts it.</summary>
    protected const string Customer = "+919876543210";

    /// <summary>The client under test, built the documented way for a sandbox.</summary>
    protected VapiClient Client { get; private set; } = null!;

    /// <summary>The id of the assistant the sandbox starts with ("Sandbox Assistant").</summary>
    protected string SeededAssistantId => (string)Sandbox.Vapi.Assistants[0]["id"]!;

    [SetUp]
    public void CreateClient() => Client = NewClient();

    /// <summary>A client with the sandbox's key and address, and whatever <paramref name="configure"/> changes.</summary>
    protected VapiClient NewClient(Action<VapiClientOptions>? configure = null)
    {
        var options = new VapiClientOptions { ApiKey = Sandbox.Options.VapiApiKey, BaseAddress = Sandbox.VapiBaseAddress };
        options.Resilience.Retry.Delay = TimeSpan.FromMilliseconds(1);   // the default retries, without their back-off
        configure?.Invoke(options);
        return new VapiClient(options);
    }

    /// <summary>The Vapi requests the sandbox received with this method and path (no query).</summary>
    protected List<SandboxRequest> RequestsTo(string method, string path) =>
        Sandbox.Requests.Where(r => r.Api == SandboxApi.Vapi && r.Method == method && r.Path == path).ToList();

    /// <summary>An Exotel-shaped BYO SIP trunk credential: one TCP gateway on the edge's IPv4 address.</summary>
    protected Task<ByoSipTrunkCredential> CreateTrunkAsync(string name = "vx-exotel-sandbox1-trunk1") =>
        Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Name = name,
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198", Port = 5070, OutboundProtocol = SipGatewayProtocol.Tcp } },
            OutboundLeadingPlusEnabled = true,
        });

    /// <summary>A BYO number on <paramref name="credentialId"/>, answered by <paramref name="assistantId"/> (the seeded assistant by default).</summary>
    protected Task<ByoPhoneNumber> CreateNumberAsync(string credentialId, string number = ExoPhone, string? assistantId = null, VapiServer? server = null) =>
        Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            Number = number, CredentialId = credentialId, AssistantId = assistantId ?? SeededAssistantId, Server = server,
        });

    /// <summary>A trunk and a BYO number on it, ready to place calls from.</summary>
    protected async Task<ByoPhoneNumber> CreateTrunkAndNumberAsync(VapiServer? server = null)
    {
        var trunk = await CreateTrunkAsync();
        return await CreateNumberAsync(trunk.Id, server: server);
    }

    /// <summary>Places a call from <paramref name="phoneNumberId"/> to <paramref name="customer"/>, talked by <paramref name="assistantId"/> (the seeded one by default).</summary>
    protected Task<VapiCall> PlaceCallAsync(string phoneNumberId, string customer = Customer, string? assistantId = null) =>
        Client.Calls.CreateAsync(new CreateCallRequest
        {
            AssistantId = assistantId ?? SeededAssistantId, PhoneNumberId = phoneNumberId, Customer = new VapiCustomer { Number = customer },
        });

    /// <summary>Reads a whole list.</summary>
    protected static async Task<List<T>> AllAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
