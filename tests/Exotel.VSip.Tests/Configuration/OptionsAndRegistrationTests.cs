using Exotel.VSip.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Exotel.VSip.Tests.Configuration;

public class OptionsAndRegistrationTests
{
    private static ExotelClientOptions Valid() => new() { AccountSid = TestAccount.AccountSid, ApiKey = TestAccount.ApiKey, ApiToken = TestAccount.ApiToken };

    private static IReadOnlyList<string> Failures(Action<ExotelClientOptions> change)
    {
        var options = Valid();
        change(options);
        return ExotelClientOptionsValidator.GetFailures(options).ToList();
    }

    [Test]
    public void Valid_options_pass() => Assert.That(Failures(_ => { }), Is.Empty);

    [TestCase(nameof(ExotelClientOptions.AccountSid), "ExotelClientOptions.AccountSid is required")]
    [TestCase(nameof(ExotelClientOptions.ApiKey), "ExotelClientOptions.ApiKey is required")]
    [TestCase(nameof(ExotelClientOptions.ApiToken), "ExotelClientOptions.ApiToken is required")]
    public void A_missing_required_setting_is_named(string setting, string message)
    {
        var failures = Failures(o => typeof(ExotelClientOptions).GetProperty(setting)!.SetValue(o, " "));

        Assert.That(failures, Has.One.Contains(message));
    }

    [TestCase("http://api.in.exotel.com/", "accepted only for a loopback address")]
    [TestCase("https://key:token@api.in.exotel.com/", "must not carry credentials")]
    [TestCase("https://api.in.exotel.com/?x=1", "must not have a query")]
    [TestCase("ftp://api.in.exotel.com/", "must use https")]
    public void An_unsafe_base_address_is_refused(string address, string rule) =>
        Assert.That(Failures(o => o.BaseAddress = new Uri(address)), Has.One.Contains("ExotelClientOptions.BaseAddress").And.Contains(rule));

    [TestCase("https://proxy.example/")]
    [TestCase("http://127.0.0.1:5000/")]
    [TestCase("http://[::1]:5000/")]
    [TestCase("http://localhost:5000/")]
    public void Https_or_loopback_http_base_addresses_are_accepted(string address) =>
        Assert.That(Failures(o => o.BaseAddress = new Uri(address)), Is.Empty);

    [Test]
    public void An_attempt_timeout_longer_than_the_total_is_refused() =>
        Assert.That(
            Failures(o => o.Resilience = new ExotelResilienceOptions { TotalRequestTimeout = TimeSpan.FromSeconds(5), AttemptTimeout = TimeSpan.FromSeconds(6) }),
            Has.One.Contains("ExotelClientOptions.Resilience.AttemptTimeout").And.Contains("must not exceed"));

