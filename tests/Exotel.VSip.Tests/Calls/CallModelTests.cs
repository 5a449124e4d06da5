using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>How a Voice API call object is read: IST dates, numbers as strings, open-ended values, legs.</summary>
public sealed class CallModelTests
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);

    private static async Task<ExotelCall> ReadAsync(string callJson)
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json").Respond("application/json", V1Json.Wrapped(callJson));
        var call = await host.Client.Calls.GetAsync("s1", includeDetails: false);
        host.VerifyAllSatisfied();
        return call;
    }

    [Test]
    public async Task Unknown_status_and_direction_are_kept_verbatim()
    {
        var call = await ReadAsync("""{"Sid":"s1","Status":"some-new-status","Direction":"outbound-something"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Status!.Value.Value, Is.EqualTo("some-new-status"));
            Assert.That(call.Status.Value.ToString(), Is.EqualTo("some-new-status"));
            Assert.That(call.Status, Is.Not.EqualTo(ExotelCallStatus.Completed));
            Assert.That(call.Status.Value.IsTerminal, Is.False);
            Assert.That(call.Direction!.Value.Value, Is.EqualTo("outbound-something"));
        }
    }

    [Test]
    public async Task AnsweredBy_compares_without_regard_to_case_and_keeps_the_raw_value()
    {
        var call = await ReadAsync("""{"Sid":"s1","AnsweredBy":"HUMAN"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.AnsweredBy == ExotelAnsweredBy.Human, Is.True);
            Assert.That(call.AnsweredBy!.Value.Equals((object)ExotelAnsweredBy.Human), Is.True);
            Assert.That(call.AnsweredBy.Value.GetHashCode(), Is.EqualTo(ExotelAnsweredBy.Human.GetHashCode()));
            Assert.That(new HashSet<ExotelAnsweredBy> { ExotelAnsweredBy.Human }, Does.Contain(call.AnsweredBy.Value));
            Assert.That(call.AnsweredBy == ExotelAnsweredBy.Machine, Is.False);
            Assert.That(call.AnsweredBy.Value.Value, Is.EqualTo("HUMAN"), "the raw value is kept as sent");
        }
    }

    [Test]
    public async Task Numbers_sent_as_strings_or_as_numbers_are_both_read()
    {
        var fromStrings = await ReadAsync("""{"Sid":"s1","Duration":"17","Price":"1.500","Details":{"ConversationDuration":"8","Legs":[{"Leg":{"Id":"1","OnCallDuration":"21"}}]}}""");
        var fromNumbers = await ReadAsync("""{"Sid":"s1","Duration":17,"Price":1.5,"Details":{"ConversationDuration":8,"Legs":[{"Leg":{"Id":1,"OnCallDuration":21}}]}}""");

        foreach (var call in new[] { fromStrings, fromNumbers })
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(call.Duration, Is.EqualTo(TimeSpan.FromSeconds(17)));
                Assert.That(call.Price, Is.EqualTo(1.5m));
                Assert.That(call.Details!.ConversationDuration, Is.EqualTo(TimeSpan.FromSeconds(8)));
                Assert.That(call.Details.Legs.Single().Id, Is.EqualTo(1));
                Assert.That(call.Details.Legs.Single().OnCallDuration, Is.EqualTo(TimeSpan.FromSeconds(21)));
            }
        }
    }

    [Test]
    public async Task Empty_strings_and_nulls_become_null_values()
    {
        var call = await ReadAsync(
            """{"Sid":"s1","ParentCallSid":null,"To":null,"EndTime":"","StartTime":null,"Duration":"","Price":"","Status":null,"AnsweredBy":null,"Direction":null,"Details":{"ConversationDuration":"","Legs":null}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.To, Is.Null);
            Assert.That(call.EndTime, Is.Null);
            Assert.That(call.StartTime, Is.Null);
            Assert.That(call.Duration, Is.Null);
            Assert.That(call.Price, Is.Null);
            Assert.That(call.Status, Is.Null);
            Assert.That(call.AnsweredBy, Is.Null);
            Assert.That(call.Direction, Is.Null);
            Assert.That(call.Details!.ConversationDuration, Is.Null);
            Assert.That(call.Details.Legs, Is.Empty);
        }
    }

    [Test]
    public async Task Dates_in_IST_without_an_offset_become_offsets_of_plus_five_thirty()
    {
        var call = await ReadAsync("""{"Sid":"s1","DateCreated":"2019-12-31 23:59:59","StartTime":"2020-01-01 00:00:00"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.DateCreated!.Value.Offset, Is.EqualTo(Ist));
            Assert.That(call.DateCreated.Value.DateTime, Is.EqualTo(new DateTime(2019, 12, 31, 23, 59, 59)));
            Assert.That(call.DateCreated.Value.UtcDateTime, Is.EqualTo(new DateTime(2019, 12, 31, 18, 29, 59, DateTimeKind.Utc)));
            Assert.That(call.StartTime!.Value.UtcDateTime, Is.EqualTo(new DateTime(2019, 12, 31, 18, 30, 0, DateTimeKind.Utc)));
        }
    }

    [Test]
    public async Task Unknown_members_are_ignored()
    {
        var call = await ReadAsync(
            """{"Sid":"s1","Status":"completed","SomethingNew":{"Nested":[1,2,{"x":null}]},"AnotherNewField":"x","Flag":true,"Details":{"Legs":[{"Leg":{"Id":1,"Extra":"y"}}],"NewDetail":5}}""");

        Assert.That(call.Sid, Is.EqualTo("s1"));
        Assert.That(call.Status, Is.EqualTo(ExotelCallStatus.Completed));
        Assert.That(call.Details!.Legs.Single().Id, Is.EqualTo(1));
    }

    [Test]
    public async Task Legs_are_read_flat_as_well_as_nested_in_Leg()
    {
        var call = await ReadAsync(
            """{"Sid":"s1","Details":{"Legs":[{"Id":1,"OnCallDuration":"30","Status":"completed","AnsweredBy":"Machine"},{"Leg":{"Id":2,"OnCallDuration":0,"Status":"no-answer"}}]}}""");

        var legs = call.Details!.Legs;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(legs, Has.Count.EqualTo(2));
            Assert.That(legs[0].Id, Is.EqualTo(1));
            Assert.That(legs[0].OnCallDuration, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(legs[0].Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(legs[0].AnsweredBy, Is.EqualTo(ExotelAnsweredBy.Machine));
            Assert.That(legs[1].Id, Is.EqualTo(2));
            Assert.That(legs[1].OnCallDuration, Is.EqualTo(TimeSpan.Zero));
            Assert.That(legs[1].Status, Is.EqualTo(ExotelCallStatus.NoAnswer));
        }
    }

    [Test]
    public async Task Details_without_legs_have_an_empty_list_of_legs_not_null()
    {
        // Legs is declared non-nullable with an empty default; a missing member must not turn it into null.
        var call = await ReadAsync("""{"Sid":"s1","Details":{"ConversationDuration":8,"Leg1Status":"completed"}}""");

        Assert.That(call.Details!.ConversationDuration, Is.EqualTo(TimeSpan.FromSeconds(8)));
        Assert.That(call.Details.Legs, Is.Not.Null.And.Empty);
    }

    [Test]
    public async Task Numbers_in_number_fields_are_kept_as_text()
    {
        var call = await ReadAsync("""{"Sid":"s1","To":9123456789,"From":"09876543210","PhoneNumberSid":8047490924}""");

        Assert.That(call.To, Is.EqualTo("9123456789"));
        Assert.That(call.From, Is.EqualTo("09876543210"));
        Assert.That(call.PhoneNumberSid, Is.EqualTo("8047490924"));
    }

    [Test]
    public void A_field_that_cannot_be_read_fails_as_an_ExotelException()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json").Respond("application/json", V1Json.Wrapped("""{"Sid":"s1","Duration":"seventeen"}"""));

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.GetAsync("s1", includeDetails: false))!;

        Assert.That(ex.Status, Is.EqualTo(200));
        Assert.That(ex.Message, Does.Contain("could not read"));
        Assert.That(ex.Message, Does.Contain("ExotelCall"));
    }

    [TestCase("queued", false)]
    [TestCase("ringing", false)]
    [TestCase("in-progress", false)]
    [TestCase("completed", true)]
    [TestCase("failed", true)]
    [TestCase("busy", true)]
    [TestCase("no-answer", true)]
    [TestCase("canceled", true)]
    [TestCase("some-new-status", false)]
    public void Only_final_statuses_are_terminal(string status, bool terminal) =>
        Assert.That(new ExotelCallStatus(status).IsTerminal, Is.EqualTo(terminal));
}
