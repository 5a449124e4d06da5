using System.Diagnostics;
using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Sandbox;

/// <summary>
/// Injected faults reach the caller as the client is designed to surface them. The client has no retry strategy (its
/// pipeline holds only the timeouts), so every fault is one request and one typed <see cref="ExotelException"/>; a
/// connect request is never sent twice.
/// </summary>
public sealed class FaultScenarioTests : SandboxScenario
{
    private const string Customer = "+919876543210";
    private const string Agent = "+919123456789";

    [Test]
    public async Task A_429_with_retry_after_on_get_trunks_is_rate_limited_with_the_wait_and_is_not_retried()
    {
        await CreateTrunkAsync("vx_one");
        var rule = Sandbox.Faults.Add(new SandboxFaultRule
        {
            Fault = SandboxFault.RateLimited(TimeSpan.FromSeconds(7)), Api = SandboxApi.Exotel, Method = "GET", Path = "/v2/accounts/*/trunks", Times = 1,
        });

        var e = Assert.ThrowsAsync<ExotelException>(async () => await Client.Trunks.ListAsync().ToListAsync())!;
        var afterwards = await Client.Trunks.ListAsync().ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(e.IsRateLimited, Is.True);
            Assert.That(e.Status, Is.EqualTo(429));
            Assert.That(e.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(e.Operation, Is.EqualTo("GET /v2/accounts/{account_sid}/trunks"));
            Assert.That(e.IsOutcomeUnknown, Is.False);
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
            Assert.That(e.Message, Does.Contain("its outcome is unknown"));
            Assert.That(Received("POST", V1("Calls/connect.json")).Select(r => (r.Status, r.Fault)), Is.EqualTo(new[] { (0, (SandboxFaultKind?)SandboxFaultKind.DropConnection) }));
            Assert.That(Sandbox.Exotel.Calls, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_dropped_connection_on_get_trunks_is_a_typed_exception_without_a_status()
    {
        await CreateTrunkAsync();
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.DropConnection(), Method = "GET", Path = "/v2/accounts/*/trunks", Times = 1 });

        var e = Assert.ThrowsAsync<ExotelException>(async () => await Client.Trunks.ListAsync().ToListAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(0));
            Assert.That(e.IsOutcomeUnknown, Is.True);
            Assert.That(e.IsTimeout || e.IsRateLimited || e.IsNotFound, Is.False);
            Assert.That(e.Operation, Is.EqualTo("GET /v2/accounts/{account_sid}/trunks"));
            Assert.That(e.Message, Does.StartWith("Exotel GET /v2/accounts/{account_sid}/trunks failed: the connection to 127.0.0.1 failed"));
            Assert.That(Received("GET", V2("trunks")).Select(r => r.Fault), Is.EqualTo(new SandboxFaultKind?[] { SandboxFaultKind.DropConnection }));
        });
    }

    [Test]
    public async Task A_server_that_never_answers_times_out_at_the_attempt_timeout()
    {
        var client = NewClient(o => o.Resilience = new ExotelResilienceOptions
        {
            AttemptTimeout = TimeSpan.FromMilliseconds(300), TotalRequestTimeout = TimeSpan.FromSeconds(1),
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
            Assert.That(e.Message, Does.Contain("no response within 0.3 s"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
            Assert.That(Received("GET", V2("trunks")), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_429_on_the_second_page_stops_the_listing_after_the_first_page()
    {
        foreach (var name in new[] { "vx_p1", "vx_p2", "vx_p3" })
        {
            await CreateTrunkAsync(name);
        }

        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.RateLimited(TimeSpan.FromSeconds(2)), Method = "GET", Path = "/v2/accounts/*/trunks", Nth = 2, Times = 1 });
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
            Assert.That(e.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(Received("GET", V2("trunks")).Select(r => (r.Query, r.Status)), Is.EqualTo(new[] { ("?page_size=2", 200), ("?offset=2&page_size=2", 429) }));
        });
    }
}
