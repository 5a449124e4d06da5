using Microsoft.Extensions.DependencyInjection;

namespace VapiExotel.Integration.Tests.Integrator;

public sealed class SetupTests : IntegratorScenario
{
    [Test]
    public async Task A_fresh_setup_wires_both_directions_and_reports_each_step()
    {
        var report = await Integrator().SetupAsync();

        Assert.That(report.Succeeded, Is.True, report.ToString());
        AssertWired((ExoPhone, AssistantId));
        var sid = Sid(OnlyTrunk());
        Assert.Multiple(() =>
        {
            Assert.That(report.Steps.Select(s => (s.Kind, s.Outcome)), Is.EqualTo(new[]
            {
                (ResourceKind.ExotelTrunk, StepOutcome.Created),
                (ResourceKind.ExotelWhitelistedIp, StepOutcome.Created),
                (ResourceKind.ExotelWhitelistedIp, StepOutcome.Created),
                (ResourceKind.ExotelDestination, StepOutcome.Created),
                (ResourceKind.ExotelNumberMapping, StepOutcome.Created),
                (ResourceKind.VapiCredential, StepOutcome.Created),
                (ResourceKind.VapiPhoneNumber, StepOutcome.Created),
            }));
            Assert.That(report.TrunkSid, Is.EqualTo(sid));
            Assert.That(report.CredentialId, Is.EqualTo((string)Sandbox.Vapi.Credentials[0]["id"]!));
            Assert.That(report.StepsFor(ResourceKind.VapiPhoneNumber).Single().ResourceId, Is.EqualTo((string)Sandbox.Vapi.PhoneNumbers[0]["id"]!));
            Assert.That(report.ManualSteps.Single(), Does.Contain($"sip:{sid}").And.Contain(ExoPhone));
        });
    }

    [Test]
    public async Task A_second_setup_changes_nothing_and_sends_no_creating_request()
    {
        await Integrator().SetupAsync();
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(report.HasChanges, Is.False);
            Assert.That(report.Steps.Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.AlreadyPresent));
            Assert.That(Writes(), Is.Empty, "requests other than GET");
        });
        AssertWired((ExoPhone, AssistantId));
    }

    [Test]
    public async Task A_plan_says_what_setup_would_do_and_changes_nothing()
    {
        var plan = await Integrator().PlanAsync();

        Assert.Multiple(() =>
        {
            Assert.That(plan.Operation, Is.EqualTo("plan"));
            Assert.That(plan.Steps.Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.WouldCreate));
            Assert.That(plan.Steps, Has.Count.EqualTo(7));
            Assert.That(Writes(), Is.Empty);
            Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });

        await Integrator().SetupAsync();
        var after = await Integrator().PlanAsync();
        Assert.That(after.HasChanges, Is.False, after.ToString());
    }

    [Test]
    public async Task Registered_in_code_the_integrator_sets_up_the_same_wiring()
    {
        var services = new ServiceCollection();
        services.AddVapiExotel(o =>
        {
            o.Exotel.AccountSid = Sandbox.Options.ExotelAccountSid;
            o.Exotel.ApiKey = Sandbox.Options.ExotelApiKey;
            o.Exotel.ApiToken = Sandbox.Options.ExotelApiToken;
            o.Exotel.BaseAddress = Sandbox.ExotelBaseAddress;
            o.Vapi.ApiKey = Sandbox.Options.VapiApiKey;
            o.Vapi.BaseAddress = Sandbox.VapiBaseAddress;
            o.Numbers.Add(new NumberBinding { PhoneNumber = ExoPhone, AssistantId = AssistantId });
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var report = await provider.GetRequiredService<IVapiExotelIntegrator>().SetupAsync();

        Assert.That(report.Succeeded, Is.True, report.ToString());
        AssertWired((ExoPhone, AssistantId));
    }
}
