using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Callbacks;

/// <summary>Status callbacks posted as JSON (<c>StatusCallbackContentType=application/json</c>).</summary>
public sealed class StatusCallbackJsonTests
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);

    /// <summary>Asserts the content of the terminal callback used in every encoding's tests.</summary>
    internal static void AssertTerminalCallback(ExotelStatusCallback callback)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(callback.CallSid, Is.EqualTo("80bfbec2d78bbbf10fb851f4fa165211"));
            Assert.That(callback.EventType, Is.EqualTo(ExotelStatusCallbackEvent.Terminal));
            Assert.That(callback.DateCreated, Is.EqualTo(new DateTimeOffset(2024, 1, 15, 14, 25, 10, Ist)));
            Assert.That(callback.DateCreated!.Value.Offset, Is.EqualTo(Ist));
            Assert.That(callback.DateUpdated, Is.EqualTo(new DateTimeOffset(2024, 1, 15, 14, 30, 45, Ist)));
            Assert.That(callback.StartTime, Is.EqualTo(new DateTimeOffset(2024, 1, 15, 14, 25, 12, Ist)));
            Assert.That(callback.EndTime, Is.EqualTo(new DateTimeOffset(2024, 1, 15, 14, 30, 45, Ist)));
            Assert.That(callback.EndTime!.Value.Offset, Is.EqualTo(Ist));
            Assert.That(callback.To, Is.EqualTo("09123456789"));
            Assert.That(callback.From, Is.EqualTo("09876543210"));
            Assert.That(callback.PhoneNumberSid, Is.EqualTo("0XXXXXX4890"));
            Assert.That(callback.Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(callback.ConversationDuration, Is.EqualTo(TimeSpan.FromSeconds(320)));
            Assert.That(callback.Direction, Is.EqualTo(ExotelCallDirection.OutboundApi));
            Assert.That(callback.CustomField, Is.EqualTo("order_12345"));
            Assert.That(callback.RecordingUrl, Is.EqualTo("https://s3-ap-southeast-1.amazonaws.com/recordings/abc123.mp3"));
            Assert.That(callback.Legs, Has.Count.EqualTo(2));
            Assert.That(callback.Legs[0].OnCallDuration, Is.EqualTo(TimeSpan.FromSeconds(335)));
            Assert.That(callback.Legs[0].Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(callback.Legs[0].AnsweredBy, Is.EqualTo(ExotelAnsweredBy.NotApplicable));
            Assert.That(callback.Legs[1].OnCallDuration, Is.EqualTo(TimeSpan.FromSeconds(320)));
            Assert.That(callback.Legs[1].Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(callback.Legs[1].AnsweredBy, Is.EqualTo(ExotelAnsweredBy.Human), "HUMAN equals Human");
            Assert.That(callback.Legs[1].AnsweredBy!.Value.Value, Is.EqualTo("HUMAN"));
        }
    }

    [Test]
    public void ParseJson_reads_the_documented_terminal_callback()
    {
        var callback = ExotelStatusCallbackParser.ParseJson(Fixtures.Read("status-callback.json"));

        AssertTerminalCallback(callback);
    }

    [Test]
    public void ParseJson_reads_an_answered_event_with_only_the_always_sent_fields()
    {
        var callback = ExotelStatusCallbackParser.ParseJson(
            """{"CallSid":"a1","EventType":"answered","Status":"in-progress","DateUpdated":"2024-01-15 14:25:20","RecordingUrl":null}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(callback.CallSid, Is.EqualTo("a1"));
            Assert.That(callback.EventType, Is.EqualTo(ExotelStatusCallbackEvent.Answered));
            Assert.That(callback.Status, Is.EqualTo(ExotelCallStatus.InProgress));
            Assert.That(callback.DateUpdated, Is.EqualTo(new DateTimeOffset(2024, 1, 15, 14, 25, 20, Ist)));
            Assert.That(callback.RecordingUrl, Is.Null);
            Assert.That(callback.ConversationDuration, Is.Null);
            Assert.That(callback.CustomField, Is.Null);
            Assert.That(callback.Legs, Is.Not.Null.And.Empty);
        }
    }

    [Test]
    public void ParseJson_reads_numbers_as_strings_nested_legs_and_unknown_statuses()
    {
        var callback = ExotelStatusCallbackParser.ParseJson(
            """{"CallSid":"n1","Status":"some-new-status","ConversationDuration":"45","CustomField":12345,"Legs":[{"Leg":{"Id":"1","OnCallDuration":"50","Status":"completed"}}],"NewField":{"a":1}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(callback.Status!.Value.Value, Is.EqualTo("some-new-status"));
            Assert.That(callback.ConversationDuration, Is.EqualTo(TimeSpan.FromSeconds(45)));
            Assert.That(callback.CustomField, Is.EqualTo("12345"));
            Assert.That(callback.Legs.Single().Id, Is.EqualTo(1));
            Assert.That(callback.Legs.Single().OnCallDuration, Is.EqualTo(TimeSpan.FromSeconds(50)));
        }
    }

    [TestCase("""{"EventType":"terminal","Status":"completed"}""", TestName = "ParseJson_rejects_a_body_without_CallSid")]
    [TestCase("""{"CallSid":"","Status":"completed"}""", TestName = "ParseJson_rejects_an_empty_CallSid")]
    [TestCase("""{"CallSid":null}""", TestName = "ParseJson_rejects_a_null_CallSid")]
    [TestCase("null", TestName = "ParseJson_rejects_a_JSON_null")]
    [TestCase("[]", TestName = "ParseJson_rejects_a_JSON_array")]
    [TestCase("""{"CallSid":"x",""", TestName = "ParseJson_rejects_truncated_JSON")]
    [TestCase("CallSid=x&Status=completed", TestName = "ParseJson_rejects_a_form_body")]
    [TestCase("""{"CallSid":"x","ConversationDuration":"long"}""", TestName = "ParseJson_rejects_a_field_of_the_wrong_shape")]
    [TestCase("""{"CallSid":"x","Legs":"none"}""", TestName = "ParseJson_rejects_legs_that_are_not_a_list")]
    [TestCase("""{"CallSid":"x","DateCreated":"yesterday"}""", TestName = "ParseJson_rejects_an_unreadable_date")]
    public void ParseJson_rejects_what_is_not_a_status_callback_with_a_FormatException(string json) =>
        Assert.Throws<FormatException>(() => ExotelStatusCallbackParser.ParseJson(json));

    [Test]
    public void ParseJson_rejects_null() =>
        Assert.That(Assert.Throws<ArgumentNullException>(() => ExotelStatusCallbackParser.ParseJson(null!))!.ParamName, Is.EqualTo("json"));
}
