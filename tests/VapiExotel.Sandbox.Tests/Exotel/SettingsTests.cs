using System.Net;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>Trunk settings, the caller-ID alias (exotel-api.md §2.2, §5.6), over real HTTP.</summary>
public sealed class SettingsTests : Support.SandboxTest
{
    private Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string trunkSid, string name, string value) =>
        SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{trunkSid}/settings"),
            new JsonObject { ["settings"] = new JsonArray(new JsonObject { ["name"] = name, ["value"] = value }) }.ToJsonString());

    [Test]
    public async Task Setting_the_external_alias_answers_200_with_only_total_and_success_in_metadata()
    {
        var trunk = await CreateTrunkAsync();

        var answer = await PostAsync(trunk, "trunk_external_alias", "+919876543210");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body?.ToJsonString());
        V2Assert.Head(answer.Body, "POST", 200);
        V2Assert.Json(answer.Body!["metadata"], """{"total":1,"success":1}""");
        V2Assert.Json(answer.Body["response"], $$$"""
            [{"code":200,"error_data":null,"status":"success",
              "data":{"name":"trunk_external_alias","value":"+919876543210","trunk_sid":"{{{trunk}}}",
                      "date_created":"2026-01-23T10:00:00Z","date_updated":"2026-01-23T10:00:00Z"}}]
            """);
        V2Assert.Json(Sandbox.Exotel.Settings(trunk).Single(), answer.Body["response"]![0]!["data"]!.ToJsonString());
    }

    [Test]
    public async Task Setting_the_alias_again_replaces_the_value_and_keeps_one_setting()
    {
        var trunk = await CreateTrunkAsync();
        await PostAsync(trunk, "trunk_external_alias", "+919876543210");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        var answer = await PostAsync(trunk, "trunk_external_alias", "+918040264208");

        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK));
        var settings = Sandbox.Exotel.Settings(trunk);
        Assert.That(settings, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That((string?)settings[0]["value"], Is.EqualTo("+918040264208"));
            Assert.That((string?)settings[0]["date_created"], Is.EqualTo("2026-01-23T10:00:00Z"));
            Assert.That((string?)settings[0]["date_updated"], Is.EqualTo("2026-01-23T10:01:00Z"));
        });
    }

    [Test]
    public async Task An_unknown_setting_name_is_a_failed_item_in_a_207()
    {
        var trunk = await CreateTrunkAsync();

        var answer = await PostAsync(trunk, "caller_id", "+919876543210");

        Assert.That((int)answer.Status, Is.EqualTo(207));
        V2Assert.Head(answer.Body, "POST", 207);
        V2Assert.Json(answer.Body!["metadata"], """{"total":1,"success":0}""");
        V2Assert.Item(answer.Body["response"]![0]!.AsObject(), 400, 1002, "Invalid parameter", "Invalid setting name caller_id");
        Assert.That(Sandbox.Exotel.Settings(trunk), Is.Empty);
    }

    [TestCase("9876543210")]
    [TestCase("sandbox")]
    [TestCase("")]
    public async Task An_alias_that_is_not_E164_is_a_failed_item(string value)
    {
        var trunk = await CreateTrunkAsync();

        var answer = await PostAsync(trunk, "trunk_external_alias", value);

        Assert.That((int)answer.Status, Is.EqualTo(207));
        V2Assert.Item(answer.Body!["response"]![0]!.AsObject(), 400, 1002, "Invalid parameter", "Invalid value for trunk_external_alias");
        Assert.That(Sandbox.Exotel.Settings(trunk), Is.Empty);
    }

    [Test]
    public async Task A_body_without_settings_is_1001()
    {
        var trunk = await CreateTrunkAsync();

        var answer = await SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{trunk}/settings"), """{"settings":[]}""");

        V2Assert.Mandatory(answer, "POST", "Settings is mandatory");
    }

    [Test]
    public async Task List_answers_the_settings_with_page_metadata()
    {
        var trunk = await CreateTrunkAsync();
        await PostAsync(trunk, "trunk_external_alias", "+919876543210");

        var answer = await SendAsync(Exotel, HttpMethod.Get, V2($"trunks/{trunk}/settings"));

        var settings = V2Assert.List(answer);
        Assert.That(settings.Select(s => $"{s["name"]}={s["value"]}"), Is.EqualTo(new[] { "trunk_external_alias=+919876543210" }));
        Assert.That((string?)answer.Body!["metadata"]!["first_page_uri"], Is.EqualTo($"/v2/accounts/{AccountSid}/trunks/{trunk}/settings?offset=0&page_size=50"));
    }

    [Test]
    public async Task Delete_by_name_answers_the_setting_and_leaves_an_empty_list()
    {
        var trunk = await CreateTrunkAsync();
        await PostAsync(trunk, "trunk_external_alias", "+919876543210");

        var data = V2Assert.Success(await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/settings?name=trunk_external_alias")), "DELETE");
        var after = await SendAsync(Exotel, HttpMethod.Get, V2($"trunks/{trunk}/settings"));

        Assert.That((string?)data["value"], Is.EqualTo("+919876543210"));
        Assert.That(V2Assert.List(after), Is.Empty);
        Assert.That(after.Body!.AsObject().ContainsKey("metadata"), Is.False);
        Assert.That(Sandbox.Exotel.Settings(trunk), Is.Empty);
    }

    [Test]
    public async Task Delete_of_a_setting_that_is_not_set_is_404_1000()
    {
        var trunk = await CreateTrunkAsync();

        V2Assert.NotFound(await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/settings?name=trunk_external_alias")), "DELETE");
    }
}
