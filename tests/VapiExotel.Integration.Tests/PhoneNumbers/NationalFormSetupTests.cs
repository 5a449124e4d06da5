using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using VapiExotel.Integration.Tests.Integrator;
using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.PhoneNumbers;

/// <summary>Numbers configured in Exotel's national form: the integrator works with their E.164, on both sides and in calls.</summary>
public sealed class NationalFormSetupTests : IntegratorScenario
{
    private const string National = "08047490924";

    private VapiExotelOptions BoundOptions() =>
        new ConfigurationBuilder().AddInMemoryCollection(Settings).Build().GetSection(VapiExotelOptions.SectionName).Get<VapiExotelOptions>()!;

    [Test]
    public async Task Setup_with_the_ExoPhone_in_national_form_wires_its_E164_and_a_rerun_in_either_form_sends_no_write()
    {
        Settings["VapiExotel:Numbers:0:PhoneNumber"] = National;

        var first = await Integrator().SetupAsync();

        Assert.That(first.Succeeded, Is.True, first.ToString());
        AssertWired((ExoPhone, AssistantId));
        Assert.Multiple(() =>
        {
            Assert.That(first.StepsFor(ResourceKind.ExotelNumberMapping).Single().Target, Is.EqualTo(ExoPhone));
            Assert.That(first.StepsFor(ResourceKind.VapiPhoneNumber).Single().Target, Is.EqualTo(ExoPhone));
            Assert.That((string?)Sandbox.Vapi.PhoneNumbers.Single()["name"], Is.EqualTo($"Exotel {ExoPhone}"));
            Assert.That(Sandbox.Requests.Where(r => r.Method != "GET").Select(r => r.BodyText), Has.None.Contains(National), "only E.164 is sent");
        });

        Sandbox.ClearRequests();
        var rerun = await Integrator().SetupAsync();
        Settings["VapiExotel:Numbers:0:PhoneNumber"] = "+91 80 4749 0924";
        var rerunInAnotherForm = await Integrator().SetupAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rerun.Succeeded, Is.True, rerun.ToString());
            Assert.That(rerun.Steps.Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.AlreadyPresent));
            Assert.That(rerunInAnotherForm.Succeeded, Is.True, rerunInAnotherForm.ToString());
            Assert.That(rerunInAnotherForm.Steps.Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.AlreadyPresent));
            Assert.That(Writes(), Is.Empty, "requests other than GET");
        });
        AssertWired((ExoPhone, AssistantId));
    }

    [Test]
    public async Task Validate_and_teardown_find_the_number_configured_in_national_form()
    {
        await Integrator().SetupAsync();
        Settings["VapiExotel:Numbers:0:PhoneNumber"] = National;
        var integrator = Integrator();

        var validation = await integrator.ValidateAsync();
        var teardown = await integrator.TeardownAsync();

        Assert.Multiple(() =>
        {
            Assert.That(validation.Checks.Single(c => c.Name.StartsWith("exotel.mapping:", StringComparison.Ordinal)).Name, Is.EqualTo($"exotel.mapping:{ExoPhone}"));
            Assert.That(validation.Checks.Single(c => c.Name == $"exotel.mapping:{ExoPhone}").Status, Is.EqualTo(ValidationStatus.Passed));
            Assert.That(validation.Checks.Single(c => c.Name == $"vapi.phone-number:{ExoPhone}").Status, Is.EqualTo(ValidationStatus.Passed));
            Assert.That(teardown.Succeeded, Is.True, teardown.ToString());
            Assert.That(teardown.StepsFor(ResourceKind.ExotelNumberMapping).Single().Outcome, Is.EqualTo(StepOutcome.Deleted));
            Assert.That(teardown.StepsFor(ResourceKind.VapiPhoneNumber).Single().Outcome, Is.EqualTo(StepOutcome.Deleted));
            Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
            Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
        });
    }

    [Test]
    public async Task A_test_call_to_a_national_number_from_a_national_ExoPhone_sends_Vapi_their_E164()
    {
        const string Customer = "+919876543210";
        Settings["VapiExotel:Numbers:0:PhoneNumber"] = National;
        Settings["VapiExotel:TestCallNumber"] = "098765 43210";
        await Integrator().SetupAsync();
        Sandbox.ScriptCall(Customer, SandboxCallScript.Busy());
        Sandbox.ClearRequests();

        var call = await Integrator().PlaceTestCallAsync();
        var explicitFrom = await Integrator().StartAssistantCallAsync(new AssistantCallRequest("0091 98765 43210") { FromNumber = National });

        var bodies = Sandbox.Requests.Where(r => r.Method == "POST" && r.Path == "/call").Select(r => JsonNode.Parse(r.BodyText)!).ToList();
        var numberId = (string)Sandbox.Vapi.PhoneNumbers.Single()["id"]!;
        Assert.Multiple(() =>
        {
            Assert.That(bodies, Has.Count.EqualTo(2));
            Assert.That(bodies.Select(b => (string?)b["customer"]?["number"]), Is.All.EqualTo(Customer));
            Assert.That(bodies.Select(b => (string?)b["phoneNumberId"]), Is.All.EqualTo(numberId));
            Assert.That(bodies.Select(b => (string?)b["assistantId"]), Is.All.EqualTo(AssistantId), "the assistant bound to the national-form number");
            Assert.That(call.PhoneNumberId, Is.EqualTo(numberId));
            Assert.That(explicitFrom.PhoneNumberId, Is.EqualTo(numberId));
        });
    }

    [Test]
    public void The_same_number_in_two_forms_is_bound_twice_and_a_malformed_one_is_refused_with_its_reason()
    {
        Settings["VapiExotel:Numbers:1:PhoneNumber"] = National;
        Settings["VapiExotel:Numbers:1:AssistantId"] = AssistantId;
        Settings["VapiExotel:Numbers:2:PhoneNumber"] = "+91 80 4749 0924 ext 5";
        Settings["VapiExotel:Numbers:2:AssistantId"] = AssistantId;

        var problems = VapiExotelIntegrator.ValidateConfiguration(BoundOptions()).Where(c => c.Status == ValidationStatus.Failed).Select(c => c.Message).ToList();

        Assert.That(problems, Is.EquivalentTo(new[]
        {
            "VapiExotel:Numbers:1:PhoneNumber +918047490924 is bound twice; a number can have only one assistant.",
            "VapiExotel:Numbers:2:PhoneNumber must be a phone number (E.164, such as +918047490924, or an Indian form such as 08047490924); got '+91 80 4749 0924 ext 5': "
            + "it has an extension or a dial string; give the number alone.",
        }));
    }
}
