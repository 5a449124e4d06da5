using VapiExotel.Sandbox;
using static VapiExotel.Integration.StepOutcome;

namespace VapiExotel.Integration.Tests.Integrator.Convergence;

/// <summary>With several numbers, one number's failure leaves the others wired, and a rerun wires only the one left.</summary>
public sealed class SeveralNumbersTests : IntegratorScenario
{
    private const string SecondPhone = "+918047490925";

    protected override void Configure(VapiExotelSandboxOptions options) => options.ExoPhones = [ExoPhone, SecondPhone];

    [Test]
    public async Task One_numbers_failed_requests_leave_the_other_number_wired_and_a_rerun_wires_only_the_one_left()
    {
        var secondAssistant = Sandbox.Vapi.AddAssistant("Second line");
        Settings["VapiExotel:Numbers:1:PhoneNumber"] = SecondPhone;
        Settings["VapiExotel:Numbers:1:AssistantId"] = secondAssistant;
        foreach (var (api, path) in new[] { (SandboxApi.Exotel, "/v2/accounts/*/trunks/*/phone-numbers"), (SandboxApi.Vapi, "/phone-number") })
        {
            Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(503), Api = api, Method = "POST", Path = path, Times = 1 });
        }

        var first = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Succeeded, Is.False);
            Assert.That(first.StepsFor(ResourceKind.ExotelNumberMapping).Select(s => s.Outcome), Is.EquivalentTo(new[] { Created, Failed }), first.ToString());
            Assert.That(first.StepsFor(ResourceKind.VapiPhoneNumber).Select(s => s.Outcome), Is.EquivalentTo(new[] { Created, Failed }), first.ToString());
            Assert.That(first.StepsFor(ResourceKind.ExotelNumberMapping).Select(s => s.Target), Is.EqualTo(new[] { ExoPhone, SecondPhone }), "in the configuration's order");
            Assert.That(first.StepsFor(ResourceKind.VapiPhoneNumber).Select(s => s.Target), Is.EqualTo(new[] { ExoPhone, SecondPhone }), "in the configuration's order");
            Assert.That(first.Failures.Select(f => f.Kind), Is.EquivalentTo(new[] { ResourceKind.ExotelNumberMapping, ResourceKind.VapiPhoneNumber }));
            Assert.That(first.Steps.Where(s => s.Kind is not (ResourceKind.ExotelNumberMapping or ResourceKind.VapiPhoneNumber)).Select(s => s.Outcome),
                Is.All.EqualTo(Created), "the shared resources are set up once for both numbers");
        });
        Ledger.AssertMatches(first, Sandbox);

        Sandbox.Faults.Clear();
        Sandbox.ClearRequests();
        var second = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.Succeeded, Is.True, second.ToString());
            Assert.That(second.StepsFor(ResourceKind.ExotelNumberMapping).Select(s => s.Outcome), Is.EquivalentTo(new[] { AlreadyPresent, Created }));
            Assert.That(second.StepsFor(ResourceKind.VapiPhoneNumber).Select(s => s.Outcome), Is.EquivalentTo(new[] { AlreadyPresent, Created }));
            Assert.That(Ledger.Posts(Sandbox.Requests), Is.EquivalentTo(new[] { Ledger.ExotelMappings, Ledger.VapiPhoneNumbers }), "only the missing number's resources");
            Assert.That(Writes().Where(r => r.Method != "POST"), Is.Empty);
        });
        AssertWired((ExoPhone, AssistantId), (SecondPhone, secondAssistant));
        Ledger.AssertMatches(second, Sandbox);
    }
}
