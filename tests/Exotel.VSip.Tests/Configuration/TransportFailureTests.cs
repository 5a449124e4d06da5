using System.Diagnostics;
using System.Net;
using Exotel.VSip.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Exotel.VSip.Tests.Configuration;

/// <summary>What happens when no usable response arrives: every case is an <see cref="ExotelException"/> that says whether the request may have been processed.</summary>
public class TransportFailureTests
{
    private static ExotelClient Client(HttpMessageHandler primary, out ServiceProvider provider, double attemptSeconds = 10)
    {
        var services = new ServiceCollection();
        services.AddExotelVSip(o =>
        {
            o.AccountSid = TestAccount.AccountSid;
            o.ApiKey = TestAccount.ApiKey;
            o.ApiToken = TestAccount.ApiToken;
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(attemptSeconds);
            o.Resilience.Retry.Delay = TimeSpan.FromMilliseconds(1);   // the default three retries, without their back-off
        }).ConfigurePrimaryHttpMessageHandler(() => primary);
        provider = services.BuildServiceProvider();
        return provider.GetRequiredService<ExotelClient>();
    }

    [Test]
    public void A_body_that_stalls_after_the_headers_is_cut_off_by_the_attempt_timeout()
    {
        var stalling = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new StallingStream()) });
        var client = Client(stalling, out var provider, attemptSeconds: 0.2);
        using var _ = provider;
        var clock = Stopwatch.StartNew();
        using var backstop = new CancellationTokenSource(TimeSpan.FromSeconds(10));   // without the fix the call would hang; this makes it fail instead

        var e = Assert.ThrowsAsync<ExotelException>(() => client.Trunks.GetAsync("tr1", backstop.Token))!;

        Assert.That((e.IsTimeout, e.IsOutcomeUnknown, e.Status), Is.EqualTo((true, true, 0)));
        Assert.That(e.Message, Does.Contain("no response within 0.2 s"), "cut off by the attempt timeout, not the caller's backstop");
        Assert.That(stalling.Calls, Is.EqualTo(4), "a stalled GET is retried like any timed-out GET: the first attempt and three retries");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void A_connection_that_ends_after_sending_makes_the_outcome_unknown()
    {
        var ended = new StubHandler(_ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        var client = Client(ended, out var provider);
        using var _ = provider;

        var e = Assert.ThrowsAsync<ExotelException>(() => client.Calls.ConnectAsync(new ConnectCallRequest("+919876543210", "+919123456789", "08047490924")))!;

        Assert.That((e.IsOutcomeUnknown, e.IsTimeout, e.Status), Is.EqualTo((true, false, 0)));
        Assert.That(e.Message, Does.Contain("outcome is unknown"));
        Assert.That(ended.Calls, Is.EqualTo(1), "a connect that may have been placed is never sent again");
    }

    [Test]
    public void A_connection_refused_before_sending_is_not_an_unknown_outcome()
    {
        var refused = new StubHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        var client = Client(refused, out var provider);
        using var _ = provider;

        var e = Assert.ThrowsAsync<ExotelException>(() => client.Calls.ConnectAsync(new ConnectCallRequest("+919876543210", "+919123456789", "08047490924")))!;

        Assert.That(e.IsOutcomeUnknown, Is.False);
        Assert.That(e.Message, Does.Contain("was not sent"));
        Assert.That(refused.Calls, Is.EqualTo(4), "a POST refused before sending is safe to retry: the first attempt and three retries");
    }

    [Test]
    public void A_cause_that_carries_a_secret_is_not_kept_as_the_inner_exception()
    {
        var client = Client(new StubHandler(_ => throw new HttpRequestException($"proxy refused Basic {TestAccount.ExpectedBasic}")), out var provider);
        using var _ = provider;

        var e = Assert.ThrowsAsync<ExotelException>(() => client.Trunks.GetAsync("tr1"))!;

        Assert.That(e.InnerException, Is.Null);
        Assert.That(e.ToString(), Does.Not.Contain(TestAccount.ExpectedBasic));
    }

    [Test]
    public void A_cause_without_secrets_is_kept_for_diagnosis()
    {
        var client = Client(new StubHandler(_ => throw new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known")), out var provider);
        using var _ = provider;

        var e = Assert.ThrowsAsync<ExotelException>(() => client.Trunks.GetAsync("tr1"))!;

        Assert.That(e.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(respond(request));
        }
    }

    /// <summary>A body whose first bytes arrive and then nothing more, until cancelled.</summary>
    private sealed class StallingStream : Stream
    {
        private bool _sentFirst;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_sentFirst)
            {
                _sentFirst = true;
                buffer.Span[0] = (byte)'{';
                return 1;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("async only");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
