using System.Net;

namespace VapiExotel.Sandbox.Tests;

public sealed class LifecycleTests : Support.SandboxTest
{
    [Test]
    public void Both_base_addresses_are_distinct_loopback_ports()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.ExotelBaseAddress.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(Sandbox.VapiBaseAddress.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(Sandbox.ExotelBaseAddress.Port, Is.Not.EqualTo(Sandbox.VapiBaseAddress.Port));
            Assert.That(Sandbox.ExotelBaseAddress.AbsolutePath, Is.EqualTo("/"));
        });
    }

    [Test]
    public async Task Disposing_stops_both_servers()
    {
        var exotel = Sandbox.ExotelBaseAddress;
        await Sandbox.DisposeAsync();
        using var client = new HttpClient();
        Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(exotel));
    }

    [Test]
    public async Task The_seeded_assistant_is_listed()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, "assistant");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body!.AsArray().Select(a => (string?)a!["name"]), Is.EqualTo(new[] { "Sandbox Assistant" }));
    }
}
