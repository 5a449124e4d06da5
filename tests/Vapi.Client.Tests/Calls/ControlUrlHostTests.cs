using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Calls;

/// <summary>A control URL can come from an unverified webhook: the SDK posts only to Vapi's hosts, the configured API host or loopback.</summary>
public class ControlUrlHostTests
{
    [TestCase("https://attacker.example.com/x/control")]
    [TestCase("https://vapi.ai.attacker.example.com/x/control")]
    public void A_control_url_off_vapi_is_refused_before_sending(string url)
    {
        using var host = new VapiTestHost();

        var ex = Assert.ThrowsAsync<ArgumentException>(() => host.Client.Calls.EndAsync(new Uri(url)))!;

        Assert.That(ex.ParamName, Is.EqualTo("controlUrl"));
        Assert.That(ex.Message, Does.Contain("vapi.ai"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public async Task The_configured_api_host_is_accepted_for_a_proxy_or_sandbox()
    {
        using var host = new VapiTestHost(o => o.BaseAddress = new Uri("https://vapi-proxy.example.com/"));
        host.Mock.Expect(HttpMethod.Post, "https://vapi-proxy.example.com/c1/control").Respond("application/json", "{}");

        await host.Client.Calls.EndAsync(new Uri("https://vapi-proxy.example.com/c1/control"));

        host.VerifyAllSatisfied();
    }
}
