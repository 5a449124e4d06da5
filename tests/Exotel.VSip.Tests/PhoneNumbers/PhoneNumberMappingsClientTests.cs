using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.PhoneNumbers;

public class PhoneNumberMappingsClientTests
{
    private const string Numbers = TestAccount.V2 + "/trunks/" + TestAccount.TrunkSid + "/phone-numbers";

    [Test]
    public async Task Map_posts_the_number_without_a_mode_when_none_is_given()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Numbers, """{"phone_number":"+919876543210"}""").Respond("application/json", Fixtures.Read("phone-mapping-create.json"));

        var mapping = await host.Client.PhoneNumbers.MapAsync(TestAccount.TrunkSid, "+919876543210");

        Assert.Multiple(() =>
        {
            Assert.That(mapping.Id, Is.EqualTo("41512"));
            Assert.That(mapping.PhoneNumber, Is.EqualTo("+919876543210"));
            Assert.That(mapping.Mode, Is.Null);
            Assert.That(mapping.EffectiveMode, Is.EqualTo(PhoneNumberMode.Pstn), "a null mode behaves like pstn");
        });
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Map_sends_the_mode_in_lower_case()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Numbers, """{"phone_number":"+919876543210","mode":"pstn"}""").Respond("application/json", Fixtures.Read("phone-mapping-create.json"));

        await host.Client.PhoneNumbers.MapAsync(TestAccount.TrunkSid, "+919876543210", new PhoneNumberMode("PSTN"));

        host.VerifyAllSatisfied();
    }

    [Test]
    public void Map_of_a_number_already_mapped_is_a_duplicate_even_inside_http_200()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Numbers, """{"phone_number":"+919876543210"}""")
            .Respond("application/json", Fixtures.Read("phone-mapping-duplicate-200.json"));

        var e = Assert.ThrowsAsync<ExotelException>(() => host.Client.PhoneNumbers.MapAsync(TestAccount.TrunkSid, "+919876543210"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(200));
            Assert.That(e.ResponseCode, Is.EqualTo(409));
            Assert.That(e.IsDuplicate, Is.True);
            Assert.That(e.RequestId, Is.EqualTo("524f5159c04b44508f846cba89aeb87e"));
            Assert.That(e.Message, Does.Contain("HTTP 200, response.code 409, error 1008"));
        });
    }

    [TestCase("919876543210")]
    [TestCase("09876543210")]
    [TestCase("+91 98765 43210")]
    [TestCase("+0919876543210")]
    [TestCase("+91987654321012345")]
    public void Map_refuses_a_number_that_is_not_e164_before_sending(string number)
    {
        using var host = new ExotelTestHost();

        var e = Assert.ThrowsAsync<ArgumentException>(() => host.Client.PhoneNumbers.MapAsync(TestAccount.TrunkSid, number))!;

        Assert.That(e.ParamName, Is.EqualTo("phoneNumber"));
        Assert.That(e.Message, Does.Contain("E.164"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public async Task List_reads_the_documented_example()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Numbers).Respond("application/json", Fixtures.Read("phone-numbers-list.json"));

        var list = await host.Client.PhoneNumbers.ListAsync(TestAccount.TrunkSid).ToListAsync();

        Assert.That(list.Select(m => (m.Id, m.PhoneNumber, m.EffectiveMode)), Is.EqualTo(new[] { ("41523", "+918040264208", PhoneNumberMode.Flow) }));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task UpdateMode_puts_number_and_mode_to_the_id_path()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Put, Numbers + "/41523", """{"phone_number":"+918040264208","mode":"flow"}""")
            .Respond("application/json", Fixtures.Envelope("""{"id":"41523","phone_number":"+918040264208","mode":"flow"}"""));

        var mapping = await host.Client.PhoneNumbers.UpdateModeAsync(TestAccount.TrunkSid, "41523", "+918040264208", PhoneNumberMode.Flow);

        Assert.That(mapping.Mode, Is.EqualTo(PhoneNumberMode.Flow));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Delete_puts_the_mapping_id_in_the_query()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Delete, Numbers + "?id=41523").Respond("application/json", Fixtures.Envelope("""{"id":"41523"}"""));

        await host.Client.PhoneNumbers.DeleteAsync(TestAccount.TrunkSid, "41523");

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Lookup_escapes_the_plus_and_reads_a_bare_answer()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V2 + "/trunk-maps?exophone=%2B919876543210").Respond("application/json", Fixtures.Read("trunk-map.json"));

        var map = (await host.Client.PhoneNumbers.LookupAsync("+919876543210")).Single();

        Assert.That((map.TrunkSid, map.PhoneNumberId, map.Mode), Is.EqualTo((TestAccount.TrunkSid, "41512", (PhoneNumberMode?)PhoneNumberMode.Pstn)));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Lookup_reads_an_enveloped_answer_and_sends_the_trunk_filter()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V2 + $"/trunk-maps?exophone=%2B919876543210&trunk_sid={TestAccount.TrunkSid}")
            .Respond("application/json", Fixtures.Envelope(Fixtures.Read("trunk-map.json")));

        var maps = await host.Client.PhoneNumbers.LookupAsync("+919876543210", TestAccount.TrunkSid);

        Assert.That(maps.Select(m => m.PhoneNumberId), Is.EqualTo(new[] { "41512" }));
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Lookup_returns_every_trunk_a_number_is_mapped_to_so_that_broken_routing_shows()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V2 + "/trunk-maps?exophone=%2B919876543210").Respond("application/json", Fixtures.List(
        [
            """{"exophone":"+919876543210","trunk_sid":"trA","phone_number_id":"1","mode":"pstn"}""",
            """{"exophone":"+919876543210","trunk_sid":"trB","phone_number_id":"2","mode":"flow"}""",
        ]));

        var maps = await host.Client.PhoneNumbers.LookupAsync("+919876543210");

        Assert.That(maps.Select(m => m.TrunkSid), Is.EqualTo(new[] { "trA", "trB" }));
    }

    [Test]
    public async Task Lookup_of_an_unmapped_number_is_empty()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V2 + "/trunk-maps?exophone=%2B919876543211")
            .Respond(System.Net.HttpStatusCode.NotFound, "application/json", Fixtures.Failure(404, 404, 1000, "Not Found", "Not Found"));

        Assert.That(await host.Client.PhoneNumbers.LookupAsync("+919876543211"), Is.Empty);
    }

    [Test]
    public void Lookup_treats_a_bare_404_as_an_error_not_as_unmapped()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V2 + "/trunk-maps?exophone=%2B919876543211")
            .Respond(System.Net.HttpStatusCode.NotFound, "text/html", "<h1>404 Not Found</h1>");

        Assert.That(() => host.Client.PhoneNumbers.LookupAsync("+919876543211"), Throws.InstanceOf<ExotelException>().With.Property("Status").EqualTo(404));
    }
}
