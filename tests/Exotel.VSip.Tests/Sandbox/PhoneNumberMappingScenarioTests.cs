namespace Exotel.VSip.Tests.Sandbox;

/// <summary>Phone-number mappings: map, change mode, find by trunk-maps, list over pages and delete in both id styles.</summary>
public sealed class PhoneNumberMappingScenarioTests : SandboxScenario
{
    private const string Number = "+919876543210";

    [Test]
    public async Task Mapping_without_a_mode_stores_null_which_behaves_as_pstn()
    {
        var trunk = await CreateTrunkAsync();

        var mapping = await Client.PhoneNumbers.MapAsync(trunk.Sid, Number);

        var held = Sandbox.Exotel.PhoneNumbers(trunk.Sid).Single();
        Assert.Multiple(() =>
        {
            Assert.That(mapping.Id, Is.EqualTo((string?)held["id"]).And.Match("^[0-9]+$"));
            Assert.That(mapping.PhoneNumber, Is.EqualTo(Number));
            Assert.That(mapping.TrunkSid, Is.EqualTo(trunk.Sid));
            Assert.That(mapping.Mode, Is.Null);
            Assert.That(mapping.EffectiveMode, Is.EqualTo(PhoneNumberMode.Pstn));
            Assert.That(mapping.DateCreated, Is.EqualTo(Start));
            Assert.That(held["mode"], Is.Null);
            Assert.That(ReceivedOnce("POST", V2($"trunks/{trunk.Sid}/phone-numbers")).BodyText, Is.EqualTo($$"""{"phone_number":"{{Number}}"}"""));
        });
    }

    [Test]
    public async Task Updating_the_mode_sends_the_number_and_lower_case_mode_and_moves_date_updated()
    {
        var trunk = await CreateTrunkAsync();
        var mapping = await Client.PhoneNumbers.MapAsync(trunk.Sid, Number, PhoneNumberMode.Pstn);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(90));

