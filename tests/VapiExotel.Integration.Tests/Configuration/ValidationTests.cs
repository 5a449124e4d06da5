using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VapiExotel.Integration.Tests.Configuration;

public sealed class ValidationTests
{
    /// <summary>Builds the container and runs the start-up validation, as the host does; returns its failures (none when valid).</summary>
    private static IReadOnlyList<string> StartupFailures(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddVapiExotel(configuration).BuildServiceProvider();
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (AggregateException e)
        {
            return [.. e.InnerExceptions.OfType<OptionsValidationException>().SelectMany(o => o.Failures)];
        }
    }

    private static IReadOnlyList<string> FailuresWith(string key, string? value)
    {
        var settings = TestSettings.Valid();
        settings[key] = value;
        return StartupFailures(settings);
    }

    [Test]
    public void A_complete_configuration_starts()
    {
        Assert.That(StartupFailures(TestSettings.Valid()), Is.Empty);
    }

    [Test]
    public void An_empty_configuration_lists_every_missing_setting_at_once()
    {
        var failures = StartupFailures([]);

        Assert.That(failures, Is.SupersetOf(new[]
        {
            "VapiExotel:Exotel:AccountSid is required.",
            "VapiExotel:Exotel:ApiKey is required.",
            "VapiExotel:Exotel:ApiToken is required.",
            "VapiExotel:Vapi:ApiKey is required.",
            "VapiExotel:Numbers needs at least one binding of PhoneNumber and AssistantId (or set VapiExotel:PhoneNumber and AssistantId).",
        }));
    }

