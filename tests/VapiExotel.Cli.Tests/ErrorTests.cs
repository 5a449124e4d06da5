namespace VapiExotel.Cli.Tests;

/// <summary>A failed request: one line saying what, one saying what to do, exit code 1, never a secret.</summary>
public sealed class ErrorTests : SandboxCliTest
{
    private const string WrongVapiKey = "wrong-vapi-key-5f0c1d2e";

    [SetUp]
    public void UseAWrongVapiKey() => Variables["VapiExotel__Vapi__ApiKey"] = WrongVapiKey;

    [Test]
    public async Task A_Vapi_401_is_one_error_line_and_one_fix_line_without_a_stack_trace()
    {
        var run = await RunAsync("call", "show", Guid.NewGuid().ToString());

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(Sandbox.Requests.Single().Status, Is.EqualTo(401), "the request reached the sandbox and was refused");
        Assert.That(run.ErrorLines.Count(l => l.StartsWith("Error:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(run.ErrorLines.Count(l => l.StartsWith("Fix:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(2), "nothing else on the error stream");
        Assert.That(run.ErrorLines[0], Does.Contain("401"));
        Assert.That(run.ErrorLines[1], Does.Contain("VapiExotel:Vapi:ApiKey"));
        AssertNoSecret(run);
    }

    [Test]
    public async Task With_verbose_the_stack_trace_appears_but_still_no_secret()
    {
        var run = await RunAsync("call", "show", Guid.NewGuid().ToString(), "--verbose");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Count(l => l.StartsWith("Error:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(run.ErrorLines.Count(l => l.StartsWith("Fix:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("Vapi.Client.VapiException").And.Contain("   at "));
        AssertNoSecret(run);
    }

    [Test]
    public async Task A_failed_setup_step_is_reported_with_its_fix_and_exit_code_1_without_a_secret()
    {
        var run = await RunAsync("setup");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.OutLines.Count(l => l.TrimStart().StartsWith("✗ failed", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(run.Out, Does.Contain("Fix: Check VapiExotel:Vapi:ApiKey"));
        Assert.That(run.OutLines[^1], Does.StartWith("2 step(s) failed"));
        Assert.That(Trunk, Is.Not.Null, "the Exotel side does not depend on Vapi's key");
        AssertNoSecret(run);
    }

    [Test]
    public async Task Verbose_writes_the_SDK_log_lines_to_the_error_stream_without_a_secret()
    {
        var run = await RunAsync("setup", "--verbose");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Some.StartWith("  [debug] "));
        Assert.That(run.ErrorLines, Has.Some.Contains("401"));
        AssertNoSecret(run);
    }

    private void AssertNoSecret(CliRun run)
    {
        // Checked without printing the values: a failure message must not leak them either.
        var secrets = new[] { WrongVapiKey, Sandbox.Options.ExotelApiToken, Sandbox.Options.ExotelApiKey };
        var leaked = secrets.Count(s => run.Out.Contains(s, StringComparison.Ordinal) || run.Error.Contains(s, StringComparison.Ordinal));
        Assert.That(leaked, Is.Zero, "a key or token appeared in the output");
    }
}
