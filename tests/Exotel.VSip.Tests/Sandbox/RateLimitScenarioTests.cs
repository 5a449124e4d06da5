using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Sandbox;

/// <summary>Exotel's per-account request limit, enforced by the sandbox with a small budget: the client reports it as rate limited, with the wait.</summary>
public sealed class RateLimitScenarioTests : SandboxScenario
{
    protected override void Configure(VapiExotelSandboxOptions options)
    {
        options.EnforceExotelRateLimit = true;
        options.ExotelRequestsPerMinute = 3;
    }

    [Test]
    public async Task The_request_over_the_budget_is_rate_limited_until_the_minute_has_passed()
    {
        // This test is about surfacing the sandbox's 429 and its wait, so its client sends each request once. With
        // retries on, the 429 that says "Retry-After: 15" (within the 30 s total timeout) would be retried after 15 real
        // seconds, and to no avail: the sandbox's manual clock never moves by itself, so its minute never ends.
        var client = NewClient(o => o.Resilience.Retry.MaxRetryAttempts = 0);
        for (var i = 0; i < 3; i++)
        {
            await client.Trunks.ListAsync().ToListAsync();
        }

        var atOnce = Assert.ThrowsAsync<ExotelException>(async () => await client.Trunks.ListAsync().ToListAsync())!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(45));
        var later = Assert.ThrowsAsync<ExotelException>(async () => await client.Trunks.ListAsync().ToListAsync())!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(15));
        var allowed = await client.Trunks.ListAsync().ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(atOnce.IsRateLimited, Is.True);
            Assert.That(atOnce.Status, Is.EqualTo(429));
            Assert.That(atOnce.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(atOnce.RequestId, Does.Match(RequestIdPattern));
            Assert.That(later.IsRateLimited, Is.True);
            Assert.That(later.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(15)));
            Assert.That(allowed, Is.Empty);
            Assert.That(Received("GET", V2("trunks")).Select(r => r.Status), Is.EqualTo(new[] { 200, 200, 200, 429, 429, 200 }));
        });
    }

    [Test]
    public async Task A_connect_over_the_budget_is_refused_with_the_voice_api_code_and_places_no_call()
    {
        // A 429 to a POST may be retried (it was not processed), but its "Retry-After: 60" outlasts the 30 s total
        // timeout, so the default client returns it at once.
        for (var i = 0; i < 3; i++)
        {
            await Client.Calls.ListAsync().ToListAsync();   // the Voice API has its own budget
        }

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.Calls.ConnectAsync(new ConnectCallRequest("+919876543210", "+919123456789", ExoPhone)))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsRateLimited, Is.True);
            Assert.That(e.Status, Is.EqualTo(429));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.RateLimitExceeded));
            Assert.That(e.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(e.IsOutcomeUnknown, Is.False);
            Assert.That(Sandbox.Exotel.Calls, Is.Empty);
            Assert.That(Received("POST", V1("Calls/connect.json")).Select(r => r.Status), Is.EqualTo(new[] { 429 }), "returned at once, not retried");
        });
    }
}
