using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>Exotel's looser habits (empty strings for absent values, zero dates, labels that disagree with bodies) are read, not failed on.</summary>
public sealed class LenientReadingTests
{
    private const string CallPath = TestAccount.V1 + "/Calls/c1.json?details=true";

    [Test]
    public async Task Legs_written_as_an_empty_string_are_no_legs()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, CallPath)
            .Respond("application/json", """{"Call":{"Sid":"c1","Status":"failed","Details":{"ConversationDuration":"","Legs":""}}}""");

        var call = await host.Client.Calls.GetAsync("c1");

        Assert.That(call.Details!.Legs, Is.Empty);
        Assert.That(call.Details.ConversationDuration, Is.Null);
    }

    [Test]
    public async Task A_json_body_labelled_xml_is_read_as_json()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, CallPath).Respond("text/xml", V1Json.Wrapped(V1Json.Call("c1")));

        var call = await host.Client.Calls.GetAsync("c1");

        Assert.That(call.Sid, Is.EqualTo("c1"));
    }

    [TestCase("2024-01-15T14:25:10", "2024-01-15T14:25:10+05:30")]
    [TestCase("2024-01-15T14:25:10Z", "2024-01-15T14:25:10+00:00")]
    [TestCase("2024-01-15T14:25:10+02:00", "2024-01-15T14:25:10+02:00")]
    [TestCase("2024-01-15 14:25:10", "2024-01-15T14:25:10+05:30")]
    public async Task Dates_without_an_offset_are_india_standard_time_and_dates_with_one_keep_it(string sent, string expected)
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, CallPath).Respond("application/json", $$$"""{"Call":{"Sid":"c1","StartTime":"{{{sent}}}"}}""");

        var call = await host.Client.Calls.GetAsync("c1");

        Assert.That(call.StartTime, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(call.StartTime!.Value.Offset, Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset));
    }

    [Test]
    public async Task A_zero_date_is_no_date()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, CallPath).Respond("application/json", """{"Call":{"Sid":"c1","EndTime":"0000-00-00 00:00:00"}}""");

        Assert.That((await host.Client.Calls.GetAsync("c1")).EndTime, Is.Null);
    }

    [Test]
    public async Task Ids_missing_from_a_response_read_as_empty_not_null()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V2 + "/trunks").Respond("application/json", Fixtures.List(["""{"trunk_name":"no_sid"}"""]));
        host.ExpectJson(HttpMethod.Get, CallPath).Respond("application/json", """{"Call":{"Status":"queued"}}""");

        var trunk = await host.Client.Trunks.ListAsync().SingleAsync();
        var call = await host.Client.Calls.GetAsync("c1");

        Assert.That(trunk.Sid, Is.Not.Null.And.Empty);
        Assert.That(call.Sid, Is.Not.Null.And.Empty);
        Assert.That(call.Details, Is.Null);
    }

    [Test]
    public void A_default_recording_channel_is_refused_like_any_empty_value_before_sending()
    {
        using var host = new ExotelTestHost();
        var request = new ConnectCallRequest("+919876543210", "+919123456789", "08047490924") { RecordingChannels = default(ExotelRecordingChannels) };

        var e = Assert.ThrowsAsync<ArgumentException>(() => host.Client.Calls.ConnectAsync(request))!;

        Assert.That(e.ParamName, Is.EqualTo("RecordingChannels"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void A_flow_request_with_a_null_address_names_that_argument() =>
        Assert.That(() => new ConnectToFlowRequest("+919876543210", "08047490924", (Uri)null!),
            Throws.ArgumentNullException.With.Property("ParamName").EqualTo("flowUrl"));

    [TestCase(60, 10, null, null, "MinDurationSeconds")]
    [TestCase(null, null, 2.0, 1.0, "MinPrice")]
    public void A_filter_whose_minimum_exceeds_its_maximum_is_refused_before_sending(int? minDuration, int? maxDuration, double? minPrice, double? maxPrice, string field)
    {
        using var host = new ExotelTestHost();
        var filter = new ExotelCallListFilter
        {
            MinDurationSeconds = minDuration,
            MaxDurationSeconds = maxDuration,
            MinPrice = (decimal?)minPrice,
            MaxPrice = (decimal?)maxPrice,
        };

        var e = Assert.ThrowsAsync<ArgumentException>(async () => await host.Client.Calls.ListAsync(filter).ToListAsync())!;

        Assert.That(e.ParamName, Is.EqualTo(field));
        Assert.That(host.SentCount, Is.Zero);
    }
}