    [TestCase(0.005, 30.0)]
    [TestCase(10.0, 172800.0)]
    public void Timeouts_outside_10_ms_to_24_h_are_refused_at_startup(double attemptSeconds, double totalSeconds) =>
        Assert.That(
            Failures(o => o.Resilience = new ExotelResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(attemptSeconds), TotalRequestTimeout = TimeSpan.FromSeconds(totalSeconds) }),
            Has.Some.Contains("must be between 10 ms and 24 h"));

    [Test]
    public void ToString_never_shows_credentials_placed_in_a_base_address()
    {
        var text = Valid().ToString();
        var withUserInfo = new ExotelClientOptions { AccountSid = "acme1", BaseAddress = new Uri($"https://{TestAccount.ApiKey}:{TestAccount.ApiToken}@api.in.exotel.com/") }.ToString();

        Assert.That(text, Does.Not.Contain(TestAccount.ApiKey));
        Assert.That(withUserInfo, Does.Contain("https://api.in.exotel.com/").And.Not.Contain(TestAccount.ApiKey).And.Not.Contain(TestAccount.ApiToken));
    }

    [Test]
    public void Failures_never_contain_the_secret_values()
    {
        var failures = Failures(o => o.BaseAddress = new Uri($"http://{TestAccount.ApiKey}:{TestAccount.ApiToken}@example.com/"));

        Assert.That(string.Join(" ", failures), Does.Not.Contain(TestAccount.ApiKey).And.Not.Contain(TestAccount.ApiToken));
    }

    [Test]
    public void Invalid_options_fail_at_startup_with_the_setting_named()
    {
        var services = new ServiceCollection();
        services.AddExotelVSip(o => o.AccountSid = "acme1");
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.That(e.Failures, Has.Some.Contains("ApiKey is required").And.Some.Contains("ApiToken is required"));
    }

    [Test]
    public async Task Binds_from_configuration_including_region_and_timeouts()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Exotel:AccountSid"] = TestAccount.AccountSid,
            ["Exotel:ApiKey"] = TestAccount.ApiKey,
            ["Exotel:ApiToken"] = TestAccount.ApiToken,
            ["Exotel:Region"] = "Singapore",
            ["Exotel:DeleteIdStyle"] = "Path",
            ["Exotel:Resilience:AttemptTimeout"] = "00:00:04",
        }).Build();
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "https://api.exotel.com/v2/accounts/acme1/trunks").Respond("application/json", Fixtures.Read("list-empty-no-metadata.json"));
        var services = new ServiceCollection();
        services.AddExotelVSip(configuration.GetSection("Exotel")).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ExotelClientOptions>>().Value;
        await provider.GetRequiredService<ExotelClient>().Trunks.ListAsync().ToListAsync();

        Assert.That((options.Region, options.DeleteIdStyle, options.Resilience.AttemptTimeout), Is.EqualTo((ExotelRegion.Singapore, DeleteIdStyle.Path, TimeSpan.FromSeconds(4))));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Binds_from_a_section_path_with_a_loopback_base_address()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Exotel:AccountSid"] = TestAccount.AccountSid,
            ["Telephony:Exotel:ApiKey"] = TestAccount.ApiKey,
            ["Telephony:Exotel:ApiToken"] = TestAccount.ApiToken,
            ["Telephony:Exotel:BaseAddress"] = "http://127.0.0.1:8099/exotel/",
        }).Build();
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "http://127.0.0.1:8099/exotel/v2/accounts/acme1/trunks").Respond("application/json", Fixtures.Read("list-empty-no-metadata.json"));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddExotelVSip("Telephony:Exotel").ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ExotelClient>().Trunks.ListAsync().ToListAsync();

        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void Registering_twice_does_not_stack_the_handlers()
    {
        var once = new ServiceCollection();
        once.AddExotelVSip(o => o.AccountSid = "a");
        var twice = new ServiceCollection();
        twice.AddExotelVSip(o => o.AccountSid = "a");
        twice.AddExotelVSip(o => o.ApiKey = "b");

        static int HandlerActions(IServiceCollection services)
        {
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(ExotelClient.HttpClientName).HttpMessageHandlerBuilderActions.Count;
        }

        Assert.That(HandlerActions(twice), Is.EqualTo(HandlerActions(once)));
    }

    [Test]
    public void Returns_the_http_client_builder_for_the_named_client()
    {
        var services = new ServiceCollection();

        var builder = services.AddExotelVSip(o => { });

        Assert.That(builder.Name, Is.EqualTo(ExotelClient.HttpClientName));
    }

    [Test]
    public void The_standalone_constructor_validates_and_names_the_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new ExotelClient(new ExotelClientOptions { AccountSid = "acme1" }))!;

        Assert.That(e.Message, Does.Contain("ExotelClientOptions.ApiKey is required"));
    }

    [Test]
    public async Task A_client_keeps_a_snapshot_of_its_options()
    {
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "https://api.in.exotel.com/v2/accounts/acme1/trunks").Respond("application/json", Fixtures.Read("list-empty-no-metadata.json"));
        var options = Valid();
        using var http = new HttpClient(mock);
        var client = new ExotelClient(http, options);

        options.AccountSid = "changed_later";
        options.Region = ExotelRegion.Singapore;
        await client.Trunks.ListAsync().ToListAsync();

        Assert.That(client.AccountSid, Is.EqualTo("acme1"));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void Regions_map_to_their_hosts_and_a_base_address_overrides_them()
    {
        Assert.That(Valid().GetEffectiveBaseAddress(), Is.EqualTo(new Uri("https://api.in.exotel.com/")));
        Assert.That(new ExotelClientOptions { Region = ExotelRegion.Singapore }.GetEffectiveBaseAddress(), Is.EqualTo(new Uri("https://api.exotel.com/")));
        Assert.That(new ExotelClientOptions { Region = ExotelRegion.Singapore, BaseAddress = new Uri("http://127.0.0.1:1/") }.GetEffectiveBaseAddress(),
            Is.EqualTo(new Uri("http://127.0.0.1:1/")));
    }
}
