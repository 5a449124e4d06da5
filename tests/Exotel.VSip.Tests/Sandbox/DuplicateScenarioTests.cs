namespace Exotel.VSip.Tests.Sandbox;

/// <summary>
/// Duplicates surface as one typed exception whatever HTTP status Exotel chose: a real 409 for trunks and
/// credentials, HTTP 200 with 409 inside for phone mappings and whitelisted IPs, a 207 item for destinations.
/// </summary>
public sealed class DuplicateScenarioTests : SandboxScenario
{
    [Test]
    public async Task A_taken_trunk_name_is_a_409_duplicate_with_code_1008_and_a_request_id()
    {
        await CreateTrunkAsync("vx_dup");

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.Trunks.CreateAsync(new CreateTrunkRequest("vx_dup")))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsDuplicate, Is.True);
            Assert.That(e.Status, Is.EqualTo(409));
            Assert.That(e.ResponseCode, Is.EqualTo(409));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.DuplicateResource));
            Assert.That(e.ErrorCode!.Value.NumericValue, Is.EqualTo(1008));
            Assert.That(e.ErrorMessage, Is.EqualTo("Duplicate resource"));
            Assert.That(e.Description, Is.EqualTo("Trunk with name 'vx_dup' already exists"));
            Assert.That(e.RequestId, Does.Match(RequestIdPattern));
            Assert.That(e.Operation, Is.EqualTo("POST /v2/accounts/{account_sid}/trunks"));
            Assert.That(e.Message, Does.Contain("request id " + e.RequestId).And.Contain("error 1008"));
            Assert.That(Sandbox.Exotel.Trunks, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Mapping_a_number_twice_to_a_trunk_is_a_duplicate_inside_an_http_200()
    {
        var trunk = await CreateTrunkAsync();
        await Client.PhoneNumbers.MapAsync(trunk.Sid, "+919876543210");

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.PhoneNumbers.MapAsync(trunk.Sid, "+919876543210", PhoneNumberMode.Flow))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsDuplicate, Is.True);
            Assert.That(e.Status, Is.EqualTo(200));
            Assert.That(e.ResponseCode, Is.EqualTo(409));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.DuplicateResource));
            Assert.That(e.Description, Is.EqualTo($"Unable to create DidTrunkMapping with TrunkSid {trunk.Sid}"));
            Assert.That(e.RequestId, Does.Match(RequestIdPattern));
            Assert.That(e.Message, Does.Contain("response.code 409"));
            Assert.That(Received("POST", V2($"trunks/{trunk.Sid}/phone-numbers")).Select(r => r.Status), Is.EqualTo(new[] { 200, 200 }));
            Assert.That(Sandbox.Exotel.PhoneNumbers(trunk.Sid).Select(m => m["mode"]?.GetValue<string>()), Is.EqualTo(new string?[] { null }));
        });
    }

    [Test]
    public async Task Whitelisting_an_ip_twice_is_a_duplicate_inside_an_http_200()
    {
        var trunk = await CreateTrunkAsync();
        await Client.WhitelistedIps.AddAsync(trunk.Sid, "44.248.146.10");

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.WhitelistedIps.AddAsync(trunk.Sid, "44.248.146.10", 24))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsDuplicate, Is.True);
            Assert.That(e.Status, Is.EqualTo(200));
            Assert.That(e.ResponseCode, Is.EqualTo(409));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.DuplicateResource));
            Assert.That(e.Description, Is.EqualTo("Unable to Whitelist-ip with ip 44.248.146.10"));
            Assert.That(e.RequestId, Does.Match(RequestIdPattern));
            Assert.That(Sandbox.Exotel.WhitelistedIps(trunk.Sid).Select(i => (int?)i["mask"]), Is.EqualTo(new int?[] { 32 }));
        });
    }

    [Test]
    public async Task Adding_a_destination_twice_is_a_duplicate_item_in_a_207()
    {
        var trunk = await CreateTrunkAsync();
        var destination = new SipDestination("vx-demo.sip.vapi.ai");
        await Client.DestinationUris.AddAsync(trunk.Sid, destination);

        var batch = await Client.DestinationUris.AddManyAsync(trunk.Sid, [destination]);
        var e = Assert.ThrowsAsync<ExotelException>(() => Client.DestinationUris.AddAsync(trunk.Sid, destination))!;

        Assert.Multiple(() =>
        {
            Assert.That(batch.HttpStatus, Is.EqualTo(207));
            Assert.That(batch.Items, Has.Count.EqualTo(1));
            Assert.That(batch.Items[0].Error!.IsDuplicate, Is.True);
            Assert.That(batch.Items[0].Error!.Code, Is.EqualTo(409));
            Assert.That(batch.Items[0].Error!.ErrorCode, Is.EqualTo(ExotelErrorCode.DuplicateResource));
            Assert.That(e.IsDuplicate, Is.True);
            Assert.That(e.Status, Is.EqualTo(207));
            Assert.That(e.ResponseCode, Is.EqualTo(409));
            Assert.That(e.RequestId, Does.Match(RequestIdPattern));
            Assert.That(Sandbox.Exotel.DestinationUris(trunk.Sid), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_credential_user_name_taken_on_the_trunk_is_a_409_duplicate()
    {
        var trunk = await CreateTrunkAsync();
        await Client.Credentials.CreateAsync(trunk.Sid, new CreateTrunkCredentialRequest("vx_user", "Vx-First-Pass-11"));

        var e = Assert.ThrowsAsync<ExotelException>(
            () => Client.Credentials.CreateAsync(trunk.Sid, new CreateTrunkCredentialRequest("vx_user", "Vx-Second-Pass-22")))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsDuplicate, Is.True);
            Assert.That(e.Status, Is.EqualTo(409));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.DuplicateResource));
            Assert.That(e.Description, Is.EqualTo("Unable to create credential with user_name vx_user"));
            Assert.That(e.RequestId, Does.Match(RequestIdPattern));
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(trunk.Sid, "vx_user", "Vx-First-Pass-11"), Is.True);
        });
    }
}
