using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>Voice API status callbacks (exotel-api.md §8.2, §8.6), delivered to a loopback receiver on the manual clock.</summary>
public sealed class StatusCallbackTests : Support.SandboxTest
{
    private const string From = "+919876543210";
    private const string To = "+919123456789";

    private async Task<string> PlaceCallAsync(params (string Name, string Value)[] extra)
    {
        using var response = await PostFormAsync(V1("Calls/connect.json"), [("From", From), ("To", To), ("CallerId", "+918047490924"), .. extra]);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return (string)body!["Call"]!["Sid"]!;
    }

    private static (string, string)[] BothEvents(Uri url) =>
        [("StatusCallback", url.ToString()), ("StatusCallbackEvents[0]", "terminal"), ("StatusCallbackEvents[1]", "answered")];

    /// <summary>The multipart form fields of a callback, in order, as <c>name=value</c>.</summary>
    private static async Task<string[]> FormFieldsAsync(ReceivedCallback callback)
    {
        Assert.That(callback.ContentType, Does.StartWith("multipart/form-data; boundary="));
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(callback.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(callback.Body));
        var fields = new List<string>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var name = HeaderUtilities.RemoveQuotes(ContentDispositionHeaderValue.Parse(section.ContentDisposition).Name).Value;
            using var text = new StreamReader(section.Body);
            fields.Add($"{name}={await text.ReadToEndAsync()}");
        }

