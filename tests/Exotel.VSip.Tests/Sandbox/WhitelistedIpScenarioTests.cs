namespace Exotel.VSip.Tests.Sandbox;

/// <summary>A trunk's IP allow-list: add with the default mask, update, delete in both id styles, and both sides' validation.</summary>
public sealed class WhitelistedIpScenarioTests : SandboxScenario
{
    [Test]
    public async Task An_entry_is_added_with_mask_32_updated_to_a_range_and_deleted_in_both_id_styles()
    {
        var trunk = await CreateTrunkAsync();
        var single = await Client.WhitelistedIps.AddAsync(trunk.Sid, "44.248.146.10");
        var other = await Client.WhitelistedIps.AddAsync(trunk.Sid, "52.10.20.30", 28);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(5));

        var updated = await Client.WhitelistedIps.UpdateAsync(trunk.Sid, single.Id, "44.248.146.0", 24);
        var listed = await Client.WhitelistedIps.ListAsync(trunk.Sid).ToListAsync();
        await Client.WhitelistedIps.DeleteAsync(trunk.Sid, single.Id);
        await NewClient(o => o.DeleteIdStyle = DeleteIdStyle.Path).WhitelistedIps.DeleteAsync(trunk.Sid, other.Id);
        var afterDelete = await Client.WhitelistedIps.ListAsync(trunk.Sid).ToListAsync();

        var collection = V2($"trunks/{trunk.Sid}/whitelisted-ips");
        Assert.Multiple(() =>
        {
            Assert.That((single.Ip, single.Mask, single.TrunkSid, single.FriendlyName), Is.EqualTo(("44.248.146.10", (int?)32, trunk.Sid, (string?)null)));
            Assert.That(single.DateCreated, Is.EqualTo(Start));
            Assert.That(other.Mask, Is.EqualTo(28));
            Assert.That((updated.Id, updated.Ip, updated.Mask), Is.EqualTo((single.Id, "44.248.146.0", (int?)24)));
            Assert.That(updated.DateUpdated, Is.EqualTo(Start.AddMinutes(5)));
            Assert.That(listed.Select(i => (i.Ip, i.Mask)), Is.EqualTo(new[] { ("44.248.146.0", (int?)24), ("52.10.20.30", (int?)28) }));
            Assert.That(afterDelete, Is.Empty);

            Assert.That(Received("POST", collection).Select(r => r.BodyText), Is.EqualTo(new[] { """{"ip":"44.248.146.10","mask":32}""", """{"ip":"52.10.20.30","mask":28}""" }));
            Assert.That(ReceivedOnce("PUT", $"{collection}/{single.Id}").BodyText, Is.EqualTo("""{"ip":"44.248.146.0","mask":24}"""));
            Assert.That(ReceivedOnce("DELETE", collection).Query, Is.EqualTo("?id=" + single.Id));
            Assert.That(ReceivedOnce("DELETE", $"{collection}/{other.Id}").Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task A_private_address_passes_the_client_but_the_server_refuses_it_as_an_invalid_ip()
    {
        var trunk = await CreateTrunkAsync();

        var e = Assert.ThrowsAsync<ExotelException>(() => Client.WhitelistedIps.AddAsync(trunk.Sid, "10.0.0.5"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(400));
            Assert.That(e.ResponseCode, Is.EqualTo(400));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.InvalidParameter));
            Assert.That(e.ErrorMessage, Is.EqualTo("Invalid parameter"));
            Assert.That(e.Description, Is.EqualTo("Invalid ip"));
            Assert.That(e.RequestId, Does.Match(RequestIdPattern));
            Assert.That(e.Message, Does.Contain("failed: Invalid parameter: Invalid ip (HTTP 400, error 1002"));
            Assert.That(Sandbox.Exotel.WhitelistedIps(trunk.Sid), Is.Empty);
        });
    }

    [TestCase(8)]
    public async Task A_mask_outside_16_to_32_is_refused_by_the_client_and_never_reaches_the_sandbox(int mask)
    {
        var trunk = await CreateTrunkAsync();
        Sandbox.ClearRequests();

        var e = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.WhitelistedIps.AddAsync(trunk.Sid, "44.248.146.10", mask))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.ParamName, Is.EqualTo("mask"));
            Assert.That(e.Message, Does.Contain("between 16 and 32"));
            Assert.That(Sandbox.Requests, Is.Empty);
            Assert.That(Sandbox.Exotel.WhitelistedIps(trunk.Sid), Is.Empty);
        });
    }
}
