using System.Net;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>
/// <see cref="VapiExotelSandboxOptions.ExotelRateLimitWindow"/>: the limit counts over the configured window (here 3
/// requests per 10 seconds), for the count, the Retry-After and the moment requests pass again.
/// </summary>
public sealed class RateLimitWindowTests : Support.SandboxTest
{
    protected override void Configure(VapiExotelSandboxOptions options)
    {
        options.EnforceExotelRateLimit = true;
        options.ExotelRequestsPerMinute = 3;
        options.ExotelRateLimitWindow = TimeSpan.FromSeconds(10);
    }

    private async Task<(HttpStatusCode Status, string? RetryAfter)> GetTrunksAsync()
    {
        using var response = await Exotel.GetAsync(V2("trunks"));
        return (response.StatusCode, response.Headers.TryGetValues("Retry-After", out var values) ? string.Join(",", values) : null);
    }

    private async Task UseUpTheWindowAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.That((await GetTrunksAsync()).Status, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1}");
        }
    }

    [Test]
    public async Task The_limit_counts_over_the_configured_window_and_Retry_After_is_measured_against_it()
    {
        await UseUpTheWindowAsync();

        var refused = await GetTrunksAsync();
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(6));
        var later = await GetTrunksAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo((HttpStatusCode.TooManyRequests, (string?)"10")), "the window's wait, not a minute's");
            Assert.That(later, Is.EqualTo((HttpStatusCode.TooManyRequests, (string?)"4")), "Retry-After counts down to the window's end");
        });
    }

    [Test]
    public async Task Requests_pass_again_once_the_window_has_gone_by_well_before_a_minute()
    {
        await UseUpTheWindowAsync();
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(9));
        Assert.That((await GetTrunksAsync()).Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "still inside the window");

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));

        await UseUpTheWindowAsync();
        Assert.That((await GetTrunksAsync()).Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "the new window has the same allowance");
    }

    [Test]
    public void The_window_defaults_to_a_minute_and_must_be_positive()
    {
        Assert.That(new VapiExotelSandboxOptions().ExotelRateLimitWindow, Is.EqualTo(TimeSpan.FromMinutes(1)));
        foreach (var window in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(-1) })
        {
            var options = new VapiExotelSandboxOptions { ExotelRateLimitWindow = window };
            var thrown = Assert.Throws<ArgumentException>(options.Validate);
            Assert.That(thrown!.ParamName, Is.EqualTo(nameof(VapiExotelSandboxOptions.ExotelRateLimitWindow)));
        }

        Assert.That(Sandbox.Options.ExotelRateLimitWindow, Is.EqualTo(TimeSpan.FromSeconds(10)), "the sandbox keeps the configured window");
    }
}
