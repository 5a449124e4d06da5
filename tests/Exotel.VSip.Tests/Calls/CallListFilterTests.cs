using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>The bulk call query's filters: <c>GET /v1/Accounts/{sid}/Calls.json?…</c>.</summary>
public sealed class CallListFilterTests
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);

    private static async Task<List<ExotelCall>> ListAsync(string pathAndQuery, ExotelCallListFilter? filter)
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, pathAndQuery).Respond("application/json", V1Json.Page(null, "q1"));
        var calls = await V1Json.ToListAsync(host.Client.Calls.ListAsync(filter));
        host.VerifyAllSatisfied();
        Assert.That(host.SentCount, Is.EqualTo(1));
        return calls;
    }

    [Test]
    public async Task List_without_a_filter_sends_a_plain_GET()
    {
        var calls = await ListAsync(V1Json.ListPath, null);

        Assert.That(calls.Single().Sid, Is.EqualTo("q1"));
    }

    [Test]
    public async Task List_with_an_empty_filter_sends_no_query()
    {
        var calls = await ListAsync(V1Json.ListPath, new ExotelCallListFilter());

        Assert.That(calls, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task List_sends_every_filter_in_Exotels_wire_form()
    {
        var filter = new ExotelCallListFilter
        {
            CreatedFrom = new DateTimeOffset(2019, 1, 1, 0, 0, 0, Ist),
            CreatedTo = new DateTimeOffset(2019, 1, 31, 23, 59, 59, Ist),
            Status = ExotelCallStatus.Completed,
            Direction = ExotelCallDirection.OutboundApi,
            MinDurationSeconds = 10,
            MaxDurationSeconds = 45,
            MinPrice = 0.5m,
            MaxPrice = 2.25m,
            PageSize = 100,
            OldestFirst = true,
            RecordingUrlValidityMinutes = 60,
        };
        filter.Sids.Add("a1b2c3");
        filter.Sids.Add("d4e5f6");
        filter.To.Add("+919123456789");
        filter.To.Add("09123456780");
        filter.From.Add("09876543210");
        filter.PhoneNumbers.Add("08047490924");

        await ListAsync(
            V1Json.ListPath
            + "?Sid=a1b2c3%2Cd4e5f6"
            + "&DateCreated=gte%3A2019-01-01%2000%3A00%3A00%3Blte%3A2019-01-31%2023%3A59%3A59"
            + "&To=%2B919123456789%2C09123456780"
            + "&From=09876543210"
            + "&PhoneNumber=08047490924"
            + "&Status=completed"
            + "&Direction=outbound-api"
            + "&Duration=gte%3A10s%3Blte%3A45s"
            + "&Price=gte%3A0.5%3Blte%3A2.25"
            + "&PageSize=100"
            + "&SortBy=DateCreated%3Aasc"
            + "&RecordingUrlValidity=60",
            filter);
    }

    [Test]
    public async Task List_converts_date_filters_given_in_another_offset_to_IST()
    {
        var filter = new ExotelCallListFilter
        {
            CreatedFrom = new DateTimeOffset(2018, 12, 31, 18, 30, 0, TimeSpan.Zero),
            CreatedTo = new DateTimeOffset(2019, 1, 31, 13, 29, 59, TimeSpan.FromHours(-5)),
        };

        await ListAsync(V1Json.ListPath + "?DateCreated=gte%3A2019-01-01%2000%3A00%3A00%3Blte%3A2019-01-31%2023%3A59%3A59", filter);
    }

    [Test]
    public async Task List_accepts_a_date_range_of_exactly_31_days()
    {
        var filter = new ExotelCallListFilter
        {
            CreatedFrom = new DateTimeOffset(2019, 1, 1, 0, 0, 0, Ist),
            CreatedTo = new DateTimeOffset(2019, 2, 1, 0, 0, 0, Ist),
        };

        await ListAsync(V1Json.ListPath + "?DateCreated=gte%3A2019-01-01%2000%3A00%3A00%3Blte%3A2019-02-01%2000%3A00%3A00", filter);
    }

    [Test]
    public async Task List_sends_one_sided_ranges()
    {
        var filter = new ExotelCallListFilter
        {
            CreatedFrom = new DateTimeOffset(2019, 1, 1, 0, 0, 0, Ist),
            MaxDurationSeconds = 45,
            MinPrice = 1m,
        };

        await ListAsync(V1Json.ListPath + "?DateCreated=gte%3A2019-01-01%2000%3A00%3A00&Duration=lte%3A45s&Price=gte%3A1", filter);
    }

    [Test]
    public async Task List_sends_zero_as_a_value()
    {
        var filter = new ExotelCallListFilter
        {
            CreatedTo = new DateTimeOffset(2019, 1, 31, 23, 59, 59, Ist),
            MinDurationSeconds = 0,
            MaxPrice = 0m,
        };

        await ListAsync(V1Json.ListPath + "?DateCreated=lte%3A2019-01-31%2023%3A59%3A59&Duration=gte%3A0s&Price=lte%3A0", filter);
    }

    [Test]
    public async Task List_accepts_the_limits_of_each_filter()
    {
        var filter = new ExotelCallListFilter { PageSize = 1, RecordingUrlValidityMinutes = 5 };
        for (var i = 0; i < 100; i++)
        {
            filter.Sids.Add("s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < 5; i++)
        {
            filter.To.Add("0912345678" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await ListAsync(
            V1Json.ListPath + "?Sid=" + string.Join("%2C", filter.Sids) + "&To=" + string.Join("%2C", filter.To) + "&PageSize=1&RecordingUrlValidity=5",
            filter);
    }

    private static TestCaseData Case(string name, Action<ExotelCallListFilter> configure, Type exceptionType, string paramName, string rule) =>
        new TestCaseData(configure, exceptionType, paramName, rule).SetArgDisplayNames(name);

    private static IEnumerable<TestCaseData> InvalidFilters()
    {
        yield return Case(
            "range of 31 days and 1 second",
            f => { f.CreatedFrom = new DateTimeOffset(2019, 1, 1, 0, 0, 0, Ist); f.CreatedTo = new DateTimeOffset(2019, 2, 1, 0, 0, 1, Ist); },
            typeof(ArgumentException), "CreatedTo", "31 days");
        yield return Case(
            "range of two months",
            f => { f.CreatedFrom = new DateTimeOffset(2019, 1, 1, 0, 0, 0, Ist); f.CreatedTo = new DateTimeOffset(2019, 3, 1, 0, 0, 0, Ist); },
            typeof(ArgumentException), "CreatedTo", "31 days");
        yield return Case(
            "end before start",
            f => { f.CreatedFrom = new DateTimeOffset(2019, 1, 2, 0, 0, 0, Ist); f.CreatedTo = new DateTimeOffset(2019, 1, 1, 0, 0, 0, Ist); },
            typeof(ArgumentException), "CreatedTo", "before CreatedFrom");
        yield return Case("101 sids", f => { for (var i = 0; i < 101; i++) { f.Sids.Add("s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)); } }, typeof(ArgumentException), "Sids", "at most 100");
        yield return Case("6 To numbers", f => { for (var i = 0; i < 6; i++) { f.To.Add("0912345678" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)); } }, typeof(ArgumentException), "To", "at most 5");
        yield return Case("6 From numbers", f => { for (var i = 0; i < 6; i++) { f.From.Add("0912345678" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)); } }, typeof(ArgumentException), "From", "at most 5");
        yield return Case("6 ExoPhones", f => { for (var i = 0; i < 6; i++) { f.PhoneNumbers.Add("0804749092" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)); } }, typeof(ArgumentException), "PhoneNumbers", "at most 5");
        yield return Case("sid with a space", f => f.Sids.Add("a b"), typeof(ArgumentException), "Sids", "white space");
        yield return Case("blank To", f => f.To.Add(" "), typeof(ArgumentException), "To", "must not be empty");
        yield return Case("PageSize 0", f => f.PageSize = 0, typeof(ArgumentOutOfRangeException), "PageSize", "between 1 and 100");
        yield return Case("PageSize 101", f => f.PageSize = 101, typeof(ArgumentOutOfRangeException), "PageSize", "between 1 and 100");
        yield return Case("RecordingUrlValidity 4", f => f.RecordingUrlValidityMinutes = 4, typeof(ArgumentOutOfRangeException), "RecordingUrlValidityMinutes", "between 5 and 60");
        yield return Case("RecordingUrlValidity 61", f => f.RecordingUrlValidityMinutes = 61, typeof(ArgumentOutOfRangeException), "RecordingUrlValidityMinutes", "between 5 and 60");
        yield return Case("negative minimum duration", f => f.MinDurationSeconds = -1, typeof(ArgumentOutOfRangeException), "MinDurationSeconds", "between 0 and");
        yield return Case("negative maximum duration", f => f.MaxDurationSeconds = -1, typeof(ArgumentOutOfRangeException), "MaxDurationSeconds", "between 0 and");
    }

    [TestCaseSource(nameof(InvalidFilters))]
    public void List_rejects_an_invalid_filter_before_sending(Action<ExotelCallListFilter> configure, Type exceptionType, string paramName, string rule)
    {
        using var host = new ExotelTestHost();
        var filter = new ExotelCallListFilter();
        configure(filter);

        var ex = Assert.ThrowsAsync(Is.TypeOf(exceptionType), async () =>
        {
            await foreach (var unused in host.Client.Calls.ListAsync(filter))
            {
                Assert.Fail("no call may be returned for an invalid filter");
            }
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(((ArgumentException)ex!).ParamName, Is.EqualTo(paramName));
            Assert.That(ex.Message, Does.Contain(rule));
            Assert.That(host.SentCount, Is.Zero, "nothing may be sent for an invalid filter");
            Assert.That(host.Unmatched, Is.Empty);
        }
    }
}
