namespace Exotel.VSip.Tests.Destinations;

public class SipDestinationTests
{
    [TestCase("bot.sip.vapi.ai", SipTransport.Tcp, null, "bot.sip.vapi.ai:5060;transport=tcp")]
    [TestCase("bot.sip.vapi.ai", SipTransport.Tls, null, "bot.sip.vapi.ai:5061;transport=tls")]
    [TestCase("44.248.146.11", SipTransport.Tls, 443, "44.248.146.11:443;transport=tls")]
    [TestCase("44.248.146.11", SipTransport.Udp, null, "44.248.146.11:5060")]
    public void Renders_the_form_exotel_expects(string host, SipTransport transport, int? port, string expected) =>
        Assert.That(new SipDestination(host, transport, port).ToString(), Is.EqualTo(expected));

    [TestCase("sip:44.248.146.11:5061;transport=tls", "44.248.146.11", 5061, SipTransport.Tls)]
    [TestCase("44.248.146.11:5061;transport=TLS", "44.248.146.11", 5061, SipTransport.Tls)]
    [TestCase("SIP:bot.sip.vapi.ai:5060;transport=tcp", "bot.sip.vapi.ai", 5060, SipTransport.Tcp)]
    [TestCase("bot.sip.vapi.ai;transport=tcp", "bot.sip.vapi.ai", 5060, SipTransport.Tcp)]
    [TestCase("sips:bot.sip.vapi.ai", "bot.sip.vapi.ai", 5061, SipTransport.Tls)]
    [TestCase("44.248.146.11:5070", "44.248.146.11", 5070, SipTransport.Udp)]
    public void Parses_every_form_exotel_uses(string text, string host, int port, SipTransport transport)
    {
        var d = SipDestination.Parse(text);

        Assert.That((d.Host, d.Port, d.Transport), Is.EqualTo((host, port, transport)));
    }

    [TestCase("")]
    [TestCase("bot@sip.vapi.ai:5060;transport=tcp")]
    [TestCase("bot.sip.vapi.ai:99999")]
    [TestCase("bot.sip.vapi.ai:5060;transport=sctp")]
    [TestCase("[::1]:5060")]
    [TestCase("host name:5060")]
    public void TryParse_rejects_what_is_not_a_destination(string text) =>
        Assert.That(SipDestination.TryParse(text, out _), Is.False);

    [Test]
    public void Equality_ignores_host_case_and_the_sip_prefix_but_not_port_or_transport()
    {
        var a = new SipDestination("Bot.Sip.Vapi.AI", SipTransport.Tcp);

        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(SipDestination.Parse("sip:bot.sip.vapi.ai:5060;transport=tcp")));
            Assert.That(a.GetHashCode(), Is.EqualTo(SipDestination.Parse("bot.sip.vapi.ai:5060;transport=tcp").GetHashCode()));
            Assert.That(a == new SipDestination("bot.sip.vapi.ai", SipTransport.Tcp, 5070), Is.False);
            Assert.That(a == new SipDestination("bot.sip.vapi.ai", SipTransport.Tls, 5060), Is.False);
        });
    }

    [TestCase("bot@sip.vapi.ai")]
    [TestCase("sip:bot.sip.vapi.ai")]
    [TestCase("256.1.1.1.1")]
    [TestCase("-bad-.example")]
    public void Constructor_names_the_host_rule(string host)
    {
        var e = Assert.Throws<ArgumentException>(() => _ = new SipDestination(host))!;

        Assert.That(e.ParamName, Is.EqualTo("host"));
        Assert.That(e.Message, Does.Contain("host name").And.Contain("IPv4"));
    }

    [TestCase(0)]
    [TestCase(65536)]
    public void Constructor_refuses_a_port_outside_the_range(int port) =>
        Assert.That(() => new SipDestination("bot.sip.vapi.ai", SipTransport.Tls, port), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("port"));

    [Test]
    public void IsIPAddress_tells_an_ip_from_a_host_name()
    {
        Assert.That(new SipDestination("44.248.146.11").IsIPAddress, Is.True);
        Assert.That(new SipDestination("bot.sip.vapi.ai").IsIPAddress, Is.False);
    }
}
