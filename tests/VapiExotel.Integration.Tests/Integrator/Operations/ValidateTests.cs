using Exotel.VSip;
using Vapi.Client;

namespace VapiExotel.Integration.Tests.Integrator.Operations;

/// <summary>Validate: every check passes on a correct setup, and each thing broken fails its own check, with a fix.</summary>
public sealed class ValidateTests : IntegratorScenario
{
    private string[] ExpectedNames() =>
    [
        "configuration",
        "exotel.account",
        "exotel.trunk",
        $"exotel.whitelisted-ip:{VapiIps[0]}",
        $"exotel.whitelisted-ip:{VapiIps[1]}",
        "exotel.destination",
        $"exotel.mapping:{ExoPhone}",
        "exotel.inbound-flow",
        "vapi.account",
        "gateway.address",
        $"vapi.assistant:{AssistantId}",
        "vapi.credential",
        $"vapi.phone-number:{ExoPhone}",
        "security.posture",
    ];

    /// <summary>
    /// The findings a default setup always has (see Posture/): the inbound flow no API can do, and the trunk's trust by
    /// IP allow-list only. Each has tests of its own; the tests here judge the other checks.
    /// </summary>
    private static readonly string[] StandingFindings = ["exotel.inbound-flow", "security.posture"];

    private async Task<string> SetUpAsync()
    {
        (await Integrator().SetupAsync()).EnsureSuccess();
        Sandbox.ClearRequests();
        return Sid(OnlyTrunk());
    }

    /// <summary>The checks that need the trunk, skipped when there is none to check.</summary>
    private string[] TrunkDependents() =>
        [.. VapiIps.Select(ip => $"exotel.whitelisted-ip:{ip}"), "exotel.destination", $"exotel.mapping:{ExoPhone}"];

