using System.Net;
using System.Text.Json;

namespace VapiExotel.Sandbox.Tests.Vapi;

/// <summary>What POST /call refuses (vapi-api.md §5.2): nothing is placed when it answers 400.</summary>
public sealed class VapiCallValidationTests : VapiCallTest
{
    [Test]
    public async Task A_call_without_a_phone_number_is_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","customer":{"number":"+14155551234"} }""");
        AssertRefused(status, body);
        Assert.That((string?)body!["message"], Does.Contain("phoneNumberId"));
    }

    [Test]
    public async Task An_unknown_phone_number_id_is_refused()
    {
        var unknown = Guid.NewGuid().ToString();
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","phoneNumberId":"{{unknown}}","customer":{"number":"+14155551234"} }""");
        AssertRefused(status, body);
        Assert.That((string?)body!["message"], Does.Contain(unknown));
    }

    [Test]
    public async Task An_unknown_assistant_id_is_refused()
    {
        var unknown = Guid.NewGuid().ToString();
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{unknown}}","phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"+14155551234"} }""");
        AssertRefused(status, body);
        Assert.That((string?)body!["message"], Does.Contain(unknown));
    }

    [Test]
    public async Task No_assistant_on_the_call_or_the_number_is_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"+14155551234"} }""");
        AssertRefused(status, body);
    }

    [Test]
    public async Task Both_customer_and_customers_are_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"+14155551234"},"customers":[{"number":"+14155551235"}]}""");
        AssertRefused(status, body);
    }

    [Test]
    public async Task Neither_customer_nor_customers_is_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","phoneNumberId":"{{PhoneNumberId}}"}""");
        AssertRefused(status, body);
    }

    [Test]
    public async Task An_assistant_version_without_an_assistant_id_is_refused()
    {
        var number = await VapiSeed.CreateNumberAsync(Vapi, "+918047490999", extra: $$""","assistantId":"{{AssistantId}}" """);
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantVersion":"v3","phoneNumberId":"{{number["id"]}}","customer":{"number":"+14155551234"} }""");
        AssertRefused(status, body);
        Assert.That((string?)body!["message"], Does.Contain("assistantVersion"));
    }

    [Test]
    public async Task An_assistant_version_with_an_assistant_id_is_accepted()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","assistantVersion":"v3","phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"+14155551234"} }""");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)body!["assistantVersion"], Is.EqualTo("v3"));
        });
    }

    [Test]
    public async Task Two_answerers_are_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","assistant":{"name":"inline"},"phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"+14155551234"} }""");
        AssertRefused(status, body);
    }

    [Test]
    public async Task An_unknown_property_is_refused_with_a_message_array()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"+14155551234","phone":"x"},"foo":1}""");
        AssertRefused(status, body);
        Assert.Multiple(() =>
        {
            Assert.That(body!["message"]!.GetValueKind(), Is.EqualTo(JsonValueKind.Array));
            Assert.That(body["message"]!.AsArray().Select(m => (string?)m),
                Is.EquivalentTo(new[] { "property foo should not exist", "customer.property phone should not exist" }));
        });
    }

    [Test]
    public async Task A_schedule_plan_without_earliestAt_is_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"+14155551234"},"schedulePlan":{"latestAt":"2026-01-24T00:00:00Z"} }""");
        AssertRefused(status, body);
        Assert.That(body!["message"]!.AsArray().Select(m => (string?)m), Is.EqualTo(new[] { "schedulePlan.earliestAt should not be empty" }));
    }

    [Test]
    public async Task A_name_over_40_characters_is_refused()
    {
        var (status, body) = await SendAsync(Vapi, HttpMethod.Post, "call",
            $$"""{"assistantId":"{{AssistantId}}","phoneNumberId":"{{PhoneNumberId}}","customer":{"number":"+14155551234"},"name":"{{new string('c', 41)}}"}""");
        AssertRefused(status, body);
        Assert.That(body!["message"]!.AsArray().Select(m => (string?)m), Is.EqualTo(new[] { "name must be shorter than or equal to 40 characters" }));
    }

    private void AssertRefused(HttpStatusCode status, System.Text.Json.Nodes.JsonNode? body)
    {
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), body?.ToJsonString());
            Assert.That((string?)body!["error"], Is.EqualTo("Bad Request"));
            Assert.That((int?)body["statusCode"], Is.EqualTo(400));
            Assert.That(Sandbox.Vapi.Calls, Is.Empty);
        });
    }
}
