using System.Globalization;
using System.Net;

namespace VapiExotel.Sandbox.Tests.Concurrency;

/// <summary>Parallel POST /call against a concurrency limit of 3: never more than 3 calls live at once.</summary>
public sealed class ParallelCallLimitTests : Support.SandboxTest
{
    private const int Limit = 3;

    [Test]
    public async Task Parallel_calls_never_exceed_the_concurrency_limit()
    {
        var phoneNumberId = await CreateNumberAsync();
        var assistantId = (string)Sandbox.Vapi.Assistants[0]["id"]!;
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{assistantId}}","phoneNumberId":"{{phoneNumberId}}","customer":{"number":"+1415555{{i.ToString("D4", CultureInfo.InvariantCulture)}}"} }""")));
        var calls = results.Select(r => r.Body!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.Created));
            Assert.That(calls.Count(c => (string?)c["status"] == "queued"), Is.EqualTo(Limit));
            Assert.That(calls.Count(c => (string?)c["endedReason"] == "call.start.error-subscription-concurrency-limit-reached"), Is.EqualTo(20 - Limit));
            Assert.That(calls.Count(c => (bool?)c["subscriptionLimits"]!["concurrencyBlocked"] == true), Is.EqualTo(20 - Limit));
            Assert.That(calls.Select(c => (int?)c["subscriptionLimits"]!["remainingConcurrentCalls"]), Is.All.InRange(0, Limit - 1));
            Assert.That(Sandbox.Vapi.Calls, Has.Count.EqualTo(20));
            Assert.That(Sandbox.Vapi.Calls.Count(c => (string?)c["status"] != "ended"), Is.EqualTo(Limit));
        });
    }

    [Test]
    public async Task Parallel_batches_never_exceed_the_concurrency_limit()
    {
        var phoneNumberId = await CreateNumberAsync();
        var assistantId = (string)Sandbox.Vapi.Assistants[0]["id"]!;
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{assistantId}}","phoneNumberId":"{{phoneNumberId}}","customers":[{"number":"+141555500{{i}}1"},{"number":"+141555500{{i}}2"}]}""")));
        var placed = results.SelectMany(r => r.Body!["results"]!.AsArray()).Select(c => c!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.Created));
            Assert.That(placed, Has.Count.EqualTo(10));
            Assert.That(placed.Count(c => (string?)c["status"] == "queued"), Is.EqualTo(Limit));
            Assert.That(Sandbox.Vapi.Calls.Count(c => (string?)c["status"] != "ended"), Is.EqualTo(Limit));
        });
    }

    protected override void Configure(VapiExotelSandboxOptions options) => options.VapiConcurrencyLimit = Limit;

    private async Task<string> CreateNumberAsync()
    {
        var (status, credential) = await SendAsync(Vapi, HttpMethod.Post, "credential", """{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198"}]}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        var (created, number) = await SendAsync(Vapi, HttpMethod.Post, "phone-number",
            $$"""{"provider":"byo-phone-number","credentialId":"{{credential!["id"]}}","number":"+918047490924"}""");
        Assert.That(created, Is.EqualTo(HttpStatusCode.Created));
        return (string)number!["id"]!;
    }
}
