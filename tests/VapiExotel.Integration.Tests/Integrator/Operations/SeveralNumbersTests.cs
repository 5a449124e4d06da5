using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.Integrator.Operations;

/// <summary>Several ExoPhones, two assistants: one trunk, one credential, one destination, a number and a mapping each.</summary>
public sealed class SeveralNumbersTests : IntegratorScenario
{
    private const string Second = "+918047490925";
    private const string Third = "+918047490926";

    private string Alpha => (string)Sandbox.Vapi.Assistants[0]["id"]!;

    private string Beta => (string)Sandbox.Vapi.Assistants[1]["id"]!;

    protected override void Configure(VapiExotelSandboxOptions options)
    {
        options.ExoPhones = [ExoPhone, Second, Third];
        options.Assistants = ["Alpha", "Beta"];
    }

    private void BindThree()
    {
        Settings["VapiExotel:Numbers:0:AssistantId"] = Alpha;
        Settings["VapiExotel:Numbers:1:PhoneNumber"] = Second;
        Settings["VapiExotel:Numbers:1:AssistantId"] = Beta;
        Settings["VapiExotel:Numbers:2:PhoneNumber"] = Third;
        Settings["VapiExotel:Numbers:2:AssistantId"] = Alpha;
    }

    [Test]
    public async Task Three_numbers_share_one_credential_and_one_destination_each_with_its_own_assistant()
    {
        BindThree();

        var report = await Integrator().SetupAsync();

        Assert.That(report.Succeeded, Is.True, report.ToString());
        AssertWired((ExoPhone, Alpha), (Second, Beta), (Third, Alpha));
        var sid = Sid(OnlyTrunk());
        var credentialId = (string)Sandbox.Vapi.Credentials.Single()["id"]!;
        var numbers = Sandbox.Vapi.PhoneNumbers;
        Assert.Multiple(() =>
        {
            Assert.That(report.Steps.Select(s => (s.Kind, s.Outcome)), Is.EqualTo(new[]
            {
                (ResourceKind.ExotelTrunk, StepOutcome.Created),
                (ResourceKind.ExotelWhitelistedIp, StepOutcome.Created),
                (ResourceKind.ExotelWhitelistedIp, StepOutcome.Created),
                (ResourceKind.ExotelDestination, StepOutcome.Created),
                (ResourceKind.ExotelNumberMapping, StepOutcome.Created),
                (ResourceKind.ExotelNumberMapping, StepOutcome.Created),
                (ResourceKind.ExotelNumberMapping, StepOutcome.Created),
                (ResourceKind.VapiCredential, StepOutcome.Created),
                (ResourceKind.VapiPhoneNumber, StepOutcome.Created),
                (ResourceKind.VapiPhoneNumber, StepOutcome.Created),
                (ResourceKind.VapiPhoneNumber, StepOutcome.Created),
            }));
            Assert.That(report.StepsFor(ResourceKind.ExotelNumberMapping).Select(s => s.Target), Is.EqualTo(new[] { ExoPhone, Second, Third }), "in configuration order");
            Assert.That(report.StepsFor(ResourceKind.VapiPhoneNumber).Select(s => s.Target), Is.EqualTo(new[] { ExoPhone, Second, Third }), "in configuration order");
            Assert.That(report.StepsFor(ResourceKind.VapiPhoneNumber).Select(s => s.ResourceId), Is.EquivalentTo(numbers.Select(n => (string)n["id"]!)));
            Assert.That(report.StepsFor(ResourceKind.ExotelNumberMapping).Select(s => s.ResourceId), Is.EquivalentTo(Sandbox.Exotel.PhoneNumbers(sid).Select(m => (string)m["id"]!)));
            Assert.That(Sandbox.Exotel.PhoneNumbers(sid).Select(m => (string?)m["mode"] ?? "pstn"), Is.All.EqualTo("pstn"));
            Assert.That(numbers.Select(n => (string?)n["credentialId"]), Is.All.EqualTo(credentialId));
            Assert.That(Sandbox.Requests.Count(r => r.Method == "POST" && r.Path == "/credential"), Is.EqualTo(1));
            Assert.That(report.ManualSteps.Single(), Does.Contain($"sip:{sid}").And.Contain(ExoPhone).And.Contain(Second).And.Contain(Third));
        });
    }

    [Test]
    public async Task A_rerun_with_three_numbers_sends_no_write()
    {
        BindThree();
        await Integrator().SetupAsync();
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.True, report.ToString());
            Assert.That(report.Steps, Has.Count.EqualTo(11));
            Assert.That(report.Steps.Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.AlreadyPresent));
            Assert.That(Writes(), Is.Empty, "requests other than GET");
        });
        AssertWired((ExoPhone, Alpha), (Second, Beta), (Third, Alpha));
    }
    [Test]
    public async Task One_request_at_a_time_still_sets_up_validates_and_tears_down_three_numbers()
    {
        BindThree();
        Settings["VapiExotel:MaxConcurrency"] = "1";
        var integrator = Integrator();
        var limit = TimeSpan.FromSeconds(10);

        var setup = await integrator.SetupAsync().WaitAsync(limit);
        var validation = await integrator.ValidateAsync().WaitAsync(limit);
        var teardown = await integrator.TeardownAsync().WaitAsync(limit);

        Assert.Multiple(() =>
        {
            Assert.That(setup.Succeeded, Is.True, setup.ToString());
            Assert.That(validation.IsValid, Is.True, validation.ToString());
            Assert.That(validation.Checks.Count(c => c.Name.StartsWith("exotel.mapping:", StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(validation.Checks.Count(c => c.Name.StartsWith("vapi.phone-number:", StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(validation.Checks.Count(c => c.Name.StartsWith("vapi.assistant:", StringComparison.Ordinal)), Is.EqualTo(2), "one check per distinct assistant");
            Assert.That(teardown.Succeeded, Is.True, teardown.ToString());
            Assert.That(teardown.Steps, Has.Count.EqualTo(11));
            Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        });
    }
}
