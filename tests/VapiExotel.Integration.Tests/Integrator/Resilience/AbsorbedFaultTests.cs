using VapiExotel.Sandbox;
using VapiExotel.Integration.Tests.Integrator.Convergence;
using static VapiExotel.Integration.StepOutcome;

namespace VapiExotel.Integration.Tests.Integrator.Resilience;

/// <summary>
/// Transient failures of reads during setup (a 429 storm, a 503 burst, a dropped connection) are retried by the
/// clients: setup succeeds as if nothing happened, and creates exactly what a clean run creates.
/// </summary>
public sealed class AbsorbedFaultTests : ResilienceScenario
{
    [Test]
    public async Task Read_faults_are_retried_away_and_setup_writes_exactly_what_a_clean_run_writes()
    {
        // A clean run on a sandbox of its own, for the writes to compare with.
        IReadOnlyList<string> cleanPosts;
        await using (var clean = await VapiExotelSandbox.StartAsync(new VapiExotelSandboxOptions { StartTime = Start }))
        {
            var baseline = await Integrator(settings: SettingsFor(clean)).SetupAsync();
            Assert.That(baseline.Succeeded, Is.True, baseline.ToString());
            cleanPosts = Ledger.Posts(clean.Requests);
        }

        Logs.Lines.Clear();
        var storm = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.RateLimited(TimeSpan.FromSeconds(1)), Api = SandboxApi.Exotel, Method = "GET", Path = "/v2/accounts/*/trunks", Times = 2,
        });
        var burst = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.ServerError(503), Api = SandboxApi.Vapi, Method = "GET", Path = "/credential", Times = 2,
        });
        var drop = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.DropConnection(), Api = SandboxApi.Exotel, Method = "GET", Path = "/v2/accounts/*/trunk-maps", Times = 1,
        });

        var report = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(Ledger.Outcomes(report), Is.EqualTo(Ledger.Steps(Created, Created, Created, Created, Created, Created, Created)), report.ToString());
            Assert.That((storm.Applied, burst.Applied, drop.Applied), Is.EqualTo((2, 2, 1)), "every fault hit");
            Assert.That(Sandbox.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/trunks", StringComparison.Ordinal)), Is.EqualTo(3), "the trunk list, read three times");
            Assert.That(Sandbox.Requests.Count(r => r.Method == "GET" && r.Path == "/credential"), Is.EqualTo(3), "the credential list, read three times");
            Assert.That(Sandbox.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/trunk-maps", StringComparison.Ordinal)), Is.EqualTo(2), "the number lookup, twice");
            Assert.That(Ledger.Posts(Sandbox.Requests), Is.EquivalentTo(cleanPosts), "the same creating requests as a clean run");
            Assert.That(Writes().Where(r => r.Method != "POST"), Is.Empty, "nothing updated or deleted");

            // The retries are logged (at Information): Exotel 1003 three times, Vapi 2003 twice.
            Assert.That(LinesWithEvent(1003), Has.Count.EqualTo(3), string.Join("\n", LinesWithEvent(1003)));
            Assert.That(LinesWithEvent(2003), Has.Count.EqualTo(2), string.Join("\n", LinesWithEvent(2003)));
        });
        AssertWired((ExoPhone, AssistantId));
        Ledger.AssertMatches(report, Sandbox);
    }
}
