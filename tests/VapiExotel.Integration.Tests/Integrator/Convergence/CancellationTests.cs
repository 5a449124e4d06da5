using System.Diagnostics;
using VapiExotel.Sandbox;
using static VapiExotel.Integration.StepOutcome;

namespace VapiExotel.Integration.Tests.Integrator.Convergence;

/// <summary>A setup cancelled while a request is held stops at once, and a rerun resumes where it stopped.</summary>
public sealed class CancellationTests : IntegratorScenario
{
    private static readonly TimeSpan Held = TimeSpan.FromSeconds(2);

    [Test]
    public async Task A_setup_cancelled_mid_request_stops_promptly_and_a_rerun_converges_without_duplicates()
    {
        var hold = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.Latency(Held), Api = SandboxApi.Vapi, Method = "POST", Path = "/phone-number", Times = 1,
        });
        using var cancel = new CancellationTokenSource();

        var setup = Integrator().SetupAsync(cancellationToken: cancel.Token);

        // Cancel once the phone number's request is held and the Exotel side is in place.
        await Ledger.UntilAsync(() => hold.Applied == 1 && ExotelSideIsWired(), "the phone number's POST held, the Exotel side wired");
        var watch = Stopwatch.StartNew();
        await cancel.CancelAsync();

        Assert.CatchAsync<OperationCanceledException>(async () => await setup);
        Assert.Multiple(() =>
        {
            Assert.That(watch.Elapsed, Is.LessThan(Held / 2), "cancelled well before the held request would have been answered");
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty, "the held request was never processed");
            Assert.That(Sandbox.Vapi.Credentials, Has.Count.EqualTo(1));
        });

        Sandbox.ClearRequests();
        var rerun = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rerun.Succeeded, Is.True, rerun.ToString());
            Assert.That(Ledger.Outcomes(rerun), Is.EqualTo(Ledger.Steps(AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, AlreadyPresent, Created)), rerun.ToString());
            Assert.That(Writes().Select(Ledger.Endpoint), Is.EqualTo(new[] { Ledger.VapiPhoneNumbers }), "the rerun creates only the phone number");
        });
        AssertWired((ExoPhone, AssistantId));
        Ledger.AssertMatches(rerun, Sandbox);
    }

    [Test]
    public void A_setup_cancelled_before_it_starts_sends_nothing()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.CatchAsync<OperationCanceledException>(async () => await Integrator().SetupAsync(cancellationToken: cancel.Token));
        Assert.That(Sandbox.Requests, Is.Empty);
    }

    private bool ExotelSideIsWired()
    {
        if (Sandbox.Exotel.Trunks is not [var trunk])
        {
            return false;
        }

        var sid = Sid(trunk);
        return Sandbox.Exotel.WhitelistedIps(sid).Count == 2 && Sandbox.Exotel.DestinationUris(sid).Count == 1 && Sandbox.Exotel.PhoneNumbers(sid).Count == 1;
    }
}
