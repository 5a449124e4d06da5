using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Vapi.Client.Tests.Sandbox;

/// <summary>The client registered with <c>AddVapiClient</c>, in code or from configuration, talks to the sandbox like the standalone one.</summary>
public sealed class RegistrationScenarioTests : SandboxScenario
{
    [Test]
    public async Task A_client_registered_in_code_creates_and_reads_a_trunk_with_the_sdks_headers()
    {
        var services = new ServiceCollection();
        services.AddVapiClient(o =>
        {
            o.ApiKey = Sandbox.Options.VapiApiKey;
            o.BaseAddress = Sandbox.VapiBaseAddress;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<VapiClient>();

        var created = await client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Name = "vx-di", Gateways = { new SipTrunkGateway { Ip = "129.154.231.198", Port = 5070, OutboundProtocol = SipGatewayProtocol.Tcp } },
        });
        var read = await client.Credentials.GetSipTrunkAsync(created.Id);

        var requests = Sandbox.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(read.Name, Is.EqualTo("vx-di"));
            Assert.That(requests.Select(r => $"{r.Method} {r.Path} {r.Status}"), Is.EqualTo(new[] { "POST /credential 201", $"GET /credential/{created.Id} 200" }));
            Assert.That(requests.Select(r => r.Headers["Authorization"]), Is.All.EqualTo("Bearer ***"));
            Assert.That(requests.Select(r => r.Headers["Accept"]), Is.All.EqualTo("application/json"));
            Assert.That(requests.Select(r => r.Headers["User-Agent"]), Is.All.StartsWith("Vapi.Client/"));
            Assert.That(requests[0].Headers["Content-Type"], Is.EqualTo("application/json"));
        });
    }

    [Test]
    public async Task A_client_bound_to_configuration_lists_the_sandboxs_assistants()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Vapi:ApiKey"] = Sandbox.Options.VapiApiKey,
                ["Vapi:BaseAddress"] = Sandbox.VapiBaseAddress.AbsoluteUri,
                ["Vapi:Resilience:AttemptTimeout"] = "00:00:05",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddVapiClient(configuration.GetSection("Vapi"));
        await using var provider = services.BuildServiceProvider();

        var assistants = await AllAsync(provider.GetRequiredService<VapiClient>().Assistants.ListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(assistants.Select(a => a.Id), Is.EqualTo(new[] { SeededAssistantId }));
            Assert.That(RequestsTo("GET", "/assistant").Single().Query, Is.EqualTo("?limit=100"));
        });
    }
}
