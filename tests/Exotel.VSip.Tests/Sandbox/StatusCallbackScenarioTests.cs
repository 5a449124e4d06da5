using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Sandbox;

/// <summary>
/// Status callbacks the sandbox posts to a loopback receiver, read by <see cref="ExotelStatusCallbackParser"/> in both
/// encodings, agree with what <c>Calls.GetAsync</c> reports for the same call.
/// </summary>
public sealed class StatusCallbackScenarioTests : SandboxScenario
{
    private const string Customer = "+919876543210";
    private const string Agent = "+919123456789";

    [Test]
    public async Task A_multipart_callback_for_each_event_parses_to_the_values_the_call_reports()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var request = new ConnectCallRequest(Customer, Agent, ExoPhone)
        {
            Record = true,
            CustomField = "order_42",
            StatusCallback = new Uri(receiver.Address, "exotel/status?token=t1"),
        };
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Terminal);
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Answered);
        var placed = await Client.Calls.ConnectAsync(request);

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(5));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));
        await Sandbox.AdvanceTimeAsync(Sandbox.Options.ExotelLateFieldsDelay);
        var call = await Client.Calls.GetAsync(placed.Sid);

        var received = receiver.Received;
        Assert.That(received, Has.Count.EqualTo(2));
        var answered = await ParseAsync(received[0]);
        var terminal = await ParseAsync(received[1]);
        Assert.Multiple(() =>
        {
            Assert.That(received.Select(r => (r.Method, r.PathAndQuery)), Is.All.EqualTo(("POST", "/exotel/status?token=t1")));
            Assert.That(received.Select(r => r.ContentType), Is.All.StartWith("multipart/form-data; boundary="));
            Assert.That(
                ReceivedOnce("POST", V1("Calls/connect.json")).BodyText,
                Does.EndWith($"&StatusCallback={Uri.EscapeDataString(request.StatusCallback.AbsoluteUri)}&StatusCallbackEvents%5B0%5D=terminal&StatusCallbackEvents%5B1%5D=answered"));

            Assert.That(answered.CallSid, Is.EqualTo(call.Sid));
            Assert.That(answered.EventType, Is.EqualTo(ExotelStatusCallbackEvent.Answered));
            Assert.That(answered.Status, Is.EqualTo(ExotelCallStatus.InProgress));
            Assert.That(answered.DateUpdated, Is.EqualTo(Start.AddSeconds(5)));
            Assert.That(answered.DateUpdated!.Value.Offset, Is.EqualTo(Ist));
            Assert.That(answered.EndTime, Is.Null);
            Assert.That(answered.RecordingUrl, Is.Null);
            Assert.That(answered.Legs.Select(l => l.Status), Is.EqualTo(new ExotelCallStatus?[] { ExotelCallStatus.InProgress, ExotelCallStatus.InProgress }));

            Assert.That(terminal.CallSid, Is.EqualTo(call.Sid));
            Assert.That(terminal.EventType, Is.EqualTo(ExotelStatusCallbackEvent.Terminal));
            Assert.That(terminal.Status, Is.EqualTo(call.Status).And.EqualTo(ExotelCallStatus.Completed));
            Assert.That((terminal.From, terminal.To, terminal.PhoneNumberSid), Is.EqualTo((call.From, call.To, call.PhoneNumberSid)));
            Assert.That(terminal.Direction, Is.EqualTo(call.Direction));
            Assert.That(terminal.DateCreated, Is.EqualTo(call.DateCreated).And.EqualTo(Start));
            Assert.That(terminal.StartTime, Is.EqualTo(call.StartTime));
            Assert.That(terminal.EndTime, Is.EqualTo(call.EndTime).And.EqualTo(Start.AddSeconds(35)));
            Assert.That(terminal.DateUpdated, Is.EqualTo(Start.AddSeconds(35)));
            Assert.That(terminal.RecordingUrl, Is.EqualTo(call.RecordingUrl).And.Not.Null);
            Assert.That(terminal.ConversationDuration, Is.EqualTo(call.Details!.ConversationDuration).And.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(terminal.CustomField, Is.EqualTo("order_42"));
            Assert.That(terminal.Legs.Select(l => l.OnCallDuration), Is.EqualTo(call.Details.Legs.Select(l => l.OnCallDuration)));
            Assert.That(terminal.Legs.Select(l => l.Status), Is.All.EqualTo(ExotelCallStatus.Completed));
            Assert.That(terminal.Legs.Select(l => l.AnsweredBy), Is.All.EqualTo(ExotelAnsweredBy.NotApplicable));

            Assert.That(Sandbox.Callbacks.Select(c => (c.Event, c.Delivered, c.Attempts)), Is.EqualTo(new[] { ("answered", true, 1), ("terminal", true, 1) }));
        });
    }

    [Test]
    public async Task A_json_callback_for_an_unanswered_call_parses_to_the_values_the_call_reports()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        Sandbox.ScriptCall(Agent, SandboxCallScript.NoAnswer());
        var request = new ConnectCallRequest(Customer, Agent, ExoPhone)
        {
            StatusCallback = new Uri(receiver.Address, "exotel/json"),
            StatusCallbackContentType = ExotelStatusCallbackContentType.Json,
        };
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Terminal);
        var placed = await Client.Calls.ConnectAsync(request);

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(5));
        await Sandbox.AdvanceTimeAsync(Sandbox.Options.ExotelLateFieldsDelay);
        var call = await Client.Calls.GetAsync(placed.Sid);

        var delivery = receiver.Received.Single();
        var fromText = ExotelStatusCallbackParser.ParseJson(delivery.BodyText);
        var fromStream = await ParseAsync(delivery);
        Assert.Multiple(() =>
        {
            Assert.That(delivery.ContentType, Is.EqualTo("application/json"));
            Assert.That(ReceivedOnce("POST", V1("Calls/connect.json")).BodyText, Does.EndWith("&StatusCallbackEvents%5B0%5D=terminal&StatusCallbackContentType=application%2Fjson"));
            foreach (var callback in new[] { fromText, fromStream })
            {
                Assert.That(callback.CallSid, Is.EqualTo(call.Sid));
                Assert.That(callback.EventType, Is.EqualTo(ExotelStatusCallbackEvent.Terminal));
                Assert.That(callback.Status, Is.EqualTo(call.Status).And.EqualTo(ExotelCallStatus.NoAnswer));
                Assert.That((callback.From, callback.To, callback.PhoneNumberSid), Is.EqualTo((call.From, call.To, call.PhoneNumberSid)));
                Assert.That(callback.DateCreated, Is.EqualTo(call.DateCreated));
                Assert.That(callback.EndTime, Is.EqualTo(call.EndTime).And.EqualTo(Start.AddSeconds(5)));
                Assert.That(callback.RecordingUrl, Is.EqualTo(call.RecordingUrl).And.Null);
                Assert.That(callback.ConversationDuration, Is.EqualTo(call.Details!.ConversationDuration).And.EqualTo(TimeSpan.Zero));
                Assert.That(callback.Legs.Select(l => l.Status), Is.EqualTo(new[] { call.Details.Leg1Status, call.Details.Leg2Status }));
                Assert.That(callback.Legs.Select(l => l.Status), Is.EqualTo(new ExotelCallStatus?[] { ExotelCallStatus.NoAnswer, ExotelCallStatus.Canceled }));
                Assert.That(callback.CustomField, Is.Null);
            }
        });
    }

    [Test]
    public async Task A_callback_without_events_carries_only_the_fields_always_sent()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var placed = await Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone) { StatusCallback = new Uri(receiver.Address, "exotel/plain") });

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(35));

        var callback = await ParseAsync(receiver.Received.Single());
        Assert.Multiple(() =>
        {
            Assert.That(callback.CallSid, Is.EqualTo(placed.Sid));
            Assert.That(callback.Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(callback.DateUpdated, Is.EqualTo(Start.AddSeconds(35)));
            Assert.That(callback.EventType, Is.Null);
            Assert.That((callback.From, callback.To, callback.CustomField), Is.EqualTo(((string?)null, (string?)null, (string?)null)));
            Assert.That(callback.DateCreated, Is.Null);
            Assert.That(callback.ConversationDuration, Is.Null);
            Assert.That(callback.RecordingUrl, Is.Null);
            Assert.That(callback.Legs, Is.Empty);
        });
    }

    private static Task<ExotelStatusCallback> ParseAsync(ReceivedCallback delivery) =>
        ExotelStatusCallbackParser.ParseAsync(new MemoryStream(delivery.Body), delivery.ContentType);
}
