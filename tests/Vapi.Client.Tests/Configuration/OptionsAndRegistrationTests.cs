using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Vapi.Client.Tests.Support;
using VapiExotel.Shared.Http;

namespace Vapi.Client.Tests.Configuration;

public class OptionsAndRegistrationTests
{
    private const string CallJson = """{"id":"019d2ad0-6eb1-7aac-9377-0fc25d8bc1ad","status":"queued"}""";

    private static MockedRequest ExpectGetCall(MockHttpMessageHandler mock, string baseUrl) =>
        mock.Expect(HttpMethod.Get, baseUrl + "call/" + TestAccount.CallId)
            .With(r => r.RequestUri!.AbsoluteUri == baseUrl + "call/" + TestAccount.CallId)
            .WithHeaders("Authorization", "Bearer " + TestAccount.ApiKey);

    // ---- validation at start-up ----

    public static IEnumerable<TestCaseData> InvalidOptions()
    {
        yield return Invalid("an empty key", o => o.ApiKey = "", "VapiClientOptions.ApiKey is required");
        yield return Invalid("a blank key", o => o.ApiKey = "   ", "VapiClientOptions.ApiKey is required");
        yield return Invalid("a key with a newline", o => o.ApiKey = TestAccount.ApiKey + "\n", "VapiClientOptions.ApiKey must not contain white space");
        yield return Invalid("a key with a space", o => o.ApiKey = "vapi key-1234", "VapiClientOptions.ApiKey must not contain white space");
        yield return Invalid("region 7", o => o.Region = (VapiRegion)7, "VapiClientOptions.Region must be US or EU; got 7");
        yield return Invalid("plain http to a public host", o => o.BaseAddress = new Uri("http://example.com"), "VapiClientOptions.BaseAddress uses plain http");
        yield return Invalid("credentials in the base address", o => o.BaseAddress = new Uri("https://user:pw@host/"), "VapiClientOptions.BaseAddress must not carry credentials");
        yield return Invalid("a query in the base address", o => o.BaseAddress = new Uri("https://proxy.example.com/?x=1"), "VapiClientOptions.BaseAddress must not have a query");
        yield return Invalid("a relative base address", o => o.BaseAddress = new Uri("/vapi/", UriKind.Relative), "VapiClientOptions.BaseAddress must be an absolute URL");
        yield return Invalid("an ftp base address", o => o.BaseAddress = new Uri("ftp://proxy.example.com/"), "VapiClientOptions.BaseAddress must use https");
        yield return Invalid("no resilience", o => o.Resilience = null!, "VapiClientOptions.Resilience is required");
        yield return Invalid("an attempt longer than the total", o => o.Resilience = new VapiResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(40) },
            "VapiClientOptions.Resilience.AttemptTimeout");
        yield return Invalid("a 5 ms attempt", o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(5), "must be between 10 ms and 24 h");
    }

    private static TestCaseData Invalid(string name, Action<VapiClientOptions> change, string message) =>
        new TestCaseData(change, message).SetName("Start-up refuses " + name);

    [TestCaseSource(nameof(InvalidOptions))]
    public void Invalid_options_fail_when_the_options_are_read(Action<VapiClientOptions> change, string message)
    {
        var services = new ServiceCollection();
        services.AddVapiClient(o =>
        {
            o.ApiKey = TestAccount.ApiKey;
            change(o);
        });
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<VapiClientOptions>>().Value)!;

        Assert.That(e.Failures, Has.Some.Contains(message));
        Assert.That(e.Message, Does.Not.Contain(TestAccount.ApiKey));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<VapiClient>());
    }

    [Test]
    public void Invalid_options_fail_the_start_up_validator()
    {
        var services = new ServiceCollection();
        services.AddVapiClient(o => o.Region = (VapiRegion)7);
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.That(e.Failures, Has.Some.Contains("VapiClientOptions.ApiKey is required").And.Some.Contains("VapiClientOptions.Region"));
    }

    [TestCase("http://127.0.0.1:5000/")]
    [TestCase("http://localhost:5000/")]
    [TestCase("http://[::1]:5000/")]
    [TestCase("https://proxy.example.com/vapi/")]
    public async Task Https_or_loopback_base_addresses_are_accepted_and_used(string address)
    {
        using var mock = new MockHttpMessageHandler();
        ExpectGetCall(mock, address).Respond("application/json", CallJson);
        var services = new ServiceCollection();
        services.AddVapiClient(o =>
        {
            o.ApiKey = TestAccount.ApiKey;
            o.BaseAddress = new Uri(address);
        }).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IOptions<VapiClientOptions>>().Value.BaseAddress, Is.EqualTo(new Uri(address)));
        await provider.GetRequiredService<VapiClient>().Calls.GetAsync(TestAccount.CallId);

        mock.VerifyNoOutstandingExpectation();
    }

    [TestCase("https://proxy.example.com/vapi/", "https://proxy.example.com/vapi/")]
    [TestCase("https://proxy.example.com/vapi", "https://proxy.example.com/vapi/")]
    [TestCase("https://proxy.example.com/a/b/", "https://proxy.example.com/a/b/")]
    public async Task A_base_address_with_a_path_keeps_its_prefix(string configured, string effective)
    {
        using var host = new VapiTestHost(o => o.BaseAddress = new Uri(configured));
        host.Mock.Expect(HttpMethod.Get, effective + "call?limit=100")
            .With(r => r.RequestUri!.AbsoluteUri == effective + "call?limit=100")
            .Respond("application/json", "[]");
        ExpectGetCall(host.Mock, effective).Respond("application/json", CallJson);

        await host.Client.Calls.ListAsync().ToListAsync();
        await host.Client.Calls.GetAsync(TestAccount.CallId);

        host.VerifyAllSatisfied();
    }

    // ---- regions ----

    [Test]
    public async Task The_eu_region_sends_to_the_eu_host_and_names_the_eu_sip_domain()
    {
        using var host = new VapiTestHost(o => o.Region = VapiRegion.EU);
        ExpectGetCall(host.Mock, "https://api.eu.vapi.ai/").Respond("application/json", CallJson);

        await host.Client.Calls.GetAsync(TestAccount.CallId);

        host.VerifyAllSatisfied();
        Assert.That(host.Client.Region, Is.EqualTo(VapiRegion.EU));
        Assert.That(host.Client.SipDomain, Is.EqualTo("sip.eu.vapi.ai"));
    }

    [Test]
    public void The_us_region_is_the_default()
    {
        using var host = new VapiTestHost();

        Assert.That(host.Client.Region, Is.EqualTo(VapiRegion.US));
        Assert.That(host.Client.SipDomain, Is.EqualTo("sip.vapi.ai"));
        Assert.That(new VapiClientOptions().GetEffectiveBaseAddress(), Is.EqualTo(new Uri("https://api.vapi.ai/")));
    }

    [Test]
    public void A_base_address_overrides_the_host_but_not_the_sip_domain()
    {
        var options = new VapiClientOptions { Region = VapiRegion.EU, BaseAddress = new Uri("http://127.0.0.1:5000/") };

        Assert.That(options.GetEffectiveBaseAddress(), Is.EqualTo(new Uri("http://127.0.0.1:5000/")));
        Assert.That(options.GetSipDomain(), Is.EqualTo("sip.eu.vapi.ai"));
    }

    // ---- binding ----

    [Test]
    public async Task Binds_from_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vapi:ApiKey"] = TestAccount.ApiKey,
            ["Vapi:Region"] = "EU",
            ["Vapi:Resilience:AttemptTimeout"] = "00:00:04",
            ["Vapi:Resilience:TotalRequestTimeout"] = "00:00:12",
        }).Build();
        using var mock = new MockHttpMessageHandler();
        ExpectGetCall(mock, "https://api.eu.vapi.ai/").Respond("application/json", CallJson);
        var services = new ServiceCollection();
        services.AddVapiClient(configuration.GetSection("Vapi")).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<VapiClientOptions>>().Value;
        var client = provider.GetRequiredService<VapiClient>();
        await client.Calls.GetAsync(TestAccount.CallId);

        Assert.That((options.ApiKey, options.Region, options.Resilience.AttemptTimeout, options.Resilience.TotalRequestTimeout),
            Is.EqualTo((TestAccount.ApiKey, VapiRegion.EU, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(12))));
        Assert.That(client.SipDomain, Is.EqualTo("sip.eu.vapi.ai"));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Binds_from_a_section_path_with_a_loopback_base_address()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telephony:Vapi:ApiKey"] = TestAccount.ApiKey,
            ["Telephony:Vapi:BaseAddress"] = "http://127.0.0.1:8099/vapi/",
        }).Build();
        using var mock = new MockHttpMessageHandler();
        ExpectGetCall(mock, "http://127.0.0.1:8099/vapi/").Respond("application/json", CallJson);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddVapiClient("Telephony:Vapi").ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var call = await provider.GetRequiredService<VapiClient>().Calls.GetAsync(TestAccount.CallId);

        Assert.That(call.Id, Is.EqualTo(TestAccount.CallId));
        Assert.That(provider.GetRequiredService<IOptions<VapiClientOptions>>().Value.Region, Is.EqualTo(VapiRegion.US));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void A_section_without_a_key_fails_validation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Vapi:Region"] = "EU" }).Build();
        var services = new ServiceCollection();
        services.AddVapiClient(configuration.GetSection("Vapi"));
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<VapiClientOptions>>().Value)!;

        Assert.That(e.Failures, Has.Some.Contains("VapiClientOptions.ApiKey"));
    }

    [Test]
    public void Registration_refuses_null_and_empty_arguments()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentNullException>(() => services.AddVapiClient((Action<VapiClientOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddVapiClient((IConfiguration)null!));
        Assert.Catch<ArgumentException>(() => services.AddVapiClient(" "));
    }

    // ---- the HttpClient builder and its handlers ----

    [Test]
    public async Task The_returned_builder_names_the_client_and_takes_extra_handlers()
    {
        using var mock = new MockHttpMessageHandler();
        ExpectGetCall(mock, TestAccount.BaseUrl).Respond("application/json", CallJson);
        var counter = new CountingHandler();
        var services = new ServiceCollection();

        var builder = services.AddVapiClient(o => o.ApiKey = TestAccount.ApiKey);
        builder.AddHttpMessageHandler(() => counter).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<VapiClient>().Calls.GetAsync(TestAccount.CallId);

        Assert.That(builder.Name, Is.EqualTo(VapiClient.HttpClientName));
        Assert.That(counter.Count, Is.EqualTo(1));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Registering_twice_combines_the_options_and_does_not_stack_the_handlers()
    {
        using var mock = new MockHttpMessageHandler();
        ExpectGetCall(mock, "https://api.eu.vapi.ai/").Respond("application/json", CallJson);
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddVapiClient(o => o.ApiKey = TestAccount.ApiKey);
        services.AddVapiClient(o => o.Region = VapiRegion.EU).AddHttpMessageHandler(() => counter).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<VapiClient>().Calls.GetAsync(TestAccount.CallId);

        Assert.That(counter.Count, Is.EqualTo(1));
        Assert.That(ResilienceHandlersIn(provider), Is.EqualTo(1));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void Registering_twice_adds_no_handler_actions()
    {
        static int HandlerActions(IServiceCollection services)
        {
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(VapiClient.HttpClientName).HttpMessageHandlerBuilderActions.Count;
        }

        var once = new ServiceCollection();
        once.AddVapiClient(o => o.ApiKey = TestAccount.ApiKey);
        var twice = new ServiceCollection();
        twice.AddVapiClient(o => o.ApiKey = TestAccount.ApiKey);
        twice.AddVapiClient(o => o.Region = VapiRegion.EU);
        var mixed = new ServiceCollection();
        mixed.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        mixed.AddVapiClient(o => o.ApiKey = TestAccount.ApiKey);
        mixed.AddVapiClient("Vapi");

        Assert.That(HandlerActions(twice), Is.EqualTo(HandlerActions(once)));
        Assert.That(HandlerActions(mixed), Is.EqualTo(HandlerActions(once)));
    }

    [Test]
    public void The_http_client_has_no_timeout_of_its_own()
    {
        var services = new ServiceCollection();
        services.AddVapiClient(o => o.ApiKey = TestAccount.ApiKey);
        using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(VapiClient.HttpClientName);

        Assert.That(http.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
        Assert.That(ResilienceHandlersIn(provider), Is.EqualTo(1));
    }

    private static int ResilienceHandlersIn(IServiceProvider provider)
    {
        var count = 0;
        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(VapiClient.HttpClientName);
        while (handler is DelegatingHandler delegating)
        {
            if (delegating is ResilienceHandler)
            {
                count++;
            }

            handler = delegating.InnerHandler;
        }

        return count;
    }

    // ---- without dependency injection ----

    [TestCase("", "VapiClientOptions.ApiKey is required")]
    [TestCase("key\r\nwith-break", "VapiClientOptions.ApiKey must not contain white space")]
    public void The_standalone_constructor_validates_and_names_the_setting(string key, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new VapiClient(new VapiClientOptions { ApiKey = key }))!;

        Assert.That(e.Message, Does.Contain(message));
        Assert.That(e.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void The_constructors_refuse_null_and_invalid_options()
    {
        using var http = new HttpClient(new MockHttpMessageHandler());

        Assert.Throws<ArgumentNullException>(() => _ = new VapiClient(null!));
        Assert.Throws<ArgumentNullException>(() => _ = new VapiClient(null!, new VapiClientOptions { ApiKey = TestAccount.ApiKey }));
        var e = Assert.Throws<ArgumentException>(() => _ = new VapiClient(http, new VapiClientOptions { ApiKey = TestAccount.ApiKey, BaseAddress = new Uri("http://example.com/") }))!;
        Assert.That(e.Message, Does.Contain("VapiClientOptions.BaseAddress"));
    }

    [Test]
    public void The_standalone_constructor_accepts_valid_options()
    {
        var client = new VapiClient(new VapiClientOptions { ApiKey = TestAccount.ApiKey, Region = VapiRegion.EU });

        Assert.That(client.SipDomain, Is.EqualTo("sip.eu.vapi.ai"));
        Assert.That(client.Calls, Is.Not.Null);
    }

    [Test]
    public async Task A_client_over_a_supplied_http_client_works_and_keeps_a_snapshot_of_its_options()
    {
        using var mock = new MockHttpMessageHandler();
        ExpectGetCall(mock, TestAccount.BaseUrl)
            .WithHeaders("Accept", "application/json")
            .With(r => r.Headers.UserAgent.ToString().StartsWith("Vapi.Client/", StringComparison.Ordinal))
            .Respond("application/json", Fixtures.Read("call-ended-sip.json"));
        using var http = new HttpClient(mock);
        var options = new VapiClientOptions { ApiKey = TestAccount.ApiKey };
        var client = new VapiClient(http, options);

        options.ApiKey = "changed-later-key";
        options.Region = VapiRegion.EU;
        var call = await client.Calls.GetAsync(TestAccount.CallId);

        Assert.That(call.EndedReason, Is.EqualTo(VapiEndedReason.OutboundSip408RequestTimeout));
        Assert.That(client.SipDomain, Is.EqualTo("sip.vapi.ai"));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void The_timeout_of_a_supplied_http_client_is_reported_as_a_timeout()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var http = new HttpClient(mock) { Timeout = TimeSpan.FromMilliseconds(150) };
        var client = new VapiClient(http, new VapiClientOptions { ApiKey = TestAccount.ApiKey });

        var e = Assert.ThrowsAsync<VapiException>(() => client.Calls.GetAsync(TestAccount.CallId))!;

        Assert.That((e.IsTimeout, e.IsOutcomeUnknown, e.Status), Is.EqualTo((true, true, 0)));
        Assert.That(e.Message, Does.Contain("timed out"));
    }
}
