namespace VapiExotel.Integration.Tests.Integrator.Posture;

/// <summary>
/// The inbound step no API can do (the Exotel flow whose Connect applet dials <c>sip:&lt;trunk sid&gt;</c>) is a
/// distinct <c>exotel.inbound-flow</c> finding, <see cref="ValidationStatus.ManualStepPending"/>: the report stays
/// valid (the API side is right) but never reads as complete.
/// </summary>
public sealed class ManualStepTests : IntegratorScenario
{
    private const string Name = "exotel.inbound-flow";

    [Test]
    public async Task After_setup_the_inbound_flow_is_pending_with_its_instructions_and_the_report_stays_valid()
    {
        (await Integrator().SetupAsync()).EnsureSuccess();
        var sid = Sid(OnlyTrunk());

        var report = await Integrator().ValidateAsync();

        var check = report[Name]!;
        Assert.Multiple(() =>
        {
            Assert.That(check.Status, Is.EqualTo(ValidationStatus.ManualStepPending), report.ToString());
            Assert.That(check.Message, Does.Contain($"sip:{sid}").And.Contain(ExoPhone).And.Contain("no API"));
            Assert.That(check.Fix, Does.Contain("Connect applet").And.Contain($"sip:{sid}").And.Contain(ExoPhone));
            Assert.That(report.ManualSteps, Is.EqualTo(new[] { check.Fix }), "ManualSteps keeps the same instructions");
            Assert.That(report.IsValid, Is.True);
            Assert.That(report.HasPendingManualSteps, Is.True);
            Assert.That(report.PendingManualSteps, Is.EqualTo(new[] { check }));
            Assert.That(report.Failures, Is.Empty);
            Assert.That(report.ToString(), Does.Contain($"[ManualStepPending] {Name}:"));
            var names = report.Checks.Select(c => c.Name).ToList();
            Assert.That(names.IndexOf(Name), Is.EqualTo(names.IndexOf($"exotel.mapping:{ExoPhone}") + 1), "after the mappings it completes");
        });
    }

    [Test]
    public async Task Before_setup_the_step_names_the_trunk_sid_to_come()
    {
        var report = await Integrator().ValidateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report[Name]!.Status, Is.EqualTo(ValidationStatus.ManualStepPending), report.ToString());
            Assert.That(report[Name]!.Fix, Does.Contain("sip:<trunk sid>"));
            Assert.That(report.HasPendingManualSteps, Is.True);
        });
    }

    [Test]
    public async Task Every_configured_number_is_named()
    {
        const string Second = "+918047490925";
        Settings["VapiExotel:Numbers:1:PhoneNumber"] = Second;
        Settings["VapiExotel:Numbers:1:AssistantId"] = AssistantId;

        var report = await Integrator().ValidateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report[Name]!.Message, Does.Contain(ExoPhone).And.Contain(Second));
            Assert.That(report[Name]!.Fix, Does.Contain(ExoPhone).And.Contain(Second));
        });
    }

    [Test]
    public void The_offline_checks_leave_nothing_pending_and_a_report_with_manual_steps_has_some()
    {
        var passed = new ValidationCheck("configuration", ValidationStatus.Passed, "ok");
        var offline = new ValidationReport([passed]);
        var withSteps = new ValidationReport([passed], ["Create the flow."]);
        var withCheck = new ValidationReport([passed, new ValidationCheck(Name, ValidationStatus.ManualStepPending, "pending", "Create the flow.")]);

        Assert.Multiple(() =>
        {
            Assert.That(offline.HasPendingManualSteps, Is.False);
            Assert.That(offline.PendingManualSteps, Is.Empty);
            Assert.That(withSteps.HasPendingManualSteps, Is.True);
            Assert.That(withCheck.HasPendingManualSteps, Is.True);
            Assert.That(withCheck.IsValid, Is.True, "a pending manual step is not a failure");
            Assert.That(withCheck.Failures, Is.Empty);
        });
    }
}
