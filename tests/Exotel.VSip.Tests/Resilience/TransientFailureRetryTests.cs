using System.Diagnostics;
using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Resilience;

/// <summary>
/// Transient failures of requests that are safe to repeat (GET, PUT, DELETE) are retried against the sandbox over
/// real HTTP until one succeeds or the retries run out; the sandbox's request log pins every attempt. The scenario base
/// keeps the default three retries, with a 1 ms back-off.
/// </summary>
public sealed class TransientFailureRetryTests : ResilienceScenario
{
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task Two_5xx_in_a_row_on_a_get_are_retried_and_the_listing_succeeds(int status)
    {
        await CreateTrunkAsync("vx_one");
        var rule = AddFault(SandboxFault.ServerError(status), "GET", TrunksPath, times: 2);

        var listed = await Client.Trunks.ListAsync().ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(t => t.Name), Is.EqualTo(new[] { "vx_one" }));
            Assert.That(rule.Applied, Is.EqualTo(2));
            Assert.That(Received("GET", V2("trunks")).Select(r => r.Status), Is.EqualTo(new[] { status, status, 200 }));
        });
    }

    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task Two_5xx_in_a_row_on_a_put_are_retried_and_the_update_is_applied(int status)
    {
        var trunk = await CreateTrunkAsync("vx_old");
        var rule = AddFault(SandboxFault.ServerError(status), "PUT", TrunksPath + "/*", times: 2);

        var updated = await Client.Trunks.UpdateAsync(trunk.Sid, new UpdateTrunkRequest { TrunkName = "vx_new" });

        Assert.Multiple(() =>
        {
            Assert.That(updated.Name, Is.EqualTo("vx_new"));
            Assert.That(Sandbox.Exotel.Trunks.Select(t => (string?)t["trunk_name"]), Is.EqualTo(new[] { "vx_new" }));
            Assert.That(rule.Applied, Is.EqualTo(2));
            Assert.That(Received("PUT", V2("trunks/" + trunk.Sid)).Select(r => r.Status), Is.EqualTo(new[] { status, status, 200 }));
        });
    }

    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task Two_5xx_in_a_row_on_a_delete_are_retried_and_the_trunk_is_deleted(int status)
    {
        var trunk = await CreateTrunkAsync("vx_gone");
        var rule = AddFault(SandboxFault.ServerError(status), "DELETE", TrunksPath, times: 2);

        await Client.Trunks.DeleteAsync(trunk.Sid, confirm: true);

        Assert.Multiple(() =>
        {
            Assert.That(Sandbox.Exotel.Trunks, Is.Empty);
            Assert.That(rule.Applied, Is.EqualTo(2));
            Assert.That(Received("DELETE", V2("trunks")).Select(r => r.Status), Is.EqualTo(new[] { status, status, 200 }));
        });
    }

    [Test]
    public async Task More_5xx_than_the_retries_allow_end_in_the_services_5xx_after_one_plus_max_retry_attempts()
    {
        var client = NewClient(o => o.Resilience.Retry.MaxRetryAttempts = 2);
        await CreateTrunkAsync("vx_one");
        var rule = AddFault(SandboxFault.ServerError(503), "GET", TrunksPath);

        var e = Assert.ThrowsAsync<ExotelException>(async () => await client.Trunks.ListAsync().ToListAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(503));
            Assert.That(e.Operation, Is.EqualTo("GET /v2/accounts/{account_sid}/trunks"));
            Assert.That(e.Message, Does.Contain("(HTTP 503"));
            Assert.That(e.IsOutcomeUnknown, Is.False, "a GET changes nothing");
            Assert.That(e.IsTimeout, Is.False);
            Assert.That(rule.Applied, Is.EqualTo(3));
            Assert.That(Received("GET", V2("trunks")).Select(r => r.Status), Is.EqualTo(new[] { 503, 503, 503 }));
        });
    }

    [Test]
    public async Task More_5xx_than_the_default_retries_allow_on_a_delete_are_four_attempts_and_the_trunk_stays()
    {
        var trunk = await CreateTrunkAsync("vx_kept");
        AddFault(SandboxFault.ServerError(502), "DELETE", TrunksPath);

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.Trunks.DeleteAsync(trunk.Sid, confirm: true))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(502));
            Assert.That(e.Operation, Is.EqualTo("DELETE /v2/accounts/{account_sid}/trunks"));
            Assert.That(Received("DELETE", V2("trunks")).Select(r => r.Status), Is.EqualTo(new[] { 502, 502, 502, 502 }));
            Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_dropped_connection_on_a_get_is_retried_and_the_listing_succeeds()
    {
        await CreateTrunkAsync("vx_one");
        var rule = AddFault(SandboxFault.DropConnection(), "GET", TrunksPath, times: 1);

        var listed = await Client.Trunks.ListAsync().ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(t => t.Name), Is.EqualTo(new[] { "vx_one" }));
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(
                Received("GET", V2("trunks")).Select(r => (r.Status, r.Fault)),
                Is.EqualTo(new[] { (0, (SandboxFaultKind?)SandboxFaultKind.DropConnection), (200, null) }));
        });
    }

    [Test]
    public async Task An_attempt_that_times_out_on_a_get_is_retried_and_the_listing_succeeds()
    {
        var client = NewClient(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        await CreateTrunkAsync("vx_one");
        var rule = AddFault(SandboxFault.Timeout(), "GET", TrunksPath, times: 1);
        var clock = Stopwatch.StartNew();

        var listed = await client.Trunks.ListAsync().ToListAsync();

        clock.Stop();
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(t => t.Name), Is.EqualTo(new[] { "vx_one" }));
            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)).And.LessThan(TimeSpan.FromSeconds(3)), "one attempt cut off at 0.3 s, then the retry");
            Assert.That(rule.Applied, Is.EqualTo(1));
            Assert.That(
                Received("GET", V2("trunks")).Select(r => (r.Status, r.Fault)),
                Is.EqualTo(new[] { (0, (SandboxFaultKind?)SandboxFaultKind.Timeout), (200, null) }));
        });
    }
}
