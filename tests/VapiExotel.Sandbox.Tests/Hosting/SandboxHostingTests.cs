using System.Net;
using System.Net.Http.Headers;

namespace VapiExotel.Sandbox.Tests.Hosting;

/// <summary>Starting a sandbox: options validation, the clock modes, and sandboxes side by side.</summary>
public sealed class SandboxHostingTests : Support.SandboxTest
{
    private static IEnumerable<TestCaseData> InvalidOptions()
    {
        yield return Case("ExotelAccountSid", o => o.ExotelAccountSid = " ");
        yield return Case("ExotelAccountSid", o => o.ExotelAccountSid = "sand-box");
        yield return Case("ExotelApiKey", o => o.ExotelApiKey = string.Empty);
        yield return Case("ExotelApiToken", o => o.ExotelApiToken = null!);
        yield return Case("VapiApiKey", o => o.VapiApiKey = string.Empty);
        yield return Case("VapiSipDomain", o => o.VapiSipDomain = " ");
        yield return Case("ExoPhones", o => o.ExoPhones.Add("08047490924"));
        yield return Case("Assistants", o => o.Assistants.Add(" "));
        yield return Case("ExotelRequestsPerMinute", o => o.ExotelRequestsPerMinute = 0);
        yield return Case("ExotelRateLimitWindow", o => o.ExotelRateLimitWindow = TimeSpan.Zero);
        yield return Case("VapiConcurrencyLimit", o => o.VapiConcurrencyLimit = 0);
        yield return Case("RequestLogCapacity", o => o.RequestLogCapacity = -1);
        yield return Case("ExotelLateFieldsDelay", o => o.ExotelLateFieldsDelay = TimeSpan.FromSeconds(-1));
        yield return Case("DefaultCallScript", o => o.DefaultCallScript = null!);
        yield return Case("DefaultCallScript", o => o.DefaultCallScript = SandboxCallScript.Answered(TimeSpan.FromSeconds(-5)));

        static TestCaseData Case(string option, Action<VapiExotelSandboxOptions> breakIt) =>
            new TestCaseData(option, breakIt).SetArgDisplayNames(option);
    }

    [TestCaseSource(nameof(InvalidOptions))]
    public void Starting_with_an_invalid_option_throws_ArgumentException_naming_it(string option, Action<VapiExotelSandboxOptions> breakIt)
    {
        var options = new VapiExotelSandboxOptions();
        breakIt(options);
        var thrown = Assert.CatchAsync<ArgumentException>(() => VapiExotelSandbox.StartAsync(options));
        Assert.That(thrown!.ParamName, Is.EqualTo(option));
    }

