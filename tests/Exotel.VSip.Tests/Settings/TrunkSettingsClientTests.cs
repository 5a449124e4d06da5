using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Settings;

public class TrunkSettingsClientTests
{
    private const string Settings = TestAccount.V2 + "/trunks/" + TestAccount.TrunkSid + "/settings";

    [Test]
    public async Task Set_posts_a_settings_array_and_reads_per_item_results()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Settings, """{"settings":[{"name":"trunk_external_alias","value":"+919876543210"}]}""")
            .Respond("application/json", Fixtures.Read("settings-200.json"));

        var result = await host.Client.Settings.SetAsync(
            TestAccount.TrunkSid, new Dictionary<string, string> { [ExotelTrunkSetting.ExternalAlias] = "+919876543210" });

        Assert.That(result.AllSucceeded, Is.True);
        Assert.That(result.Items.Single().Value!.Value, Is.EqualTo("+919876543210"));
        Assert.That(result.RequestId, Is.EqualTo("8ce98845365f43fd97c2f46df38438c6"));
        host.VerifyAllSatisfied();
    }

    [Test]
    public void Set_refuses_an_external_alias_that_is_not_e164_before_sending()
    {
        using var host = new ExotelTestHost();

        var e = Assert.ThrowsAsync<ArgumentException>(() => host.Client.Settings.SetAsync(
            TestAccount.TrunkSid, new Dictionary<string, string> { [ExotelTrunkSetting.ExternalAlias] = "09876543210" }))!;

        Assert.That(e.Message, Does.Contain("E.164"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public async Task List_and_delete_use_the_documented_paths()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Settings).Respond("application/json", Fixtures.List(["""{"name":"trunk_external_alias","value":"+919876543210"}"""]));
        host.ExpectJson(HttpMethod.Delete, Settings + "?name=trunk_external_alias").Respond("application/json", Fixtures.Envelope("""{"name":"trunk_external_alias"}"""));

        var listed = await host.Client.Settings.ListAsync(TestAccount.TrunkSid).SingleAsync();
        await host.Client.Settings.DeleteAsync(TestAccount.TrunkSid, ExotelTrunkSetting.ExternalAlias);

        Assert.That(listed.Name, Is.EqualTo(ExotelTrunkSetting.ExternalAlias));
        host.VerifyAllSatisfied();
    }
}
