using Vapi.Client.Tests.Support;
using static Vapi.Client.Tests.Support.Refusal;

namespace Vapi.Client.Tests.Credentials;

/// <summary>Documented rules are checked before anything is sent; the exception names the field and the rule.</summary>
public class CredentialValidationTests
{
    private static CreateSipTrunkCredentialRequest WithGateway(SipTrunkGateway gateway) => new() { Gateways = { gateway } };

    [Test]
    public void An_empty_gateway_list_is_refused()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host, () => host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest()),
            "request.Gateways", "at least one gateway");
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_gateway_without_an_address_is_refused(string ip)
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host, () => host.Client.Credentials.CreateSipTrunkAsync(WithGateway(new SipTrunkGateway { Ip = ip })),
            "request.Gateways[0].Ip", "must not be empty");
    }

    [Test]
    public void A_gateway_whose_address_is_never_set_is_refused()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host, () => host.Client.Credentials.CreateSipTrunkAsync(WithGateway(new SipTrunkGateway())),
            "request.Gateways[0].Ip", "must not be empty");
    }

    [Test]
    public void A_null_gateway_in_the_list_is_refused()
    {
        using var host = new VapiTestHost();
        var request = new CreateSipTrunkCredentialRequest { Gateways = { new SipTrunkGateway { Ip = "129.154.231.198" }, null! } };

        Refused<ArgumentNullException>(host, () => host.Client.Credentials.CreateSipTrunkAsync(request), "request.Gateways[1]", "is required");
    }

    [Test]
    public void The_index_of_the_bad_gateway_is_named()
    {
        using var host = new VapiTestHost();
        var request = new CreateSipTrunkCredentialRequest
        {
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198" }, new SipTrunkGateway { Ip = "54.171.127.192", Port = 0 } },
        };

        Refused<ArgumentOutOfRangeException>(host, () => host.Client.Credentials.CreateSipTrunkAsync(request), "request.Gateways[1].Port", "between 1 and 65535");
    }

    [TestCase(0)]
    [TestCase(65536)]
    [TestCase(-5060)]
    public void A_port_outside_1_to_65535_is_refused(int port)
    {
        using var host = new VapiTestHost();

        var ex = Refused<ArgumentOutOfRangeException>(host,
            () => host.Client.Credentials.CreateSipTrunkAsync(WithGateway(new SipTrunkGateway { Ip = "129.154.231.198", Port = port })),
            "request.Gateways[0].Port", "between 1 and 65535", $"got {port}");
        Assert.That(ex.ActualValue, Is.EqualTo(port));
    }

    [TestCase(23)]
    [TestCase(33)]
    [TestCase(0)]
    public void A_netmask_outside_24_to_32_is_refused(int netmask)
    {
        using var host = new VapiTestHost();

        Refused<ArgumentOutOfRangeException>(host,
            () => host.Client.Credentials.CreateSipTrunkAsync(WithGateway(new SipTrunkGateway { Ip = "129.154.231.198", Netmask = netmask })),
            "request.Gateways[0].Netmask", "between 24 and 32", $"got {netmask}");
    }

    [Test]
    public void A_name_of_41_characters_is_refused()
    {
        using var host = new VapiTestHost();
        var request = WithGateway(new SipTrunkGateway { Ip = "129.154.231.198" });
        request.Name = new string('n', 41);

        Refused<ArgumentException>(host, () => host.Client.Credentials.CreateSipTrunkAsync(request), "request.Name", "at most 40 characters", "got 41");
    }

    [Test]
    public void An_empty_name_is_refused()
    {
        using var host = new VapiTestHost();
        var request = WithGateway(new SipTrunkGateway { Ip = "129.154.231.198" });
        request.Name = "";

        Refused<ArgumentException>(host, () => host.Client.Credentials.CreateSipTrunkAsync(request), "request.Name", "must not be empty");
    }

    [Test]
    public void A_tech_prefix_over_10000_characters_is_refused()
    {
        using var host = new VapiTestHost();
        var request = WithGateway(new SipTrunkGateway { Ip = "129.154.231.198" });
        request.TechPrefix = new string('9', 10001);

        Refused<ArgumentException>(host, () => host.Client.Credentials.CreateSipTrunkAsync(request), "request.TechPrefix", "at most 10000 characters");
    }

    [Test]
    public void A_host_name_gateway_with_inbound_unset_is_refused_because_inbound_is_vapis_default()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host,
            () => host.Client.Credentials.CreateSipTrunkAsync(WithGateway(new SipTrunkGateway { Ip = "sip.acme.example.com" })),
            "request.Gateways[0].Ip", "host name", "IPv4", "unset", "InboundEnabled = false");
    }

    [Test]
    public void A_host_name_gateway_with_inbound_enabled_is_refused()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host,
            () => host.Client.Credentials.CreateSipTrunkAsync(WithGateway(new SipTrunkGateway { Ip = "sip.acme.example.com", InboundEnabled = true })),
            "request.Gateways[0].Ip", "host name", "IPv4", "InboundEnabled is true");
    }

    [TestCase("010.1.1.1")]
    [TestCase("256.1.1.1")]
    [TestCase("1.2.3")]
    [TestCase("sip:acme.example.com")]
    [TestCase("129.154.231.198:5070")]
    public void An_address_that_is_neither_IPv4_nor_a_host_name_is_refused_even_outbound_only(string ip)
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host,
            () => host.Client.Credentials.CreateSipTrunkAsync(WithGateway(new SipTrunkGateway { Ip = ip, InboundEnabled = false })),
            "request.Gateways[0].Ip", "IPv4");
    }

    [TestCase("", "must not be empty")]
    [TestCase(" ", "must not be empty")]
    [TestCase("a/b", "'/'")]
    [TestCase("a b", "white space")]
    [TestCase("a?b", "'?'")]
    [TestCase("a#b", "'#'")]
    [TestCase("a\\b", "'\\'")]
    [TestCase("..", "'.' or '..'")]
    [TestCase(".", "'.' or '..'")]
    public void An_invalid_id_is_refused_by_every_operation(string id, string rule)
    {
        using var host = new VapiTestHost();
        var credentials = host.Client.Credentials;
        var update = new UpdateSipTrunkCredentialRequest { Name = "renamed" };

        Refused<ArgumentException>(host, () => credentials.GetAsync(id), "id", rule);
        Refused<ArgumentException>(host, () => credentials.GetSipTrunkAsync(id), "id", rule);
        Refused<ArgumentException>(host, () => credentials.UpdateSipTrunkAsync(id, update), "id", rule);
        Refused<ArgumentException>(host, () => credentials.DeleteAsync(id), "id", rule);
    }

    [Test]
    public void A_null_id_is_refused_as_missing()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentNullException>(host, () => host.Client.Credentials.GetAsync(null!), "id", "is required");
        Refused<ArgumentNullException>(host, () => host.Client.Credentials.DeleteAsync(null!), "id", "is required");
    }

    [Test]
    public void An_update_setting_an_empty_gateway_list_is_refused()
    {
        using var host = new VapiTestHost();
        var update = new UpdateSipTrunkCredentialRequest { Gateways = new List<SipTrunkGateway>() };

        Refused<ArgumentException>(host, () => host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, update),
            "request.Gateways", "at least one gateway");
    }

    [Test]
    public void An_update_with_a_bad_gateway_is_refused()
    {
        using var host = new VapiTestHost();
        var update = new UpdateSipTrunkCredentialRequest { Gateways = new[] { new SipTrunkGateway { Ip = "sip.acme.example.com" } } };

        Refused<ArgumentException>(host, () => host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, update),
            "request.Gateways[0].Ip", "IPv4");
    }

    [Test]
    public void An_update_with_a_name_of_41_characters_is_refused()
    {
        using var host = new VapiTestHost();
        var update = new UpdateSipTrunkCredentialRequest { Name = new string('n', 41) };

        Refused<ArgumentException>(host, () => host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, update),
            "request.Name", "at most 40 characters", "got 41");
    }

    [Test]
    public void A_null_request_is_refused()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentNullException>(host, () => host.Client.Credentials.CreateSipTrunkAsync(null!), "request", "is required");
        Refused<ArgumentNullException>(host, () => host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, null!), "request", "is required");
    }
}
