using System.Text.Json.Nodes;
using VapiExotel.Sandbox;

namespace VapiExotel.Cli.Tests;

/// <summary>
/// Runs the tool against a sandbox the test owns, through environment variables (<c>VapiExotel__…</c>), so that the
/// tool does not start its own and the test can look at every request and at both services' state.
/// </summary>
public abstract class SandboxCliTest : CliTest
{
    /// <summary>The sandbox account's ExoPhone.</summary>
    protected const string ExoPhone = "+918047490924";

    /// <summary>A customer's phone.</summary>
    protected const string Customer = "+919876543210";

    protected VapiExotelSandbox Sandbox { get; private set; } = null!;

    /// <summary>The seeded assistant, bound to <see cref="ExoPhone"/> by the configuration.</summary>
    protected string AssistantId => (string)Sandbox.Vapi.Assistants[0]["id"]!;

    [SetUp]
    public async Task StartSandboxAsync()
    {
        Sandbox = await VapiExotelSandbox.StartAsync(new VapiExotelSandboxOptions { StartTime = new DateTimeOffset(2026, 1, 23, 10, 0, 0, TimeSpan.Zero) });
        foreach (var (key, value) in Sandbox.ConfigurationFor())
        {
            Variables[EnvironmentName(key)] = value;
        }
    }

    [TearDown]
    public async Task StopSandboxAsync() => await Sandbox.DisposeAsync();

    /// <summary>A configuration key as an environment variable: <c>VapiExotel:Exotel:ApiKey</c> → <c>VapiExotel__Exotel__ApiKey</c>.</summary>
    protected static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>Runs <c>setup</c> through the tool, checks that it succeeded, and empties the request log.</summary>
    protected async Task SetUpIntegrationAsync()
    {
        var run = await RunAsync("setup");
        Assert.That(run.ExitCode, Is.Zero, "setup failed: " + run.Error);
        Sandbox.ClearRequests();
    }

    /// <summary>The requests that could change something: every one but GET.</summary>
    protected IEnumerable<SandboxRequest> Changes => Sandbox.Requests.Where(r => r.Method != "GET");

    /// <summary>The only trunk (null when there is none).</summary>
    protected JsonObject? Trunk => Sandbox.Exotel.Trunks.SingleOrDefault();

    /// <summary>The Vapi BYO phone number of <see cref="ExoPhone"/>.</summary>
    protected JsonObject VapiNumber => Sandbox.Vapi.PhoneNumbers.Single(n => (string?)n["number"] == ExoPhone);
}
