using System.Net;

namespace VapiExotel.Sandbox.Tests.Vapi;

/// <summary>The org's concurrent-call limit (vapi-api.md §2.2): a blocked call is created and ends at once; it is not a 429.</summary>
public sealed class VapiConcurrencyLimitTests : Support.SandboxTest
{
    private const string Blocked = "call.start.error-subscription-concurrency-limit-reached";

    private string _assistantId = null!;
    private string _phoneNumberId = null!;

    [SetUp]
    public async Task CreateNumberAsync()
    {
        _assistantId = VapiSeed.AssistantId(Sandbox);
        _phoneNumberId = (string)(await VapiSeed.CreateNumberAsync(Vapi))["id"]!;
    }

    [Test]
    public async Task The_call_beyond_the_limit_ends_at_once_with_the_concurrency_reason()
    {
        var first = await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550001");
        var second = await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550002");
        var third = await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550003");
        Assert.Multiple(() =>
        {
            Assert.That(VapiSeed.Json(first["subscriptionLimits"]),
                Is.EqualTo("""{"concurrencyBlocked":false,"concurrencyLimit":2,"remainingConcurrentCalls":1}"""));
            Assert.That(VapiSeed.Json(second["subscriptionLimits"]),
                Is.EqualTo("""{"concurrencyBlocked":false,"concurrencyLimit":2,"remainingConcurrentCalls":0}"""));
            Assert.That((string?)second["status"], Is.EqualTo("queued"));
            Assert.That((string?)third["status"], Is.EqualTo("ended"));
            Assert.That((string?)third["endedReason"], Is.EqualTo(Blocked));
            Assert.That((string?)third["endedAt"], Is.EqualTo("2026-01-23T10:00:00.000Z"));
            Assert.That(VapiSeed.Json(third["subscriptionLimits"]),
                Is.EqualTo("""{"concurrencyBlocked":true,"concurrencyLimit":2,"remainingConcurrentCalls":0}"""));
            Assert.That(Sandbox.Vapi.Calls, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task A_call_is_accepted_again_once_a_slot_frees()
    {
        Sandbox.ScriptCall("+14155550001", SandboxCallScript.Busy());
        await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550001");
        await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550002");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(5));
        var next = await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550003");
        var blocked = await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550004");
        Assert.Multiple(() =>
        {
            Assert.That((string?)next["status"], Is.EqualTo("queued"));
            Assert.That((bool?)next["subscriptionLimits"]!["concurrencyBlocked"], Is.False);
            Assert.That((string?)blocked["endedReason"], Is.EqualTo(Blocked));
        });
    }

    [Test]
    public async Task A_batch_beyond_the_limit_blocks_only_the_calls_over_it()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{_assistantId}}","phoneNumberId":"{{_phoneNumberId}}","customers":[{"number":"+14155550001"},{"number":"+14155550002"},{"number":"+14155550003"}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(body!["results"]!.AsArray().Select(c => (string?)c!["status"]), Is.EqualTo(new[] { "queued", "queued", "ended" }));
            Assert.That((string?)body["results"]![2]!["endedReason"], Is.EqualTo(Blocked));
            Assert.That((bool?)body["subscriptionLimits"]!["concurrencyBlocked"], Is.True);
        });
    }

    [Test]
    public async Task Scheduled_calls_do_not_hold_a_slot()
    {
        var (status, scheduled) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{_assistantId}}","phoneNumberId":"{{_phoneNumberId}}","customer":{"number":"+14155550009"},"schedulePlan":{"earliestAt":"2026-01-24T00:00:00Z"} }""");
        var first = await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550001");
        var second = await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550002");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)scheduled!["status"], Is.EqualTo("scheduled"));
            Assert.That((string?)first["status"], Is.EqualTo("queued"));
            Assert.That((string?)second["status"], Is.EqualTo("queued"));
        });
    }

    [Test]
    public async Task Deleting_a_live_call_does_not_hang_it_up_so_it_keeps_its_slot()
    {
        // vapi-api.md §5.1: DELETE erases the call's data; "Neither PATCH nor DELETE hangs up".
        var first = await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550001");
        await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550002");
        var (deleted, _) = await SendAsync(Vapi, HttpMethod.Delete, $"call/{first["id"]}");
        var third = await VapiSeed.CreateCallAsync(Vapi, _assistantId, _phoneNumberId, "+14155550003");
        Assert.Multiple(() =>
        {
            Assert.That(deleted, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)third["status"], Is.EqualTo("ended"));
            Assert.That((string?)third["endedReason"], Is.EqualTo(Blocked));
        });
    }

    protected override void Configure(VapiExotelSandboxOptions options) => options.VapiConcurrencyLimit = 2;
}
