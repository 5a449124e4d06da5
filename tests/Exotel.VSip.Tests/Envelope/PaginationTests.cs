using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Envelope;

public class PaginationTests
{
    private const string Numbers = TestAccount.V2 + "/trunks/tr1/phone-numbers";

    private static string Mapping(int i) => $$"""{"id":"{{i}}","phone_number":"+9198765432{{i:00}}"}""";

    [Test]
    public async Task Follows_three_pages_and_stops_at_a_null_next_link()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Numbers).Respond("application/json", Fixtures.List([Mapping(1), Mapping(2)], Numbers + "?offset=2&page_size=2"));
        host.ExpectJson(HttpMethod.Get, Numbers + "?offset=2&page_size=2").Respond("application/json", Fixtures.List([Mapping(3), Mapping(4)], Numbers + "?offset=4&page_size=2"));
        host.ExpectJson(HttpMethod.Get, Numbers + "?offset=4&page_size=2").Respond("application/json", Fixtures.List([Mapping(5)]));

        var ids = await host.Client.PhoneNumbers.ListAsync("tr1").Select(m => m.Id).ToListAsync();

        Assert.That(ids, Is.EqualTo(new[] { "1", "2", "3", "4", "5" }));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Stops_at_an_empty_page_even_if_a_next_link_is_given()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Numbers).Respond("application/json", Fixtures.List([Mapping(1)], Numbers + "?offset=1"));
        host.ExpectJson(HttpMethod.Get, Numbers + "?offset=1").Respond("application/json", Fixtures.List([], Numbers + "?offset=2"));

        var ids = await host.Client.PhoneNumbers.ListAsync("tr1").Select(m => m.Id).ToListAsync();

        Assert.That(ids, Is.EqualTo(new[] { "1" }));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Reads_pages_lazily_so_that_stopping_early_sends_no_further_request()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Numbers).Respond("application/json", Fixtures.List([Mapping(1), Mapping(2)], Numbers + "?offset=2"));

        var first = await host.Client.PhoneNumbers.ListAsync("tr1").FirstAsync();

        Assert.That(first.Id, Is.EqualTo("1"));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [TestCase("https://evil.example/v2/accounts/acme1/trunks/tr1/phone-numbers?offset=1")]
    [TestCase("//evil.example/v2/accounts/acme1/trunks?offset=1")]
    [TestCase("/v2/accounts/other_account/trunks/tr1/phone-numbers?offset=1")]
    [TestCase("/v2/accounts/acme1/../other/trunks?offset=1")]
    public void Refuses_a_next_link_outside_this_accounts_api(string link)
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Numbers).Respond("application/json", Fixtures.List([Mapping(1)], link));

        var e = Assert.ThrowsAsync<ExotelException>(async () => await host.Client.PhoneNumbers.ListAsync("tr1").ToListAsync())!;

        Assert.That(e.Message, Does.Contain("refusing to follow"));
        Assert.That(host.SentCount, Is.EqualTo(1), "nothing was sent to the foreign link");
    }

    [Test]
    public async Task Accepts_an_absolute_next_link_on_the_same_host()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Numbers).Respond("application/json", Fixtures.List([Mapping(1)], TestAccount.BaseUrl + Numbers + "?offset=1"));
        host.ExpectJson(HttpMethod.Get, Numbers + "?offset=1").Respond("application/json", Fixtures.List([Mapping(2)]));

        Assert.That(await host.Client.PhoneNumbers.ListAsync("tr1").CountAsync(), Is.EqualTo(2));
        host.VerifyAllSatisfied();
    }

    [Test]
    public void Stops_with_an_error_when_a_next_link_repeats()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Numbers).Respond("application/json", Fixtures.List([Mapping(1)], Numbers + "?offset=1"));
        host.ExpectJson(HttpMethod.Get, Numbers + "?offset=1").Respond("application/json", Fixtures.List([Mapping(2)], Numbers + "?offset=1"));

        Assert.That(async () => await host.Client.PhoneNumbers.ListAsync("tr1").ToListAsync(),
            Throws.InstanceOf<ExotelException>().With.Message.Contains("already returned"));
        Assert.That(host.SentCount, Is.EqualTo(2));
    }

    [Test]
    public void Cancellation_stops_the_enumeration()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Numbers).Respond("application/json", Fixtures.List([Mapping(1)], Numbers + "?offset=1"));
        using var cts = new CancellationTokenSource();

        Assert.That(async () =>
        {
            await foreach (var _ in host.Client.PhoneNumbers.ListAsync("tr1", cancellationToken: cts.Token))
            {
                await cts.CancelAsync();
            }
        }, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(host.SentCount, Is.EqualTo(1));
    }
}
