using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Callbacks;

/// <summary>Status callbacks posted as forms: URL-encoded bodies, or fields already parsed by a web framework.</summary>
public sealed class StatusCallbackFormTests
{
    [Test]
    public void ParseForm_reads_a_url_encoded_terminal_callback_with_indexed_legs()
    {
        var callback = ExotelStatusCallbackParser.ParseForm(Fixtures.Read("callback-terminal.form").TrimEnd());

        StatusCallbackJsonTests.AssertTerminalCallback(callback);
    }

    [Test]
    public void ParseForm_reads_legs_whose_brackets_are_not_escaped()
    {
        var callback = ExotelStatusCallbackParser.ParseForm(
            "CallSid=c1&Status=completed&Legs[0][Status]=completed&Legs[0][OnCallDuration]=335&Legs[1][Status]=no-answer&Legs[1][OnCallDuration]=0");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(callback.Legs, Has.Count.EqualTo(2));
            Assert.That(callback.Legs[0].Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(callback.Legs[0].OnCallDuration, Is.EqualTo(TimeSpan.FromSeconds(335)));
            Assert.That(callback.Legs[1].Status, Is.EqualTo(ExotelCallStatus.NoAnswer));
            Assert.That(callback.Legs[1].OnCallDuration, Is.EqualTo(TimeSpan.Zero));
        }
    }

    [Test]
    public void ParseForm_orders_legs_by_their_numeric_index()
    {
        var callback = ExotelStatusCallbackParser.ParseForm(
            "CallSid=c1&Legs[10][Id]=10&Legs[2][Id]=2&Legs[0][Id]=0&Legs[2][Status]=busy");

        Assert.That(callback.Legs.Select(l => l.Id), Is.EqualTo(new int?[] { 0, 2, 10 }));
        Assert.That(callback.Legs[1].Status, Is.EqualTo(ExotelCallStatus.Busy), "fields of one leg are gathered wherever they appear");
    }

    [Test]
    public void ParseForm_reads_legs_in_dotted_form()
    {
        var callback = ExotelStatusCallbackParser.ParseForm("CallSid=c1&Legs%5B0%5D.Status=failed&Legs%5B0%5D.AnsweredBy=Machine");

        Assert.That(callback.Legs.Single().Status, Is.EqualTo(ExotelCallStatus.Failed));
        Assert.That(callback.Legs.Single().AnsweredBy, Is.EqualTo(ExotelAnsweredBy.Machine));
    }

    [Test]
    public void ParseForm_unwraps_values_sent_as_a_quoted_list()
    {
        var callback = ExotelStatusCallbackParser.ParseForm(
            "CallSid=%5B%2780bfbec2d78bbbf10fb851f4fa165211%27%5D&Status=['completed']&ConversationDuration=%5B%27320%27%5D"
            + "&DateUpdated=%5B%272024-01-15+14%3A30%3A45%27%5D&Legs[0][Status]=['busy']&CustomField=%5B%27order_12345%27%5D");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(callback.CallSid, Is.EqualTo("80bfbec2d78bbbf10fb851f4fa165211"));
            Assert.That(callback.Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(callback.ConversationDuration, Is.EqualTo(TimeSpan.FromSeconds(320)));
            Assert.That(callback.DateUpdated, Is.EqualTo(new DateTimeOffset(2024, 1, 15, 14, 30, 45, TimeSpan.FromHours(5.5))));
            Assert.That(callback.Legs.Single().Status, Is.EqualTo(ExotelCallStatus.Busy));
            Assert.That(callback.CustomField, Is.EqualTo("order_12345"));
        }
    }

    [Test]
    public void ParseForm_decodes_plus_as_space_and_percent_2B_as_plus()
    {
        var callback = ExotelStatusCallbackParser.ParseForm("CallSid=c1&From=%2B919876543210&CustomField=order+12345+%26+more");

        Assert.That(callback.From, Is.EqualTo("+919876543210"));
        Assert.That(callback.CustomField, Is.EqualTo("order 12345 & more"));
    }

