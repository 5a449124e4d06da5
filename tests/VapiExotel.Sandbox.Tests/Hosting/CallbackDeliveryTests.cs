using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VapiExotel.Sandbox.Tests.Vapi;

namespace VapiExotel.Sandbox.Tests.Hosting;

/// <summary>A receiver that never answers delays only its own callbacks, for at most the callback timeout, and never the sandbox.</summary>
public sealed class CallbackDeliveryTests : Support.SandboxTest
{
    protected override void Configure(VapiExotelSandboxOptions options) => options.CallbackTimeout = TimeSpan.FromMilliseconds(300);

    [Test]
    public async Task A_hung_receiver_does_not_hold_up_another_receiver_nor_the_sandbox()
    {
        using var hung = new TcpListener(IPAddress.Loopback, 0);   // accepts connections, never answers
        hung.Start();
        await using var good = await CallbackReceiver.StartAsync();
        var hungUrl = $"http://127.0.0.1:{((IPEndPoint)hung.LocalEndpoint).Port}/hook";
        var assistantId = VapiSeed.AssistantId(Sandbox);
        var credentialId = await VapiSeed.CreateCredentialAsync(Vapi);
        var hungNumber = await VapiSeed.CreateNumberAsync(Vapi, "+918047490924", $$""","server":{"url":"{{hungUrl}}"}""", credentialId);
        var goodNumber = await VapiSeed.CreateNumberAsync(Vapi, "+918047490925", $$""","server":{"url":"{{good.Address}}hook"}""", credentialId);
        await VapiSeed.CreateCallAsync(Vapi, assistantId, (string)hungNumber["id"]!);
        await VapiSeed.CreateCallAsync(Vapi, assistantId, (string)goodNumber["id"]!, "+14155550000");

        var watch = Stopwatch.StartNew();
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        watch.Stop();

        var toHung = Sandbox.Callbacks.Where(c => c.Url.Port == ((IPEndPoint)hung.LocalEndpoint).Port).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(good.Received, Has.Count.EqualTo(5), "queued, ringing, in-progress, ended, end-of-call-report");
            Assert.That(toHung, Has.Count.EqualTo(5));
            Assert.That(toHung.All(c => c is { Attempts: 1, Delivered: false, LastStatus: 0 }), Is.True);
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "5 timed-out attempts of 300 ms each, not minutes");
        });
    }

    [Test]
    public async Task Disposing_gives_up_on_a_hung_receiver_at_once()
    {
        using var hung = new TcpListener(IPAddress.Loopback, 0);
        hung.Start();
        await using var other = await VapiExotelSandbox.StartAsync(new VapiExotelSandboxOptions { StartTime = Start, CallbackTimeout = TimeSpan.FromMinutes(1) });
        using var vapi = new HttpClient { BaseAddress = other.VapiBaseAddress };
        vapi.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", other.Options.VapiApiKey);
        var number = await VapiSeed.CreateNumberAsync(vapi, extra: $$""","server":{"url":"http://127.0.0.1:{{((IPEndPoint)hung.LocalEndpoint).Port}}/hook"}""");
        await VapiSeed.CreateCallAsync(vapi, VapiSeed.AssistantId(other), (string)number["id"]!);
        _ = other.AdvanceTimeAsync(TimeSpan.FromMinutes(1));   // deliveries now hang for up to a minute each

        var watch = Stopwatch.StartNew();
        await other.DisposeAsync();

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }
}
