using Exotel.VSip;

namespace VapiExotel.Integration.Tests.Integrator.Operations;

/// <summary>A number mapped to a trunk the integration does not use is a conflict: reported, never taken over.</summary>
public sealed class ConflictTests : IntegratorScenario
{
    private async Task<string> MapToAnotherTrunkAsync()
    {
        var exotel = Direct.Exotel(Sandbox);
        var other = await exotel.Trunks.CreateAsync(new CreateTrunkRequest("other"));
        await exotel.PhoneNumbers.MapAsync(other.Sid, ExoPhone, PhoneNumberMode.Pstn);
        return other.Sid;
    }

    private string IntegrationTrunkSid() => Sid(Sandbox.Exotel.Trunks.Single(t => (string?)t["trunk_name"] == "vapi_exotel"));

    [Test]
    public async Task Setup_fails_the_mapping_of_a_number_mapped_to_another_trunk_and_names_both_trunks()
    {
        var other = await MapToAnotherTrunkAsync();
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        var sid = IntegrationTrunkSid();
        var step = report.StepsFor(ResourceKind.ExotelNumberMapping).Single();
        Assert.Multiple(() =>
        {
            Assert.That(report.Succeeded, Is.False);
            Assert.That(report.Failures.Single(), Is.SameAs(step));
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Failed));
            Assert.That(step.Target, Is.EqualTo(ExoPhone));
            Assert.That(step.Error, Is.Not.Null);
            Assert.That(step.Error!.IsConflict, Is.True);
            Assert.That(step.Error.Service, Is.EqualTo("Integration"));
            Assert.That(step.Message, Does.Contain(other).And.Contain(sid).And.Contain(ExoPhone));
            Assert.That(step.Error.Fix, Does.Contain(other));
            Assert.That(Sandbox.Exotel.PhoneNumbers(sid), Is.Empty, "nothing mapped to the integration's trunk");
            Assert.That(Sandbox.Exotel.PhoneNumbers(other).Select(m => (string)m["phone_number"]!), Is.EqualTo(new[] { ExoPhone }), "the other trunk keeps its mapping");
            Assert.That(Sandbox.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/phone-numbers", StringComparison.Ordinal)), Is.Empty, "no mapping was attempted");
            Assert.That(report.Steps.Where(s => s != step).Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.Created));
            Assert.That(report.Steps.Select(s => s.Kind), Is.EquivalentTo(new[]
            {
                ResourceKind.ExotelTrunk, ResourceKind.ExotelWhitelistedIp, ResourceKind.ExotelWhitelistedIp, ResourceKind.ExotelDestination,
                ResourceKind.ExotelNumberMapping, ResourceKind.VapiCredential, ResourceKind.VapiPhoneNumber,
            }));
        });
        var thrown = Assert.Throws<VapiExotelException>(() => report.EnsureSuccess())!;
        Assert.Multiple(() =>
        {
            Assert.That(thrown.Report, Is.SameAs(report));
            Assert.That(thrown.Message, Does.Contain(ExoPhone).And.Contain(other));
        });
    }

    [Test]
    public async Task A_plan_reports_the_conflict_without_writing()
    {
        var other = await MapToAnotherTrunkAsync();
        Sandbox.ClearRequests();

        var before = await Integrator().PlanAsync();

        var planned = before.StepsFor(ResourceKind.ExotelNumberMapping).Single();
        Assert.Multiple(() =>
        {
            Assert.That(planned.Outcome, Is.EqualTo(StepOutcome.Failed));
            Assert.That(planned.Error!.IsConflict, Is.True);
            Assert.That(planned.Message, Does.Contain(other).And.Contain("vapi_exotel"));
            Assert.That(before.StepsFor(ResourceKind.ExotelTrunk).Single().Outcome, Is.EqualTo(StepOutcome.WouldCreate));
            Assert.That(Writes(), Is.Empty);
        });

        await Integrator().SetupAsync();
        var sid = IntegrationTrunkSid();
        Sandbox.ClearRequests();

        var after = await Integrator().PlanAsync();

        var step = after.StepsFor(ResourceKind.ExotelNumberMapping).Single();
        Assert.Multiple(() =>
        {
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Failed));
            Assert.That(step.Error!.IsConflict, Is.True);
            Assert.That(step.Message, Does.Contain(other).And.Contain(sid));
            Assert.That(step.Error.Fix, Does.Contain(other));
            Assert.That(after.Steps.Where(s => s != step).Select(s => s.Outcome), Is.All.EqualTo(StepOutcome.AlreadyPresent));
            Assert.That(Writes(), Is.Empty);
            Assert.That(Sandbox.Exotel.PhoneNumbers(sid), Is.Empty);
        });
    }
    [Test]
    public async Task Setup_reports_a_number_mapped_to_its_trunk_and_to_another_one_as_a_conflict()
    {
        await Integrator().SetupAsync();
        var sid = IntegrationTrunkSid();
        var other = await MapToAnotherTrunkAsync();
        Sandbox.ClearRequests();

        var report = await Integrator().SetupAsync();

        // A DID on two trunks breaks Exotel's routing ("Multiple accounts attempting to default route"), and
        // validate fails it: setup must not call it wired.
        var step = report.StepsFor(ResourceKind.ExotelNumberMapping).Single();
        Assert.Multiple(() =>
        {
            Assert.That(step.Outcome, Is.EqualTo(StepOutcome.Failed), report.ToString());
            Assert.That(step.Error?.IsConflict, Is.True);
            Assert.That(step.Message, Does.Contain(other).And.Contain(sid));
            Assert.That(report.Succeeded, Is.False);
            Assert.That(Writes(), Is.Empty);
            Assert.That(Sandbox.Exotel.PhoneNumbers(other), Has.Count.EqualTo(1), "the other trunk is not touched");
        });
    }
}
