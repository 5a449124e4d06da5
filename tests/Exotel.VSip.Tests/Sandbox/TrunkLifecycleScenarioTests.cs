namespace Exotel.VSip.Tests.Sandbox;

/// <summary>Trunks end to end: create, get, list over several pages, update and a confirmed, cascading delete.</summary>
public sealed class TrunkLifecycleScenarioTests : SandboxScenario
{
    [Test]
    public async Task A_created_trunk_reads_back_through_a_standalone_client_as_the_sandbox_holds_it()
    {
        var created = await Client.Trunks.CreateAsync(new CreateTrunkRequest("vx_main"));
        var read = await NewStandaloneClient().Trunks.GetAsync(created.Sid);

        var held = Sandbox.Exotel.Trunks.Single();
        var post = ReceivedOnce("POST", V2("trunks"));
        var get = ReceivedOnce("GET", V2("trunks"));
        Assert.Multiple(() =>
        {
            Assert.That(created.Sid, Is.EqualTo((string?)held["trunk_sid"]).And.Not.Empty);
            Assert.That(created.Name, Is.EqualTo("vx_main"));
            Assert.That(created.Status, Is.EqualTo(ExotelTrunkStatus.Active));
            Assert.That(created.DomainName, Is.EqualTo("sandbox1.pstn.exotel.com"));
            Assert.That(created.AuthType, Is.EqualTo(ExotelTrunkAuthType.IpWhitelist));
            Assert.That(created.RegistrationEnabled, Is.EqualTo(ExotelFeatureState.Disabled));
            Assert.That(created.SecureTrunking, Is.EqualTo(ExotelFeatureState.Disabled));
            Assert.That(created.EdgePreference, Is.EqualTo("auto"));
            Assert.That(created.NsoCode, Is.EqualTo("ANY-ANY"));
            Assert.That(created.DateCreated, Is.EqualTo(Start));
            Assert.That(created.DateUpdated, Is.EqualTo(Start));

            Assert.That(read, Is.Not.Null);
            Assert.That(read!.Sid, Is.EqualTo(created.Sid));
            Assert.That(read.Name, Is.EqualTo("vx_main"));
            Assert.That(read.DateCreated, Is.EqualTo(Start));

            Assert.That(post.BodyText, Is.EqualTo("""{"trunk_name":"vx_main","nso_code":"ANY-ANY","domain_name":"sandbox1.pstn.exotel.com"}"""));
            Assert.That(post.Headers["Content-Type"], Does.StartWith("application/json"));
            Assert.That(get.Query, Is.EqualTo("?trunk_sid=" + created.Sid));
            Assert.That(get.Headers["Authorization"], Is.EqualTo("Basic ***"));
            Assert.That(get.Headers["User-Agent"], Does.StartWith("Exotel.VSip/"));
            Assert.That(get.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Listing_with_page_size_two_follows_next_page_uri_over_three_pages()
    {
        string[] names = ["vx_t1", "vx_t2", "vx_t3", "vx_t4", "vx_t5"];
        foreach (var name in names)
        {
            await CreateTrunkAsync(name);
        }

        var listed = await Client.Trunks.ListAsync(new ExotelListOptions { PageSize = 2 }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(t => t.Name), Is.EqualTo(names));
            Assert.That(listed.Select(t => t.Sid), Is.EqualTo(Sandbox.Exotel.Trunks.Select(t => (string?)t["trunk_sid"])));
            Assert.That(
                Received("GET", V2("trunks")).Select(r => r.Query),
                Is.EqualTo(new[] { "?page_size=2", "?offset=2&page_size=2", "?offset=4&page_size=2" }));
        });
    }

    [Test]
    public async Task Getting_a_trunk_the_account_does_not_have_returns_null()
    {
        await CreateTrunkAsync("vx_other");

        var trunk = await Client.Trunks.GetAsync("trmum1doesnotexist000000000a1n");

        Assert.Multiple(() =>
        {
            Assert.That(trunk, Is.Null);
            Assert.That(ReceivedOnce("GET", V2("trunks")).Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Updating_renames_the_trunk_and_moves_its_date_updated()
    {
        var trunk = await CreateTrunkAsync("vx_before");
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        var updated = await Client.Trunks.UpdateAsync(trunk.Sid, new UpdateTrunkRequest { TrunkName = "vx_after" });
        var read = await Client.Trunks.GetAsync(trunk.Sid);

        Assert.Multiple(() =>
        {
            Assert.That(updated.Sid, Is.EqualTo(trunk.Sid));
            Assert.That(updated.Name, Is.EqualTo("vx_after"));
            Assert.That(updated.DateCreated, Is.EqualTo(Start));
            Assert.That(updated.DateUpdated, Is.EqualTo(Start.AddMinutes(1)));
            Assert.That(read!.Name, Is.EqualTo("vx_after"));
            Assert.That((string?)Sandbox.Exotel.Trunks.Single()["trunk_name"], Is.EqualTo("vx_after"));
            Assert.That(ReceivedOnce("PUT", V2("trunks/" + trunk.Sid)).BodyText, Is.EqualTo("""{"trunk_name":"vx_after"}"""));
        });
    }

    [Test]
    public async Task Deleting_with_confirmation_removes_the_trunk_and_everything_on_it()
    {
        var doomed = await CreateTrunkAsync("vx_doomed");
        var kept = await CreateTrunkAsync("vx_kept");
        await Client.PhoneNumbers.MapAsync(doomed.Sid, "+919876543210");
        await Client.WhitelistedIps.AddAsync(doomed.Sid, "44.248.146.11");
        await Client.DestinationUris.AddAsync(doomed.Sid, new SipDestination("44.248.146.11"));
        await Client.Credentials.CreateAsync(doomed.Sid, new CreateTrunkCredentialRequest("vx_user", "Vx-Cascade-Pass-51"));
        await Client.Settings.SetAsync(doomed.Sid, new Dictionary<string, string> { [ExotelTrunkSetting.ExternalAlias] = ExoPhone });
        await Client.PhoneNumbers.MapAsync(kept.Sid, "+919876543211");

        var deleted = await Client.Trunks.DeleteAsync(doomed.Sid, confirm: true);

        var remaining = await Client.Trunks.ListAsync().ToListAsync();
        var gone = await Client.Trunks.GetAsync(doomed.Sid);
        var lookup = await Client.PhoneNumbers.LookupAsync("+919876543210");
        var keptMappings = await Client.PhoneNumbers.ListAsync(kept.Sid).ToListAsync();
        var listGone = Assert.ThrowsAsync<ExotelException>(async () => await Client.PhoneNumbers.ListAsync(doomed.Sid).ToListAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(deleted!.Sid, Is.EqualTo(doomed.Sid));
            Assert.That(deleted.Name, Is.EqualTo("vx_doomed"));
            Assert.That(ReceivedOnce("DELETE", V2("trunks")).Query, Is.EqualTo("?trunk_sid=" + doomed.Sid));

            Assert.That(remaining.Select(t => t.Sid), Is.EqualTo(new[] { kept.Sid }));
            Assert.That(gone, Is.Null);
            Assert.That(lookup, Is.Empty);
            Assert.That(keptMappings.Select(m => m.PhoneNumber), Is.EqualTo(new[] { "+919876543211" }));
            Assert.That(listGone.IsNotFound, Is.True);
            Assert.That(listGone.ErrorCode, Is.EqualTo(ExotelErrorCode.NotFound));

            Assert.That(Sandbox.Exotel.PhoneNumbers(doomed.Sid), Is.Empty);
            Assert.That(Sandbox.Exotel.WhitelistedIps(doomed.Sid), Is.Empty);
            Assert.That(Sandbox.Exotel.DestinationUris(doomed.Sid), Is.Empty);
            Assert.That(Sandbox.Exotel.Credentials(doomed.Sid), Is.Empty);
            Assert.That(Sandbox.Exotel.Settings(doomed.Sid), Is.Empty);
            Assert.That(Sandbox.Exotel.PhoneNumbers(kept.Sid), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Deleting_without_confirmation_throws_and_sends_nothing()
    {
        var trunk = await CreateTrunkAsync("vx_safe");
        Sandbox.ClearRequests();

        var e = Assert.ThrowsAsync<ArgumentException>(() => Client.Trunks.DeleteAsync(trunk.Sid, confirm: false))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.ParamName, Is.EqualTo("confirm"));
            Assert.That(Sandbox.Requests, Is.Empty);
            Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(1));
        });
    }
}
