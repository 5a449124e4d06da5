using System.Text.Json;
using System.Text.RegularExpressions;

namespace VapiExotel.Cli.Tests;

/// <summary>No credentials configured: the tool runs against its built-in sandbox, and says so first.</summary>
public sealed partial class BuiltInSandboxTests : CliTest
{
    [Test]
    public async Task Setup_without_credentials_sets_up_both_directions_in_the_built_in_sandbox()
    {
        var run = await RunAsync("setup");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.OutLines[0], Does.StartWith(SandboxNoticeStart));
        Assert.That(run.Error, Is.Empty);

        // Every step printed as it landed.
        var created = run.OutLines.Where(l => l.TrimStart().StartsWith("✓ created", StringComparison.Ordinal)).ToList();
        Assert.That(created, Has.Count.EqualTo(7));
        foreach (var resource in new[]
                 {
                     "Exotel trunk vapi_exotel", "Exotel whitelisted IP", "Exotel destination", "Exotel number mapping +918047490924",
                     "Vapi SIP trunk credential vx-exotel-sandbox1", "Vapi phone number +918047490924",
                 })
        {
            Assert.That(created, Has.Some.Contains(resource));
        }

        // The call paths name the real resources…
        var inbound = InboundPath().Match(run.Out);
        var outbound = OutboundPath().Match(run.Out);
        Assert.That(inbound.Success, Is.True, "no Inbound: line in " + run.Out);
        Assert.That(outbound.Success, Is.True, "no Outbound: line in " + run.Out);
        var trunkSid = inbound.Groups["trunk"].Value;
        var vapiNumberId = outbound.Groups["number"].Value;
        var credentialId = outbound.Groups["credential"].Value;
        Assert.That(new[] { trunkSid, vapiNumberId, credentialId }, Has.None.StartsWith("("), "a placeholder instead of an id");
        Assert.That(inbound.Groups["destination"].Value, Does.StartWith(credentialId + ".sip.vapi.ai:5060"));
        Assert.That(inbound.Groups["assistant"].Value, Is.EqualTo(outbound.Groups["assistant"].Value));

        // …which the resource table lists with their ids.
        Assert.That(TableRow(run, "Exotel trunk"), Does.Contain(trunkSid).And.Contain("created"));
        Assert.That(TableRow(run, "Vapi SIP trunk credential"), Does.Contain(credentialId));
        Assert.That(TableRow(run, "Vapi phone number"), Does.Contain(vapiNumberId));
        Assert.That(TableRow(run, "Exotel number mapping"), Does.Match(@"│\s*\d+\s*│\s*$"));