    /// <summary>Asserts that <paramref name="name"/> failed with a fix, that <paramref name="dependents"/> did not pass, and that every other check passed.</summary>
    private static ValidationCheck AssertFailsAlone(ValidationReport report, string name, params string[] dependents)
    {
        var check = report[name];
        Assert.That(check, Is.Not.Null, report.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(check!.Status, Is.EqualTo(ValidationStatus.Failed), report.ToString());
            Assert.That(check.Fix, Is.Not.Null.And.Not.Empty);
            Assert.That(report.IsValid, Is.False);
            Assert.That(report.Checks.Where(c => c.Name != name && !dependents.Contains(c.Name) && !StandingFindings.Contains(c.Name)).Select(c => $"{c.Name} {c.Status}"),
                Is.All.EndsWith(" Passed"), report.ToString());
            Assert.That(report["exotel.inbound-flow"]?.Status, Is.EqualTo(ValidationStatus.ManualStepPending), report.ToString());
            Assert.That(report.Checks.Where(c => dependents.Contains(c.Name)).Select(c => $"{c.Name} {c.Status}"),
                Is.All.Not.EndsWith(" Passed"), report.ToString());
        });
        return check!;
    }

    [Test]
    public async Task Every_check_passes_on_a_correct_setup_but_the_manual_step_and_the_posture()
    {
        var sid = await SetUpAsync();

        var report = await Integrator().ValidateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.Checks.Select(c => c.Name), Is.EqualTo(ExpectedNames()), report.ToString());
            var others = report.Checks.Where(c => !StandingFindings.Contains(c.Name)).ToList();
            Assert.That(others.Select(c => c.Status), Is.All.EqualTo(ValidationStatus.Passed), report.ToString());
            Assert.That(others.Select(c => c.Fix), Is.All.Null);
            Assert.That(report["exotel.inbound-flow"]!.Status, Is.EqualTo(ValidationStatus.ManualStepPending));
            Assert.That(report["security.posture"]!.Status, Is.EqualTo(ValidationStatus.Warning));
            Assert.That(report.HasPendingManualSteps, Is.True);
            Assert.That(report.Checks.Select(c => c.Message), Is.All.Not.Empty);
            Assert.That(report.IsValid, Is.True);
            Assert.That(report.Failures, Is.Empty);
            Assert.That(report["exotel.trunk"]!.Message, Does.Contain(sid));
            Assert.That(report["vapi.credential"]!.Message, Does.Contain((string)Sandbox.Vapi.Credentials.Single()["id"]!));
            Assert.That(report["nothing"], Is.Null);
            Assert.That(report.ManualSteps.Single(), Does.Contain($"sip:{sid}").And.Contain(ExoPhone));
            Assert.That(Writes(), Is.Empty, "validate writes nothing");
        });
    }

    [Test]
    public async Task A_wrong_exotel_token_fails_the_exotel_account_check()
    {
        await SetUpAsync();
        Settings["VapiExotel:Exotel:ApiToken"] = "not-the-token";

        var report = await Integrator().ValidateAsync();

        var check = AssertFailsAlone(report, "exotel.account", ["exotel.trunk", .. TrunkDependents()]);
        Assert.Multiple(() =>
        {
            Assert.That(check.Fix, Does.Contain("ApiToken"));
            Assert.That(report["exotel.trunk"]!.Status, Is.EqualTo(ValidationStatus.Skipped));
            Assert.That(report.Checks.Where(c => TrunkDependents().Contains(c.Name)).Select(c => c.Status), Is.All.EqualTo(ValidationStatus.Skipped));
            Assert.That(report["vapi.phone-number:" + ExoPhone]!.Status, Is.EqualTo(ValidationStatus.Passed));
        });
    }

    [Test]
    public async Task A_wrong_vapi_key_fails_the_vapi_account_check()
    {
        await SetUpAsync();
        Settings["VapiExotel:Vapi:ApiKey"] = "not-the-key";

        var report = await Integrator().ValidateAsync();

        // The assistant cannot be read either, and the destination's host (the credential's id) cannot be known.
        var check = AssertFailsAlone(report, "vapi.account", $"vapi.assistant:{AssistantId}", "exotel.destination", "vapi.credential", $"vapi.phone-number:{ExoPhone}");
        Assert.Multiple(() =>
        {
            Assert.That(check.Fix, Does.Contain("Vapi:ApiKey"));
            Assert.That(report[$"vapi.assistant:{AssistantId}"]!.Status, Is.EqualTo(ValidationStatus.Failed));
            Assert.That(report["exotel.destination"]!.Status, Is.Not.EqualTo(ValidationStatus.Passed));
            Assert.That(report["exotel.account"]!.Status, Is.EqualTo(ValidationStatus.Passed));
            Assert.That(report[$"exotel.mapping:{ExoPhone}"]!.Status, Is.EqualTo(ValidationStatus.Passed));
        });
    }

    [Test]
    public async Task An_unknown_assistant_fails_its_assistant_check()
    {
        await SetUpAsync();
        var unknown = Guid.NewGuid().ToString();
        Settings["VapiExotel:Numbers:0:AssistantId"] = unknown;

        var report = await Integrator().ValidateAsync();

        // The number is still bound to the old assistant: its check fails too.
        var check = AssertFailsAlone(report, $"vapi.assistant:{unknown}", $"vapi.phone-number:{ExoPhone}");
        Assert.Multiple(() =>
        {
            Assert.That(check.Fix, Does.Contain("AssistantId"));
            Assert.That(report[$"vapi.phone-number:{ExoPhone}"]!.Status, Is.EqualTo(ValidationStatus.Failed));
            Assert.That(report[$"vapi.phone-number:{ExoPhone}"]!.Message, Does.Contain(unknown));
        });
    }

    [Test]
    public async Task A_deleted_trunk_fails_the_trunk_check()
    {
        var sid = await SetUpAsync();
        await Direct.Exotel(Sandbox).Trunks.DeleteAsync(sid, confirm: true);

        var report = await Integrator().ValidateAsync();

        var check = AssertFailsAlone(report, "exotel.trunk", TrunkDependents());
        Assert.Multiple(() =>
        {
            Assert.That(check.Message, Does.Contain("vapi_exotel"));
            Assert.That(check.Fix, Does.Contain("Run setup"));
            Assert.That(report.Checks.Where(c => TrunkDependents().Contains(c.Name)).Select(c => c.Status), Is.All.EqualTo(ValidationStatus.Skipped));
            Assert.That(report.ManualSteps.Single(), Does.Not.Contain(sid));
        });
    }

    [Test]
    public async Task A_deleted_whitelist_entry_fails_that_address_check_only()
    {
        var sid = await SetUpAsync();
        var entry = Sandbox.Exotel.WhitelistedIps(sid).Single(i => (string?)i["ip"] == VapiIps[1]);
        await Direct.Exotel(Sandbox).WhitelistedIps.DeleteAsync(sid, (string)entry["id"]!);

        var report = await Integrator().ValidateAsync();

        var check = AssertFailsAlone(report, $"exotel.whitelisted-ip:{VapiIps[1]}");
        Assert.Multiple(() =>
        {
            Assert.That(check.Message, Does.Contain(VapiIps[1]).And.Contain("not whitelisted"));
            Assert.That(check.Fix, Does.Contain("Run setup"));
            Assert.That(report[$"exotel.whitelisted-ip:{VapiIps[0]}"]!.Status, Is.EqualTo(ValidationStatus.Passed));
        });
    }

    [Test]
    public async Task A_deleted_destination_fails_the_destination_check()
    {
        var sid = await SetUpAsync();
        var destination = Sandbox.Exotel.DestinationUris(sid).Single();
        await Direct.Exotel(Sandbox).DestinationUris.DeleteAsync(sid, (string)destination["id"]!);

        var report = await Integrator().ValidateAsync();

        var check = AssertFailsAlone(report, "exotel.destination");
        Assert.Multiple(() =>
        {
            Assert.That(check.Message, Does.Contain("no destination").And.Contain((string)Sandbox.Vapi.Credentials.Single()["id"]!));
            Assert.That(check.Fix, Does.Contain("Run setup"));
        });
    }

    [Test]
    public async Task A_deleted_mapping_fails_the_mapping_check()
    {
        var sid = await SetUpAsync();
        var mapping = Sandbox.Exotel.PhoneNumbers(sid).Single();
        await Direct.Exotel(Sandbox).PhoneNumbers.DeleteAsync(sid, (string)mapping["id"]!);

        var report = await Integrator().ValidateAsync();

        var check = AssertFailsAlone(report, $"exotel.mapping:{ExoPhone}");
        Assert.Multiple(() =>
        {
            Assert.That(check.Message, Does.Contain(ExoPhone).And.Contain("not mapped").And.Contain(sid));
            Assert.That(check.Fix, Does.Contain("Run setup"));
        });
    }

    [Test]
    public async Task A_mapping_in_flow_mode_fails_the_mapping_check()
    {
        var sid = await SetUpAsync();
        var mapping = Sandbox.Exotel.PhoneNumbers(sid).Single();
        await Direct.Exotel(Sandbox).PhoneNumbers.UpdateModeAsync(sid, (string)mapping["id"]!, ExoPhone, PhoneNumberMode.Flow);

        var report = await Integrator().ValidateAsync();

        var check = AssertFailsAlone(report, $"exotel.mapping:{ExoPhone}");
        Assert.That(check.Message, Does.Contain("flow"));
    }

    [Test]
    public async Task A_number_also_mapped_to_another_trunk_fails_the_mapping_check_naming_it()
    {
        await SetUpAsync();
        var exotel = Direct.Exotel(Sandbox);
        var other = await exotel.Trunks.CreateAsync(new CreateTrunkRequest("other"));
        await exotel.PhoneNumbers.MapAsync(other.Sid, ExoPhone, PhoneNumberMode.Pstn);

        var report = await Integrator().ValidateAsync();

        var check = AssertFailsAlone(report, $"exotel.mapping:{ExoPhone}");
        Assert.Multiple(() =>
        {
            Assert.That(check.Message, Does.Contain(other.Sid).And.Contain("as well as this one"));
            Assert.That(check.Fix, Does.Contain(other.Sid).And.Contain(ExoPhone));
        });
    }

    [Test]
    public async Task A_credential_gateway_moved_to_another_address_fails_the_credential_check()
    {
        await SetUpAsync();
        var credentialId = (string)Sandbox.Vapi.Credentials.Single()["id"]!;
        await Direct.Vapi(Sandbox).Credentials.UpdateSipTrunkAsync(credentialId, new UpdateSipTrunkCredentialRequest
        {
            Gateways =
            [
                new SipTrunkGateway { Ip = "129.154.231.199", Port = 5070, Netmask = 32, InboundEnabled = true, OutboundEnabled = true, OutboundProtocol = SipGatewayProtocol.Tcp },
            ],
        });

        var report = await Integrator().ValidateAsync();

        var check = AssertFailsAlone(report, "vapi.credential");
        Assert.Multiple(() =>
        {
            Assert.That(check.Message, Does.Contain(credentialId).And.Contain("129.154.231.199").And.Contain(GatewayIp));
            Assert.That(check.Fix, Does.Contain("Run setup"));
        });
    }

    [Test]
    public async Task A_phone_number_bound_to_another_assistant_fails_the_phone_number_check()
    {
        await SetUpAsync();
        var other = Sandbox.Vapi.AddAssistant("Other");
        var numberId = (string)Sandbox.Vapi.PhoneNumbers.Single()["id"]!;
        await Direct.Vapi(Sandbox).PhoneNumbers.UpdateAsync(numberId, new UpdateByoPhoneNumberRequest { AssistantId = other });

        var report = await Integrator().ValidateAsync();

        var check = AssertFailsAlone(report, $"vapi.phone-number:{ExoPhone}");
        Assert.Multiple(() =>
        {
            Assert.That(check.Message, Does.Contain(numberId).And.Contain(other).And.Contain(AssistantId));
            Assert.That(check.Fix, Does.Contain("Run setup"));
        });
    }

    [Test]
    public async Task Before_any_setup_the_missing_resources_fail_with_run_setup_fixes()
    {
        var report = await Integrator().ValidateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.IsValid, Is.False);
            Assert.That(report.Failures.Select(c => c.Name), Is.EquivalentTo(new[] { "exotel.trunk", "vapi.credential", $"vapi.phone-number:{ExoPhone}" }), report.ToString());
            Assert.That(report.Failures.Select(c => c.Fix), Is.All.Contain("Run setup"));
            Assert.That(report.Checks.Where(c => c.Status != ValidationStatus.Failed).Select(c => $"{c.Name} {c.Status}"), Is.EquivalentTo(new[]
            {
                "configuration Passed", "exotel.account Passed", "vapi.account Passed", "gateway.address Passed", $"vapi.assistant:{AssistantId} Passed",
                $"exotel.whitelisted-ip:{VapiIps[0]} Skipped", $"exotel.whitelisted-ip:{VapiIps[1]} Skipped", "exotel.destination Skipped", $"exotel.mapping:{ExoPhone} Skipped",
                "exotel.inbound-flow ManualStepPending", "security.posture Skipped",
            }));
            Assert.That(report.ManualSteps.Single(), Does.Contain("sip:<trunk sid>"));
            Assert.That(Writes(), Is.Empty);
        });
    }

    [Test]
    public void ValidateConfiguration_names_every_bad_key_and_sends_nothing()
    {
        var options = new VapiExotelOptions
        {
            Exotel = new ExotelClientOptions { ApiKey = "k", ApiToken = "t" },
            Vapi = new VapiClientOptions(),
            Trunk = new TrunkOptions { Name = "not-a-valid-name" },
            TestCallNumber = "12345",
            Numbers = [new NumberBinding { PhoneNumber = "8047490924" }],
        };

        var checks = VapiExotelIntegrator.ValidateConfiguration(options);

        Assert.Multiple(() =>
        {
            Assert.That(checks.Select(c => c.Name), Is.All.EqualTo("configuration"));
            Assert.That(checks.Select(c => c.Status), Is.All.EqualTo(ValidationStatus.Failed));
            Assert.That(checks.Select(c => c.Fix ?? string.Empty), Is.All.Not.Empty);
            foreach (var key in new[]
                     {
                         "VapiExotel:Exotel:AccountSid", "VapiExotel:Vapi:ApiKey", "VapiExotel:Trunk:Name", "VapiExotel:TestCallNumber",
                         "VapiExotel:Numbers:0:PhoneNumber", "VapiExotel:Numbers:0:AssistantId",
                     })
            {
                Assert.That(checks.Select(c => c.Message), Has.Some.Contain(key), key);
            }

            Assert.That(checks, Has.Count.EqualTo(6));
            Assert.That(Sandbox.Requests, Is.Empty);
        });
    }

    [Test]
    public void ValidateConfiguration_passes_good_options_with_one_check()
    {
        var options = new VapiExotelOptions
        {
            Exotel = new ExotelClientOptions { AccountSid = "acct1", ApiKey = "k", ApiToken = "t" },
            Vapi = new VapiClientOptions { ApiKey = "v" },
            Numbers = [new NumberBinding { PhoneNumber = ExoPhone, AssistantId = "a1" }],
        };

        var check = VapiExotelIntegrator.ValidateConfiguration(options).Single();

        Assert.Multiple(() =>
        {
            Assert.That(check.Name, Is.EqualTo("configuration"));
            Assert.That(check.Status, Is.EqualTo(ValidationStatus.Passed));
            Assert.That(check.Fix, Is.Null);
            Assert.That(check.Message, Does.Contain("vx-exotel-acct1").And.Contain("vapi_exotel"));
        });
    }
}
