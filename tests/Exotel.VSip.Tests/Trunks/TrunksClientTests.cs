using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Trunks;

public class TrunksClientTests
{
    private const string Trunks = TestAccount.V2 + "/trunks";

    [Test]
    public async Task Create_posts_name_with_documented_nso_code_and_domain_derived_from_the_account()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Trunks, """{"trunk_name":"outbound_trunk","nso_code":"ANY-ANY","domain_name":"acme1.pstn.exotel.com"}""")
            .Respond("application/json", Fixtures.Read("trunk-create.json"));

        var trunk = await host.Client.Trunks.CreateAsync(new CreateTrunkRequest("outbound_trunk"));

        Assert.Multiple(() =>
        {
            Assert.That(trunk.Sid, Is.EqualTo(TestAccount.TrunkSid));
            Assert.That(trunk.Name, Is.EqualTo("outbound_trunk"));
            Assert.That(trunk.Status, Is.EqualTo(ExotelTrunkStatus.Active));
            Assert.That(trunk.AuthType, Is.EqualTo(ExotelTrunkAuthType.IpWhitelist));
            Assert.That(trunk.RegistrationEnabled, Is.EqualTo(ExotelFeatureState.Disabled));
            Assert.That(trunk.SecureTrunking, Is.EqualTo(ExotelFeatureState.Disabled));
            Assert.That(trunk.EdgePreference, Is.EqualTo("auto"));
            Assert.That(trunk.NsoCode, Is.EqualTo("ANY-ANY"));
            Assert.That(trunk.DomainName, Is.EqualTo("ameyo5m.pstn.exotel.com"));
            Assert.That(trunk.DateCreated, Is.EqualTo(new DateTimeOffset(2026, 1, 23, 9, 24, 59, TimeSpan.Zero)));
        });
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Create_sends_an_overridden_nso_code_and_domain_as_given()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Trunks, """{"trunk_name":"t_1","nso_code":"XYZ-ABC","domain_name":"other.pstn.exotel.com"}""")
            .Respond("application/json", Fixtures.Read("trunk-create.json"));

        await host.Client.Trunks.CreateAsync(new CreateTrunkRequest("t_1") { NsoCode = "XYZ-ABC", DomainName = "other.pstn.exotel.com" });

        host.VerifyAllSatisfied();
    }

    [Test]
    public void Create_with_a_taken_name_raises_a_duplicate_with_the_code_and_request_id()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Trunks, """{"trunk_name":"outbound_trunk","nso_code":"ANY-ANY","domain_name":"acme1.pstn.exotel.com"}""")
            .Respond(System.Net.HttpStatusCode.Conflict, "application/json", Fixtures.Read("trunk-duplicate-409.json"));

        var e = Assert.ThrowsAsync<ExotelException>(() => host.Client.Trunks.CreateAsync(new CreateTrunkRequest("outbound_trunk")))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsDuplicate, Is.True);
            Assert.That(e.Status, Is.EqualTo(409));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.DuplicateResource));
            Assert.That(e.RequestId, Is.EqualTo("b2c3d4e5f6a7"));
            Assert.That(e.Description, Is.EqualTo("Trunk with name 'outbound_trunk' already exists"));
            Assert.That(e.Operation, Is.EqualTo("POST /v2/accounts/{account_sid}/trunks"));
            Assert.That(e.Message, Does.Contain("Duplicate resource").And.Contain("request id b2c3d4e5f6a7"));
        });
    }

    [TestCase("", "must not be empty")]
    [TestCase("this_name_is_too_long", "1 to 16 characters")]
    [TestCase("has-hyphen", "letters, digits and '_'")]
    [TestCase("has space", "letters, digits and '_'")]
    public void Create_refuses_a_name_that_breaks_the_rule_before_sending(string name, string rule)
    {
        using var host = new ExotelTestHost();

        var e = Assert.ThrowsAsync<ArgumentException>(() => host.Client.Trunks.CreateAsync(new CreateTrunkRequest(name)))!;

        Assert.That(e.ParamName, Is.EqualTo("TrunkName"));
        Assert.That(e.Message, Does.Contain(rule));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public async Task List_follows_next_page_uri_to_the_end()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Trunks)
            .Respond("application/json", Fixtures.List([Trunk("tr1", "a"), Trunk("tr2", "b")], $"{Trunks}?offset=2&page_size=2"));
        host.ExpectJson(HttpMethod.Get, Trunks + "?offset=2&page_size=2")
            .Respond("application/json", Fixtures.List([Trunk("tr3", "c")]));

        var sids = await host.Client.Trunks.ListAsync().Select(t => t.Sid).ToListAsync();

        Assert.That(sids, Is.EqualTo(new[] { "tr1", "tr2", "tr3" }));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task List_sends_paging_options()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Trunks + "?page_size=10&offset=20").Respond("application/json", Fixtures.Read("list-empty-no-metadata.json"));

        var trunks = await host.Client.Trunks.ListAsync(new ExotelListOptions { PageSize = 10, Offset = 20 }).ToListAsync();

        Assert.That(trunks, Is.Empty);
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Get_filters_by_trunk_sid_and_returns_the_exact_match()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, $"{Trunks}?trunk_sid=tr2").Respond("application/json", Fixtures.List([Trunk("tr2", "b")]));

        var trunk = await host.Client.Trunks.GetAsync("tr2");

        Assert.That(trunk?.Name, Is.EqualTo("b"));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Get_returns_null_when_the_filter_is_ignored_and_another_trunk_comes_back()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, $"{Trunks}?trunk_sid=tr9").Respond("application/json", Fixtures.List([Trunk("tr1", "a")]));

        Assert.That(await host.Client.Trunks.GetAsync("tr9"), Is.Null);
    }

    [Test]
    public async Task Get_returns_null_for_a_404_not_found()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, $"{Trunks}?trunk_sid=nope")
            .Respond(System.Net.HttpStatusCode.NotFound, "application/json", Fixtures.Failure(404, 404, 1000, "Not Found", "Not Found"));

        Assert.That(await host.Client.Trunks.GetAsync("nope"), Is.Null);
    }

    [Test]
    public async Task Update_puts_only_the_fields_given_to_the_trunk_path()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Put, $"{Trunks}/{TestAccount.TrunkSid}", """{"trunk_name":"renamed"}""")
            .Respond("application/json", Fixtures.Envelope(Trunk(TestAccount.TrunkSid, "renamed")));

        var trunk = await host.Client.Trunks.UpdateAsync(TestAccount.TrunkSid, new UpdateTrunkRequest { TrunkName = "renamed" });

        Assert.That(trunk.Name, Is.EqualTo("renamed"));
        host.VerifyAllSatisfied();
    }

    [Test]
    public void Update_with_nothing_to_change_is_refused_before_sending()
    {
        using var host = new ExotelTestHost();

        Assert.ThrowsAsync<ArgumentException>(() => host.Client.Trunks.UpdateAsync(TestAccount.TrunkSid, new UpdateTrunkRequest()));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public async Task Delete_uses_the_trunk_sid_query_and_returns_the_deleted_trunk()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Delete, $"{Trunks}?trunk_sid={TestAccount.TrunkSid}").Respond("application/json", Fixtures.Read("trunk-create.json"));

        var deleted = await host.Client.Trunks.DeleteAsync(TestAccount.TrunkSid, confirm: true);

        Assert.That(deleted?.Sid, Is.EqualTo(TestAccount.TrunkSid));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Delete_tolerates_an_envelope_without_data()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Delete, $"{Trunks}?trunk_sid=tr1")
            .Respond("application/json", """{"request_id":"r","method":"DELETE","http_code":200,"response":{"code":200,"error_data":null,"status":"success","data":null}}""");

        Assert.That(await host.Client.Trunks.DeleteAsync("tr1", confirm: true), Is.Null);
        host.VerifyAllSatisfied();
    }

    [Test]
    public void Delete_without_confirmation_is_refused_before_sending()
    {
        using var host = new ExotelTestHost();

        var e = Assert.ThrowsAsync<ArgumentException>(() => host.Client.Trunks.DeleteAsync(TestAccount.TrunkSid, confirm: false))!;

        Assert.That(e.ParamName, Is.EqualTo("confirm"));
        Assert.That(e.Message, Does.Contain("irreversibly"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("tr/../x")]
    [TestCase("..")]
    [TestCase(".")]
    [TestCase("tr?x=1")]
    public void Operations_refuse_an_empty_or_unsafe_trunk_sid_before_sending(string sid)
    {
        using var host = new ExotelTestHost();

        var e = Assert.ThrowsAsync(Is.InstanceOf<ArgumentException>(), () => host.Client.Trunks.GetAsync(sid))!;

        Assert.That(((ArgumentException)e).ParamName, Is.EqualTo("trunkSid"));
        Assert.That(host.SentCount, Is.Zero);
    }

    internal static string Trunk(string sid, string name) =>
        $$"""{"trunk_sid":"{{sid}}","trunk_name":"{{name}}","status":"active","date_created":"2026-01-23T09:24:59Z"}""";
}
