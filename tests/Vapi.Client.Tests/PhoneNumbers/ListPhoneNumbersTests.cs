using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.PhoneNumbers;

/// <summary>
/// <c>GET /phone-number</c>: the query (limit always sent, dates in ISO UTC with millisecond precision) and the walk
/// back through <c>createdAtLe</c> that pages a list Vapi answers without a cursor.
/// </summary>
public class ListPhoneNumbersTests
{
    private static async Task<List<VapiPhoneNumber>> ToListAsync(IAsyncEnumerable<VapiPhoneNumber> numbers)
    {
        var list = new List<VapiPhoneNumber>();
        await foreach (var number in numbers)
        {
            list.Add(number);
        }

        return list;
    }

    /// <summary>A page of BYO numbers, each with an id and a creation time.</summary>
    private static string Page(params (string Id, string CreatedAt)[] items) =>
        "[" + string.Join(",", items.Select(i => $$"""{"id":"{{i.Id}}","provider":"byo-phone-number","createdAt":"{{i.CreatedAt}}"}""")) + "]";

    [Test]
    public void Uri_escaping_of_an_iso_date_is_what_the_queries_below_pin()
    {
        Assert.That(Uri.EscapeDataString("2026-11-02T12:00:00.000Z"), Is.EqualTo("2026-11-02T12%3A00%3A00.000Z"));
    }

    [Test]
    public async Task Without_a_filter_the_query_is_the_default_limit_only_and_every_provider_is_kept()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=100").Respond("application/json", Fixtures.Read("phone-number-list.json"));

        var numbers = await ToListAsync(host.Client.PhoneNumbers.ListAsync());

