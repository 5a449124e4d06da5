using System.Net;
using System.Text;

namespace VapiExotel.Sandbox.Tests.Vapi;

/// <summary>GET, list, PATCH and DELETE of calls, and ending a call through its control URL (vapi-api.md §5.1).</summary>
public sealed class VapiCallResourceTests : VapiCallTest
{
    [Test]
    public async Task Get_returns_the_call_without_subscription_limits()
    {
        var created = await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, $"call/{created["id"]}");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)body!["id"], Is.EqualTo((string?)created["id"]));
            Assert.That((string?)body["status"], Is.EqualTo("queued"));
            Assert.That(body.AsObject().ContainsKey("subscriptionLimits"), Is.False);
            Assert.That((string?)body["monitor"]!["controlUrl"], Is.EqualTo((string?)created["monitor"]!["controlUrl"]));
        });
    }

    [Test]
    public async Task The_list_filters_by_assistant_phone_number_id_and_limit()
    {
        var otherAssistant = Sandbox.Vapi.AddAssistant("Other");
        var otherNumber = (string)(await VapiSeed.CreateNumberAsync(Vapi, "+918047490999"))["id"]!;
        var first = (string)(await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId))["id"]!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMilliseconds(10));
        var second = (string)(await VapiSeed.CreateCallAsync(Vapi, otherAssistant, PhoneNumberId))["id"]!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMilliseconds(10));
        var third = (string)(await VapiSeed.CreateCallAsync(Vapi, AssistantId, otherNumber))["id"]!;

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ListAsync(string.Empty), Is.EqualTo(new[] { third, second, first }));
            Assert.That(await ListAsync($"?assistantId={AssistantId}"), Is.EqualTo(new[] { third, first }));
            Assert.That(await ListAsync($"?phoneNumberId={PhoneNumberId}"), Is.EqualTo(new[] { second, first }));
            Assert.That(await ListAsync($"?id={second}"), Is.EqualTo(new[] { second }));
            Assert.That(await ListAsync("?limit=1"), Is.EqualTo(new[] { third }));
            Assert.That(await ListAsync($"?assistantId={AssistantId}&phoneNumberId={otherNumber}"), Is.EqualTo(new[] { third }));
            Assert.That(await ListAsync("?createdAtGt=2026-01-23T10:00:00.005Z"), Is.EqualTo(new[] { third, second }));
        });
    }

    [Test]
    public async Task The_list_refuses_an_unknown_query_parameter()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, "call?status=ended");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body!["message"]!.AsArray().Select(m => (string?)m), Is.EqualTo(new[] { "property status should not exist" }));
        });
    }

    [Test]
    public async Task Patch_renames_the_call()
    {
        var created = await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Patch, $"call/{created["id"]}", """{"name":"follow-up"}""");
        var (_, got) = await SendAsync(Vapi, HttpMethod.Get, $"call/{created["id"]}");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)body!["name"], Is.EqualTo("follow-up"));
            Assert.That((string?)got!["name"], Is.EqualTo("follow-up"));
        });
    }

    [Test]
    public async Task Patch_refuses_anything_but_the_name()
    {
        var created = await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Patch, $"call/{created["id"]}", """{"status":"ended"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body!["message"]!.AsArray().Select(m => (string?)m), Is.EqualTo(new[] { "property status should not exist" }));
            Assert.That((string?)Sandbox.Vapi.Calls.Single()["status"], Is.EqualTo("queued"));
        });
    }

    [Test]
    public async Task Delete_returns_the_call_and_then_it_is_not_found()
    {
        var created = await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId);
        var id = (string)created["id"]!;
        var (status, deleted) = await SendAsync(Vapi, HttpMethod.Delete, $"call/{id}");
        var (after, missing) = await SendAsync(Vapi, HttpMethod.Get, $"call/{id}");
        var (_, list) = await SendAsync(Vapi, HttpMethod.Get, "call");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)deleted!["id"], Is.EqualTo(id));
            Assert.That(after, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)missing!["error"], Is.EqualTo("Not Found"));
            Assert.That(list!.AsArray(), Is.Empty);
            Assert.That(Sandbox.Vapi.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task A_call_id_that_is_not_a_UUID_is_refused_and_an_unknown_one_is_not_found()
    {
        var (badStatus, bad) = await SendAsync(Vapi, HttpMethod.Get, "call/42");
        var (unknownStatus, unknown) = await SendAsync(Vapi, HttpMethod.Get, $"call/{Guid.NewGuid()}");
        Assert.Multiple(() =>
        {
            Assert.That(badStatus, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)bad!["message"], Is.EqualTo("Validation failed (uuid is expected)"));
            Assert.That(unknownStatus, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((string?)unknown!["error"], Is.EqualTo("Not Found"));
        });
    }

    [Test]
    public async Task End_call_through_the_control_url_without_an_api_key_ends_it_as_manually_canceled()
    {
        var created = await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(10));
        using var anonymous = new HttpClient();
        using var content = new StringContent("""{"type":"end-call"}""", Encoding.UTF8, "application/json");
        using var response = await anonymous.PostAsync((string)created["monitor"]!["controlUrl"]!, content);
        var (_, call) = await SendAsync(Vapi, HttpMethod.Get, $"call/{created["id"]}");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(5));
        var (_, later) = await SendAsync(Vapi, HttpMethod.Get, $"call/{created["id"]}");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)call!["status"], Is.EqualTo("ended"));
            Assert.That((string?)call["endedReason"], Is.EqualTo("manually-canceled"));
            Assert.That((string?)call["startedAt"], Is.EqualTo("2026-01-23T10:00:05.000Z"));
            Assert.That((string?)call["endedAt"], Is.EqualTo("2026-01-23T10:00:10.000Z"));
            Assert.That((double?)call["cost"], Is.EqualTo(0.0075).Within(1e-9));
            Assert.That((string?)later!["endedAt"], Is.EqualTo("2026-01-23T10:00:10.000Z"));
            Assert.That((string?)later["endedReason"], Is.EqualTo("manually-canceled"));
        });
    }

    [Test]
    public async Task End_call_on_a_call_that_already_ended_changes_nothing()
    {
        var created = await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        using var anonymous = new HttpClient();
        using var content = new StringContent("""{"type":"end-call"}""", Encoding.UTF8, "application/json");
        using var response = await anonymous.PostAsync((string)created["monitor"]!["controlUrl"]!, content);
        var (_, call) = await SendAsync(Vapi, HttpMethod.Get, $"call/{created["id"]}");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((string?)call!["endedReason"], Is.EqualTo("customer-ended-call"));
            Assert.That((string?)call["endedAt"], Is.EqualTo("2026-01-23T10:00:35.000Z"));
        });
    }

    [Test]
    public async Task An_unknown_control_type_is_refused_with_400()
    {
        var created = await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId);
        using var anonymous = new HttpClient();
        var (status, body) = await SendAsync(anonymous, HttpMethod.Post, (string)created["monitor"]!["controlUrl"]!, """{"type":"explode"}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["error"], Is.EqualTo("Bad Request"));
            Assert.That((string?)Sandbox.Vapi.Calls.Single()["status"], Is.EqualTo("queued"));
        });
    }

    [Test]
    public async Task The_control_url_of_an_unknown_call_is_not_found()
    {
        using var anonymous = new HttpClient { BaseAddress = Sandbox.VapiBaseAddress };
        var (status, _) = await SendAsync(anonymous, HttpMethod.Post, $"sandbox-control/{Guid.NewGuid()}/control", """{"type":"end-call"}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<string?[]> ListAsync(string query)
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, "call" + query);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return [.. body!.AsArray().Select(c => (string?)c!["id"])];
    }
}
