using System.Diagnostics;
using System.Net;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Calls;

/// <summary>A create is never replayed: a second POST could ring the customer twice.</summary>
public class CreateCallFailureTests
{
    private const string CallUrl = TestAccount.BaseUrl + "call";

    private static CreateCallRequest OneCall() => new()
    {
        AssistantId = TestAccount.AssistantId,
        PhoneNumberId = TestAccount.PhoneNumberId,
        Customer = new VapiCustomer { Number = "+919876543210" },
    };

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    public void A_server_error_is_sent_once_and_reported_with_its_status(HttpStatusCode status)
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "call").Respond(status, "application/json", """{"message":"try later","statusCode":503}""");
        host.Mock.When(HttpMethod.Post, CallUrl).Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.CreateAsync(OneCall()))!;

        Assert.That(host.SentCount, Is.EqualTo(1));
        Assert.That(e.Status, Is.EqualTo((int)status));
        Assert.That(e.IsTimeout, Is.False);
        Assert.That(e.Operation, Is.EqualTo("POST /call"));
        if (status == HttpStatusCode.TooManyRequests)
        {
            Assert.That(e.IsOutcomeUnknown, Is.False, "a 429 was provably not processed");
        }
    }

    [TestCase(HttpRequestError.ResponseEnded)]
    [TestCase(HttpRequestError.Unknown)]
    [TestCase(HttpRequestError.InvalidResponse)]
    public void A_connection_lost_after_sending_is_sent_once_and_its_outcome_is_unknown(HttpRequestError error)
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "call").Throw(new HttpRequestException(error, "The response ended prematurely."));
        host.Mock.When(HttpMethod.Post, CallUrl).Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.CreateAsync(OneCall()))!;

        Assert.Multiple(() =>
        {
            Assert.That(host.SentCount, Is.EqualTo(1));
            Assert.That(e.IsOutcomeUnknown, Is.True);
            Assert.That(e.IsTimeout, Is.False);
            Assert.That(e.Status, Is.Zero);
            Assert.That(e.Message, Does.Contain("outcome is unknown").And.Contain("api.vapi.ai").And.Contain("POST /call"));
            Assert.That(e.InnerException, Is.InstanceOf<HttpRequestException>());
        });
    }

    [TestCase(HttpRequestError.ConnectionError)]
    [TestCase(HttpRequestError.NameResolutionError)]
    [TestCase(HttpRequestError.SecureConnectionError)]
    public void A_connect_failure_is_sent_once_and_provably_not_delivered(HttpRequestError error)
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "call").Throw(new HttpRequestException(error, "Connection refused (api.vapi.ai:443)"));
        host.Mock.When(HttpMethod.Post, CallUrl).Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.CreateAsync(OneCall()))!;

        Assert.Multiple(() =>
        {
            Assert.That(host.SentCount, Is.EqualTo(1));
            Assert.That(e.IsOutcomeUnknown, Is.False);
            Assert.That(e.IsTimeout, Is.False);
            Assert.That(e.Status, Is.Zero);
            Assert.That(e.Message, Does.Contain("could not reach api.vapi.ai").And.Contain("not sent"));
        });
    }

    [Test]
    public void An_attempt_timeout_is_sent_once_and_reported_as_a_timeout_with_unknown_outcome()
    {
        using var host = new VapiTestHost(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Resilience.TotalRequestTimeout = TimeSpan.FromSeconds(1);
        });
        var hanging = new HangingRequest();
        host.Mock.AddRequestExpectation(hanging);
        host.Mock.When(HttpMethod.Post, CallUrl).Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));
        var clock = Stopwatch.StartNew();

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.CreateAsync(OneCall()))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsTimeout, Is.True);
            Assert.That(e.IsOutcomeUnknown, Is.True);
            Assert.That(e.Status, Is.Zero);
            Assert.That(e.Message, Does.Contain("timed out").And.Contain("0.2 s"));
            Assert.That(host.SentCount, Is.EqualTo(1));
            Assert.That(hanging.Calls, Is.EqualTo(1));
            Assert.That(() => hanging.WasCancelled, Is.True.After(2000, 10));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public void A_total_timeout_shorter_than_the_attempt_is_also_a_timeout()
    {
        using var host = new VapiTestHost(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Resilience.TotalRequestTimeout = TimeSpan.FromMilliseconds(300);
        });
        host.Mock.AddRequestExpectation(new HangingRequest());

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.GetAsync(TestAccount.CallId))!;

        Assert.That((e.IsTimeout, e.IsOutcomeUnknown, e.Status), Is.EqualTo((true, true, 0)));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public void The_callers_cancellation_is_an_operation_canceled_exception_not_a_vapi_exception()
    {
        using var host = new VapiTestHost();
        var hanging = new HangingRequest();
        host.Mock.AddRequestExpectation(hanging);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        var e = Assert.CatchAsync(() => host.Client.Calls.CreateAsync(OneCall(), cts.Token))!;

        Assert.That(e, Is.InstanceOf<OperationCanceledException>());
        Assert.That(e, Is.Not.InstanceOf<VapiException>());
        Assert.That(host.SentCount, Is.EqualTo(1));
        Assert.That(() => hanging.WasCancelled, Is.True.After(2000, 10));
    }

    [Test]
    public void An_already_cancelled_token_sends_nothing()
    {
        using var host = new VapiTestHost();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.CatchAsync<OperationCanceledException>(() => host.Client.Calls.CreateAsync(OneCall(), cts.Token));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void Cancelling_a_list_stops_with_operation_canceled()
    {
        using var host = new VapiTestHost();
        host.Mock.AddRequestExpectation(new HangingRequest());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        Assert.CatchAsync<OperationCanceledException>(async () => await host.Client.Calls.ListAsync(cancellationToken: cts.Token).ToListAsync());
    }

    /// <summary>A request that never answers until its token is cancelled (by the SDK's timeout or by the caller).</summary>
    private sealed class HangingRequest : IMockedRequest
    {
        private int _calls;
        private volatile bool _cancelled;

        public int Calls => Volatile.Read(ref _calls);

        public bool WasCancelled => _cancelled;

        public bool Matches(HttpRequestMessage request) => true;

        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                _cancelled = true;
                throw;
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
