using System.Collections.Concurrent;

namespace VapiExotel.Integration.Tests.Integrator;

/// <summary>Plan, setup and teardown tell a progress sink of each step as it lands: the same steps the report holds.</summary>
public sealed class ProgressTests : IntegratorScenario
{
    private sealed class Collector : IProgress<IntegrationStep>
    {
        public ConcurrentQueue<IntegrationStep> Steps { get; } = new();

        public void Report(IntegrationStep value) => Steps.Enqueue(value);
    }

    [Test]
    public async Task Each_step_of_plan_setup_and_teardown_is_reported_once_as_it_lands()
    {
        var planned = new Collector();
        var applied = new Collector();
        var removed = new Collector();

        var plan = await Integrator().PlanAsync(SetupScope.All, planned);
        var setup = await Integrator().SetupAsync(SetupScope.All, applied);
        var teardown = await Integrator().TeardownAsync(dryRun: false, removed);

        Assert.Multiple(() =>
        {
            Assert.That(setup.Succeeded, Is.True, setup.ToString());
            Assert.That(planned.Steps, Is.EquivalentTo(plan.Steps));
            Assert.That(applied.Steps, Is.EquivalentTo(setup.Steps));
            Assert.That(removed.Steps, Is.EquivalentTo(teardown.Steps));
            Assert.That(applied.Steps.Select(s => s.Outcome), Has.All.EqualTo(StepOutcome.Created));
            Assert.That(planned.Steps.Select(s => s.Outcome), Has.All.EqualTo(StepOutcome.WouldCreate));
        });
    }
}
