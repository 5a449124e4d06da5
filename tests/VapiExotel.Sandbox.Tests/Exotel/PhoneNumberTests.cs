using System.Net;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>Phone-number (DID) mappings and the trunk-maps lookup (exotel-api.md §5.2, §6), over real HTTP.</summary>
public sealed class PhoneNumberTests : Support.SandboxTest
{
    private const string Number = "+919876543210";

    private Task<(HttpStatusCode Status, JsonNode? Body)> MapAsync(string trunkSid, string json) =>
        SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{trunkSid}/phone-numbers"), json);

    private async Task<string> MapNumberAsync(string trunkSid, string number = Number, string? mode = null)
    {
        var body = new JsonObject { ["phone_number"] = number };
        if (mode is not null)
        {
            body["mode"] = mode;
        }

        return (string)V2Assert.Success(await MapAsync(trunkSid, body.ToJsonString()), "POST")["id"]!;
    }

    [Test]
    public async Task Map_answers_the_mapping_with_a_numeric_string_id_and_a_null_mode_when_none_was_sent()
    {
        var trunk = await CreateTrunkAsync();

        var data = V2Assert.Success(await MapAsync(trunk, $$"""{"phone_number":"{{Number}}"}"""), "POST");

        Assert.That(data["id"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.String));
        Assert.That((string)data["id"]!, Does.Match("^[0-9]+$"));
        V2Assert.Json(data, $$"""
            {"id":"{{data["id"]}}","phone_number":"{{Number}}","trunk_sid":"{{trunk}}",
             "date_created":"2026-01-23T10:00:00Z","date_updated":"2026-01-23T10:00:00Z","mode":null}
            """);
        V2Assert.Json(Sandbox.Exotel.PhoneNumbers(trunk).Single(), data.ToJsonString());
    }

    [TestCase("pstn")]
    [TestCase("flow")]
    public async Task Map_keeps_the_mode_sent(string mode)
    {
        var trunk = await CreateTrunkAsync();

        var data = V2Assert.Success(await MapAsync(trunk, $$"""{"phone_number":"{{Number}}","mode":"{{mode}}"}"""), "POST");

        Assert.That((string?)data["mode"], Is.EqualTo(mode));
        Assert.That((string?)Sandbox.Exotel.PhoneNumbers(trunk).Single()["mode"], Is.EqualTo(mode));
    }

    [TestCase("PSTN")]
    [TestCase("sip")]
    public async Task Map_with_a_mode_other_than_pstn_or_flow_is_1002(string mode)
    {
        var trunk = await CreateTrunkAsync();

        var answer = await MapAsync(trunk, $$"""{"phone_number":"{{Number}}","mode":"{{mode}}"}""");

        V2Assert.Invalid(answer, "POST", "Invalid Mode, allowed values are pstn and flow");
        Assert.That(Sandbox.Exotel.PhoneNumbers(trunk), Is.Empty);
    }

    [Test]
    public async Task Mapping_the_same_number_again_is_HTTP_200_with_response_code_409_and_error_1008()
    {
        var trunk = await CreateTrunkAsync();
        await MapNumberAsync(trunk, mode: "pstn");

        var answer = await MapAsync(trunk, $$"""{"phone_number":"{{Number}}","mode":"flow"}""");

        V2Assert.Failure(answer, "POST", 200, 409, 1008, "Duplicate resource", $"Unable to create DidTrunkMapping with TrunkSid {trunk}");
        Assert.That(Sandbox.Exotel.PhoneNumbers(trunk).Select(m => (string?)m["mode"]), Is.EqualTo(new[] { "pstn" }), "the first mapping stays as it was");
    }

    [TestCase("9876543210")]
    [TestCase("+0987654321")]
    [TestCase("+91 98765 43210")]
    public async Task Map_of_a_number_not_in_E164_is_1002_Invalid_PhoneNumber(string number)
    {
        var trunk = await CreateTrunkAsync();

        var answer = await MapAsync(trunk, new JsonObject { ["phone_number"] = number }.ToJsonString());

        V2Assert.Invalid(answer, "POST", "Invalid PhoneNumber");
    }

