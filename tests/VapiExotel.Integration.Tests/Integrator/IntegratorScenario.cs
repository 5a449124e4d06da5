using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VapiExotel.Sandbox;
using Microsoft.Extensions.Logging;

namespace VapiExotel.Integration.Tests.Integrator;

/// <summary>
/// A fresh sandbox per test and an integrator registered with <c>AddVapiExotel(IConfiguration)</c>, pointed at it:
/// every scenario runs over real HTTP on loopback, through both clients.
/// </summary>
public abstract class IntegratorScenario : SandboxPerTest
{
    /// <summary>An Exotel edge address, as a public IPv4 literal (no DNS needed).</summary>
    protected const string GatewayIp = "129.154.231.198";

    /// <summary>Vapi's US signalling addresses, which setup whitelists.</summary>
    protected static readonly string[] VapiIps = ["44.229.228.186", "44.238.177.138"];

    private readonly List<ServiceProvider> _providers = [];

    /// <summary>Every log line written by the integrators of this test.</summary>
    internal CapturingLoggerProvider Logs { get; } = new();

    /// <summary>The id of the sandbox's seeded assistant.</summary>
    protected string AssistantId => (string)Sandbox.Vapi.Assistants[0]["id"]!;

    /// <summary>The integration's settings for this test; change them before calling <see cref="Integrator"/>.</summary>
    protected Dictionary<string, string?> Settings { get; private set; } = null!;

    [SetUp]
    public void CreateSettings() => Settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["VapiExotel:Exotel:AccountSid"] = Sandbox.Options.ExotelAccountSid,
        ["VapiExotel:Exotel:ApiKey"] = Sandbox.Options.ExotelApiKey,
        ["VapiExotel:Exotel:ApiToken"] = Sandbox.Options.ExotelApiToken,
        ["VapiExotel:Exotel:BaseAddress"] = Sandbox.ExotelBaseAddress.ToString(),
        ["VapiExotel:Vapi:ApiKey"] = Sandbox.Options.VapiApiKey,
        ["VapiExotel:Vapi:BaseAddress"] = Sandbox.VapiBaseAddress.ToString(),
        ["VapiExotel:Gateway:Host"] = GatewayIp,
        ["VapiExotel:Numbers:0:PhoneNumber"] = ExoPhone,
        ["VapiExotel:Numbers:0:AssistantId"] = AssistantId,

        // The default retries (3) stay on; only their back-off shrinks, so that a transient fault costs no test time.
        ["VapiExotel:Exotel:Resilience:Retry:Delay"] = "00:00:00.001",
        ["VapiExotel:Vapi:Resilience:Retry:Delay"] = "00:00:00.001",
    };

    [TearDown]
    public async Task DisposeProvidersAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        _providers.Clear();
    }

    /// <summary>NUnit keeps one fixture instance for all its tests: each test starts with no captured line.</summary>
    [SetUp]
    public void ForgetEarlierTestsLines() => Logs.Lines.Clear();

    /// <summary>
    /// An integrator registered through <c>AddVapiExotel(IConfiguration)</c> with logging at Trace into <see cref="Logs"/>,
    /// for <paramref name="settings"/> (the test's <see cref="Settings"/> when null), with <paramref name="extra"/>
    /// registrations applied after <c>AddVapiExotel</c>.
    /// </summary>
    protected IVapiExotelIntegrator Integrator(Action<IServiceCollection>? extra = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddVapiExotel(configuration);
        extra?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return provider.GetRequiredService<IVapiExotelIntegrator>();
    }

    /// <summary>The requests the sandbox received that create or change something (anything but GET).</summary>
    protected IReadOnlyList<SandboxRequest> Writes() => Sandbox.Requests.Where(r => r.Method != "GET").ToList();

    /// <summary>The sandbox's one trunk (fails when there is not exactly one).</summary>
    protected JsonObject OnlyTrunk()
    {
        Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(1), "trunks");
        return Sandbox.Exotel.Trunks[0];
    }

    protected static string Sid(JsonObject trunk) => (string)trunk["trunk_sid"]!;

    /// <summary>Asserts the whole bidirectional wiring of <paramref name="numbers"/> (number → assistant) as the sandbox holds it.</summary>
    protected void AssertWired(params (string Number, string AssistantId)[] numbers)
    {
        var trunk = OnlyTrunk();
        var sid = Sid(trunk);
        Assert.That(Sandbox.Vapi.Credentials, Has.Count.EqualTo(1), "credentials");
        var credential = Sandbox.Vapi.Credentials[0];
        var credentialId = (string)credential["id"]!;
        var gateway = credential["gateways"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)trunk["trunk_name"], Is.EqualTo("vapi_exotel"));
            Assert.That(Sandbox.Exotel.WhitelistedIps(sid).Select(i => (string)i["ip"]!), Is.EquivalentTo(VapiIps));
            Assert.That(Sandbox.Exotel.DestinationUris(sid).Select(d => (string)d["destination"]!),
                Is.EqualTo(new[] { $"sip:{credentialId}.sip.vapi.ai:5060;transport=tcp" }).Or.EqualTo(new[] { $"{credentialId}.sip.vapi.ai:5060;transport=tcp" }));
            Assert.That(Sandbox.Exotel.PhoneNumbers(sid).Select(m => (string)m["phone_number"]!), Is.EquivalentTo(numbers.Select(n => n.Number)));
            Assert.That((string?)credential["name"], Is.EqualTo($"vx-exotel-{Sandbox.Options.ExotelAccountSid}"));
            Assert.That((string?)gateway["ip"], Is.EqualTo(GatewayIp));
            Assert.That((int?)gateway["port"], Is.EqualTo(5070));
            Assert.That((string?)gateway["outboundProtocol"], Is.EqualTo("tcp"));
            Assert.That((bool?)credential["outboundLeadingPlusEnabled"], Is.True);
            var phoneNumbers = Sandbox.Vapi.PhoneNumbers;
            Assert.That(phoneNumbers, Has.Count.EqualTo(numbers.Length), "Vapi phone numbers");
            foreach (var (number, assistantId) in numbers)
            {
                var resource = phoneNumbers.Single(p => (string?)p["number"] == number);
                Assert.That((string?)resource["provider"], Is.EqualTo("byo-phone-number"));
                Assert.That((string?)resource["credentialId"], Is.EqualTo(credentialId));
                Assert.That((string?)resource["assistantId"], Is.EqualTo(assistantId), number);
                Assert.That((bool?)resource["numberE164CheckEnabled"], Is.False);
            }
        });
    }
}
