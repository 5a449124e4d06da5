using Exotel.VSip;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VapiExotel.Integration.Tests.Configuration;

public sealed class LegacyVariablesTests
{
    /// <summary>Binds through the registration, as an application does (the options must then be complete and valid).</summary>
    private static VapiExotelOptions Register(Dictionary<string, string?> variables)
    {
        var configuration = new ConfigurationBuilder().AddVapiExotelLegacyVariables(variables).Build();
        using var services = new ServiceCollection().AddVapiExotel(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<VapiExotelOptions>>().Value;
    }

    /// <summary>Binds the section alone, without validation, to look at a few settings.</summary>
    private static VapiExotelOptions Bind(Dictionary<string, string?> variables, params Dictionary<string, string?>[] later)
    {
        var builder = new ConfigurationBuilder().AddVapiExotelLegacyVariables(variables);
        foreach (var settings in later)
        {
            builder.AddInMemoryCollection(settings);
        }

        var options = new VapiExotelOptions();
        builder.Build().GetSection(VapiExotelOptions.SectionName).Bind(options);
        return options;
    }

    [Test]
    public void The_original_scripts_variables_set_the_same_options()
    {
        var options = Register(new()
        {
            ["EXO_AUTH_KEY"] = "exotel-key-1234",
            ["EXO_AUTH_TOKEN"] = "exotel-token-5678",
            ["EXO_ACCOUNT_SID"] = "acme1",
            ["EXO_SUBSCRIBIX_DOMAIN"] = "api.exotel.com",
            ["VAPI_PRIVATE_KEY"] = "vapi-key-abcd",
            ["VAPI_ASSISTANT_ID"] = "asst-1",
            ["PHONE_NUMBER"] = "+918047490924",
            ["VAPI_FQDN"] = "your-bot@sip.vapi.ai",
            ["EXOTEL_GATEWAY_IP"] = "129.154.231.198",
            ["EXOTEL_GATEWAY_PORT"] = "5070",
            ["TRANSPORT_TYPE"] = "TLS",
            ["EXOTEL_TRUNK_SID"] = "trmum1abc",
            ["UNRELATED"] = "ignored",
        });

        Assert.Multiple(() =>
        {
            Assert.That(options.Exotel.ApiKey, Is.EqualTo("exotel-key-1234"));
            Assert.That(options.Exotel.ApiToken, Is.EqualTo("exotel-token-5678"));
            Assert.That(options.Exotel.AccountSid, Is.EqualTo("acme1"));
            Assert.That(options.Exotel.Region, Is.EqualTo(ExotelRegion.Singapore));
            Assert.That(options.Exotel.BaseAddress, Is.Null);
            Assert.That(options.Vapi.ApiKey, Is.EqualTo("vapi-key-abcd"));
            Assert.That(options.GetNumberBindings().Single().PhoneNumber, Is.EqualTo("+918047490924"));
            Assert.That(options.GetNumberBindings().Single().AssistantId, Is.EqualTo("asst-1"));
            Assert.That(options.GetNumberBindings().Single().SipUri, Is.EqualTo("your-bot@sip.vapi.ai"));
            Assert.That(options.Gateway.Host, Is.EqualTo("129.154.231.198"));
            Assert.That(options.Gateway.Port, Is.EqualTo(5070));
            Assert.That(options.Trunk.Transport, Is.EqualTo(SipTransport.Tls));
            Assert.That(options.Trunk.Sid, Is.EqualTo("trmum1abc"));
        });
    }

    [TestCase("api.in.exotel.com", ExotelRegion.Mumbai, null)]
    [TestCase("API.IN.EXOTEL.COM", ExotelRegion.Mumbai, null)]
    [TestCase("api.exotel.com", ExotelRegion.Singapore, null)]
    [TestCase("exotel.proxy.example", ExotelRegion.Mumbai, "https://exotel.proxy.example/")]
    public void The_api_host_becomes_a_region_or_an_address(string domain, ExotelRegion region, string? baseAddress)
    {
        var options = Bind(new() { ["EXO_SUBSCRIBIX_DOMAIN"] = domain });

        Assert.That(options.Exotel.Region, Is.EqualTo(region));
        Assert.That(options.Exotel.BaseAddress?.AbsoluteUri, Is.EqualTo(baseAddress));
    }

    [Test]
    public void Sources_added_later_win_over_the_legacy_variables()
    {
        var options = Bind(
            new() { ["EXO_ACCOUNT_SID"] = "old1", ["PHONE_NUMBER"] = "+918047490924" },
            new Dictionary<string, string?> { ["VapiExotel:Exotel:AccountSid"] = "new1" });

        Assert.That(options.Exotel.AccountSid, Is.EqualTo("new1"));
        Assert.That(options.PhoneNumber, Is.EqualTo("+918047490924"));
    }

    [Test]
    public void Blank_variables_set_nothing()
    {
        var options = Bind(new() { ["EXO_ACCOUNT_SID"] = "  ", ["EXOTEL_GATEWAY_IP"] = string.Empty });

        Assert.Multiple(() =>
        {
            Assert.That(options.Exotel.AccountSid, Is.Null.Or.Empty);
            Assert.That(options.Gateway.Host, Is.EqualTo(GatewayOptions.DefaultHost));
        });
    }

    [Test]
    public void Every_documented_variable_is_mapped()
    {
        Assert.That(LegacyVariables.Map.Keys, Is.SupersetOf(new[]
        {
            "EXO_AUTH_KEY", "EXO_AUTH_TOKEN", "EXO_ACCOUNT_SID", "EXO_SUBSCRIBIX_DOMAIN", "VAPI_PRIVATE_KEY", "VAPI_ASSISTANT_ID",
            "PHONE_NUMBER", "VAPI_FQDN", "EXOTEL_GATEWAY_IP", "EXOTEL_GATEWAY_PORT", "TRANSPORT_TYPE",
        }));
    }
}
