using System.Diagnostics;
using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Sandbox;

/// <summary>
/// Injected faults reach the caller as the client is designed to surface them. The client retries what is safe to
/// repeat (a GET answered 429 or 5xx, dropped, or timed out: the scenario base keeps the default three retries with a
/// 1 ms back-off), waits as long as a <c>Retry-After</c> asks unless that outlasts the total timeout, and surfaces what
/// is left as one typed <see cref="ExotelException"/>. A connect request that may have been acted on is never sent twice.
/// </summary>
public sealed class FaultScenarioTests : SandboxScenario
{
    private const string Customer = "+919876543210";
    private const string Agent = "+919123456789";

    [Test]
    public async Task A_429_with_a_short_retry_after_on_get_trunks_is_retried_after_the_wait_and_succeeds()
    {
        await CreateTrunkAsync("vx_one");
        var rule = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.RateLimited(TimeSpan.FromSeconds(1)), Api = SandboxApi.Exotel, Method = "GET", Path = "/v2/accounts/*/trunks", Times = 1,
        });
        var clock = Stopwatch.StartNew();

        var listed = await Client.Trunks.ListAsync().ToListAsync();

        clock.Stop();
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(t => t.Name), Is.EqualTo(new[] { "vx_one" }));
            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95)), "waited as long as Retry-After asked, not the 1 ms back-off");
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(Received("GET", V2("trunks")).Select(r => (r.Status, r.Fault)), Is.EqualTo(new[] { (429, (SandboxFaultKind?)SandboxFaultKind.RateLimited), (200, null) }));
        });
    }

    [Test]
    public async Task A_429_whose_retry_after_outlasts_the_total_timeout_is_returned_at_once_with_the_wait()
    {
        await CreateTrunkAsync("vx_one");
        var rule = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.RateLimited(TimeSpan.FromSeconds(60)), Api = SandboxApi.Exotel, Method = "GET", Path = "/v2/accounts/*/trunks", Times = 1,
        });
        var clock = Stopwatch.StartNew();

        var e = Assert.ThrowsAsync<ExotelException>(async () => await Client.Trunks.ListAsync().ToListAsync())!;

        clock.Stop();
        var afterwards = await Client.Trunks.ListAsync().ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(e.IsRateLimited, Is.True);
            Assert.That(e.Status, Is.EqualTo(429));
            Assert.That(e.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)), "60 s is beyond the default 30 s TotalRequestTimeout");
            Assert.That(e.Operation, Is.EqualTo("GET /v2/accounts/{account_sid}/trunks"));
            Assert.That(e.IsOutcomeUnknown, Is.False);
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "returned at once rather than waiting");
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(Received("GET", V2("trunks")).Select(r => (r.Status, r.Fault)), Is.EqualTo(new[] { (429, (SandboxFaultKind?)SandboxFaultKind.RateLimited), (200, null) }));
            Assert.That(afterwards.Select(t => t.Name), Is.EqualTo(new[] { "vx_one" }));
        });
    }

    [Test]
    public async Task A_connect_answered_500_after_processing_throws_and_the_call_was_placed_exactly_once()
    {
        var rule = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.ServerError(500), Api = SandboxApi.Exotel, Method = "POST", Path = "/v1/Accounts/*/Calls/connect.json", AfterProcessing = true,
        });

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone)))!;
        var found = await Client.Calls.ListAsync(new ExotelCallListFilter { From = { Customer } }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(500));
            Assert.That(e.IsRateLimited, Is.False);
            Assert.That(e.IsTimeout, Is.False);
            Assert.That(e.Operation, Is.EqualTo("POST /v1/Accounts/{account_sid}/Calls/connect.json"));
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(Received("POST", V1("Calls/connect.json")).Select(r => r.Status), Is.EqualTo(new[] { 500 }));
            Assert.That(Sandbox.Exotel.Calls, Has.Count.EqualTo(1));
            Assert.That(found.Select(c => c.From), Is.EqualTo(new[] { "09876543210" }));
        });
    }

    [Test]
    public void A_500_answer_to_connect_is_flagged_as_an_unknown_outcome()
    {
        // A 5xx to a POST does not say whether the call was placed; here it was. The flag tells callers to look
        // before placing the call again.
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(500), Method = "POST", Path = "/v1/Accounts/*/Calls/connect.json", AfterProcessing = true });

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone)))!;

        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.Exotel.Calls, Has.Count.EqualTo(1));
            Assert.That(e.IsOutcomeUnknown, Is.True);
        });
    }

    [Test]
    public void A_connection_dropped_after_connect_was_processed_is_an_unknown_outcome_and_the_call_exists_once()
    {
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.DropConnection(), Method = "POST", Path = "/v1/Accounts/*/Calls/connect.json", AfterProcessing = true });

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone)))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(0));
            Assert.That(e.IsOutcomeUnknown, Is.True);
            Assert.That(e.IsTimeout, Is.False);
            Assert.That(e.Message, Does.Contain("the outcome is unknown, so the SDK did not send it again").And.Contain("Calls.ListAsync"));
            Assert.That(Received("POST", V1("Calls/connect.json")).Select(r => (r.Status, r.Fault)), Is.EqualTo(new[] { (0, (SandboxFaultKind?)SandboxFaultKind.DropConnection) }));
            Assert.That(Sandbox.Exotel.Calls, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_connection_dropped_on_every_attempt_of_get_trunks_is_a_typed_exception_without_a_status()
    {
        // One dropped connection is retried away (Resilience/TransientFailureRetryTests); one on every attempt is what the caller sees.
        await CreateTrunkAsync();
        var rule = Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.DropConnection(), Method = "GET", Path = "/v2/accounts/*/trunks" });

        var e = Assert.ThrowsAsync<ExotelException>(async () => await Client.Trunks.ListAsync().ToListAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(0));
            Assert.That(e.IsOutcomeUnknown, Is.True);
            Assert.That(e.IsTimeout || e.IsRateLimited || e.IsNotFound, Is.False);
            Assert.That(e.Operation, Is.EqualTo("GET /v2/accounts/{account_sid}/trunks"));
            Assert.That(e.Message, Does.StartWith("Exotel GET /v2/accounts/{account_sid}/trunks failed: the connection to 127.0.0.1 failed"));
            Assert.That(rule.Applied, Is.EqualTo(4), "the first attempt and the default three retries");
            Assert.That(Received("GET", V2("trunks")).Select(r => (r.Status, r.Fault)), Is.EqualTo(Enumerable.Repeat((0, (SandboxFaultKind?)SandboxFaultKind.DropConnection), 4)));
        });
    }

    [Test]
    public async Task A_server_that_never_answers_times_out_at_the_attempt_timeout_on_each_attempt()
    {
        var client = NewClient(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.Resilience.TotalRequestTimeout = TimeSpan.FromSeconds(5);
            o.Resilience.Retry.MaxRetryAttempts = 1;
        });
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.Timeout(), Method = "GET", Path = "/v2/accounts/*/trunks" });
        var clock = Stopwatch.StartNew();

        var e = Assert.ThrowsAsync<ExotelException>(async () => await client.Trunks.ListAsync().ToListAsync())!;

        clock.Stop();
        Assert.Multiple(() =>
        {
            Assert.That(e.IsTimeout, Is.True);
            Assert.That(e.IsOutcomeUnknown, Is.True);
            Assert.That(e.Status, Is.EqualTo(0));
            Assert.That(e.Message, Does.Contain("no response within 0.3 s"), "the attempt timeout, not the 5 s total");
            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.55)).And.LessThan(TimeSpan.FromSeconds(3)), "two attempts of 0.3 s");
            Assert.That(Received("GET", V2("trunks")).Select(r => (r.Status, r.Fault)), Is.EqualTo(Enumerable.Repeat((0, (SandboxFaultKind?)SandboxFaultKind.Timeout), 2)));
        });
    }

    [Test]
    public async Task A_429_on_the_second_page_with_a_wait_beyond_the_total_timeout_stops_the_listing_after_the_first_page()
    {
        foreach (var name in new[] { "vx_p1", "vx_p2", "vx_p3" })
        {
            await CreateTrunkAsync(name);
        }

        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.RateLimited(TimeSpan.FromSeconds(60)), Method = "GET", Path = "/v2/accounts/*/trunks", Nth = 2, Times = 1 });
        var seen = new List<string?>();

        var e = Assert.ThrowsAsync<ExotelException>(async () =>
        {
            await foreach (var trunk in Client.Trunks.ListAsync(new ExotelListOptions { PageSize = 2 }))
            {
                seen.Add(trunk.Name);
            }
        })!;

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(new[] { "vx_p1", "vx_p2" }));
            Assert.That(e.IsRateLimited, Is.True);
            Assert.That(e.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(Received("GET", V2("trunks")).Select(r => (r.Query, r.Status)), Is.EqualTo(new[] { ("?page_size=2", 200), ("?offset=2&page_size=2", 429) }));
        });
    }
}
