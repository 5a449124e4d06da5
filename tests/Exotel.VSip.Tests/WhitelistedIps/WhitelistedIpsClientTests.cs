using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.WhitelistedIps;

public class WhitelistedIpsClientTests
{
    private const string Ips = TestAccount.V2 + "/trunks/" + TestAccount.TrunkSid + "/whitelisted-ips";

    [Test]
    public async Task Add_posts_the_ip_with_mask_32_by_default()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Ips, """{"ip":"44.248.146.11","mask":32}""").Respond("application/json", Fixtures.Read("whitelisted-ip-create.json"));

        var entry = await host.Client.WhitelistedIps.AddAsync(TestAccount.TrunkSid, "44.248.146.11");

        Assert.That((entry.Id, entry.Ip, entry.Mask, entry.FriendlyName), Is.EqualTo(("1153", "44.248.146.11", (int?)32, (string?)null)));
        host.VerifyAllSatisfied();
    }

    [Test]
    public void Add_of_an_ip_already_listed_is_a_duplicate_even_inside_http_200()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Ips, """{"ip":"44.248.146.10","mask":32}""").Respond("application/json", Fixtures.Read("whitelisted-ip-duplicate-200.json"));

        var e = Assert.ThrowsAsync<ExotelException>(() => host.Client.WhitelistedIps.AddAsync(TestAccount.TrunkSid, "44.248.146.10"))!;

        Assert.That(e.IsDuplicate, Is.True);
        Assert.That(e.Description, Is.EqualTo("Unable to Whitelist-ip with ip 44.248.146.10"));
    }

    [TestCase("44.248.146")]
    [TestCase("44.248.146.256")]
    [TestCase("044.248.146.1")]
    [TestCase("pstn.in2.exotel.com")]
    [TestCase("::1")]
    [TestCase("1")]
    public void Add_refuses_what_is_not_a_dotted_quad_before_sending(string ip)
    {
        using var host = new ExotelTestHost();

        var e = Assert.ThrowsAsync<ArgumentException>(() => host.Client.WhitelistedIps.AddAsync(TestAccount.TrunkSid, ip))!;

        Assert.That(e.ParamName, Is.EqualTo("ip"));
        Assert.That(e.Message, Does.Contain("IPv4"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [TestCase(15)]
    [TestCase(33)]
    [TestCase(-1)]
    public void Add_refuses_a_mask_outside_16_to_32_before_sending(int mask)
    {
        using var host = new ExotelTestHost();

        var e = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.WhitelistedIps.AddAsync(TestAccount.TrunkSid, "44.248.146.11", mask))!;

        Assert.That(e.ParamName, Is.EqualTo("mask"));
        Assert.That(e.Message, Does.Contain("between 16 and 32"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public async Task A_delete_that_succeeded_does_not_fail_on_an_unexpected_data_shape()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Delete, Ips + "?id=1153").Respond("application/json", Fixtures.Envelope("""{"id":"1153","mask":{"odd":true}}"""));

        Assert.That(() => host.Client.WhitelistedIps.DeleteAsync(TestAccount.TrunkSid, "1153"), Throws.Nothing);
    }

    [Test]
    public async Task List_update_and_delete_use_the_documented_paths()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Ips).Respond("application/json", Fixtures.List(["""{"id":"1153","ip":"44.248.146.11","mask":"32"}"""]));
        host.ExpectJson(HttpMethod.Put, Ips + "/1153", """{"ip":"44.248.146.0","mask":24}""")
            .Respond("application/json", Fixtures.Envelope("""{"id":"1153","ip":"44.248.146.0","mask":24}"""));
        host.ExpectJson(HttpMethod.Delete, Ips + "?id=1153").Respond("application/json", Fixtures.Envelope("""{"id":"1153"}"""));

        var listed = await host.Client.WhitelistedIps.ListAsync(TestAccount.TrunkSid).SingleAsync();
        var updated = await host.Client.WhitelistedIps.UpdateAsync(TestAccount.TrunkSid, "1153", "44.248.146.0", 24);
        await host.Client.WhitelistedIps.DeleteAsync(TestAccount.TrunkSid, "1153");

        Assert.That(listed.Mask, Is.EqualTo(32), "a mask sent as a string is read");
        Assert.That(updated.Mask, Is.EqualTo(24));
        host.VerifyAllSatisfied();
    }
}
