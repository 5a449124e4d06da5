using Exotel.VSip;
using Vapi.Client;

namespace VapiExotel.Integration.Tests.Integrator.Operations;

/// <summary>No secret in any log line, report, step, check or exception, whether things go well or not.</summary>
public sealed class SecretTests : IntegratorScenario
{
    private const string WrongVapiKey = "wrong-vapi-key-5b1e9c";
    private const string WrongExotelToken = "wrong-exotel-token-77d2";

    private readonly List<string> _texts = [];

    private void Collect(IntegrationReport report)
    {
        _texts.Add(report.ToString());
        foreach (var step in report.Steps)
        {
            _texts.Add(step.ToString());
            _texts.Add(step.Target);
            _texts.Add(step.Message ?? string.Empty);
            _texts.Add(step.Error?.ToString() ?? string.Empty);
        }

        _texts.AddRange(report.ManualSteps);
    }

    private void Collect(Exception exception) => _texts.Add(exception.ToString());

    private void AssertNoSecret()
    {
        var secrets = new[] { Sandbox.Options.ExotelApiToken, Sandbox.Options.ExotelApiKey, Sandbox.Options.VapiApiKey, WrongVapiKey, WrongExotelToken };
        var everything = _texts.Concat(Logs.Lines).ToList();
        Assert.That(Logs.Lines, Is.Not.Empty, "the integrator logs");
        foreach (var secret in secrets)
        {
            // Says which text, never the secret itself.
            var leaks = everything.Count(t => t.Contains(secret, StringComparison.Ordinal));
            Assert.That(leaks, Is.Zero, $"texts holding secret #{Array.IndexOf(secrets, secret)}");
        }
    }

    [Test]
    public async Task A_full_setup_validate_and_teardown_write_no_secret()
    {
        var setup = await Integrator().SetupAsync();
        Collect(setup);
        _texts.Add((await Integrator().ValidateAsync()).ToString());
        _texts.Add((await Integrator().ListAsync()).ToString());
        Collect(await Integrator().TeardownAsync(dryRun: true));
        Collect(await Integrator().TeardownAsync());

        Assert.That(setup.Succeeded, Is.True, setup.ToString());
        AssertNoSecret();
    }

    [Test]
    public async Task A_setup_refused_by_vapi_writes_no_secret()
    {
        Settings["VapiExotel:Vapi:ApiKey"] = WrongVapiKey;

        var report = await Integrator().SetupAsync();
        Collect(report);
        Collect(Assert.Throws<VapiExotelException>(() => report.EnsureSuccess())!);
        _texts.Add((await Integrator().ValidateAsync()).ToString());
        Collect(Assert.ThrowsAsync<VapiException>(() => Integrator().ListAsync())!);

        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.False);
            Assert.That(report.StepsFor(ResourceKind.VapiCredential).Single().Error?.HttpStatus, Is.EqualTo(401));
            Assert.That(report.StepsFor(ResourceKind.VapiCredential).Single().Error?.Fix, Does.Contain("Vapi:ApiKey"));
        });
        AssertNoSecret();
    }

    [Test]
    public async Task A_setup_refused_by_exotel_writes_no_secret()
    {
        Settings["VapiExotel:Exotel:ApiToken"] = WrongExotelToken;

        var report = await Integrator().SetupAsync();
        Collect(report);
        Collect(Assert.Throws<VapiExotelException>(() => report.EnsureSuccess())!);
        _texts.Add((await Integrator().ValidateAsync()).ToString());
        var teardown = await Integrator().TeardownAsync();
        Collect(teardown);
        Collect(Assert.ThrowsAsync<ExotelException>(() => Integrator().ListAsync())!);

        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.False);
            Assert.That(report.StepsFor(ResourceKind.ExotelTrunk).Single().Error?.HttpStatus, Is.EqualTo(401));
            Assert.That(report.StepsFor(ResourceKind.ExotelTrunk).Single().Error?.Fix, Does.Contain("ApiToken"));
            Assert.That(teardown.Failures.Single().Error?.HttpStatus, Is.EqualTo(401));
        });
        AssertNoSecret();
    }

    [Test]
    public async Task Calls_write_no_secret()
    {
        await Integrator().SetupAsync();
        var integrator = Integrator();
        var call = await integrator.StartAssistantCallAsync(new AssistantCallRequest("+919876543210"));
        var ended = await Direct.AdvanceUntilAsync(Sandbox, integrator.WaitForCallEndAsync(call.Id, new CallWaitOptions
        {
            InitialInterval = TimeSpan.FromMilliseconds(10), MaxInterval = TimeSpan.FromMilliseconds(50),
        }), TimeSpan.FromSeconds(2));
        _texts.Add(ended.EndedReason?.Value ?? string.Empty);

        Assert.That(ended.Status?.IsTerminal, Is.True);
        AssertNoSecret();
    }
}