    [Test]
    public async Task Map_of_an_over_long_number_is_the_404_1000_quirk()
    {
        var trunk = await CreateTrunkAsync();

        var answer = await MapAsync(trunk, """{"phone_number":"+9198765432101234"}""");

        V2Assert.NotFound(answer, "POST");
        Assert.That(Sandbox.Exotel.PhoneNumbers(trunk), Is.Empty);
    }

    [Test]
    public async Task Map_without_a_number_is_1001_PhoneNumber_is_mandatory()
    {
        var trunk = await CreateTrunkAsync();

        var answer = await MapAsync(trunk, """{"mode":"pstn"}""");

        V2Assert.Mandatory(answer, "POST", "PhoneNumber is mandatory");
    }

    [Test]
    public async Task Map_on_an_unknown_trunk_is_404_1000()
    {
        var answer = await MapAsync("trmum1doesnotexist0000000a1n", $$"""{"phone_number":"{{Number}}"}""");

        V2Assert.NotFound(answer, "POST");
    }

    [Test]
    public async Task List_answers_the_mappings_with_page_metadata()
    {
        var trunk = await CreateTrunkAsync();
        var first = await MapNumberAsync(trunk, Number, "pstn");
        var second = await MapNumberAsync(trunk, "+918040264208", "flow");

        var answer = await SendAsync(Exotel, HttpMethod.Get, V2($"trunks/{trunk}/phone-numbers"));

        var mappings = V2Assert.List(answer);
        Assert.That(mappings.Select(m => (string?)m["id"]), Is.EqualTo(new[] { first, second }));
        Assert.That(mappings.Select(m => (string?)m["phone_number"]), Is.EqualTo(new[] { Number, "+918040264208" }));
        V2Assert.Json(answer.Body!["metadata"], $$"""
            {"page_size":50,"first_page_uri":"/v2/accounts/{{AccountSid}}/trunks/{{trunk}}/phone-numbers?offset=0&page_size=50",
             "prev_page_uri":null,"next_page_uri":null}
            """);
    }

    [Test]
    public async Task Update_sets_the_mode_and_moves_date_updated()
    {
        var trunk = await CreateTrunkAsync();
        var id = await MapNumberAsync(trunk, mode: "pstn");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(90));

        var data = V2Assert.Success(await SendAsync(Exotel, HttpMethod.Put, V2($"trunks/{trunk}/phone-numbers/{id}"),
            $$"""{"phone_number":"{{Number}}","mode":"flow"}"""), "PUT");