        // The flow no API can create.
        Assert.That(run.Out, Does.Contain("Manual step:").And.Contain("sip:" + trunkSid));
        Assert.That(run.OutLines[^1], Is.EqualTo("Setup complete: 7 change(s), 7 step(s)."));
    }

    [Test]
    public async Task Setup_json_writes_one_json_document_and_the_notice_on_the_error_stream()
    {
        var run = await RunAsync("setup", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.ErrorLines[0], Does.StartWith(SandboxNoticeStart));
        Assert.That(run.Out, Does.Not.Contain(SandboxNoticeStart));

        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.That(root.GetProperty("operation").GetString(), Is.EqualTo("setup"));
        Assert.That(root.GetProperty("succeeded").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("sandbox").GetBoolean(), Is.True);
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.That(steps, Has.Count.EqualTo(7));
        Assert.That(steps.Select(s => s.GetProperty("outcome").GetString()), Is.All.EqualTo("created"));
        Assert.That(steps.Select(s => s.GetProperty("resourceId").GetString()), Is.All.Not.Empty);
        Assert.That(root.GetProperty("trunkSid").GetString(), Is.EqualTo(steps.Single(s => s.GetProperty("kind").GetString() == "exotelTrunk").GetProperty("resourceId").GetString()));
        Assert.That(root.GetProperty("manualSteps").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Setup_inbound_only_in_the_built_in_sandbox_sets_the_outbound_credential_up_first_and_succeeds()
    {
        var run = await RunAsync("setup", "--inbound-only");

        Assert.That(run.ExitCode, Is.Zero, run.Out + run.Error);
        Assert.That(run.Out, Does.Contain("outbound side was set up first").And.Contain("Exotel destination"));
        Assert.That(run.OutLines[^1], Does.StartWith("Setup complete"));
    }

    [Test]
    public async Task Setup_with_both_direction_flags_is_bad_usage_and_starts_nothing()
    {
        var run = await RunAsync("setup", "--inbound-only", "--outbound-only");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Out, Is.Empty, "the command should not have started (no sandbox notice)");
        Assert.That(run.ErrorLines[0], Does.StartWith("Error:").And.Contain("cannot be combined"));
        Assert.That(run.ErrorLines, Has.Some.StartWith("Fix:"));
    }

    [Test]
    public async Task Every_command_but_setup_first_sets_the_integration_up_in_the_fresh_sandbox()
    {
        var run = await RunAsync("resources", "list");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.OutLines[0], Does.StartWith(SandboxNoticeStart));
        Assert.That(run.OutLines[1], Does.Contain("set up in it first"));
        Assert.That(run.Out, Does.Contain("7 managed resource(s)"));
    }

    [TestCase("21", "Vapi")]
    [TestCase("403", "SipPath")]
    [TestCase("customer-busy", "None")]
    public async Task Explain_names_the_side_and_the_fix_offline(string cause, string side)
    {
        var run = await RunAsync("explain", cause);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Not.Contain(SandboxNoticeStart), "explain needs no sandbox");
        Assert.That(run.OutLines[0], Does.Contain(cause));
        Assert.That(run.OutLines, Has.Some.EqualTo($"Side:    {side}"));
        Assert.That(run.OutLines.Single(l => l.StartsWith("Fix:", StringComparison.Ordinal)), Has.Length.GreaterThan("Fix:     ".Length));
        Assert.That(run.OutLines, Has.Some.StartWith("Meaning: "));
    }

    [Test]
    public async Task Explain_json_is_one_document()
    {
        var run = await RunAsync("explain", "--json", "403");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var document = JsonDocument.Parse(run.Out);
        Assert.That(document.RootElement.GetProperty("side").GetString(), Is.EqualTo("sipPath"));
        Assert.That(document.RootElement.GetProperty("isFailure").GetBoolean(), Is.True);
        Assert.That(document.RootElement.GetProperty("fix").GetString(), Is.Not.Empty);
    }

    [TestCase("bogus")]
    [TestCase("explain", "")]
    [TestCase("call", "list", "--limit", "many")]
    public async Task Bad_usage_exits_2_with_an_error_and_a_fix_and_starts_nothing(params string[] args)
    {
        var run = await RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Out, Is.Empty, "no sandbox was started");
        Assert.That(run.ErrorLines[0], Does.StartWith("Error: "));
        Assert.That(run.ErrorLines[^1], Does.StartWith("Fix: "));
    }

    [Test]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var run = await RunAsync("--help");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        foreach (var command in new[] { "setup", "validate", "test-call", "call", "resources", "teardown", "explain", "sandbox" })
        {
            Assert.That(run.OutLines, Has.Some.Match($@"^\s+{command}\b"), command);
        }

        Assert.That(run.Out, Does.Not.Contain(SandboxNoticeStart));
    }

    private static string TableRow(CliRun run, string resource) =>
        run.OutLines.FirstOrDefault(l => l.StartsWith("│ " + resource + " ", StringComparison.Ordinal)) ?? $"(no table row for {resource})";

    [GeneratedRegex(@"^Inbound:  caller → \+918047490924 → Exotel trunk (?<trunk>\S+) → sip:(?<destination>\S+) → Vapi assistant (?<assistant>\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex InboundPath();

    [GeneratedRegex(@"^Outbound: Vapi assistant (?<assistant>\S+) → Vapi number (?<number>\S+) \(credential (?<credential>\S+)\) → Exotel gateway 129\.154\.231\.198:5070 → callee\r?$", RegexOptions.Multiline)]
    private static partial Regex OutboundPath();
}
