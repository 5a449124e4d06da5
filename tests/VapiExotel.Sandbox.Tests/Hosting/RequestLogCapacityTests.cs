namespace VapiExotel.Sandbox.Tests.Hosting;

/// <summary>The log keeps at most <see cref="VapiExotelSandboxOptions.RequestLogCapacity"/> requests, dropping the oldest.</summary>
public sealed class RequestLogCapacityTests : Support.SandboxTest
{
    [Test]
    public async Task The_log_keeps_only_the_newest_requests_up_to_its_capacity()
    {
        for (var i = 1; i <= 5; i++)
        {
            await SendAsync(Vapi, HttpMethod.Get, $"assistant?limit={i}");
        }

        var log = Sandbox.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(log.Select(r => r.Sequence), Is.EqualTo(new long[] { 3, 4, 5 }));
            Assert.That(log.Select(r => r.Query), Is.EqualTo(new[] { "?limit=3", "?limit=4", "?limit=5" }));
        });
    }

    [Test]
    public async Task The_capacity_bounds_requests_of_both_apis_together()
    {
        await SendAsync(Exotel, HttpMethod.Get, V2("trunks"));
        await SendAsync(Vapi, HttpMethod.Get, "assistant");
        await SendAsync(Exotel, HttpMethod.Get, V2("trunks"));
        await SendAsync(Vapi, HttpMethod.Get, "credential");
        Assert.That(Sandbox.Requests.Select(r => r.Api), Is.EqualTo(new[] { SandboxApi.Vapi, SandboxApi.Exotel, SandboxApi.Vapi }));
    }

    [Test]
    public void The_options_report_the_capacity()
    {
        Assert.That(Sandbox.Options.RequestLogCapacity, Is.EqualTo(3));
    }

    protected override void Configure(VapiExotelSandboxOptions options) => options.RequestLogCapacity = 3;
}
