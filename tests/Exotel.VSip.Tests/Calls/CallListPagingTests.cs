using System.Net;
using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>The bulk call query follows <c>Metadata.NextPageUri</c>, and only inside this account's API.</summary>
public sealed class CallListPagingTests
{
    [Test]
    public async Task List_follows_NextPageUri_across_three_pages()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath + "?PageSize=2").Respond("application/json", Fixtures.Read("v1-calls-page1.json"));
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath + "?PageSize=2&After=c2").Respond("application/json", Fixtures.Read("v1-calls-page2.json"));
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath + "?PageSize=2&After=c4").Respond("application/json", Fixtures.Read("v1-calls-page3.json"));

        var calls = await V1Json.ToListAsync(host.Client.Calls.ListAsync(new ExotelCallListFilter { PageSize = 2 }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls.Select(c => c.Sid), Is.EqualTo(new[] { "c1", "c2", "c3", "c4", "c5" }));
            Assert.That(calls[0].Duration, Is.EqualTo(TimeSpan.FromSeconds(59)));
            Assert.That(calls[0].AnsweredBy, Is.EqualTo(ExotelAnsweredBy.Human));
            Assert.That(calls[1].Status, Is.EqualTo(ExotelCallStatus.NoAnswer));
            Assert.That(calls[3].To, Is.Null);
            Assert.That(calls[3].Price, Is.EqualTo(2.5m));
            Assert.That(calls[4].Direction, Is.EqualTo(ExotelCallDirection.Inbound));
            Assert.That(calls[4].DateCreated, Is.EqualTo(new DateTimeOffset(2019, 1, 7, 18, 45, 12, TimeSpan.FromHours(5.5))));
            Assert.That(host.SentCount, Is.EqualTo(3));
        }

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task List_keeps_the_filters_Exotel_puts_in_the_next_link()
    {
        const string next = "/v1/Accounts/acme1/Calls.json?DateCreated=gte%3A2019-01-01%2000%3A00%3A00%3Blte%3A2019-01-31%2023%3A59%3A59&PageSize=2&After=q1";
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath + "?DateCreated=gte%3A2019-01-01%2000%3A00%3A00%3Blte%3A2019-01-31%2023%3A59%3A59&PageSize=2")
            .Respond("application/json", V1Json.Page(next, "q1"));
        host.ExpectJson(HttpMethod.Get, next).Respond("application/json", V1Json.Page(null, "q2"));

        var filter = new ExotelCallListFilter
        {
            CreatedFrom = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.FromHours(5.5)),
            CreatedTo = new DateTimeOffset(2019, 1, 31, 23, 59, 59, TimeSpan.FromHours(5.5)),
            PageSize = 2,
        };
        var calls = await V1Json.ToListAsync(host.Client.Calls.ListAsync(filter));

        Assert.That(calls.Select(c => c.Sid), Is.EqualTo(new[] { "q1", "q2" }));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task List_follows_an_absolute_next_link_on_the_same_host()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath).Respond("application/json", V1Json.Page(TestAccount.BaseUrl + V1Json.ListPath + "?After=a1", "a1"));
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath + "?After=a1").Respond("application/json", V1Json.Page(null, "a2"));

        var calls = await V1Json.ToListAsync(host.Client.Calls.ListAsync());

        Assert.That(calls.Select(c => c.Sid), Is.EqualTo(new[] { "a1", "a2" }));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task List_stops_at_an_empty_page_even_with_a_next_link()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath).Respond("application/json", V1Json.Page("/v1/Accounts/acme1/Calls.json?After=e1", "e1"));
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath + "?After=e1").Respond("application/json", V1Json.Page("/v1/Accounts/acme1/Calls.json?After=e2"));

        var calls = await V1Json.ToListAsync(host.Client.Calls.ListAsync());

        Assert.That(calls.Select(c => c.Sid), Is.EqualTo(new[] { "e1" }));
        Assert.That(host.SentCount, Is.EqualTo(2));
        host.VerifyAllSatisfied();
    }

    [TestCase("")]
    [TestCase(null)]
    public async Task List_stops_when_there_is_no_next_link(string? next)
    {
        using var host = new ExotelTestHost();
        var body = next is null
            ? """{"Metadata":{"Total":1,"PageSize":50,"FirstPageUri":"/v1/Accounts/acme1/Calls.json"},"Calls":[""" + V1Json.Call("n1") + "]}"
            : V1Json.Page(next, "n1");
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath).Respond("application/json", body);

        var calls = await V1Json.ToListAsync(host.Client.Calls.ListAsync());

        Assert.That(calls.Single().Sid, Is.EqualTo("n1"));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task List_reads_a_page_without_metadata_and_calls_wrapped_in_Call()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath)
            .Respond("application/json", """{"Calls":[""" + V1Json.Wrapped(V1Json.Call("w1")) + "," + V1Json.Call("w2", "busy") + "]}");

        var calls = await V1Json.ToListAsync(host.Client.Calls.ListAsync());

        Assert.That(calls.Select(c => c.Sid), Is.EqualTo(new[] { "w1", "w2" }));
        Assert.That(calls[1].Status, Is.EqualTo(ExotelCallStatus.Busy));
    }

    [TestCase("""{"Calls":[null]}""")]
    [TestCase("""{"Calls":["c1"]}""")]
    [TestCase("""{"Calls":[42]}""")]
    public void List_fails_with_an_ExotelException_when_a_page_holds_something_other_than_calls(string body)
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath).Respond("application/json", body);

        var ex = Assert.ThrowsAsync(Is.InstanceOf<Exception>(), async () => await V1Json.ToListAsync(host.Client.Calls.ListAsync()))!;

        Assert.That(ex, Is.TypeOf<ExotelException>(), "an unreadable answer is reported as the SDK's one exception type");
        Assert.That(((ExotelException)ex).Status, Is.EqualTo(200));
    }

    [TestCase("https://evil.example/v1/Accounts/acme1/Calls.json?After=x", TestName = "List_refuses_a_next_link_to_another_host")]
    [TestCase("http://api.in.exotel.com/v1/Accounts/acme1/Calls.json?After=x", TestName = "List_refuses_a_next_link_downgraded_to_http")]
    [TestCase("https://api.in.exotel.com:8443/v1/Accounts/acme1/Calls.json?After=x", TestName = "List_refuses_a_next_link_to_another_port")]
    [TestCase("//evil.example/v1/Accounts/acme1/Calls.json?After=x", TestName = "List_refuses_a_protocol_relative_next_link")]
    [TestCase("/v1/Accounts/other/Calls.json?After=x", TestName = "List_refuses_a_next_link_into_another_account")]
    [TestCase("/v1/Accounts/acme10/Calls.json?After=x", TestName = "List_refuses_a_next_link_into_an_account_sharing_the_prefix")]
    [TestCase("/v1/Accounts/acme1/../other/Calls.json", TestName = "List_refuses_a_next_link_that_climbs_out_of_the_account")]
    [TestCase("/v2/accounts/acme1/trunks", TestName = "List_refuses_a_next_link_into_another_API")]
    [TestCase("Calls.json?After=x", TestName = "List_refuses_a_relative_next_link")]
    public void List_refuses_a_next_link_outside_this_accounts_API(string next)
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath).Respond("application/json", V1Json.Page(next, "r1"));
        var received = new List<string>();

        var ex = Assert.ThrowsAsync<ExotelException>(async () =>
        {
            await foreach (var call in host.Client.Calls.ListAsync())
            {
                received.Add(call.Sid);
            }
        })!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Message, Does.Contain("outside this account"));
            Assert.That(received, Is.EqualTo(new[] { "r1" }), "the first page's calls are still returned");
            Assert.That(host.SentCount, Is.EqualTo(1), "no request may be sent to the refused link");
            Assert.That(host.Unmatched, Is.Empty);
        }

        host.VerifyAllSatisfied();
    }

    [Test]
    public void List_stops_when_a_page_links_back_to_itself()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath).Respond("application/json", V1Json.Page("/v1/Accounts/acme1/Calls.json?After=l1", "l1"));
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath + "?After=l1").Respond("application/json", V1Json.Page("/v1/Accounts/acme1/Calls.json?After=l1", "l2"));
        var received = new List<string>();

        var ex = Assert.ThrowsAsync<ExotelException>(async () =>
        {
            await foreach (var call in host.Client.Calls.ListAsync())
            {
                received.Add(call.Sid);
            }
        })!;

        Assert.That(ex.Message, Does.Contain("already returned"));
        Assert.That(received, Is.EqualTo(new[] { "l1", "l2" }));
        Assert.That(host.SentCount, Is.EqualTo(2));
    }

    [Test]
    public void List_fails_with_the_error_of_a_later_page_after_returning_the_earlier_calls()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath).Respond("application/json", V1Json.Page("/v1/Accounts/acme1/Calls.json?After=p1", "p1"));
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath + "?After=p1")
            .Respond(HttpStatusCode.InternalServerError, "application/json", V1Json.RestException(500, "Internal error"));
        var received = new List<string>();

        var ex = Assert.ThrowsAsync<ExotelException>(async () =>
        {
            await foreach (var call in host.Client.Calls.ListAsync())
            {
                received.Add(call.Sid);
            }
        })!;

        Assert.That(ex.Status, Is.EqualTo(500));
        Assert.That(ex.Message, Does.Contain("Internal error"));
        Assert.That(received, Is.EqualTo(new[] { "p1" }));
        Assert.That(host.SentCount, Is.EqualTo(2));
    }

    [Test]
    public async Task List_sends_nothing_until_it_is_enumerated_and_stops_when_the_caller_stops()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath).Respond("application/json", V1Json.Page("/v1/Accounts/acme1/Calls.json?After=b2", "b1", "b2"));

        var sequence = host.Client.Calls.ListAsync();
        Assert.That(host.SentCount, Is.Zero);

        await foreach (var call in sequence)
        {
            Assert.That(call.Sid, Is.EqualTo("b1"));
            break;
        }

        Assert.That(host.SentCount, Is.EqualTo(1), "the next page is not read when the caller stops early");
    }
}
