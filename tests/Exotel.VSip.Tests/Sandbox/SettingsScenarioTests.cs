namespace Exotel.VSip.Tests.Sandbox;

/// <summary>Trunk settings: the <c>trunk_external_alias</c> caller ID set, listed, replaced and deleted; per-item results.</summary>
public sealed class SettingsScenarioTests : SandboxScenario
{
    [Test]
    public async Task The_external_alias_is_set_listed_and_deleted()
    {
        var trunk = await CreateTrunkAsync();

        var result = await Client.Settings.SetAsync(trunk.Sid, new Dictionary<string, string> { [ExotelTrunkSetting.ExternalAlias] = ExoPhone });
        var listed = await Client.Settings.ListAsync(trunk.Sid).ToListAsync();
        await Client.Settings.DeleteAsync(trunk.Sid, ExotelTrunkSetting.ExternalAlias);
        var afterDelete = await Client.Settings.ListAsync(trunk.Sid).ToListAsync();

        var collection = V2($"trunks/{trunk.Sid}/settings");
        Assert.Multiple(() =>
        {
            Assert.That(result.HttpStatus, Is.EqualTo(200));
            Assert.That(result.AllSucceeded, Is.True);
            Assert.That(result.RequestId, Does.Match(RequestIdPattern));
            var set = result.Items.Single().Value!;
            Assert.That((set.Name, set.Value, set.TrunkSid), Is.EqualTo(("trunk_external_alias", ExoPhone, trunk.Sid)));
            Assert.That(set.DateCreated, Is.EqualTo(Start));
            Assert.That(listed.Select(s => (s.Name, s.Value)), Is.EqualTo(new[] { ("trunk_external_alias", ExoPhone) }));
            Assert.That(afterDelete, Is.Empty);
            Assert.That(Sandbox.Exotel.Settings(trunk.Sid), Is.Empty);
            Assert.That(ReceivedOnce("POST", collection).BodyText, Is.EqualTo($$"""{"settings":[{"name":"trunk_external_alias","value":"{{ExoPhone}}"}]}"""));
            Assert.That(ReceivedOnce("DELETE", collection).Query, Is.EqualTo("?name=trunk_external_alias"));
        });
    }

    [Test]
    public async Task An_unknown_setting_fails_on_its_own_while_the_alias_is_set()
    {
        var trunk = await CreateTrunkAsync();

        var result = await Client.Settings.SetAsync(trunk.Sid, new Dictionary<string, string>
        {
            [ExotelTrunkSetting.ExternalAlias] = ExoPhone,
            ["caller_name"] = "Vx",
        });

        Assert.Multiple(() =>
        {
            Assert.That(result.HttpStatus, Is.EqualTo(207));
            Assert.That(result.AllSucceeded, Is.False);
            Assert.That(result.Items, Has.Count.EqualTo(2));
            Assert.That(result.Items[0].Value!.Name, Is.EqualTo("trunk_external_alias"));
            Assert.That(result.Items[1].IsSuccess, Is.False);
            Assert.That(result.Items[1].Error!.Code, Is.EqualTo(400));
            Assert.That(result.Items[1].Error!.ErrorCode, Is.EqualTo(ExotelErrorCode.InvalidParameter));
            Assert.That(result.Items[1].Error!.Description, Is.EqualTo("Invalid setting name caller_name"));
            Assert.That(Sandbox.Exotel.Settings(trunk.Sid).Select(s => (string?)s["name"]), Is.EqualTo(new[] { "trunk_external_alias" }));
        });
    }
}
