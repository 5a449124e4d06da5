using System.Text.Json.Nodes;

namespace VapiExotel.Cli.Tests;

/// <summary>Where the tool reads its settings from, in which order, and how it refuses bad ones (exit code 2).</summary>
public sealed class ConfigurationTests : SandboxCliTest
{
    [Test]
    public async Task Partial_credentials_are_bad_configuration_naming_each_missing_key_and_never_fall_back_to_the_sandbox()
    {
        Variables.Clear();
        Variables["VapiExotel__Exotel__ApiKey"] = "only-an-exotel-key";

        var run = await RunAsync("setup", "--dry-run");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Out, Does.Not.Contain(SandboxNoticeStart));
        Assert.That(run.ErrorLines[0], Does.StartWith("Error: the configuration is not valid:"));
        Assert.That(run.ErrorLines[0], Does.Contain("VapiExotel:Exotel:AccountSid")
            .And.Contain("VapiExotel:Exotel:ApiToken")
            .And.Contain("VapiExotel:Vapi:ApiKey"));
        Assert.That(run.ErrorLines[0], Does.Not.Contain("VapiExotel:Exotel:ApiKey "), "the key that is set is not missing");
        Assert.That(run.ErrorLines[1], Does.StartWith("Fix:"));
    }

    [Test]
    public async Task The_original_scripts_variables_configure_the_accounts_and_the_number()
    {
        var sandbox = Sandbox.ConfigurationFor();
        Variables.Clear();
        Variables["EXO_AUTH_KEY"] = Sandbox.Options.ExotelApiKey;
        Variables["EXO_AUTH_TOKEN"] = Sandbox.Options.ExotelApiToken;
        Variables["EXO_ACCOUNT_SID"] = Sandbox.Options.ExotelAccountSid;
        Variables["VAPI_PRIVATE_KEY"] = Sandbox.Options.VapiApiKey;
        Variables["PHONE_NUMBER"] = ExoPhone;
        Variables["VAPI_ASSISTANT_ID"] = AssistantId;
        Variables["VapiExotel__Exotel__BaseAddress"] = sandbox["VapiExotel:Exotel:BaseAddress"];
        Variables["VapiExotel__Vapi__BaseAddress"] = sandbox["VapiExotel:Vapi:BaseAddress"];

        var run = await RunAsync("setup");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Not.Contain(SandboxNoticeStart));
        Assert.That(Trunk, Is.Not.Null);
        Assert.That(Sandbox.Exotel.PhoneNumbers((string)Trunk!["trunk_sid"]!).Single()["phone_number"]!.ToString(), Is.EqualTo(ExoPhone));
        Assert.That((string?)VapiNumber["assistantId"], Is.EqualTo(AssistantId));
    }

    [Test]
    public async Task A_settings_file_is_read_and_overrides_environment_variables()
    {
        // The environment's Vapi key is wrong and its trunk name differs: the file's values must win.
        Variables["VapiExotel__Vapi__ApiKey"] = "not-the-sandbox-key";
        Variables["VapiExotel__Trunk__Name"] = "fromenv";
        WriteJson("settings.json", new Dictionary<string, string?>
        {
            ["VapiExotel:Vapi:ApiKey"] = Sandbox.Options.VapiApiKey,
            ["VapiExotel:Trunk:Name"] = "fromfile",
        });

        var run = await RunAsync("setup", "--settings", "settings.json");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That((string?)Trunk!["trunk_name"], Is.EqualTo("fromfile"));
        Assert.That(Sandbox.Vapi.Credentials, Has.Count.EqualTo(1), "the file's Vapi key was used");
    }

    [Test]
    public async Task A_settings_file_alone_configures_everything()
    {
        WriteJson("all.json", Sandbox.ConfigurationFor());
        Variables.Clear();

        var run = await RunAsync("setup", "--settings", Path.Combine(WorkingDirectory, "all.json"));

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Not.Contain(SandboxNoticeStart));
        Assert.That(Trunk, Is.Not.Null);
        Assert.That(Sandbox.Vapi.PhoneNumbers, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Set_overrides_the_settings_file_and_the_environment()
    {
        Variables["VapiExotel__Trunk__Name"] = "fromenv";
        WriteJson("settings.json", new Dictionary<string, string?> { ["VapiExotel:Trunk:Name"] = "fromfile" });

        var run = await RunAsync("validate", "--offline", "--settings", "settings.json", "--set", "Trunk:Name=fromset", "--set", "VapiExotel__Trunk__Transport=tls");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Contain("trunk fromset over Tls"));
        Assert.That(Sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task Appsettings_json_in_the_working_directory_is_read_and_the_environment_overrides_it()
    {
        WriteJson("appsettings.json", new Dictionary<string, string?> { ["VapiExotel:Trunk:Name"] = "fromappsettings" });

        var fromFile = await RunAsync("validate", "--offline");
        Variables["VapiExotel__Trunk__Name"] = "fromenv";
        var fromEnvironment = await RunAsync("validate", "--offline");

        Assert.That(fromFile.ExitCode, Is.Zero, fromFile.Error);
        Assert.That(fromFile.Out, Does.Contain("trunk fromappsettings over"));
        Assert.That(fromEnvironment.ExitCode, Is.Zero, fromEnvironment.Error);
        Assert.That(fromEnvironment.Out, Does.Contain("trunk fromenv over"));
    }

    [TestCase("Numbers:0:PhoneNumber=12", "VapiExotel:Numbers:0:PhoneNumber")]
    [TestCase("Trunk:Name=not-a-valid-trunk-name", "VapiExotel:Trunk:Name")]
    [TestCase("Gateway:Port=abc", "VapiExotel:Gateway:Port")]
    [TestCase("Trunk:Transport=carrier-pigeon", "VapiExotel:Trunk:Transport")]
    [TestCase("Exotel:Region=Atlantis", "VapiExotel:Exotel:Region")]
    public async Task A_bad_value_is_bad_configuration_naming_its_key(string setting, string key)
    {
        var run = await RunAsync("setup", "--dry-run", "--set", setting);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.ErrorLines[0], Does.StartWith("Error:").And.Contain(key));
        Assert.That(run.ErrorLines, Has.Some.StartWith("Fix:"));
        Assert.That(run.Error, Does.Not.Contain("   at "), "no stack trace without --verbose");
        Assert.That(Sandbox.Requests, Is.Empty);
    }

    [Test]
    public async Task Validate_lists_each_problem_of_a_configuration_that_does_not_start_and_exits_1()
    {
        Variables.Clear();
        Variables["VapiExotel__Exotel__ApiKey"] = "only-an-exotel-key";

        var run = await RunAsync("validate", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var failed = json.RootElement.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "failed").Select(c => c.GetProperty("message").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(failed, Has.Some.Contains("VapiExotel:Exotel:AccountSid").And.Some.Contains("VapiExotel:Vapi:ApiKey"));
            Assert.That(run.Out, Does.Not.Contain("only-an-exotel-key"));
            Assert.That(Sandbox.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task Set_without_an_equals_sign_is_bad_usage()
    {
        var run = await RunAsync("validate", "--offline", "--set", "Trunk:Name");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines[0], Does.Contain("KEY=VALUE"));
    }

    [Test]
    public async Task A_missing_settings_file_is_bad_usage_naming_the_file()
    {
        var run = await RunAsync("validate", "--offline", "--settings", "missing.json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines[0], Does.StartWith("Error:").And.Contain("missing.json"));
        Assert.That(run.ErrorLines[1], Does.Contain("--settings"));
    }

    /// <summary>Writes configuration keys (<c>A:B:C</c>) as a nested JSON file in the working directory.</summary>
    private void WriteJson(string fileName, IReadOnlyDictionary<string, string?> settings)
    {
        var root = new JsonObject();
        foreach (var (key, value) in settings)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1])
            {
                if (node[part] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[part] = child;
                }

                node = child;
            }

            node[parts[^1]] = value;
        }

        File.WriteAllText(Path.Combine(WorkingDirectory, fileName), root.ToJsonString());
    }
}
