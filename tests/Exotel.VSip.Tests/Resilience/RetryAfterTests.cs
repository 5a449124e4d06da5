using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Exotel.VSip.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Resilience;

/// <summary>
/// A 429's <c>Retry-After</c> replaces the back-off: the client waits as long as the service asks, whether the header
/// is a number of seconds (the sandbox, in real time) or an HTTP date (MockHttp, on a manual clock).
/// </summary>
public sealed class RetryAfterTests : ResilienceScenario
{
    [Test]
    public async Task A_storm_of_three_429s_on_a_get_waits_each_retry_after_and_succeeds_on_the_last_retry()
    {
        await CreateTrunkAsync("vx_one");
        var rule = AddFault(SandboxFault.RateLimited(TimeSpan.FromSeconds(1)), "GET", TrunksPath, times: 3);
        var clock = Stopwatch.StartNew();

        var listed = await Client.Trunks.ListAsync().ToListAsync();

        clock.Stop();
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(t => t.Name), Is.EqualTo(new[] { "vx_one" }));
            Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2.9)), "three waits of Retry-After: 1, not the 1 ms back-off");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)));
            Assert.That(rule.Applied, Is.EqualTo(3));
            Assert.That(
                Received("GET", V2("trunks")).Select(r => (r.Status, r.Fault)),
                Is.EqualTo(new[]
                {
                    (429, (SandboxFaultKind?)SandboxFaultKind.RateLimited), (429, SandboxFaultKind.RateLimited), (429, SandboxFaultKind.RateLimited), (200, null),
                }));
        });
    }

    [Test]
    public async Task A_retry_after_given_as_an_http_date_is_waited_until_that_instant()
    {
        // On a manual clock registered in DI (the pipeline's TimeProvider), so that the wait is exact and takes no real time.
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 23, 10, 0, 0, TimeSpan.Zero));
        var retryAt = clock.GetUtcNow() + TimeSpan.FromSeconds(5);
        using var mock = new MockHttpMessageHandler();
        var url = TestAccount.BaseUrl + TestAccount.V2 + "/trunks";
        mock.Expect(HttpMethod.Get, url).Respond(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Headers = { RetryAfter = new RetryConditionHeaderValue(retryAt) },
            Content = new StringContent(Fixtures.Failure(429, 429, 1030, "Too Many Requests", "Too Many Requests"), Encoding.UTF8, "application/json"),
        });
        mock.Expect(HttpMethod.Get, url).Respond("application/json", Fixtures.List(["""{"trunk_sid":"tr1","trunk_name":"vx_one"}"""]));
        var attempts = new CountingHandler();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddExotelVSip(o =>
        {
            o.AccountSid = TestAccount.AccountSid;
            o.ApiKey = TestAccount.ApiKey;
            o.ApiToken = TestAccount.ApiToken;
            o.Resilience.RateLimit.Enabled = false;   // not the process-wide gate of the fake account
        }).AddHttpMessageHandler(() => attempts).ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ExotelClient>();

        var listing = client.Trunks.ListAsync().ToListAsync().AsTask();
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(5));   // the retry's delay: exactly until the date, not the 2 s back-off
        clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        var attemptsJustBefore = attempts.Count;
        var doneJustBefore = listing.IsCompleted;
        clock.Advance(TimeSpan.FromTicks(1));
        var listed = await listing.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(attemptsJustBefore, Is.EqualTo(1));
            Assert.That(doneJustBefore, Is.False);
            Assert.That(attempts.Count, Is.EqualTo(2));
            Assert.That(listed.Select(t => t.Name), Is.EqualTo(new[] { "vx_one" }));
            Assert.That(clock.GetUtcNow(), Is.EqualTo(retryAt));
        });
        mock.VerifyNoOutstandingExpectation();
    }
}
