using System.Net;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Vapi;

/// <summary>POST /call and how a call moves on the manual clock (vapi-api.md §5.2–§5.5).</summary>
public sealed class VapiCallProgressTests : VapiCallTest
{
    [Test]
    public async Task Create_answers_201_queued_with_subscription_limits_and_a_loopback_control_url()
    {
        var call = await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId);
        var id = (string)call["id"]!;
        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse(id, out _), Is.True);
            Assert.That((string?)call["orgId"], Is.EqualTo(Sandbox.Vapi.OrgId));
            Assert.That((string?)call["type"], Is.EqualTo("outboundPhoneCall"));
            Assert.That((string?)call["status"], Is.EqualTo("queued"));
            Assert.That((string?)call["createdAt"], Is.EqualTo("2026-01-23T10:00:00.000Z"));
            Assert.That((string?)call["updatedAt"], Is.EqualTo("2026-01-23T10:00:00.000Z"));
            Assert.That((string?)call["assistantId"], Is.EqualTo(AssistantId));
            Assert.That((string?)call["phoneNumberId"], Is.EqualTo(PhoneNumberId));
            Assert.That(VapiSeed.Json(call["customer"]), Is.EqualTo($$"""{"number":"{{VapiSeed.Customer}}"}"""));
            Assert.That(VapiSeed.Json(call["subscriptionLimits"]),
                Is.EqualTo("""{"concurrencyBlocked":false,"concurrencyLimit":10,"remainingConcurrentCalls":9}"""));
            Assert.That((string?)call["monitor"]!["controlUrl"], Is.EqualTo($"{Sandbox.VapiBaseAddress}sandbox-control/{id}/control"));
            Assert.That(new Uri((string)call["monitor"]!["controlUrl"]!).Host, Is.EqualTo("127.0.0.1"));
            Assert.That(call.ContainsKey("startedAt"), Is.False);
            Assert.That(call.ContainsKey("endedAt"), Is.False);
            Assert.That(call.ContainsKey("endedReason"), Is.False);
            Assert.That(Sandbox.Vapi.Calls.Single()["id"]!.ToString(), Is.EqualTo(id));
        });
    }

    [Test]
    public async Task A_call_goes_queued_ringing_in_progress_ended_on_the_manual_clock()
    {
        var id = (string)(await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId))["id"]!;

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMilliseconds(999));
        var stillQueued = await GetCallAsync(id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMilliseconds(1));
        var ringing = await GetCallAsync(id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(4));
        var inProgress = await GetCallAsync(id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));
        var ended = await GetCallAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That((string?)stillQueued["status"], Is.EqualTo("queued"));
            Assert.That((string?)ringing["status"], Is.EqualTo("ringing"));
            Assert.That((string?)ringing["updatedAt"], Is.EqualTo("2026-01-23T10:00:01.000Z"));
            Assert.That(ringing.ContainsKey("startedAt"), Is.False);
            Assert.That((string?)inProgress["status"], Is.EqualTo("in-progress"));
            Assert.That((string?)inProgress["startedAt"], Is.EqualTo("2026-01-23T10:00:05.000Z"));
            Assert.That(inProgress.ContainsKey("endedAt"), Is.False);
            Assert.That((string?)ended["status"], Is.EqualTo("ended"));
            Assert.That((string?)ended["startedAt"], Is.EqualTo("2026-01-23T10:00:05.000Z"));
            Assert.That((string?)ended["endedAt"], Is.EqualTo("2026-01-23T10:00:35.000Z"));
            Assert.That((string?)ended["endedReason"], Is.EqualTo("customer-ended-call"));
            Assert.That((double?)ended["cost"], Is.EqualTo(0.045).Within(1e-9));
        });
    }

    [Test]
    public async Task Advancing_past_the_whole_call_at_once_lands_on_ended()
    {
        var id = (string)(await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId))["id"]!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(10));
        var ended = await GetCallAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)ended["status"], Is.EqualTo("ended"));
            Assert.That((string?)ended["endedAt"], Is.EqualTo("2026-01-23T10:00:35.000Z"));
            Assert.That((string?)Sandbox.Vapi.Calls.Single()["status"], Is.EqualTo("ended"));
        });
    }

    [Test]
    public async Task A_scripted_talk_time_sets_the_end_and_the_cost()
    {
        Sandbox.ScriptCall(VapiSeed.Customer, SandboxCallScript.Answered(TimeSpan.FromSeconds(61)));
        var id = (string)(await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId))["id"]!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(66));
        var ended = await GetCallAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)ended["endedAt"], Is.EqualTo("2026-01-23T10:01:06.000Z"));
            Assert.That((double?)ended["cost"], Is.EqualTo(0.0915).Within(1e-9));
        });
    }

    [TestCaseSource(nameof(Outcomes))]
    public async Task A_scripted_outcome_ends_the_call_with_its_reason_after_ringing(SandboxCallScript script, string reason)
    {
        Sandbox.ScriptCall(VapiSeed.Customer, script);
        var id = (string)(await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId))["id"]!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(4));
        var ringing = await GetCallAsync(id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var ended = await GetCallAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)ringing["status"], Is.EqualTo("ringing"));
            Assert.That((string?)ended["status"], Is.EqualTo("ended"));
            Assert.That((string?)ended["endedReason"], Is.EqualTo(reason));
            Assert.That((string?)ended["endedAt"], Is.EqualTo("2026-01-23T10:00:05.000Z"));
            Assert.That(ended.ContainsKey("startedAt"), Is.False);
            Assert.That((double?)ended["cost"], Is.EqualTo(0));
        });
    }

    [Test]
    public async Task Scripts_match_the_customer_on_the_last_ten_digits()
    {
        Sandbox.ScriptCall("04155551234", SandboxCallScript.Busy());
        var id = (string)(await VapiSeed.CreateCallAsync(Vapi, AssistantId, PhoneNumberId))["id"]!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(5));
        Assert.That((string?)(await GetCallAsync(id))["endedReason"], Is.EqualTo("customer-busy"));
    }

    [Test]
    public async Task A_batch_answers_results_and_errors_for_bad_numbers()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","phoneNumberId":"{{PhoneNumberId}}","customers":[{"number":"+14155550001"},{"number":"4155550002"},{"number":"+14155550003","name":"Third"}]}""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(body!["results"]!.AsArray().Select(c => (string?)c!["customer"]!["number"]), Is.EqualTo(new[] { "+14155550001", "+14155550003" }));
            Assert.That(body["results"]!.AsArray().Select(c => (string?)c!["status"]), Is.EqualTo(new[] { "queued", "queued" }));
            Assert.That((string?)body["results"]![1]!["customer"]!["name"], Is.EqualTo("Third"));
            Assert.That(body["errors"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(VapiSeed.Json(body["errors"]![0]!["customer"]), Is.EqualTo("""{"number":"4155550002"}"""));
            Assert.That((string?)body["errors"]![0]!["error"], Does.Contain("4155550002"));
            Assert.That((bool?)body["subscriptionLimits"]!["concurrencyBlocked"], Is.False);
            Assert.That((int?)body["subscriptionLimits"]!["remainingConcurrentCalls"], Is.EqualTo(8));
            Assert.That(body.AsObject().ContainsKey("id"), Is.False);
            Assert.That(Sandbox.Vapi.Calls, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_single_customer_with_a_bad_number_is_refused_and_places_nothing()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"4155550002"} }""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((string?)body!["message"], Does.Contain("4155550002"));
            Assert.That(Sandbox.Vapi.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task A_customer_number_without_the_E164_check_is_dialled()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"15557654321","numberE164CheckEnabled":false} }""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)body!["status"], Is.EqualTo("queued"));
        });
    }

    [Test]
    public async Task A_schedule_plan_in_the_future_keeps_the_call_scheduled_until_then()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"{{VapiSeed.Customer}}"},"schedulePlan":{"earliestAt":"2026-01-23T11:00:00Z"} }""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
        var id = (string)body!["id"]!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(59));
        var before = await GetCallAsync(id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        var due = await GetCallAsync(id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var ringing = await GetCallAsync(id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(34));
        var ended = await GetCallAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That((string?)body["status"], Is.EqualTo("scheduled"));
            Assert.That((string?)body["schedulePlan"]!["earliestAt"], Is.EqualTo("2026-01-23T11:00:00Z"));
            Assert.That((string?)before["status"], Is.EqualTo("scheduled"));
            Assert.That((string?)due["status"], Is.EqualTo("queued"));
            Assert.That((string?)ringing["status"], Is.EqualTo("ringing"));
            Assert.That((string?)ended["status"], Is.EqualTo("ended"));
            Assert.That((string?)ended["startedAt"], Is.EqualTo("2026-01-23T11:00:05.000Z"));
            Assert.That((string?)ended["endedAt"], Is.EqualTo("2026-01-23T11:00:35.000Z"));
        });
    }

    [Test]
    public async Task A_schedule_plan_in_the_past_places_the_call_at_once()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"{{VapiSeed.Customer}}"},"schedulePlan":{"earliestAt":"2026-01-23T09:00:00Z"} }""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)body!["status"], Is.EqualTo("queued"));
        });
    }

    [Test]
    public async Task A_call_from_a_vapi_number_ends_at_once_with_get_transport_error()
    {
        var vapiNumber = await VapiSeed.PostAsync(Vapi, "phone-number", """{"provider":"vapi","sipUri":"sip:vx-agent@sip.vapi.ai"}""");
        var call = await VapiSeed.CreateCallAsync(Vapi, AssistantId, (string)vapiNumber["id"]!);
        Assert.Multiple(() =>
        {
            Assert.That((string?)call["status"], Is.EqualTo("ended"));
            Assert.That((string?)call["endedReason"], Is.EqualTo("call.start.error-get-transport"));
            Assert.That((string?)call["endedAt"], Is.EqualTo("2026-01-23T10:00:00.000Z"));
            Assert.That(call.ContainsKey("startedAt"), Is.False);
        });
    }

    [Test]
    public async Task The_assistant_of_the_phone_number_answers_when_the_call_names_none()
    {
        var number = await VapiSeed.CreateNumberAsync(Vapi, "+918047490999", extra: $$""","assistantId":"{{AssistantId}}" """);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"phoneNumberId":"{{number["id"]}}","customer":{"number":"{{VapiSeed.Customer}}"} }""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)body!["assistantId"], Is.EqualTo(AssistantId));
        });
    }

    private static IEnumerable<TestCaseData> Outcomes()
    {
        yield return new TestCaseData(SandboxCallScript.Busy(), "customer-busy").SetArgDisplayNames("busy");
        yield return new TestCaseData(SandboxCallScript.NoAnswer(), "customer-did-not-answer").SetArgDisplayNames("no-answer");
        yield return new TestCaseData(SandboxCallScript.Failed(), "call.in-progress.error-sip-outbound-call-failed-to-connect").SetArgDisplayNames("failed");
        yield return new TestCaseData(SandboxCallScript.Failed("call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable"),
            "call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable").SetArgDisplayNames("failed-480");
    }

    private async Task<JsonObject> GetCallAsync(string id)
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Get, $"call/{id}");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!.AsObject();
    }
}