    [Test]
    public void ParseForm_reads_legs_sent_as_a_JSON_list()
    {
        var callback = ExotelStatusCallbackParser.ParseForm(
            "CallSid=c1&Legs=" + Uri.EscapeDataString("""[{"OnCallDuration":"335","Status":"completed","AnsweredBy":"NA"},{"OnCallDuration":320,"Status":"completed"}]"""));

        Assert.That(callback.Legs.Select(l => l.OnCallDuration), Is.EqualTo(new TimeSpan?[] { TimeSpan.FromSeconds(335), TimeSpan.FromSeconds(320) }));
        Assert.That(callback.Legs[0].AnsweredBy, Is.EqualTo(ExotelAnsweredBy.NotApplicable));
    }

    [Test]
    public void ParseForm_of_a_callback_without_events_has_an_empty_list_of_legs()
    {
        // Without StatusCallbackEvents, Exotel sends only CallSid, Status, DateUpdated and RecordingUrl.
        var callback = ExotelStatusCallbackParser.ParseForm("CallSid=c1&Status=busy&DateUpdated=2024-01-15+14%3A30%3A45&RecordingUrl=");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(callback.CallSid, Is.EqualTo("c1"));
            Assert.That(callback.Status, Is.EqualTo(ExotelCallStatus.Busy));
            Assert.That(callback.DateUpdated, Is.EqualTo(new DateTimeOffset(2024, 1, 15, 14, 30, 45, TimeSpan.FromHours(5.5))));
            Assert.That(callback.EventType, Is.Null);
            Assert.That(callback.ConversationDuration, Is.Null);
            Assert.That(callback.Legs, Is.Not.Null.And.Empty, "Legs is non-nullable: a callback without legs has an empty list");
        }
    }

    [Test]
    public void ParseForm_reads_fields_parsed_by_a_web_framework()
    {
        var fields = new[]
        {
            new KeyValuePair<string, string?>("CallSid", "['f1']"),
            new KeyValuePair<string, string?>("EventType", "terminal"),
            new KeyValuePair<string, string?>("Status", "busy"),
            new KeyValuePair<string, string?>("RecordingUrl", null),
            new KeyValuePair<string, string?>("Legs[0][Status]", "busy"),
            new KeyValuePair<string, string?>("Legs[0][AnsweredBy]", "['NotSure']"),
        };

        var callback = ExotelStatusCallbackParser.ParseForm(fields);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(callback.CallSid, Is.EqualTo("f1"));
            Assert.That(callback.EventType, Is.EqualTo(ExotelStatusCallbackEvent.Terminal));
            Assert.That(callback.Status, Is.EqualTo(ExotelCallStatus.Busy));
            Assert.That(callback.RecordingUrl, Is.Null);
            Assert.That(callback.Legs.Single().AnsweredBy, Is.EqualTo(ExotelAnsweredBy.NotSure));
        }
    }

    [TestCase("Status=completed&EventType=terminal", TestName = "ParseForm_rejects_a_body_without_CallSid")]
    [TestCase("CallSid=&Status=completed", TestName = "ParseForm_rejects_an_empty_CallSid")]
    [TestCase("", TestName = "ParseForm_rejects_an_empty_body")]
    [TestCase("CallSid=c1&ConversationDuration=long", TestName = "ParseForm_rejects_a_field_of_the_wrong_shape")]
    [TestCase("CallSid=c1&Legs=none", TestName = "ParseForm_rejects_legs_that_are_not_a_list")]
    [TestCase("CallSid=c1&Legs=%5Bnot-json", TestName = "ParseForm_rejects_legs_that_are_malformed_JSON")]
    [TestCase("CallSid=c1&Legs=%5B1%2C2%5D", TestName = "ParseForm_rejects_legs_that_are_not_objects")]
    public void ParseForm_rejects_what_is_not_a_status_callback_with_a_FormatException(string body) =>
        Assert.Throws<FormatException>(() => ExotelStatusCallbackParser.ParseForm(body));

    [Test]
    public void ParseForm_rejects_null()
    {
        Assert.That(Assert.Throws<ArgumentNullException>(() => ExotelStatusCallbackParser.ParseForm((string)null!))!.ParamName, Is.EqualTo("urlEncodedForm"));
        Assert.That(Assert.Throws<ArgumentNullException>(() => ExotelStatusCallbackParser.ParseForm((IEnumerable<KeyValuePair<string, string?>>)null!))!.ParamName, Is.EqualTo("fields"));
    }
}
