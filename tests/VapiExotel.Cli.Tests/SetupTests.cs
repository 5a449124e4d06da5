using VapiExotel.Sandbox;

namespace VapiExotel.Cli.Tests;

/// <summary><c>setup</c> against the test's own sandbox: what it changes, and what it leaves alone.</summary>
public sealed class SetupTests : SandboxCliTest
{
    [Test]
    public async Task Setup_creates_both_sides_once_and_a_rerun_changes_nothing()
    {
        var first = await RunAsync("setup");

        Assert.That(first.ExitCode, Is.Zero, first.Error);
        Assert.That(first.Out, Does.Not.Contain(SandboxNoticeStart), "credentials are configured: no built-in sandbox");
        Assert.That(first.OutLines[0], Is.EqualTo("Setting up inbound and outbound for " + ExoPhone));
        var trunkSid = (string)Trunk!["trunk_sid"]!;
        Assert.That(Sandbox.Exotel.WhitelistedIps(trunkSid), Has.Count.EqualTo(2));
        Assert.That(Sandbox.Exotel.DestinationUris(trunkSid), Has.Count.EqualTo(1));
        Assert.That(Sandbox.Exotel.PhoneNumbers(trunkSid).Select(m => (string?)m["phone_number"]), Is.EqualTo(new[] { ExoPhone }));
        var credential = Sandbox.Vapi.Credentials.Single();
        Assert.That((string?)VapiNumber["credentialId"], Is.EqualTo((string?)credential["id"]));
        Assert.That((string?)VapiNumber["assistantId"], Is.EqualTo(AssistantId));
        Assert.That(first.Out, Does.Contain(trunkSid).And.Contain((string)credential["id"]!).And.Contain((string)VapiNumber["id"]!));

        Sandbox.ClearRequests();
        var second = await RunAsync("setup");

        Assert.That(second.ExitCode, Is.Zero, second.Error);
        Assert.That(Changes, Is.Empty, "a rerun must not create or change anything");
        Assert.That(second.OutLines.Count(l => l.Contains("✓ already present", StringComparison.Ordinal)), Is.EqualTo(7));
        Assert.That(second.OutLines[^1], Is.EqualTo("Setup complete: 0 change(s), 7 step(s)."));
        Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Dry_run_lists_what_it_would_create_and_changes_nothing()
    {
        var run = await RunAsync("setup", "--dry-run");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.OutLines[0], Is.EqualTo("Planning inbound and outbound for " + ExoPhone));
        Assert.That(Sandbox.Requests, Is.Not.Empty, "the plan reads both sides");
        Assert.That(Changes, Is.Empty);
        Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
        Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        var wouldCreate = run.OutLines.Where(l => l.TrimStart().StartsWith("✓ would create", StringComparison.Ordinal)).ToList();
        Assert.That(wouldCreate, Has.Count.EqualTo(7));
        Assert.That(wouldCreate, Has.Some.Contains("Exotel trunk vapi_exotel"));
        Assert.That(wouldCreate, Has.Some.Contains("Vapi phone number " + ExoPhone));
        Assert.That(run.OutLines[^1], Does.StartWith("Plan complete:"));
    }

    [Test]
    public async Task Outbound_only_touches_only_Vapi_and_inbound_only_only_Exotel()
    {
        var outbound = await RunAsync("setup", "--outbound-only");

        Assert.That(outbound.ExitCode, Is.Zero, outbound.Error);
        Assert.That(outbound.OutLines[0], Does.Contain("outbound only"));
        Assert.That(Sandbox.Requests.Where(r => r.Api == SandboxApi.Exotel), Is.Empty, "outbound only sends nothing to Exotel");
        Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
        Assert.That(Sandbox.Vapi.Credentials, Has.Count.EqualTo(1));
        Assert.That(Sandbox.Vapi.PhoneNumbers, Has.Count.EqualTo(1));
        Assert.That(outbound.Out, Does.Contain("Outbound:").And.Not.Contain("Inbound:").And.Not.Contain("Manual step:"));

        Sandbox.ClearRequests();
        var inbound = await RunAsync("setup", "--inbound-only");

        Assert.That(inbound.ExitCode, Is.Zero, inbound.Error);
        Assert.That(inbound.OutLines[0], Does.Contain("inbound only"));
        Assert.That(Changes.Where(r => r.Api == SandboxApi.Vapi), Is.Empty, "inbound only changes nothing at Vapi");
        Assert.That(Changes.Where(r => r.Api == SandboxApi.Exotel), Is.Not.Empty);
        Assert.That(Trunk, Is.Not.Null);
        Assert.That(Sandbox.Exotel.DestinationUris((string)Trunk!["trunk_sid"]!).Single()["destination"]!.ToString(),
            Does.StartWith("sip:" + (string?)Sandbox.Vapi.Credentials.Single()["id"] + ".sip.vapi.ai"));
        Assert.That(inbound.Out, Does.Contain("Inbound:").And.Contain("Manual step:").And.Not.Contain("Outbound:"));
    }

    [Test]
    public async Task Inbound_only_and_outbound_only_together_are_bad_usage_and_send_nothing()
    {
        var run = await RunAsync("setup", "--inbound-only", "--outbound-only");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--inbound-only and --outbound-only cannot be combined"));
        Assert.That(Sandbox.Requests, Is.Empty);
    }
}
