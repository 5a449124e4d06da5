using System.Text.RegularExpressions;
using VapiExotel.Sandbox;

namespace VapiExotel.Samples.Tests;

/// <summary>
/// Each sample, built, run as a developer would run it: against the sandbox by default, and against "accounts" given
/// by configuration (a sandbox of the test's own standing in for them, reached through environment variables).
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class SampleTests
{
    [GeneratedRegex(@"^\s+Placed Exotel call (?<sid>[0-9a-f]{32}): queued", RegexOptions.Multiline)]
    private static partial Regex PlacedExotelCall();

    [GeneratedRegex(@"^\s+(?<number>\+\d+) -> assistant '(?<assistant>[^']+)' \((?<assistantId>[^)]+)\), Vapi phone number \S+, credential (?<credential>\S+)$", RegexOptions.Multiline)]
    private static partial Regex NumberLine();

    [Test]
    public async Task BidirectionalSetup_by_default_plans_sets_up_validates_and_calls_in_the_sandbox()
    {
        var run = await SampleProcess.RunAsync("BidirectionalSetup");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Lines[0], Does.StartWith(SampleProcess.SandboxNotice), run.ToString());
        Assert.That(run.Error, Is.Empty, run.ToString());
        foreach (var kind in new[] { "ExotelTrunk", "ExotelWhitelistedIp", "ExotelDestination", "ExotelNumberMapping", "VapiCredential", "VapiPhoneNumber" })
        {
            Assert.That(run.Output, Does.Match($@"\n\s+WouldCreate\s+{kind}\s"), $"plan of {kind}\n{run}");
            Assert.That(run.Output, Does.Match($@"\n\s+Created\s+{kind}\s"), $"setup of {kind}\n{run}");
        }

        Assert.That(run.Output, Does.Contain("   setup: 7 steps, 7 change(s)."), run.ToString());
        Assert.That(run.Output, Does.Contain("By hand: In the Exotel console"), run.ToString());
        Assert.That(run.Output, Does.Contain("Validation passed (14 checks)."), run.ToString());
        Assert.That(run.Output, Does.Not.Contain("[Failed]"), run.ToString());
        Assert.That(run.Output, Does.Match(@"Placed Vapi call [0-9a-f-]{36} to \+919876543210: queued"), run.ToString());
        Assert.That(run.Output, Does.Contain("Call ended: customer-ended-call. The call ended normally."), run.ToString());
        Assert.That(run.Lines.Last(l => l.Length > 0), Is.EqualTo("Done: every step succeeded."), run.ToString());
    }

    [Test]
    public async Task BidirectionalSetup_with_accounts_configured_uses_them_and_skips_the_test_call_without_a_number()
    {
        await using var accounts = await VapiExotelSandbox.StartAsync();

        var run = await SampleProcess.RunAsync("BidirectionalSetup", SampleProcess.AsEnvironment(accounts.ConfigurationFor()));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Not.Contain("built-in sandbox"), run.ToString());
        Assert.That(run.Output, Does.Contain("Skipped: set VapiExotel:TestCallNumber"), run.ToString());
        Assert.That(run.Output, Does.Contain("Validation passed"), run.ToString());

        // Setup really happened in the configured accounts, and no call was placed.
        Assert.That(accounts.Exotel.Trunks.Select(t => (string?)t["trunk_name"]), Is.EqualTo(new[] { "vapi_exotel" }));
        Assert.That(accounts.Vapi.Credentials, Has.Count.EqualTo(1));
        Assert.That(accounts.Vapi.PhoneNumbers.Select(n => (string?)n["number"]), Is.EqualTo(new[] { accounts.Options.ExoPhones[0] }));
        Assert.That(accounts.Vapi.Calls, Is.Empty);
    }

    [Test]
    public async Task BidirectionalSetup_reads_the_original_scripts_variables_and_exits_1_when_a_step_fails()
    {
        await using var accounts = await VapiExotelSandbox.StartAsync();
        var environment = SampleProcess.AsEnvironment(accounts.ConfigurationFor());

        // VAPI_PRIVATE_KEY (the original scripts' name) overrides VapiExotel:Vapi:ApiKey: a key Vapi refuses.
        environment["VAPI_PRIVATE_KEY"] = "not-the-sandbox-key";
        var run = await SampleProcess.RunAsync("BidirectionalSetup", environment);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Not.Contain("built-in sandbox"), run.ToString());
        Assert.That(run.Output, Does.Contain("plan FAILED"), run.ToString());
        Assert.That(run.Output, Does.Contain("setup FAILED"), run.ToString());
        Assert.That(run.Output, Does.Contain("Validation FAILED"), run.ToString());
        Assert.That(run.Output, Does.Contain("Skipped: set VapiExotel:TestCallNumber").Or.Contain("Skipped: setup failed"), run.ToString());
        Assert.That(run.Lines.Last(l => l.Length > 0), Is.EqualTo("Done, with failures: see above."), run.ToString());
        Assert.That(accounts.Vapi.Credentials, Is.Empty, "nothing was created on Vapi with a refused key");
    }

    [Test]
    public async Task OutboundCalls_by_default_places_the_three_kinds_of_call_and_follows_each_to_its_end()
    {
        var run = await SampleProcess.RunAsync("OutboundCalls");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Lines[0], Does.StartWith(SampleProcess.SandboxNotice), run.ToString());
        Assert.That(run.Error, Is.Empty, run.ToString());

        var exotelCalls = PlacedExotelCall().Matches(run.Output).Select(m => m.Groups["sid"].Value).ToList();
        Assert.That(exotelCalls, Has.Count.EqualTo(2), run.ToString());
        Assert.That(run.Output, Does.Contain("(+919876543210 is rung, then +919123456789; caller id +918047490924)"), run.ToString());
        Assert.That(run.Output, Does.Contain("(+919988776655 is rung, then connected to flow 219283)"), run.ToString());
        var vapiCall = Regex.Match(run.Output, @"Placed Vapi call (?<id>[0-9a-f-]{36}): queued \(\+918047490924 calls \+919900112233;");
        Assert.That(vapiCall.Success, Is.True, run.ToString());

        // Each call, followed to its end, in the order placed, with what its end means.
        Assert.That(run.Output, Does.Contain($"Connect two numbers: Exotel call {exotelCalls[0]} ended: completed; legs completed/completed, 1 s of conversation"), run.ToString());
        Assert.That(run.Output, Does.Contain($"Connect to a flow: Exotel call {exotelCalls[1]} ended: completed; legs completed/-"), run.ToString());
        Assert.That(run.Output, Does.Contain($"Assistant call: Vapi call {vapiCall.Groups["id"].Value} ended: customer-ended-call"), run.ToString());
        Assert.That(Regex.Matches(run.Output, "16 NORMAL_CLEARING: The call was answered and ended normally"), Has.Count.EqualTo(2), run.ToString());
        Assert.That(run.Output, Does.Contain("customer-ended-call: The call ended normally."), run.ToString());
        Assert.That(run.Output.IndexOf("Connect two numbers: ", StringComparison.Ordinal),
            Is.LessThan(run.Output.IndexOf("Assistant call: ", StringComparison.Ordinal)), run.ToString());
        Assert.That(run.Lines.Last(l => l.Length > 0), Is.EqualTo("Done: every call ended without a failure."), run.ToString());
    }

    [Test]
    public async Task OutboundCalls_with_accounts_configured_rings_nobody_until_the_numbers_are_set()
    {
        await using var accounts = await VapiExotelSandbox.StartAsync();

        var run = await SampleProcess.RunAsync("OutboundCalls", SampleProcess.AsEnvironment(accounts.ConfigurationFor()));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output, Does.Not.Contain("built-in sandbox"), run.ToString());
        Assert.That(Regex.Matches(run.Output, "   Skipped: set OutboundCalls:"), Has.Count.EqualTo(3), run.ToString());
        Assert.That(run.Lines.Last(l => l.Length > 0), Is.EqualTo("Done: no call was placed. Set the numbers under OutboundCalls to place some."), run.ToString());
        Assert.That(accounts.Exotel.Calls, Is.Empty);
        Assert.That(accounts.Vapi.Calls, Is.Empty);
    }

    [Test]
    public async Task MultiAssistant_by_default_binds_three_numbers_to_two_assistants_on_one_credential()
    {
        var run = await SampleProcess.RunAsync("MultiAssistant");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Lines[0], Does.StartWith(SampleProcess.SandboxNotice), run.ToString());
        Assert.That(run.Error, Is.Empty, run.ToString());
        Assert.That(run.Output, Does.Contain("Setting up 3 ExoPhone(s) for 2 assistant(s)"), run.ToString());
        Assert.That(Regex.Matches(run.Output, @"\n\s+Created\s+VapiPhoneNumber\s"), Has.Count.EqualTo(3), run.ToString());
        Assert.That(Regex.Matches(run.Output, @"\n\s+Created\s+VapiCredential\s"), Has.Count.EqualTo(1), run.ToString());

        var numbers = NumberLine().Matches(run.Output).ToList();
        Assert.That(numbers.Select(m => m.Groups["number"].Value), Is.EqualTo(new[] { "+918047490901", "+918047490902", "+918047490903" }), run.ToString());
        Assert.That(numbers.Select(m => m.Groups["assistant"].Value), Is.EqualTo(new[] { "Sales", "Support", "Sales" }), run.ToString());
        Assert.That(numbers[0].Groups["assistantId"].Value, Is.EqualTo(numbers[2].Groups["assistantId"].Value).And.Not.EqualTo(numbers[1].Groups["assistantId"].Value));

        // The same credential id on every number, and it is the one the summary names.
        var credential = numbers[0].Groups["credential"].Value;
        Assert.That(credential, Does.Match("^[0-9a-f-]{36}$"), run.ToString());
        Assert.That(numbers.Select(m => m.Groups["credential"].Value), Is.All.EqualTo(credential), run.ToString());
        Assert.That(run.Output, Does.Contain($"All 3 numbers share one Vapi credential: {credential} ('vx-exotel-sandbox1')."), run.ToString());
    }

    [Test]
    public async Task MultiAssistant_refuses_a_number_bound_twice_before_changing_anything()
    {
        await using var accounts = await VapiExotelSandbox.StartAsync();
        var environment = SampleProcess.AsEnvironment(accounts.ConfigurationFor());
        environment["VapiExotel__Numbers__1__PhoneNumber"] = accounts.Options.ExoPhones[0];
        environment["VapiExotel__Numbers__1__AssistantId"] = accounts.Vapi.AddAssistant("Support");

        var run = await SampleProcess.RunAsync("MultiAssistant", environment);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Output, Does.Contain("The configuration is not valid:"), run.ToString());
        Assert.That(run.Output, Does.Contain($"VapiExotel:Numbers:1:PhoneNumber {accounts.Options.ExoPhones[0]} is bound twice"), run.ToString());
        Assert.That(accounts.Requests, Is.Empty, "nothing was sent");
    }
}
