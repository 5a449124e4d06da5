using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Exotel.VSip.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Exotel.VSip.Tests.Configuration;

public class TimeoutAndTransportTests
{
    private static ExotelClient Client(HttpMessageHandler primary, TimeSpan attempt, TimeSpan total, out ServiceProvider provider)
    {
        var services = new ServiceCollection();
        services.AddExotelVSip(o =>
        {
            o.AccountSid = TestAccount.AccountSid;
            o.ApiKey = TestAccount.ApiKey;
            o.ApiToken = TestAccount.ApiToken;
            o.Resilience.AttemptTimeout = attempt;
            o.Resilience.TotalRequestTimeout = total;
            o.Resilience.Retry.Delay = TimeSpan.FromMilliseconds(1);   // the default three retries, without their back-off
        }).ConfigurePrimaryHttpMessageHandler(() => primary);
        provider = services.BuildServiceProvider();
        return provider.GetRequiredService<ExotelClient>();
    }

    [Test]
    public void An_attempt_that_hangs_times_out_as_an_exotel_exception_with_no_status()
    {
        // A GET that times out is retried: every attempt hangs, so each is cut off at the attempt timeout.
        var hanging = new HangingHandler();
        var client = Client(hanging, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5), out var provider);
        using var _ = provider;
        var clock = Stopwatch.StartNew();

        var e = Assert.ThrowsAsync<ExotelException>(() => client.Trunks.GetAsync("tr1"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsTimeout, Is.True);
            Assert.That(e.Status, Is.Zero);
            Assert.That(e.Message, Does.Contain("no response within 0.15 s (timed out)").And.Contain("GET /v2/accounts/{account_sid}/trunks"));
            Assert.That(hanging.Attempts, Is.EqualTo(4), "the first attempt and the default three retries");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(4)), "four attempts of 0.15 s, well inside the 5 s total");
        });
    }

    [Test]
    public void The_callers_cancellation_is_an_operation_canceled_exception_not_a_timeout()
    {
        var client = Client(new HangingHandler(), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), out var provider);
        using var _ = provider;
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(() => client.Trunks.GetAsync("tr1", cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task A_closed_port_is_reported_as_no_response_with_status_zero()
    {
        // A port that was free a moment ago on loopback: nothing listens there.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = new ExotelClient(new ExotelClientOptions
        {
            AccountSid = TestAccount.AccountSid, ApiKey = TestAccount.ApiKey, ApiToken = TestAccount.ApiToken,
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Resilience = { Retry = { Delay = TimeSpan.FromMilliseconds(1) } },   // refused before sending: retried, without the back-off
        });

        var e = Assert.ThrowsAsync<ExotelException>(() => client.Trunks.GetAsync("tr1"))!;

        Assert.That((e.Status, e.IsTimeout), Is.EqualTo((0, false)));
        Assert.That(e.Message, Does.Contain("could not reach 127.0.0.1"));
        Assert.That(e.InnerException, Is.InstanceOf<HttpRequestException>());
        await Task.CompletedTask;
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