        var updated = await Client.PhoneNumbers.UpdateModeAsync(trunk.Sid, mapping.Id, Number, new PhoneNumberMode("FLOW"));
        var listed = (await Client.PhoneNumbers.ListAsync(trunk.Sid).ToListAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(mapping.Mode, Is.EqualTo(PhoneNumberMode.Pstn));
            Assert.That(updated.Id, Is.EqualTo(mapping.Id));
            Assert.That(updated.Mode, Is.EqualTo(PhoneNumberMode.Flow));
            Assert.That(updated.EffectiveMode, Is.EqualTo(PhoneNumberMode.Flow));
            Assert.That(updated.DateCreated, Is.EqualTo(Start));
            Assert.That(updated.DateUpdated, Is.EqualTo(Start.AddSeconds(90)));
            Assert.That(listed.Mode, Is.EqualTo(PhoneNumberMode.Flow));
            Assert.That(
                ReceivedOnce("PUT", V2($"trunks/{trunk.Sid}/phone-numbers/{mapping.Id}")).BodyText,
                Is.EqualTo($$"""{"phone_number":"{{Number}}","mode":"flow"}"""));
        });
    }

    [Test]
    public async Task Updating_the_mode_with_another_number_is_refused_as_an_invalid_phone_number()
    {
        var trunk = await CreateTrunkAsync();
        var mapping = await Client.PhoneNumbers.MapAsync(trunk.Sid, Number);

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.PhoneNumbers.UpdateModeAsync(trunk.Sid, mapping.Id, "+919876543219", PhoneNumberMode.Flow))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(400));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.InvalidParameter));
            Assert.That(e.ErrorMessage, Is.EqualTo("Invalid parameter"));
            Assert.That(e.Description, Is.EqualTo("Invalid PhoneNumber"));
            Assert.That(e.IsDuplicate || e.IsNotFound, Is.False);
            Assert.That(e.Operation, Is.EqualTo("PUT /v2/accounts/{account_sid}/trunks/{trunk_sid}/phone-numbers/{id}"));
            Assert.That(Sandbox.Exotel.PhoneNumbers(trunk.Sid).Single()["mode"], Is.Null);
        });
    }

    [Test]
    public async Task Lookup_finds_a_number_mapped_to_two_trunks_and_narrows_to_one_by_trunk()
    {
        var first = await CreateTrunkAsync("vx_first");
        var second = await CreateTrunkAsync("vx_second");
        var onFirst = await Client.PhoneNumbers.MapAsync(first.Sid, Number);
        var onSecond = await Client.PhoneNumbers.MapAsync(second.Sid, Number, PhoneNumberMode.Flow);

        var everywhere = await Client.PhoneNumbers.LookupAsync(Number);
        var narrowed = await Client.PhoneNumbers.LookupAsync(Number, second.Sid);
        var unmapped = await Client.PhoneNumbers.LookupAsync("+919000000001");

        Assert.Multiple(() =>
        {
            Assert.That(everywhere.Select(m => (m.TrunkSid, m.PhoneNumberId)), Is.EquivalentTo(new[] { (first.Sid, onFirst.Id), (second.Sid, onSecond.Id) }));
            Assert.That(everywhere.Select(m => m.PhoneNumber), Is.All.EqualTo(Number));
            Assert.That(everywhere.Single(m => m.TrunkSid == first.Sid).Mode, Is.EqualTo(PhoneNumberMode.Pstn));
            Assert.That(narrowed.Select(m => (m.TrunkSid, m.PhoneNumberId, m.Mode)), Is.EqualTo(new[] { (second.Sid, onSecond.Id, (PhoneNumberMode?)PhoneNumberMode.Flow) }));
            Assert.That(unmapped, Is.Empty);
            Assert.That(
                Received("GET", V2("trunk-maps")).Select(r => r.Query),
                Is.EqualTo(new[] { "?exophone=%2B919876543210", $"?exophone=%2B919876543210&trunk_sid={second.Sid}", "?exophone=%2B919000000001" }));
        });
    }

    [Test]
    public async Task Listing_with_page_size_one_follows_every_page()
    {
        var trunk = await CreateTrunkAsync();
        string[] numbers = ["+919876543210", "+919876543211", "+919876543212"];
        foreach (var number in numbers)
        {
            await Client.PhoneNumbers.MapAsync(trunk.Sid, number);
        }

        var listed = await Client.PhoneNumbers.ListAsync(trunk.Sid, new ExotelListOptions { PageSize = 1 }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(m => m.PhoneNumber), Is.EqualTo(numbers));
            Assert.That(
                Received("GET", V2($"trunks/{trunk.Sid}/phone-numbers")).Select(r => r.Query),
                Is.EqualTo(new[] { "?page_size=1", "?offset=1&page_size=1", "?offset=2&page_size=1" }));
        });
    }

    [Test]
    public async Task Deleting_works_with_the_id_in_the_query_and_with_the_id_in_the_path()
    {
        var trunk = await CreateTrunkAsync();
        var first = await Client.PhoneNumbers.MapAsync(trunk.Sid, "+919876543210");
        var second = await Client.PhoneNumbers.MapAsync(trunk.Sid, "+919876543211");
        var pathStyle = NewClient(o => o.DeleteIdStyle = DeleteIdStyle.Path);

        await Client.PhoneNumbers.DeleteAsync(trunk.Sid, first.Id);
        var afterQuery = await Client.PhoneNumbers.ListAsync(trunk.Sid).ToListAsync();
        await pathStyle.PhoneNumbers.DeleteAsync(trunk.Sid, second.Id);
        var afterPath = await Client.PhoneNumbers.ListAsync(trunk.Sid).ToListAsync();
        var again = Assert.ThrowsAsync<ExotelException>(() => pathStyle.PhoneNumbers.DeleteAsync(trunk.Sid, second.Id))!;

        Assert.Multiple(() =>
        {
            Assert.That(ReceivedOnce("DELETE", V2($"trunks/{trunk.Sid}/phone-numbers")).Query, Is.EqualTo("?id=" + first.Id));
            Assert.That(Received("DELETE", V2($"trunks/{trunk.Sid}/phone-numbers/{second.Id}")).Select(r => r.Query), Is.EqualTo(new[] { string.Empty, string.Empty }));
            Assert.That(afterQuery.Select(m => m.Id), Is.EqualTo(new[] { second.Id }));
            Assert.That(afterPath, Is.Empty);
            Assert.That(again.IsNotFound, Is.True);
            Assert.That(again.Status, Is.EqualTo(404));
            Assert.That(again.ErrorCode, Is.EqualTo(ExotelErrorCode.NotFound));
            Assert.That(Sandbox.Exotel.PhoneNumbers(trunk.Sid), Is.Empty);
        });
    }
}