    [TestCase(-1, 0)]
    [TestCase(0, 65536)]
    public void Starting_on_an_invalid_port_throws(int exotelPort, int vapiPort)
    {
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => VapiExotelSandbox.StartAsync(null, exotelPort, vapiPort));
    }

    [Test]
    public async Task Advancing_a_real_time_clock_throws()
    {
        await using var realTime = await VapiExotelSandbox.StartAsync(new VapiExotelSandboxOptions { ClockMode = SandboxClockMode.RealTime });
        Assert.Multiple(() =>
        {
            Assert.That(realTime.Clock.Mode, Is.EqualTo(SandboxClockMode.RealTime));
            Assert.ThrowsAsync<InvalidOperationException>(() => realTime.AdvanceTimeAsync(TimeSpan.FromSeconds(1)));
            Assert.That(realTime.Clock.UtcNow, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public void A_manual_clock_starts_at_the_start_time_and_does_not_move_backwards()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.Clock.Mode, Is.EqualTo(SandboxClockMode.Manual));
            Assert.That(Sandbox.Clock.UtcNow, Is.EqualTo(Start));
            Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(-1)));
            Assert.That(Sandbox.Clock.UtcNow, Is.EqualTo(Start));
        });
    }

    [Test]
    public async Task Advancing_the_manual_clock_moves_it_exactly()
    {
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(90));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMilliseconds(5));
        Assert.That(Sandbox.Clock.UtcNow, Is.EqualTo(Start.AddMinutes(90).AddMilliseconds(5)));
    }

    [Test]
    public void The_options_are_a_copy()
    {
        var copy = Sandbox.Options;
        copy.VapiConcurrencyLimit = 1;
        copy.ExoPhones.Clear();
        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.Options.VapiConcurrencyLimit, Is.EqualTo(10));
            Assert.That(Sandbox.Options.ExoPhones, Is.EqualTo(new[] { "+918047490924" }));
            Assert.That(Sandbox.Options.StartTime, Is.EqualTo(Start));
        });
    }

    [Test]
    public async Task Options_passed_in_are_copied_at_start()
    {
        var options = new VapiExotelSandboxOptions { StartTime = Start, VapiConcurrencyLimit = 4 };
        await using var started = await VapiExotelSandbox.StartAsync(options);
        options.VapiConcurrencyLimit = 1;
        options.Assistants.Add("Late");
        Assert.Multiple(() =>
        {
            Assert.That(started.Options.VapiConcurrencyLimit, Is.EqualTo(4));
            Assert.That(started.Vapi.Assistants, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void The_options_text_masks_the_secrets()
    {
        var options = Sandbox.Options;
        var text = options.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(text.Contains(options.VapiApiKey, StringComparison.Ordinal), Is.False, "the Vapi key is in ToString");
            Assert.That(text.Contains(options.ExotelApiToken, StringComparison.Ordinal), Is.False, "the Exotel token is in ToString");
            Assert.That(text, Does.Contain("sandbox1"));
        });
    }

    [Test]
    public async Task Two_sandboxes_side_by_side_are_independent()
    {
        await using var other = await VapiExotelSandbox.StartAsync(new VapiExotelSandboxOptions { StartTime = Start, VapiApiKey = "other-vapi-key" });
        using var otherVapi = new HttpClient { BaseAddress = other.VapiBaseAddress };
        otherVapi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "other-vapi-key");

        var (created, _) = await SendAsync(Vapi, HttpMethod.Post, "credential", """{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198"}]}""");
        var (otherList, otherCredentials) = await SendAsync(otherVapi, HttpMethod.Get, "credential");
        using var firstKeyOnOther = new HttpClient { BaseAddress = other.VapiBaseAddress };
        firstKeyOnOther.DefaultRequestHeaders.Authorization = Vapi.DefaultRequestHeaders.Authorization;
        var (crossKey, _) = await SendAsync(firstKeyOnOther, HttpMethod.Get, "credential");
        await other.AdvanceTimeAsync(TimeSpan.FromHours(1));
        Sandbox.Faults.AddGlobal(SandboxFault.ServerError());
        var (otherStillFine, _) = await SendAsync(otherVapi, HttpMethod.Get, "assistant");

        Assert.Multiple(() =>
        {
            Assert.That(created, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(otherList, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(otherCredentials!.AsArray(), Is.Empty);
            Assert.That(other.Vapi.Credentials, Is.Empty);
            Assert.That(Sandbox.Vapi.Credentials, Has.Count.EqualTo(1));
            Assert.That(crossKey, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(other.Vapi.OrgId, Is.Not.EqualTo(Sandbox.Vapi.OrgId));
            Assert.That(other.VapiBaseAddress, Is.Not.EqualTo(Sandbox.VapiBaseAddress));
            Assert.That(other.ExotelBaseAddress, Is.Not.EqualTo(Sandbox.ExotelBaseAddress));
            Assert.That(Sandbox.Clock.UtcNow, Is.EqualTo(Start));
            Assert.That(other.Clock.UtcNow, Is.EqualTo(Start.AddHours(1)));
            Assert.That(otherStillFine, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(other.Faults.Rules, Is.Empty);
            Assert.That(Sandbox.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/credential" }));
            Assert.That(other.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/credential", "/credential", "/assistant" }));
        });
    }

    [Test]
    public async Task Disposing_twice_is_harmless()
    {
        var extra = await VapiExotelSandbox.StartAsync();
        await extra.DisposeAsync();
        Assert.DoesNotThrowAsync(async () => await extra.DisposeAsync());
    }

    [Test]
    public async Task Seeded_assistants_and_the_account_come_from_the_options()
    {
        var options = new VapiExotelSandboxOptions { ExotelAccountSid = "acme42", StartTime = Start };
        options.Assistants.Add("Second");
        await using var seeded = await VapiExotelSandbox.StartAsync(options);
        Assert.Multiple(() =>
        {
            Assert.That(seeded.Vapi.Assistants.Select(a => (string?)a["name"]), Is.EqualTo(new[] { "Sandbox Assistant", "Second" }));
            Assert.That(seeded.Options.ExotelAccountSid, Is.EqualTo("acme42"));
            Assert.That(seeded.Exotel.AccountSid, Is.EqualTo("acme42"));
        });
    }
}
