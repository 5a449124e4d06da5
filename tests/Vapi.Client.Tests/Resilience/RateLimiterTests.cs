using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Resilience;

/// <summary>
/// The client-side rate limiter is off by default for Vapi (its limit is per organisation and unpublished); switched
/// on, requests over the limit wait for a slot instead of failing. Spacing is measured where requests leave for the
/// network, by a handler added to the client's builder.
/// </summary>
public sealed partial class RateLimiterTests : ResilienceScenario
{
    [Test]
    public async Task Off_by_default_twenty_concurrent_reads_all_go_out_at_once()
    {
        var stamps = new StampingHandler();
        await using var di = NewDiClient(http: b => b.AddHttpMessageHandler(() => stamps));
        Fault(SandboxFault.Latency(TimeSpan.FromMilliseconds(300)), "GET", "/assistant/*");
        var clock = Stopwatch.StartNew();

        var assistants = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => di.Client.Assistants.GetAsync(SeededAssistantId)));

        var elapsed = clock.Elapsed;
        Assert.Multiple(() =>
        {
            Assert.That(new VapiClientOptions().Resilience.RateLimit.Enabled, Is.False);
            Assert.That(assistants.Select(a => a.Id), Is.EqualTo(Enumerable.Repeat(SeededAssistantId, 20)));
            Assert.That(stamps.MaxInFlight, Is.EqualTo(20), "all twenty were in flight together");
            Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "twenty answers of 300 ms, side by side");
            Assert.That(di.LinesWithEvent(2008), Is.Empty, "nothing waited for a rate limit");
        });
    }

    [Test]
    public async Task Switched_on_six_reads_keep_to_three_in_any_window()
    {
        var window = TimeSpan.FromMilliseconds(500);
        var stamps = new StampingHandler();
        await using var di = NewDiClient(
            o =>
            {
                o.Resilience.RateLimit.Enabled = true;
                o.Resilience.RateLimit.PermitLimit = 3;
                o.Resilience.RateLimit.Window = window;
            },
            b => b.AddHttpMessageHandler(() => stamps));
        var clock = Stopwatch.StartNew();

        var assistants = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => di.Client.Assistants.GetAsync(SeededAssistantId)));

        var elapsed = clock.Elapsed;
        var sent = stamps.Sent.Order().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(assistants, Has.Length.EqualTo(6));
            Assert.That(RequestsTo("GET", "/assistant/" + SeededAssistantId).Select(r => r.Status), Is.EqualTo(Enumerable.Repeat(200, 6)), "each sent once, none refused");
            Assert.That(sent, Has.Count.EqualTo(6));
            Assert.That(elapsed, Is.GreaterThanOrEqualTo(window), "the last three waited for the first three to leave the window");
            for (var i = 0; i + 3 < sent.Count; i++)
            {
                Assert.That(sent[i + 3] - sent[i], Is.GreaterThanOrEqualTo(window), $"requests {i + 1} to {i + 4} were sent within one window");
            }

            // The first request may log a wait of a millisecond or two (the gate is created and compiled on first use).
            var waits = di.LinesWithEvent(2008);
            var longWaits = waits.Select(l => double.Parse(WaitMs().Match(l).Groups[1].Value, CultureInfo.InvariantCulture)).Where(ms => ms >= 400).ToList();
            Assert.That(longWaits, Has.Count.EqualTo(3), "the last three waited for a slot: " + string.Join(" | ", waits));
            Assert.That(waits, Has.All.StartsWith("Debug "));
            Assert.That(waits, Has.All.Contains("Vapi GET /assistant/{id} waited"));
        });
    }

    [GeneratedRegex(@"WaitMs=([0-9.]+)")]
    private static partial Regex WaitMs();
}