        return [.. fields];
    }

    [Test]
    public async Task Answered_then_terminal_are_delivered_as_multipart_with_every_event_field()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var sid = await PlaceCallAsync([.. BothEvents(new Uri(receiver.Address, "exotel/status?token=t1")), ("CustomField", "order_12345")]);

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(4));
        Assert.That(receiver.Received, Is.Empty, "nothing is due while the call rings");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        Assert.That(receiver.Received, Has.Count.EqualTo(1), "answered is sent as the call is answered");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));

        var received = receiver.Received;
        Assert.That(received, Has.Count.EqualTo(2));
        Assert.That(received.Select(r => $"{r.Method} {r.PathAndQuery}"), Is.EqualTo(new[] { "POST /exotel/status?token=t1", "POST /exotel/status?token=t1" }));
        Assert.That(await FormFieldsAsync(received[0]), Is.EqualTo(new[]
        {
            $"CallSid={sid}", "DateUpdated=2026-01-23 15:30:05", "Status=in-progress", "RecordingUrl=",
            "EventType=answered", "DateCreated=2026-01-23 15:30:00", "To=09123456789", "From=09876543210", "PhoneNumberSid=08047490924",
            "StartTime=2026-01-23 15:30:00", "EndTime=", "ConversationDuration=0", "Direction=outbound-api", "CustomField=order_12345",
            "Legs[0][OnCallDuration]=0", "Legs[0][Status]=in-progress", "Legs[0][AnsweredBy]=NA",
            "Legs[1][OnCallDuration]=0", "Legs[1][Status]=in-progress", "Legs[1][AnsweredBy]=NA",
        }));
        Assert.That(await FormFieldsAsync(received[1]), Is.EqualTo(new[]
        {
            $"CallSid={sid}", "DateUpdated=2026-01-23 15:30:35", "Status=completed", "RecordingUrl=",
            "EventType=terminal", "DateCreated=2026-01-23 15:30:00", "To=09123456789", "From=09876543210", "PhoneNumberSid=08047490924",
            "StartTime=2026-01-23 15:30:00", "EndTime=2026-01-23 15:30:35", "ConversationDuration=30", "Direction=outbound-api", "CustomField=order_12345",
            "Legs[0][OnCallDuration]=34", "Legs[0][Status]=completed", "Legs[0][AnsweredBy]=NA",
            "Legs[1][OnCallDuration]=30", "Legs[1][Status]=completed", "Legs[1][AnsweredBy]=NA",
        }));
    }

    [Test]
    public async Task The_sandbox_records_each_delivered_callback()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var url = new Uri(receiver.Address, "cb");
        await PlaceCallAsync(BothEvents(url));

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(35));

        var callbacks = Sandbox.Callbacks;
        Assert.That(callbacks.Select(c => c.Event), Is.EqualTo(new[] { "answered", "terminal" }));
        Assert.Multiple(() =>
        {
            foreach (var callback in callbacks)
            {
                Assert.That(callback.Api, Is.EqualTo(SandboxApi.Exotel));
                Assert.That(callback.Url, Is.EqualTo(url));
                Assert.That(callback.Attempts, Is.EqualTo(1));
                Assert.That(callback.LastStatus, Is.EqualTo(200));
                Assert.That(callback.Delivered, Is.True);
                Assert.That(callback.SkippedReason, Is.Null);
            }

            Assert.That(callbacks.Select(c => c.DueAt), Is.EqualTo(new[] { Start.AddSeconds(5), Start.AddSeconds(35) }));
        });
    }

    [Test]
    public async Task The_json_content_type_sends_ConversationDuration_as_an_int_and_Legs_as_an_array()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var sid = await PlaceCallAsync([.. BothEvents(new Uri(receiver.Address, "cb")), ("StatusCallbackContentType", "application/json"), ("CustomField", "order_12345")]);

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(5));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));

        var terminal = receiver.Received.Last();
        Assert.That(receiver.Received, Has.Count.EqualTo(2));
        Assert.That(terminal.ContentType, Does.StartWith("application/json"));
        V2Assert.Json(JsonNode.Parse(terminal.BodyText), $$"""
            {"CallSid":"{{sid}}","DateUpdated":"2026-01-23 15:30:35","Status":"completed","RecordingUrl":null,"EventType":"terminal",
             "DateCreated":"2026-01-23 15:30:00","To":"09123456789","From":"09876543210","PhoneNumberSid":"08047490924",
             "StartTime":"2026-01-23 15:30:00","EndTime":"2026-01-23 15:30:35","ConversationDuration":30,"Direction":"outbound-api",
             "CustomField":"order_12345",
             "Legs":[{"OnCallDuration":34,"Status":"completed","AnsweredBy":"NA"},{"OnCallDuration":30,"Status":"completed","AnsweredBy":"NA"}]}
            """);
        Assert.That((string?)JsonNode.Parse(receiver.Received[0].BodyText)!["EventType"], Is.EqualTo("answered"));
    }

    [Test]
    public async Task Callbacks_falling_due_in_one_clock_step_arrive_in_the_order_they_fell_due()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var sids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            sids.Add(await PlaceCallAsync([.. BothEvents(new Uri(receiver.Address, "cb")), ("StatusCallbackContentType", "application/json")]));
        }

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(35));

        var arrived = receiver.Received.Select(r => JsonNode.Parse(r.BodyText)!).Select(b => $"{b["EventType"]} {b["CallSid"]}");
        Assert.That(Sandbox.Callbacks.Select(c => c.Event), Is.EqualTo(Enumerable.Repeat("answered", 6).Concat(Enumerable.Repeat("terminal", 6))));
        Assert.That(arrived, Is.EqualTo(sids.Select(s => $"answered {s}").Concat(sids.Select(s => $"terminal {s}"))),
            "Exotel sends answered 30 s before terminal; a clock jump over both must not reorder them");
    }

    [Test]
    public async Task Without_events_only_the_terminal_callback_is_sent_with_the_basic_fields()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var sid = await PlaceCallAsync(("StatusCallback", new Uri(receiver.Address, "cb").ToString()), ("Record", "true"));

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(35));

        Assert.That(receiver.Received, Has.Count.EqualTo(1));
        var fields = await FormFieldsAsync(receiver.Received[0]);
        Assert.That(fields.Select(f => f[..f.IndexOf('=', StringComparison.Ordinal)]), Is.EqualTo(new[] { "CallSid", "DateUpdated", "Status", "RecordingUrl" }));
        Assert.That(fields[..3], Is.EqualTo(new[] { $"CallSid={sid}", "DateUpdated=2026-01-23 15:30:35", "Status=completed" }));
        Assert.That(fields[3], Does.StartWith("RecordingUrl=https://").And.EndWith(".mp3"));
    }

    [Test]
    public async Task A_busy_call_sends_no_answered_event_and_a_terminal_busy_with_a_canceled_second_leg()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        Sandbox.ScriptCall(From, SandboxCallScript.Busy());
        await PlaceCallAsync(BothEvents(new Uri(receiver.Address, "cb")));

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        Assert.That(receiver.Received, Has.Count.EqualTo(1));
        var fields = await FormFieldsAsync(receiver.Received[0]);
        Assert.That(fields, Is.SupersetOf(new[]
        {
            "Status=busy", "EventType=terminal", "EndTime=2026-01-23 15:30:05", "ConversationDuration=0",
            "Legs[0][OnCallDuration]=0", "Legs[0][Status]=busy", "Legs[1][OnCallDuration]=0", "Legs[1][Status]=canceled",
        }));
    }

    [Test]
    public async Task A_callback_url_that_is_not_loopback_is_recorded_as_skipped_and_never_sent()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await PlaceCallAsync(BothEvents(new Uri("https://example.com/cb")));

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(35));

        var callbacks = Sandbox.Callbacks;
        Assert.That(callbacks.Select(c => c.Event), Is.EqualTo(new[] { "answered", "terminal" }));
        Assert.Multiple(() =>
        {
            foreach (var callback in callbacks)
            {
                Assert.That(callback.Url, Is.EqualTo(new Uri("https://example.com/cb")));
                Assert.That(callback.SkippedReason, Is.Not.Null.And.Not.Empty);
                Assert.That(callback.Attempts, Is.EqualTo(0));
                Assert.That(callback.Delivered, Is.False);
            }

            Assert.That(receiver.Received, Is.Empty);
        });
    }

    [Test]
    public async Task A_receiver_answering_500_gets_three_attempts_in_all()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.StatusToAnswer = HttpStatusCode.InternalServerError;
        await PlaceCallAsync(("StatusCallback", new Uri(receiver.Address, "cb").ToString()));

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(35));

        var callback = Sandbox.Callbacks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(receiver.Received, Has.Count.EqualTo(3));
            Assert.That(receiver.Received.Select(r => r.BodyText).Distinct().Count(), Is.EqualTo(1), "every attempt carries the same body");
            Assert.That(callback.Attempts, Is.EqualTo(3));
            Assert.That(callback.LastStatus, Is.EqualTo(500));
            Assert.That(callback.Delivered, Is.False);
        });
    }

    [Test]
    public async Task A_callback_is_sent_once_however_often_time_moves_on()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await PlaceCallAsync(BothEvents(new Uri(receiver.Address, "cb")));

        for (var i = 0; i < 4; i++)
        {
            await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));
        }

        await SendAsync(Exotel, HttpMethod.Get, V1("Calls.json"));
        await Sandbox.AdvanceTimeAsync(TimeSpan.Zero);
        Assert.That(receiver.Received, Has.Count.EqualTo(2));
    }
}