        V2Assert.Json(data, $$"""
            {"id":"{{id}}","phone_number":"{{Number}}","trunk_sid":"{{trunk}}",
             "date_created":"2026-01-23T10:00:00Z","date_updated":"2026-01-23T10:01:30Z","mode":"flow"}
            """);
        Assert.That((string?)Sandbox.Exotel.PhoneNumbers(trunk).Single()["mode"], Is.EqualTo("flow"));
    }

    [Test]
    public async Task Update_with_a_number_other_than_the_mappings_is_1002_and_changes_nothing()
    {
        var trunk = await CreateTrunkAsync();
        var id = await MapNumberAsync(trunk, mode: "pstn");

        var answer = await SendAsync(Exotel, HttpMethod.Put, V2($"trunks/{trunk}/phone-numbers/{id}"), """{"phone_number":"+918040264208","mode":"flow"}""");

        V2Assert.Invalid(answer, "PUT", "Invalid PhoneNumber");
        Assert.That((string?)Sandbox.Exotel.PhoneNumbers(trunk).Single()["mode"], Is.EqualTo("pstn"));
    }

    [Test]
    public async Task Update_without_a_mode_is_1001_Mode_is_mandatory()
    {
        var trunk = await CreateTrunkAsync();
        var id = await MapNumberAsync(trunk);

        var answer = await SendAsync(Exotel, HttpMethod.Put, V2($"trunks/{trunk}/phone-numbers/{id}"), $$"""{"phone_number":"{{Number}}"}""");

        V2Assert.Mandatory(answer, "PUT", "Mode is mandatory");
    }

    [Test]
    public async Task Delete_with_the_id_in_the_query_answers_the_mapping_and_removes_it()
    {
        var trunk = await CreateTrunkAsync();
        var id = await MapNumberAsync(trunk, mode: "flow");
        var kept = await MapNumberAsync(trunk, "+918040264208");

        var data = V2Assert.Success(await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/phone-numbers?id={id}")), "DELETE");

        Assert.Multiple(() =>
        {
            Assert.That((string?)data["id"], Is.EqualTo(id));
            Assert.That((string?)data["phone_number"], Is.EqualTo(Number));
            Assert.That((string?)data["mode"], Is.EqualTo("flow"));
            Assert.That(Sandbox.Exotel.PhoneNumbers(trunk).Select(m => (string?)m["id"]), Is.EqualTo(new[] { kept }));
        });
    }

    [Test]
    public async Task Delete_with_the_id_in_the_path_removes_it_too()
    {
        var trunk = await CreateTrunkAsync();
        var id = await MapNumberAsync(trunk);

        var data = V2Assert.Success(await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/phone-numbers/{id}")), "DELETE");

        Assert.That((string?)data["id"], Is.EqualTo(id));
        Assert.That(Sandbox.Exotel.PhoneNumbers(trunk), Is.Empty);
    }

    [Test]
    public async Task Delete_of_an_unknown_id_is_404_1000_and_without_an_id_is_1001()
    {
        var trunk = await CreateTrunkAsync();
        await MapNumberAsync(trunk);

        var unknown = await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/phone-numbers?id=999999"));
        var missing = await SendAsync(Exotel, HttpMethod.Delete, V2($"trunks/{trunk}/phone-numbers"));

        V2Assert.NotFound(unknown, "DELETE");
        V2Assert.Mandatory(missing, "DELETE", "Id is mandatory");
        Assert.That(Sandbox.Exotel.PhoneNumbers(trunk), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Trunk_maps_lists_a_number_mapped_on_two_trunks_and_answers_one_mapping_as_the_documented_bare_object()
    {
        var first = await CreateTrunkAsync("trunk_a");
        var second = await CreateTrunkAsync("trunk_b");
        var firstId = await MapNumberAsync(first);
        var secondId = await MapNumberAsync(second, mode: "flow");
        await MapNumberAsync(second, "+918040264208");

        var all = V2Assert.List(await SendAsync(Exotel, HttpMethod.Get, V2("trunk-maps?exophone=%2B919876543210")));
        var (filteredStatus, filtered) = await SendAsync(Exotel, HttpMethod.Get, V2($"trunk-maps?exophone=%2B919876543210&trunk_sid={second}"));

        Assert.That(all, Has.Count.EqualTo(2));
        V2Assert.Json(all[0], $$"""{"exophone":"{{Number}}","trunk_sid":"{{first}}","phone_number_id":"{{firstId}}","mode":"pstn"}""");
        V2Assert.Json(all[1], $$"""{"exophone":"{{Number}}","trunk_sid":"{{second}}","phone_number_id":"{{secondId}}","mode":"flow"}""");
        Assert.That(filteredStatus, Is.EqualTo(HttpStatusCode.OK));
        V2Assert.Json(filtered, $$"""{"exophone":"{{Number}}","trunk_sid":"{{second}}","phone_number_id":"{{secondId}}","mode":"flow"}""");
    }

    [Test]
    public async Task Trunk_maps_of_an_unmapped_number_is_not_found_and_without_exophone_is_1001()
    {
        var trunk = await CreateTrunkAsync();
        await MapNumberAsync(trunk);

        var unmapped = await SendAsync(Exotel, HttpMethod.Get, V2("trunk-maps?exophone=%2B918040264208"));
        var missing = await SendAsync(Exotel, HttpMethod.Get, V2("trunk-maps"));

        V2Assert.NotFound(unmapped, "GET");
        V2Assert.Mandatory(missing, "GET", "Exophone is mandatory");
    }
}
