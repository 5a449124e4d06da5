using Exotel.VSip;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vapi.Client;

namespace VapiExotel.Integration.Tests.Configuration;

public sealed class BindingTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddVapiExotel(configuration).BuildServiceProvider();
    }

    [Test]
    public void Every_key_of_the_VapiExotel_section_binds_to_its_option()
    {
        var settings = TestSettings.Valid();
        settings["VapiExotel:Exotel:Region"] = "Singapore";
        settings["VapiExotel:Vapi:Region"] = "EU";
        settings["VapiExotel:Trunk:Sid"] = "trmum1abc";
        settings["VapiExotel:Trunk:Transport"] = "tls";
        settings["VapiExotel:Gateway:Host"] = "pstn.in4.exotel.com";
        settings["VapiExotel:Gateway:Port"] = "443";
        settings["VapiExotel:VapiSignallingIps:0"] = "63.182.83.170";
        settings["VapiExotel:Numbers:1:PhoneNumber"] = "+918047490925";
        settings["VapiExotel:Numbers:1:AssistantId"] = "asst-2";
        settings["VapiExotel:Numbers:1:SipUri"] = "front-desk@sip.eu.vapi.ai";
        settings["VapiExotel:Numbers:0:SipUri"] = "front-desk@sip.eu.vapi.ai";
        settings["VapiExotel:CredentialName"] = "vx-exotel-acme";
        using var services = Build(settings);

        var options = services.GetRequiredService<IOptions<VapiExotelOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.Exotel.AccountSid, Is.EqualTo("acme1"));
            Assert.That(options.Exotel.Region, Is.EqualTo(ExotelRegion.Singapore));
            Assert.That(options.Vapi.Region, Is.EqualTo(VapiRegion.EU));
            Assert.That(options.Trunk.Sid, Is.EqualTo("trmum1abc"));
            Assert.That(options.Trunk.Transport, Is.EqualTo(SipTransport.Tls));
            Assert.That(options.Gateway.Host, Is.EqualTo("pstn.in4.exotel.com"));
            Assert.That(options.Gateway.GetPort(options.Trunk.Transport), Is.EqualTo(443));
            Assert.That(options.GetVapiSignallingIps(), Is.EqualTo(new[] { "63.182.83.170" }));
            Assert.That(options.GetNumberBindings().Select(b => (b.PhoneNumber, b.AssistantId, b.SipUri)), Is.EqualTo(new[]
            {
                ("+918047490924", "asst-1", "front-desk@sip.eu.vapi.ai"),
                ("+918047490925", "asst-2", "front-desk@sip.eu.vapi.ai"),
            }));
            Assert.That(options.GetCredentialName(), Is.EqualTo("vx-exotel-acme"));
        });
    }

    [Test]
    public void The_clients_bind_from_the_Exotel_and_Vapi_sub_sections()
    {
        var settings = TestSettings.Valid();
        settings["VapiExotel:Vapi:Region"] = "EU";
        settings["VapiExotel:Numbers:0:SipUri"] = "front-desk@sip.eu.vapi.ai";
        settings["VapiExotel:Exotel:Resilience:AttemptTimeout"] = "00:00:05";
        using var services = Build(settings);

        var exotel = services.GetRequiredService<IOptions<ExotelClientOptions>>().Value;
        var vapi = services.GetRequiredService<IOptions<VapiClientOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(exotel.AccountSid, Is.EqualTo("acme1"));
            Assert.That(exotel.Resilience.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(vapi.Region, Is.EqualTo(VapiRegion.EU));
            Assert.That(services.GetRequiredService<ExotelClient>(), Is.Not.Null);
            Assert.That(services.GetRequiredService<VapiClient>().SipDomain, Is.EqualTo("sip.eu.vapi.ai"));
        });
    }

    [Test]
    public void Every_resilience_setting_binds_for_both_clients()
    {
        var settings = TestSettings.Valid();
        foreach (var client in new[] { "Exotel", "Vapi" })
        {
            var prefix = $"VapiExotel:{client}:Resilience:";
            settings[prefix + "Enabled"] = "false";
            settings[prefix + "TotalRequestTimeout"] = "00:01:00";
            settings[prefix + "AttemptTimeout"] = "00:00:07";
            settings[prefix + "Retry:MaxRetryAttempts"] = "5";
            settings[prefix + "Retry:Delay"] = "00:00:00.250";
            settings[prefix + "Retry:BackoffType"] = "Linear";
            settings[prefix + "Retry:UseJitter"] = "false";
            settings[prefix + "Retry:MaxDelay"] = "00:00:09";
            settings[prefix + "Retry:ShouldRetryAfterHeader"] = "false";
            settings[prefix + "CircuitBreaker:Enabled"] = "false";
            settings[prefix + "CircuitBreaker:FailureRatio"] = "0.5";
            settings[prefix + "CircuitBreaker:MinimumThroughput"] = "20";
            settings[prefix + "CircuitBreaker:SamplingDuration"] = "00:00:20";
            settings[prefix + "CircuitBreaker:BreakDuration"] = "00:00:03";
            settings[prefix + "RateLimit:Enabled"] = client == "Vapi" ? "true" : "false";
            settings[prefix + "RateLimit:PermitLimit"] = "120";
            settings[prefix + "RateLimit:Window"] = "00:00:30";
            settings[prefix + "RateLimit:ConcurrencyLimit"] = "10";
        }

        using var services = Build(settings);
        var exotel = services.GetRequiredService<IOptions<ExotelClientOptions>>().Value.Resilience;
        var vapi = services.GetRequiredService<IOptions<VapiClientOptions>>().Value.Resilience;

        Assert.Multiple(() =>
        {
            foreach (var (name, r) in new (string, dynamic)[] { ("Exotel", exotel), ("Vapi", vapi) })
            {
                Assert.That((bool)r.Enabled, Is.False, name);
                Assert.That(((TimeSpan)r.TotalRequestTimeout, (TimeSpan)r.AttemptTimeout), Is.EqualTo((TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(7))), name);
                Assert.That(((int)r.Retry.MaxRetryAttempts, (TimeSpan)r.Retry.Delay, (Polly.DelayBackoffType)r.Retry.BackoffType, (bool)r.Retry.UseJitter, (TimeSpan?)r.Retry.MaxDelay, (bool)r.Retry.ShouldRetryAfterHeader),
                    Is.EqualTo((5, TimeSpan.FromMilliseconds(250), Polly.DelayBackoffType.Linear, false, (TimeSpan?)TimeSpan.FromSeconds(9), false)), name);
                Assert.That(((bool)r.CircuitBreaker.Enabled, (double)r.CircuitBreaker.FailureRatio, (int)r.CircuitBreaker.MinimumThroughput, (TimeSpan)r.CircuitBreaker.SamplingDuration, (TimeSpan)r.CircuitBreaker.BreakDuration),
                    Is.EqualTo((false, 0.5, 20, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(3))), name);
                Assert.That(((int)r.RateLimit.PermitLimit, (TimeSpan)r.RateLimit.Window, (int)r.RateLimit.ConcurrencyLimit), Is.EqualTo((120, TimeSpan.FromSeconds(30), 10)), name);
            }

            Assert.That((exotel.RateLimit.Enabled, vapi.RateLimit.Enabled), Is.EqualTo((false, true)));
        });
    }

    [Test]
    public void The_resilience_defaults_are_the_standard_pipelines_and_the_Exotel_limit()
    {
        var exotel = new ExotelClientOptions().Resilience;
        var vapi = new VapiClientOptions().Resilience;

        Assert.Multiple(() =>
        {
            Assert.That((exotel.Enabled, exotel.TotalRequestTimeout, exotel.AttemptTimeout), Is.EqualTo((true, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10))));
            Assert.That((exotel.Retry.MaxRetryAttempts, exotel.Retry.Delay, exotel.Retry.BackoffType, exotel.Retry.UseJitter, exotel.Retry.MaxDelay, exotel.Retry.ShouldRetryAfterHeader),
                Is.EqualTo((3, TimeSpan.FromSeconds(2), Polly.DelayBackoffType.Exponential, true, (TimeSpan?)null, true)));
            Assert.That((exotel.CircuitBreaker.Enabled, exotel.CircuitBreaker.FailureRatio, exotel.CircuitBreaker.MinimumThroughput, exotel.CircuitBreaker.SamplingDuration, exotel.CircuitBreaker.BreakDuration),
                Is.EqualTo((true, 0.1, 100, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5))));
            Assert.That((exotel.RateLimit.Enabled, exotel.RateLimit.PermitLimit, exotel.RateLimit.Window, exotel.RateLimit.ConcurrencyLimit), Is.EqualTo((true, 200, TimeSpan.FromMinutes(1), 50)));
            Assert.That((vapi.Enabled, vapi.TotalRequestTimeout, vapi.AttemptTimeout, vapi.Retry.MaxRetryAttempts, vapi.CircuitBreaker.MinimumThroughput), Is.EqualTo((true, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), 3, 100)));
            Assert.That(vapi.RateLimit.Enabled, Is.False, "Vapi publishes no limit");
        });
    }

    [Test]
    public void The_section_itself_may_be_passed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.Valid()).Build();
        using var services = new ServiceCollection().AddVapiExotel(configuration.GetSection("VapiExotel")).BuildServiceProvider();

        Assert.That(services.GetRequiredService<IOptions<VapiExotelOptions>>().Value.Exotel.AccountSid, Is.EqualTo("acme1"));
    }

    [Test]
    public void Standard_environment_variables_set_the_options()
    {
        const string Name = "VapiExotel__Gateway__Host";
        Environment.SetEnvironmentVariable(Name, "203.0.113.10");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.Valid()).AddEnvironmentVariables().Build();
            using var services = new ServiceCollection().AddVapiExotel(configuration).BuildServiceProvider();

            Assert.That(services.GetRequiredService<IOptions<VapiExotelOptions>>().Value.Gateway.Host, Is.EqualTo("203.0.113.10"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Name, null);
        }
    }

    [Test]
    public void Configured_in_code_each_client_gets_what_the_delegate_sets()
    {
        using var services = new ServiceCollection().AddVapiExotel(o =>
        {
            o.Exotel.AccountSid = "acme1";
            o.Exotel.ApiKey = "k";
            o.Exotel.ApiToken = "t";
            o.Vapi.ApiKey = "v";
            o.Vapi.Region = VapiRegion.EU;
            o.PhoneNumber = "+918047490924";
            o.AssistantId = "asst-1";
            o.SipUri = "bot@sip.eu.vapi.ai";
        }).BuildServiceProvider();

        Assert.Multiple(() =>
        {
            Assert.That(services.GetRequiredService<IOptions<ExotelClientOptions>>().Value.AccountSid, Is.EqualTo("acme1"));
            Assert.That(services.GetRequiredService<IOptions<VapiClientOptions>>().Value.Region, Is.EqualTo(VapiRegion.EU));
            Assert.That(services.GetRequiredService<IOptions<VapiExotelOptions>>().Value.GetNumberBindings().Single().SipUri, Is.EqualTo("bot@sip.eu.vapi.ai"));
        });
    }

    [Test]
    public void Defaults_follow_the_reference_tcp_5070_on_the_original_gateway_address_and_the_us_signalling_ips()
    {
        var options = new VapiExotelOptions { Exotel = { AccountSid = "acme1" } };

        Assert.Multiple(() =>
        {
            Assert.That(options.Trunk.GetName(), Is.EqualTo("vapi_exotel"));
            Assert.That(options.Trunk.Transport, Is.EqualTo(SipTransport.Tcp));
            Assert.That(options.Gateway.Host, Is.EqualTo("129.154.231.198"));
            Assert.That(options.Gateway.GetPort(SipTransport.Tcp), Is.EqualTo(5070));
            Assert.That(options.Gateway.GetPort(SipTransport.Tls), Is.EqualTo(443));
            Assert.That(options.GetVapiSignallingIps(), Is.EqualTo(new[] { "44.229.228.186", "44.238.177.138" }));
            Assert.That(options.GetCredentialName(), Is.EqualTo("vx-exotel-acme1"));
            Assert.That(options.VapiNumberE164CheckEnabled, Is.False);
        });
    }

    [Test]
    public void ToString_never_shows_the_keys()
    {
        using var services = Build(TestSettings.Valid());

        var text = services.GetRequiredService<IOptions<VapiExotelOptions>>().Value.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("exotel-key-1234"));
            Assert.That(text, Does.Not.Contain("exotel-token-5678"));
            Assert.That(text, Does.Not.Contain("vapi-key-abcd"));
            Assert.That(text, Does.Contain("acme1"));
        });
    }
}
