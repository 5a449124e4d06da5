using System.Text.Json;

namespace VapiExotel.Cli.Tests;

/// <summary><c>validate</c>: every check, each with its fix when it fails; exit code 1 when one does.</summary>
public sealed class ValidateTests : SandboxCliTest
{
    [Test]
    public async Task After_setup_every_check_passes_but_the_manual_step_and_the_posture()
    {
        await SetUpIntegrationAsync();

        var text = await RunAsync("validate");
        var json = await RunAsync("validate", "--json");

        Assert.That(text.ExitCode, Is.Zero, text.Out + text.Error);
        var checks = text.OutLines.Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal) && !l.Contains("Manual step", StringComparison.Ordinal)).ToList();
        Assert.That(checks, Has.Count.GreaterThanOrEqualTo(12));
        Assert.That(checks.Where(l => !l.Contains("exotel.inbound-flow:", StringComparison.Ordinal) && !l.Contains("security.posture:", StringComparison.Ordinal)), Is.All.StartWith("  ✓ "));
        Assert.That(text.Out, Does.Contain("✓ exotel.trunk:").And.Contain("✓ vapi.credential:").And.Contain("Manual step:"));
        Assert.That(text.Out, Does.Contain("→ exotel.inbound-flow:").And.Contain("! security.posture:"));
        Assert.That(text.OutLines[^1], Is.EqualTo("Valid; 1 manual step(s) pending."));

        Assert.That(json.ExitCode, Is.Zero, json.Error);
        using var document = JsonDocument.Parse(json.Out);
        Assert.That(document.RootElement.GetProperty("valid").GetBoolean(), Is.True);
        Assert.That(document.RootElement.GetProperty("manualStepsPending").GetBoolean(), Is.True);
        var statuses = document.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("status").GetString()).ToList();
        Assert.That(statuses, Has.Count.EqualTo(checks.Count));
        Assert.That(statuses.Where(s => s != "passed"), Is.EquivalentTo(new[] { "manualStepPending", "warning" }));
        Assert.That(Changes, Is.Empty, "validate only reads");
    }

    [Test]
    public async Task A_missing_trunk_fails_with_its_fix()
    {
        var run = await RunAsync("validate");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        var lines = run.OutLines.ToList();
        var trunk = lines.FindIndex(l => l.StartsWith("  ✗ exotel.trunk:", StringComparison.Ordinal));
        Assert.That(trunk, Is.GreaterThanOrEqualTo(0), "no failed trunk check in " + run.Out);
        Assert.That(lines[trunk + 1].TrimStart(), Does.StartWith("Fix: ").And.Length.GreaterThan("Fix: ".Length + 10));
        Assert.That(lines[^1], Does.Match(@"^\d+ check\(s\) failed\.$"));
        Assert.That(Changes, Is.Empty, "validate must not repair anything");
    }

    [Test]
    public async Task Offline_checks_the_configuration_without_sending_a_request()
    {
        var run = await RunAsync("validate", "--offline");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Contain("✓ configuration:"));
        Assert.That(run.OutLines[^1], Is.EqualTo("Valid."));
        Assert.That(Sandbox.Requests, Is.Empty);
    }
}