    [TestCase("VapiExotel:Numbers:0:PhoneNumber", "8047490924", "VapiExotel:Numbers:0:PhoneNumber must be a phone number (E.164, such as +918047490924, or an Indian form such as 08047490924); got '8047490924': 10 digits with no prefix name no country; write +91 (or 0) before an Indian number, or give the number in E.164.")]
    [TestCase("VapiExotel:Numbers:0:AssistantId", "", "VapiExotel:Numbers:0:AssistantId is required: the Vapi assistant that answers +918047490924.")]
    [TestCase("VapiExotel:Numbers:0:SipUri", "front-desk.sip.vapi.ai", "VapiExotel:Numbers:0:SipUri must be the assistant's Vapi SIP address, name@sip.vapi.ai; got 'front-desk.sip.vapi.ai'.")]
    [TestCase("VapiExotel:Numbers:0:SipUri", "front-desk@sip.eu.vapi.ai", "VapiExotel:Numbers:0:SipUri is on sip.eu.vapi.ai, but VapiExotel:Vapi:Region is US, whose SIP domain is sip.vapi.ai: the API region and the SIP host must match.")]
    [TestCase("VapiExotel:Trunk:Name", "vapi-trunk", "VapiExotel:Trunk:Name must be 1 to 16 letters, digits or '_' (Exotel's rule); got 'vapi-trunk'.")]
    [TestCase("VapiExotel:Trunk:Name", "a_name_of_17_char", "VapiExotel:Trunk:Name must be 1 to 16 letters, digits or '_' (Exotel's rule); got 'a_name_of_17_char'.")]
    [TestCase("VapiExotel:Trunk:Transport", "udp", "VapiExotel:Trunk:Transport must be tcp or tls: Exotel's SIP edge speaks nothing else; got 'Udp'.")]
    [TestCase("VapiExotel:Gateway:Host", "not a host", "VapiExotel:Gateway:Host must be an IPv4 address or a host name; got 'not a host'.")]
    [TestCase("VapiExotel:Gateway:Port", "70000", "VapiExotel:Gateway:Port must be 1 to 65535; got 70000.")]
    [TestCase("VapiExotel:VapiSignallingIps:0", "44.229.228", "VapiExotel:VapiSignallingIps:0 must be an IPv4 address; got '44.229.228'.")]
    [TestCase("VapiExotel:CredentialName", "a-credential-name-that-is-longer-than-forty", "VapiExotel:CredentialName must be 1 to 40 characters (Vapi's limit); got 43.")]
    [TestCase("VapiExotel:TestCallNumber", "9876543210", "VapiExotel:TestCallNumber must be a phone number (E.164, such as +919876543210, or an Indian form such as 09876543210); got '9876543210': 10 digits with no prefix name no country; write +91 (or 0) before an Indian number, or give the number in E.164.")]
    [TestCase("VapiExotel:MaxConcurrency", "0", "VapiExotel:MaxConcurrency must be 1 to 32; got 0.")]
    [TestCase("VapiExotel:MaxConcurrency", "33", "VapiExotel:MaxConcurrency must be 1 to 32; got 33.")]
    public void Each_rule_names_the_key_and_what_is_wrong(string key, string value, string expected)
    {
        Assert.That(FailuresWith(key, value), Does.Contain(expected));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void A_blank_test_call_number_is_unset_not_invalid(string value)
    {
        Assert.That(FailuresWith("VapiExotel:TestCallNumber", value), Has.None.Contains("TestCallNumber"));
    }

    [Test]
    public void A_number_bound_twice_is_refused()
    {
        var settings = TestSettings.Valid();
        settings["VapiExotel:PhoneNumber"] = "+918047490924";
        settings["VapiExotel:AssistantId"] = "asst-2";
        settings["VapiExotel:SipUri"] = "other@sip.vapi.ai";

        Assert.That(StartupFailures(settings), Does.Contain("VapiExotel:PhoneNumber +918047490924 is bound twice; a number can have only one assistant."));
    }

    [Test]
    public void An_eu_organisation_takes_eu_sip_addresses()
    {
        var settings = TestSettings.Valid();
        settings["VapiExotel:Vapi:Region"] = "EU";
        settings["VapiExotel:Numbers:0:SipUri"] = "sip:front-desk@sip.eu.vapi.ai";

        Assert.That(StartupFailures(settings), Is.Empty);
    }

    [Test]
    public void The_sip_address_is_optional_when_the_destination_is_the_credential()
    {
        var settings = TestSettings.Valid();
        settings.Remove("VapiExotel:Numbers:0:SipUri");

        Assert.That(StartupFailures(settings), Is.Empty);
    }

    [Test]
    public void A_number_without_a_sip_address_cannot_share_the_trunk_with_one_that_has_one()
    {
        var settings = TestSettings.Valid();
        settings["VapiExotel:Numbers:1:PhoneNumber"] = "+918047490925";
        settings["VapiExotel:Numbers:1:AssistantId"] = "asst-2";

        Assert.That(StartupFailures(settings), Has.One.StartsWith("VapiExotel:Numbers:1:SipUri differs from another number's"));
    }

    [Test]
    public void With_sip_address_destinations_every_number_shares_one_address()
    {
        var settings = TestSettings.Valid();
        settings["VapiExotel:Numbers:1:PhoneNumber"] = "+918047490925";
        settings["VapiExotel:Numbers:1:AssistantId"] = "asst-2";
        settings["VapiExotel:Numbers:1:SipUri"] = "back-office@sip.vapi.ai";

        Assert.That(StartupFailures(settings), Has.One.StartsWith("VapiExotel:Numbers:1:SipUri differs from another number's"));
    }

    [Test]
    public void With_sip_address_destinations_the_user_part_must_make_a_host_name()
    {
        var settings = TestSettings.Valid();
        settings["VapiExotel:Numbers:0:SipUri"] = "front_desk@sip.vapi.ai";

        Assert.That(StartupFailures(settings), Has.One.StartsWith("VapiExotel:Numbers:0:SipUri's user part must make a host name (front_desk.sip.vapi.ai)"));
    }

    [Test]
    public void A_trunk_sid_makes_the_name_irrelevant()
    {
        var settings = TestSettings.Valid();
        settings["VapiExotel:Trunk:Sid"] = "trmum1abc";
        settings["VapiExotel:Trunk:Name"] = "not-a-valid-name";

        Assert.That(StartupFailures(settings), Is.Empty);
    }

    [Test]
    public void The_client_packages_check_their_own_settings_too()
    {
        var failures = FailuresWith("VapiExotel:Vapi:BaseAddress", "http://vapi.example.com/");

        Assert.That(failures, Has.Some.Contains("BaseAddress"));
    }

    [TestCase("VapiExotel:Exotel:Resilience:Retry:MaxRetryAttempts", "-1", "Resilience.Retry.MaxRetryAttempts must be between 0 and 100; got -1.")]
    [TestCase("VapiExotel:Vapi:Resilience:Retry:Delay", "-00:00:01", "Resilience.Retry.Delay must be between 0 and 1 day")]
    [TestCase("VapiExotel:Exotel:Resilience:CircuitBreaker:FailureRatio", "0", "Resilience.CircuitBreaker.FailureRatio must be more than 0 and at most 1; got 0.")]
    [TestCase("VapiExotel:Vapi:Resilience:CircuitBreaker:MinimumThroughput", "1", "Resilience.CircuitBreaker.MinimumThroughput must be at least 2; got 1.")]
    [TestCase("VapiExotel:Exotel:Resilience:CircuitBreaker:SamplingDuration", "00:00:15", "Resilience.CircuitBreaker.SamplingDuration (00:00:15) must be at least twice the AttemptTimeout (00:00:10).")]
    [TestCase("VapiExotel:Exotel:Resilience:CircuitBreaker:BreakDuration", "00:00:00.100", "Resilience.CircuitBreaker.BreakDuration must be between 500 ms and 1 day")]
    [TestCase("VapiExotel:Exotel:Resilience:RateLimit:PermitLimit", "0", "Resilience.RateLimit.PermitLimit must be between 1 and 1000000; got 0.")]
    [TestCase("VapiExotel:Exotel:Resilience:RateLimit:Window", "00:00:00", "Resilience.RateLimit.Window must be between 10 ms and 1 day")]
    [TestCase("VapiExotel:Vapi:Resilience:RateLimit:ConcurrencyLimit", "0", "Resilience.RateLimit.ConcurrencyLimit must be between 1 and 10000; got 0.")]
    public void A_bad_resilience_setting_fails_start_up_naming_it(string key, string value, string expected)
    {
        var client = key.Split(':')[1];
        Assert.That(FailuresWith(key, value), Has.Some.Contains(expected).And.Some.Contains(client), "the message names the setting");
    }
}
