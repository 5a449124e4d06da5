using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Resilience;

/// <summary>
/// The client-side rate limit end to end: clients of the same account in two DI containers share one limit per API
/// family, so that together they stay under the sandbox's enforced limit; the Voice API (v1) and the vSIP API (v2)
/// are limited separately, as Exotel counts them.
/// </summary>
public sealed class RateLimitSharingTests : ResilienceScenario
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    protected override void Configure(VapiExotelSandboxOptions options)
    {
        // On the sandbox's manual clock this minute never ends: any request past the tenth of a family would be a 429.
        options.EnforceExotelRateLimit = true;
        options.ExotelRequestsPerMinute = 10;
    }

    [Test]
    public async Task Two_containers_share_one_limit_per_api_family_and_stay_under_the_services_limit()
    {
        var sends = new ConcurrentQueue<(string Family, TimeSpan At)>();
        var started = new Stopwatch();
        ExotelClient Limited() => NewClient(
            o =>
            {
                o.Resilience.RateLimit.PermitLimit = 5;
                o.Resilience.RateLimit.Window = Window;
            },
            services: null,
            http: b => b.AddHttpMessageHandler(() => new RecordingHandler(sends, started)));
        var clients = new[] { Limited(), Limited() };
        started.Start();

        // Each client: three trunk lists (v2) and three call lists (v1), all at once: 6 per family across both clients.
        var work = clients
            .SelectMany(c => Enumerable.Range(0, 3).SelectMany(_ => new Func<Task>[]
            {
                async () => await c.Trunks.ListAsync().ToListAsync(),
                async () => await c.Calls.ListAsync().ToListAsync(),
            }))
            .Select(send => send())
            .ToList();
        await Task.WhenAll(work).WaitAsync(TimeSpan.FromSeconds(10));
        started.Stop();

        var v2 = sends.Where(s => s.Family == "v2").Select(s => s.At).Order().ToList();
        var v1 = sends.Where(s => s.Family == "v1").Select(s => s.At).Order().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.Requests.Select(r => r.Status).ToList(), Has.Count.EqualTo(12).And.All.EqualTo(200), "no 429 from the sandbox: the clients never went over its limit");
            Assert.That((v2.Count, v1.Count), Is.EqualTo((6, 6)));
            Assert.That(started.Elapsed, Is.GreaterThanOrEqualTo(Window - TimeSpan.FromMilliseconds(50)), "the sixth of a family waited for the shared window");

            // Per family, the sixth request waited a window after the first five; had each container its own gate, all six would go at once.
            Assert.That(v2[5] - v2[0], Is.GreaterThanOrEqualTo(Window - TimeSpan.FromMilliseconds(50)));
            Assert.That(v1[5] - v1[0], Is.GreaterThanOrEqualTo(Window - TimeSpan.FromMilliseconds(50)));

            // Ten went at once (five of each family): v1 did not wait behind v2's budget, nor v2 behind v1's.
            Assert.That(v2[4], Is.LessThan(TimeSpan.FromMilliseconds(700)));
            Assert.That(v1[4], Is.LessThan(TimeSpan.FromMilliseconds(700)));
        });
    }

    /// <summary>Notes when each attempt left the client (after the rate limiter), by API family.</summary>
    private sealed class RecordingHandler(ConcurrentQueue<(string Family, TimeSpan At)> sends, Stopwatch clock) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sends.Enqueue((request.RequestUri!.AbsolutePath.StartsWith("/v1/", StringComparison.Ordinal) ? "v1" : "v2", clock.Elapsed));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
