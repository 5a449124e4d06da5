namespace VapiExotel.Cli.Tests;

/// <summary><c>resources list</c> and <c>teardown</c>: nothing is removed without a yes.</summary>
public sealed class TeardownTests : SandboxCliTest
{
    [SetUp]
    public Task SetUpAsync() => SetUpIntegrationAsync();

    [Test]
    public async Task Resources_list_shows_every_managed_resource_with_its_id()
    {
        var run = await RunAsync("resources", "list");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Contain((string)Trunk!["trunk_sid"]!)
            .And.Contain((string)Sandbox.Vapi.Credentials.Single()["id"]!)
            .And.Contain((string)VapiNumber["id"]!)
            .And.Contain((string)Sandbox.Exotel.PhoneNumbers((string)Trunk!["trunk_sid"]!).Single()["id"]!.ToString()));
        Assert.That(run.OutLines[^1], Does.StartWith("7 managed resource(s); 0 other item(s) on the trunk"));
        Assert.That(Changes, Is.Empty);
    }

    [Test]
    public async Task Resources_list_all_shows_what_the_integration_does_not_manage_and_remove_deletes_it_by_id()
    {
        var trunkSid = (string)Trunk!["trunk_sid"]!;
        var exotel = new Exotel.VSip.ExotelClient(new Exotel.VSip.ExotelClientOptions
        {
            AccountSid = Sandbox.Options.ExotelAccountSid, ApiKey = Sandbox.Options.ExotelApiKey, ApiToken = Sandbox.Options.ExotelApiToken,
            BaseAddress = Sandbox.ExotelBaseAddress,
        });
        var stray = await exotel.DestinationUris.AddAsync(trunkSid, new Exotel.VSip.SipDestination("old-bot.sip.vapi.ai", Exotel.VSip.SipTransport.Tcp));   // left by an older tool

        var list = await RunAsync("resources", "list", "--all", "--json");
        using var json = System.Text.Json.JsonDocument.Parse(list.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        var strayRow = rows.Single(r => r.GetProperty("id").GetString() == stray.Id);
        var refused = await RunAsync("resources", "remove", "destination", stray.Id);
        var removed = await RunAsync("resources", "remove", "destination", stray.Id, "--trunk", trunkSid, "--yes");

        Assert.Multiple(() =>
        {
            Assert.That(list.ExitCode, Is.Zero, list.Error);
            Assert.That(strayRow.GetProperty("managed").GetBoolean(), Is.False);
            Assert.That(strayRow.GetProperty("trunk").GetString(), Is.EqualTo(trunkSid));
            Assert.That(rows.Count(r => r.GetProperty("managed").GetBoolean()), Is.EqualTo(7));
            Assert.That(refused.ExitCode, Is.EqualTo(2), "a destination needs its trunk");
            Assert.That(removed.ExitCode, Is.Zero, removed.Error);
            Assert.That(Sandbox.Exotel.DestinationUris(trunkSid).Select(d => (string?)d["id"]?.ToString()), Does.Not.Contain(stray.Id));
            Assert.That(Sandbox.Exotel.DestinationUris(trunkSid), Has.Count.EqualTo(1), "the integration's own destination stays");
        });
    }

    [Test]
    public async Task Without_yes_and_without_a_terminal_it_refuses_and_removes_nothing()
    {
        var run = await RunAsync("teardown");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines[0], Does.StartWith("Error:").And.Contain("--yes"));
        Assert.That(run.Out, Does.Contain("would delete"), "it shows what it would remove");
        AssertNothingRemoved();
    }

    [Test]
    public async Task In_a_terminal_yes_removes_everything()
    {
        var run = await RunAsync(["teardown"], input: "yes\n", interactive: true);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Contain("Type 'yes' to continue"));
        Assert.That(run.OutLines[^1], Is.EqualTo("Teardown complete."));
        AssertEverythingRemoved();
    }

    [Test]
    public async Task In_a_terminal_no_removes_nothing_and_succeeds()
    {
        var run = await RunAsync(["teardown"], input: "no\n", interactive: true);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Contain("Type 'yes' to continue"));
        Assert.That(run.OutLines[^1], Does.EndWith("Nothing was removed."));
        AssertNothingRemoved();
    }

    [Test]
    public async Task In_a_terminal_no_answer_at_all_removes_nothing()
    {
        var run = await RunAsync(["teardown"], input: string.Empty, interactive: true);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        AssertNothingRemoved();
    }

    [Test]
    public async Task Yes_removes_everything_without_asking()
    {
        var run = await RunAsync("teardown", "--yes");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Out, Does.Not.Contain("Type 'yes'"));
        Assert.That(run.OutLines.Count(l => l.TrimStart().StartsWith("✓ deleted", StringComparison.Ordinal)), Is.EqualTo(7), run.Out);
        AssertEverythingRemoved();

        var again = await RunAsync("teardown", "--yes");
        Assert.That(again.ExitCode, Is.Zero, again.Error);
        Assert.That(again.OutLines[^1], Is.EqualTo("Nothing to remove."));
    }

    [Test]
    public async Task Dry_run_lists_what_would_go_and_removes_nothing()
    {
        var run = await RunAsync("teardown", "--dry-run");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.OutLines.Count(l => l.Contains("would delete", StringComparison.Ordinal)), Is.EqualTo(7));
        Assert.That(run.OutLines[^1], Is.EqualTo("Dry run: nothing was removed."));
        AssertNothingRemoved();
    }

    private void AssertNothingRemoved()
    {
        Assert.That(Changes, Is.Empty, "no request but reads");
        Assert.That(Trunk, Is.Not.Null);
        Assert.That(Sandbox.Vapi.Credentials, Has.Count.EqualTo(1));
        Assert.That(Sandbox.Vapi.PhoneNumbers, Has.Count.EqualTo(1));
    }

    private void AssertEverythingRemoved()
    {
        Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
        Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        Assert.That(Sandbox.Vapi.PhoneNumbers, Is.Empty);
        Assert.That(Changes.Select(r => r.Method), Is.All.EqualTo("DELETE"));
    }
}
