using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Resilience;

/// <summary>
/// A POST is sent again only when the service cannot have acted on it: a 429, or a connection refused before anything
/// was sent. A 5xx, a dropped answer or a timeout may come after a trunk was created or a call placed, so such a POST
/// is sent exactly once and its exception says the outcome is unknown.
/// </summary>
public sealed class PostRetryTests : ResilienceScenario
{
    private const string Number = "+919876543210";
    private const string Customer = "+919876543210";
    private const string Agent = "+919123456789";

    [TestCase(true)]
    [TestCase(false)]
    public void A_trunk_create_answered_503_is_sent_exactly_once(bool afterProcessing)
    {
        var rule = AddFault(SandboxFault.ServerError(503), "POST", TrunksPath, afterProcessing: afterProcessing);

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.Trunks.CreateAsync(new CreateTrunkRequest("vx_new")))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(503));
            Assert.That(e.IsOutcomeUnknown, Is.True, "the client cannot tell whether the trunk was created");
            Assert.That(e.Message, Does.Contain("The outcome is unknown, so the SDK did not send it again"));
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(Received("POST", V2("trunks")).Select(r => r.Status), Is.EqualTo(new[] { 503 }));
            Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(afterProcessing ? 1 : 0));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_phone_number_mapping_answered_503_is_sent_exactly_once(bool afterProcessing)
    {
        var trunk = await CreateTrunkAsync();
        var rule = AddFault(SandboxFault.ServerError(503), "POST", TrunksPath + "/*/phone-numbers", afterProcessing: afterProcessing);

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.PhoneNumbers.MapAsync(trunk.Sid, Number))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(503));
            Assert.That(e.IsOutcomeUnknown, Is.True);
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(Received("POST", V2($"trunks/{trunk.Sid}/phone-numbers")).Select(r => r.Status), Is.EqualTo(new[] { 503 }));
            Assert.That(Sandbox.Exotel.PhoneNumbers(trunk.Sid), Has.Count.EqualTo(afterProcessing ? 1 : 0));
        });
    }

    [Test]
    public void A_connect_only_ever_refused_with_429_that_runs_out_of_time_says_nothing_was_done()
    {
        // No Retry-After: the back-off (2 s) outlasts the 1 s budget, so the total timeout ends the wait for a retry.
        var rule = AddFault(SandboxFault.RateLimited(), "POST", "/v1/Accounts/*/Calls/connect.json");
        var client = NewClient(o =>
        {
            o.Resilience.Retry.Delay = TimeSpan.FromSeconds(2);
            o.Resilience.Retry.UseJitter = false;
            o.Resilience.TotalRequestTimeout = TimeSpan.FromSeconds(1);
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(500);
        });

        var e = Assert.ThrowsAsync<ExotelException>(() => client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone)))!;

        Assert.Multiple(() =>
        {
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(e.IsTimeout, Is.True);
            Assert.That(e.IsOutcomeUnknown, Is.False, "a 429 is a refusal: no call can have been placed");
            Assert.That(e.Message, Does.Contain("no attempt reached the service").And.Not.Contain("outcome is unknown"));
            Assert.That(Sandbox.Exotel.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task A_trunk_create_answered_429_is_retried_and_creates_exactly_one_trunk()
    {
        var rule = AddFault(SandboxFault.RateLimited(), "POST", TrunksPath, times: 1);

        var trunk = await Client.Trunks.CreateAsync(new CreateTrunkRequest("vx_new"));

        Assert.Multiple(() =>
        {
            Assert.That(trunk.Name, Is.EqualTo("vx_new"));
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(Received("POST", V2("trunks")).Select(r => r.Status), Is.EqualTo(new[] { 429, 200 }));
            Assert.That(Sandbox.Exotel.Trunks.Select(t => (string?)t["trunk_sid"]), Is.EqualTo(new[] { trunk.Sid }));
        });
    }

    [Test]
    public async Task A_phone_number_mapping_answered_429_is_retried_and_creates_exactly_one_mapping()
    {
        var trunk = await CreateTrunkAsync();
        var rule = AddFault(SandboxFault.RateLimited(), "POST", TrunksPath + "/*/phone-numbers", times: 1);

        var mapping = await Client.PhoneNumbers.MapAsync(trunk.Sid, Number);

        Assert.Multiple(() =>
        {
            Assert.That(mapping.PhoneNumber, Is.EqualTo(Number));
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(Received("POST", V2($"trunks/{trunk.Sid}/phone-numbers")).Select(r => r.Status), Is.EqualTo(new[] { 429, 200 }));
            Assert.That(Sandbox.Exotel.PhoneNumbers(trunk.Sid), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void A_connect_that_times_out_is_sent_once_and_says_to_look_for_the_call_before_dialing_again()
    {
        var client = NewClient(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        var rule = AddFault(SandboxFault.Timeout(), "POST", "/v1/Accounts/*/Calls/connect.json", afterProcessing: true);
        var clock = Stopwatch.StartNew();

        var e = Assert.ThrowsAsync<ExotelException>(() => client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone)))!;

        clock.Stop();
        Assert.Multiple(() =>
        {
            Assert.That(e.IsTimeout, Is.True);
            Assert.That(e.IsOutcomeUnknown, Is.True);
            Assert.That(e.Status, Is.Zero);
            Assert.That(e.Message, Does.Contain("no response within 0.3 s").And.Contain("outcome is unknown").And.Contain("Calls.ListAsync"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)), "not retried until the 30 s total timeout");
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(Received("POST", V1("Calls/connect.json")).Select(r => (r.Status, r.Fault)), Is.EqualTo(new[] { (0, (SandboxFaultKind?)SandboxFaultKind.Timeout) }));
            Assert.That(Sandbox.Exotel.Calls, Has.Count.EqualTo(1), "the call was placed, once");
        });
    }

    [Test]
    public async Task A_post_whose_connection_was_refused_before_sending_is_retried_and_creates_one_trunk()
    {
        var refuseOnce = new RefuseFirstAttemptHandler();
        var client = NewClient(configure: null, services: null, http: b => b.AddHttpMessageHandler(() => refuseOnce));

        var trunk = await client.Trunks.CreateAsync(new CreateTrunkRequest("vx_new"));

        Assert.Multiple(() =>
        {
            Assert.That(refuseOnce.Attempts, Is.EqualTo(2), "refused, then sent again");
            Assert.That(Received("POST", V2("trunks")).Select(r => r.Status), Is.EqualTo(new[] { 200 }));
            Assert.That(Sandbox.Exotel.Trunks.Select(t => (string?)t["trunk_sid"]), Is.EqualTo(new[] { trunk.Sid }));
        });
    }

    [Test]
    public void A_post_to_a_closed_port_is_tried_one_plus_max_retry_attempts_times_and_reported_as_not_sent()
    {
        var closed = ClosedLoopbackPort();
        var attempts = new CountingHandler();
        var logs = new CapturingLoggerProvider();
        var client = NewLoggedClient(logs, o => o.BaseAddress = new Uri($"http://127.0.0.1:{closed}/"), b => b.AddHttpMessageHandler(() => attempts));

        var e = Assert.ThrowsAsync<ExotelException>(() => client.Trunks.CreateAsync(new CreateTrunkRequest("vx_new")))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.Zero);
            Assert.That(e.IsOutcomeUnknown, Is.False, "nothing was sent");
            Assert.That(e.IsTimeout, Is.False);
            Assert.That(e.Message, Does.Contain("could not reach 127.0.0.1; the request was not sent"));
            Assert.That(attempts.Count, Is.EqualTo(4), "the first attempt and the default three retries");
            Assert.That(LinesOf(logs, 1003), Has.Count.EqualTo(3));
            foreach (var secret in Secrets)
            {
                Assert.That(e.ToString(), Does.Not.Contain(secret));
                Assert.That(logs.Lines, Has.None.Contains(secret));
            }
        });
    }

    /// <summary>A loopback port that was free a moment ago: nothing listens there, so connecting is refused.</summary>
    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        listener.Dispose();
        return port;
    }

    /// <summary>Fails the first attempt as a refused connection (nothing sent), then passes every attempt through.</summary>
    private sealed class RefuseFirstAttemptHandler : DelegatingHandler
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _attempts) == 1
                ? Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "refused"))
                : base.SendAsync(request, cancellationToken);
    }
}