        host.VerifyAllSatisfied();
        Assert.That(host.SentCount, Is.EqualTo(1), "a short page is the last one");
        Assert.That(numbers.Select(n => n.GetType()), Is.EqualTo(new[] { typeof(ByoPhoneNumber), typeof(VapiSipPhoneNumber), typeof(VapiPhoneNumber) }));
        Assert.Multiple(() =>
        {
            Assert.That(numbers.Select(n => n.Id), Is.EqualTo(new[]
            {
                "c0ffee00-0000-4000-8000-000000000003", "c0ffee00-0000-4000-8000-000000000002", "c0ffee00-0000-4000-8000-000000000001",
            }));
            Assert.That(((ByoPhoneNumber)numbers[0]).CredentialId, Is.EqualTo(TestAccount.CredentialId));
            Assert.That(((VapiSipPhoneNumber)numbers[1]).SipUri, Is.EqualTo("sip:front-desk@sip.vapi.ai"));
            Assert.That(numbers[2].Provider, Is.EqualTo(VapiPhoneNumberProvider.Twilio));
            Assert.That(numbers[2].AdditionalProperties?["twilioAccountSid"].GetString(), Is.EqualTo("AC00000000000000000000000000000000"));
        });
    }

    [Test]
    public async Task An_empty_filter_still_sends_the_default_limit()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=100").Respond("application/json", "[]");

        var numbers = await ToListAsync(host.Client.PhoneNumbers.ListAsync(new VapiListFilter()));

        host.VerifyAllSatisfied();
        Assert.That(numbers, Is.Empty);
    }

    [TestCase(1)]
    [TestCase(1000)]
    public async Task A_limit_within_1_to_1000_is_sent(int limit)
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, $"phone-number?limit={limit}").Respond("application/json", "[]");

        await ToListAsync(host.Client.PhoneNumbers.ListAsync(new VapiListFilter { PageSize = limit }));

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Every_date_filter_is_sent_in_utc_iso_with_milliseconds_and_escaped_colons()
    {
        using var host = new VapiTestHost();
        var india = TimeSpan.FromHours(5.5);
        host.Expect(HttpMethod.Get,
                "phone-number?limit=50" +
                "&createdAtGt=2026-11-01T00%3A00%3A00.000Z" +
                "&createdAtLt=2026-11-30T23%3A59%3A59.999Z" +
                "&createdAtGe=2026-11-02T10%3A20%3A30.456Z" +
                "&createdAtLe=2026-11-29T01%3A02%3A03.004Z" +
                "&updatedAtGt=2026-10-31T18%3A30%3A00.000Z" +
                "&updatedAtLt=2026-12-01T00%3A00%3A00.000Z" +
                "&updatedAtGe=2026-11-05T06%3A07%3A08.009Z" +
                "&updatedAtLe=2026-11-25T23%3A00%3A00.100Z")
            .Respond("application/json", "[]");

        await ToListAsync(host.Client.PhoneNumbers.ListAsync(new VapiListFilter
        {
            UpdatedAtLe = new DateTimeOffset(2026, 11, 26, 4, 30, 0, 100, india),
            UpdatedAtGe = new DateTimeOffset(2026, 11, 5, 6, 7, 8, 9, TimeSpan.Zero),
            UpdatedAtLt = new DateTimeOffset(2026, 11, 30, 19, 0, 0, TimeSpan.FromHours(-5)),
            UpdatedAtGt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, india),
            CreatedAtLe = new DateTimeOffset(2026, 11, 29, 1, 2, 3, 4, TimeSpan.Zero),
            CreatedAtGe = new DateTimeOffset(2026, 11, 2, 10, 20, 30, 456, TimeSpan.Zero),
            CreatedAtLt = new DateTimeOffset(2026, 11, 30, 23, 59, 59, 999, TimeSpan.Zero),
            CreatedAtGt = new DateTimeOffset(2026, 11, 1, 5, 30, 0, india),
            PageSize = 50,
        }));

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task A_full_page_asks_for_the_next_one_created_at_or_before_the_oldest_seen_and_skips_repeats()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=2")
            .Respond("application/json", Page(("pn-a", "2026-11-03T12:00:00.000Z"), ("pn-b", "2026-11-02T12:00:00.000Z")));
        host.Expect(HttpMethod.Get, "phone-number?limit=2&createdAtLe=2026-11-02T12%3A00%3A00.000Z")
            .Respond("application/json", Page(("pn-b", "2026-11-02T12:00:00.000Z"), ("pn-c", "2026-11-01T12:00:00.000Z")));
        host.Expect(HttpMethod.Get, "phone-number?limit=2&createdAtLe=2026-11-01T12%3A00%3A00.000Z")
            .Respond("application/json", Page(("pn-c", "2026-11-01T12:00:00.000Z")));

        var numbers = await ToListAsync(host.Client.PhoneNumbers.ListAsync(new VapiListFilter { PageSize = 2 }));

        host.VerifyAllSatisfied();
        Assert.That(numbers.Select(n => n.Id), Is.EqualTo(new[] { "pn-a", "pn-b", "pn-c" }));
        Assert.That(host.SentCount, Is.EqualTo(3));
    }

    [Test]
    public void A_full_page_sent_oldest_first_stops_the_walk_with_an_error_instead_of_skipping_items()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=2")
            .Respond("application/json", Page(("pn-a", "2026-11-02T12:00:00.250Z"), ("pn-b", "2026-11-03T12:00:00.000Z")));

        var ex = Assert.ThrowsAsync<VapiException>(() => ToListAsync(host.Client.PhoneNumbers.ListAsync(new VapiListFilter { PageSize = 2 })))!;

        Assert.That(ex.Message, Does.Contain("oldest first"));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task The_other_filters_are_kept_on_every_page_and_the_callers_createdAtLe_is_moved_back()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=2&createdAtGe=2026-10-01T00%3A00%3A00.000Z&createdAtLe=2026-11-30T00%3A00%3A00.000Z")
            .Respond("application/json", Page(("pn-a", "2026-11-03T12:00:00.000Z"), ("pn-b", "2026-11-02T12:00:00.000Z")));
        host.Expect(HttpMethod.Get, "phone-number?limit=2&createdAtGe=2026-10-01T00%3A00%3A00.000Z&createdAtLe=2026-11-02T12%3A00%3A00.000Z")
            .Respond("application/json", Page(("pn-b", "2026-11-02T12:00:00.000Z")));

        var numbers = await ToListAsync(host.Client.PhoneNumbers.ListAsync(new VapiListFilter
        {
            PageSize = 2,
            CreatedAtGe = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
            CreatedAtLe = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero),
        }));

        host.VerifyAllSatisfied();
        Assert.That(numbers.Select(n => n.Id), Is.EqualTo(new[] { "pn-a", "pn-b" }));
    }

    [Test]
    public async Task More_ties_than_a_page_are_drained_and_the_walk_goes_on_strictly_before_them()
    {
        using var host = new VapiTestHost();
        const string t2 = "2026-11-02T12:00:00.000Z";
        host.Expect(HttpMethod.Get, "phone-number?limit=2")
            .Respond("application/json", Page(("pn-a", "2026-11-03T12:00:00.000Z"), ("pn-b", t2)));
        host.Expect(HttpMethod.Get, "phone-number?limit=2&createdAtLe=2026-11-02T12%3A00%3A00.000Z")
            .Respond("application/json", Page(("pn-b", t2), ("pn-c", t2)));
        host.Expect(HttpMethod.Get, "phone-number?limit=2&createdAtLe=2026-11-02T12%3A00%3A00.000Z")
            .Respond("application/json", Page(("pn-b", t2), ("pn-c", t2)));
        host.Expect(HttpMethod.Get, "phone-number?limit=1000&createdAtGe=2026-11-02T12%3A00%3A00.000Z&createdAtLe=2026-11-02T12%3A00%3A00.000Z")
            .Respond("application/json", Page(("pn-b", t2), ("pn-c", t2), ("pn-d", t2)));
        host.Expect(HttpMethod.Get, "phone-number?limit=2&createdAtLt=2026-11-02T12%3A00%3A00.000Z")
            .Respond("application/json", Page(("pn-e", "2026-11-01T12:00:00.000Z")));

        var numbers = await ToListAsync(host.Client.PhoneNumbers.ListAsync(new VapiListFilter { PageSize = 2 }));

        host.VerifyAllSatisfied();
        Assert.That(numbers.Select(n => n.Id), Is.EqualTo(new[] { "pn-a", "pn-b", "pn-c", "pn-d", "pn-e" }), "nothing lost, nothing twice");
    }

    [Test]
    public async Task A_short_first_page_is_the_only_request()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=2").Respond("application/json", Page(("pn-a", "2026-11-03T12:00:00.000Z")));

        var numbers = await ToListAsync(host.Client.PhoneNumbers.ListAsync(new VapiListFilter { PageSize = 2 }));

        host.VerifyAllSatisfied();
        Assert.That(numbers.Select(n => n.Id), Is.EqualTo(new[] { "pn-a" }));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_full_page_without_dates_ends_the_walk()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=2")
            .Respond("application/json", """[{"id":"pn-a","provider":"vapi"},{"id":"pn-b","provider":"vapi"}]""");

        var numbers = await ToListAsync(host.Client.PhoneNumbers.ListAsync(new VapiListFilter { PageSize = 2 }));

        host.VerifyAllSatisfied();
        Assert.That(numbers, Has.Count.EqualTo(2));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Nothing_is_sent_until_the_list_is_enumerated_and_stopping_early_sends_no_more()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=2")
            .Respond("application/json", Page(("pn-a", "2026-11-03T12:00:00.000Z"), ("pn-b", "2026-11-02T12:00:00.000Z")));

        var list = host.Client.PhoneNumbers.ListAsync(new VapiListFilter { PageSize = 2 });
        Assert.That(host.SentCount, Is.Zero, "no request before enumeration");

        VapiPhoneNumber? first = null;
        await foreach (var number in list)
        {
            first = number;
            break;
        }

        host.VerifyAllSatisfied();
        Assert.That(first?.Id, Is.EqualTo("pn-a"));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Taking_exactly_one_full_page_does_not_fetch_the_next()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=2")
            .Respond("application/json", Page(("pn-a", "2026-11-03T12:00:00.000Z"), ("pn-b", "2026-11-02T12:00:00.000Z")));

        var taken = new List<string>();
        await foreach (var number in host.Client.PhoneNumbers.ListAsync(new VapiListFilter { PageSize = 2 }))
        {
            taken.Add(number.Id);
            if (taken.Count == 2)
            {
                break;
            }
        }

        host.VerifyAllSatisfied();
        Assert.That(taken, Is.EqualTo(new[] { "pn-a", "pn-b" }));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [TestCase(0)]
    [TestCase(1001)]
    [TestCase(-1)]
    public void A_limit_outside_1_to_1000_is_refused_at_the_call_before_enumeration(int limit)
    {
        using var host = new VapiTestHost();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => host.Client.PhoneNumbers.ListAsync(new VapiListFilter { PageSize = limit }))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.ParamName, Is.EqualTo("filter.PageSize"));
            Assert.That(ex.Message, Does.Contain("filter.PageSize"));
            Assert.That(ex.Message, Does.Contain("between 1 and 1000"));
            Assert.That(host.SentCount, Is.Zero);
        });
    }

    [Test]
    public void A_failing_page_surfaces_as_a_VapiException_while_enumerating()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number?limit=100")
            .Respond(System.Net.HttpStatusCode.BadRequest, "application/json", Fixtures.Read("error-validation.json"));

        var ex = Assert.ThrowsAsync<VapiException>(() => ToListAsync(host.Client.PhoneNumbers.ListAsync()))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.IsValidationError, Is.True);
            Assert.That(ex.Operation, Is.EqualTo("GET /phone-number"));
        });
    }
}
