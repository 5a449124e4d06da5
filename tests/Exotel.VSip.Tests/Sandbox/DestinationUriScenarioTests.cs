namespace Exotel.VSip.Tests.Sandbox;

/// <summary>Destination URIs: per-item batch results, whitelist-before-add, the <c>sip:</c> form Exotel returns, update and delete.</summary>
public sealed class DestinationUriScenarioTests : SandboxScenario
{
    private const string VapiHost = "vx-demo.sip.vapi.ai";
    private const string PeerIp = "44.248.146.11";

    [Test]
    public async Task A_mixed_batch_fails_the_unwhitelisted_ip_alone_and_adds_the_host_name()
    {
        var trunk = await CreateTrunkAsync();

        var result = await Client.DestinationUris.AddManyAsync(trunk.Sid, [new SipDestination(PeerIp), new SipDestination(VapiHost)]);

        Assert.Multiple(() =>
        {
            Assert.That(result.HttpStatus, Is.EqualTo(207));
            Assert.That(result.RequestId, Does.Match(RequestIdPattern));
            Assert.That(result.AllSucceeded, Is.False);
            Assert.That(result.Items, Has.Count.EqualTo(2));

            var failed = result.Items[0];
            Assert.That(failed.IsSuccess, Is.False);
            Assert.That(failed.Value, Is.Null);
            Assert.That(failed.Error!.Code, Is.EqualTo(400));
            Assert.That(failed.Error.ErrorCode, Is.EqualTo(ExotelErrorCode.InvalidParameter));
            Assert.That(failed.Error.Message, Is.EqualTo("Invalid parameter"));
            Assert.That(failed.Error.Description, Is.EqualTo("Destination not whitelisted"));
            Assert.That(failed.Error.IsDuplicate, Is.False);

            var added = result.Items[1].Value!;
            Assert.That(result.Items[1].IsSuccess, Is.True);
            Assert.That(added.Destination, Is.EqualTo($"sip:{VapiHost}:5061;transport=tls"));
            Assert.That(added.Type, Is.EqualTo("public"));
            Assert.That(added.Priority, Is.EqualTo(0));
            Assert.That(added.Weight, Is.EqualTo(1));
            Assert.That(added.TrunkSid, Is.EqualTo(trunk.Sid));
            Assert.That(added.DateCreated, Is.EqualTo(Start));
            Assert.That(result.Succeeded.Select(d => d.Id), Is.EqualTo(new[] { added.Id }));
            Assert.That(result.Failed.Count(), Is.EqualTo(1));

            Assert.That(
                ReceivedOnce("POST", V2($"trunks/{trunk.Sid}/destination-uris")).BodyText,
                Is.EqualTo($$"""{"destinations":[{"destination":"{{PeerIp}}:5061;transport=tls"},{"destination":"{{VapiHost}}:5061;transport=tls"}]}"""));
            Assert.That(Sandbox.Exotel.DestinationUris(trunk.Sid).Select(d => (string?)d["id"]), Is.EqualTo(new[] { added.Id }));
        });
    }

    [Test]
    public async Task Whitelisting_the_ip_first_lets_the_refused_destination_be_added()
    {
        var trunk = await CreateTrunkAsync();
        var destination = new SipDestination(PeerIp);

        var refused = Assert.ThrowsAsync<ExotelException>(() => Client.DestinationUris.AddAsync(trunk.Sid, destination))!;
        await Client.WhitelistedIps.AddAsync(trunk.Sid, PeerIp);
        var added = await Client.DestinationUris.AddAsync(trunk.Sid, destination);
        var listed = await Client.DestinationUris.ListAsync(trunk.Sid).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(refused.Status, Is.EqualTo(207));
            Assert.That(refused.ResponseCode, Is.EqualTo(400));
            Assert.That(refused.ErrorCode, Is.EqualTo(ExotelErrorCode.InvalidParameter));
            Assert.That(refused.Description, Is.EqualTo("Destination not whitelisted"));
            Assert.That(refused.Message, Does.Contain("Invalid parameter: Destination not whitelisted"));
            Assert.That(refused.IsDuplicate, Is.False);

            Assert.That(added.Destination, Is.EqualTo($"sip:{PeerIp}:5061;transport=tls"));
            Assert.That(added.ParsedDestination, Is.EqualTo(destination));
            Assert.That(added.ParsedDestination!.IsIPAddress, Is.True);
            Assert.That(added.Matches(destination), Is.True);
            Assert.That(listed.Select(d => d.Id), Is.EqualTo(new[] { added.Id }));
        });
    }

    [Test]
    public async Task A_returned_sip_destination_parses_back_to_the_host_port_and_transport_sent()
    {
        var trunk = await CreateTrunkAsync();

        var added = await Client.DestinationUris.AddAsync(trunk.Sid, new SipDestination(VapiHost, SipTransport.Tcp, 5070));
        var parsed = SipDestination.Parse(added.Destination!);

        Assert.Multiple(() =>
        {
            Assert.That(added.Destination, Is.EqualTo($"sip:{VapiHost}:5070;transport=tcp"));
            Assert.That(parsed.Host, Is.EqualTo(VapiHost));
            Assert.That(parsed.Port, Is.EqualTo(5070));
            Assert.That(parsed.Transport, Is.EqualTo(SipTransport.Tcp));
            Assert.That(parsed.IsIPAddress, Is.False);
            Assert.That(parsed.ToString(), Is.EqualTo($"{VapiHost}:5070;transport=tcp"));
            Assert.That(added.Matches(new SipDestination("VX-DEMO.SIP.VAPI.AI", SipTransport.Tcp, 5070)), Is.True);
            Assert.That(added.Matches(new SipDestination(VapiHost, SipTransport.Tls, 5070)), Is.False);
            Assert.That(added.Matches(new SipDestination(VapiHost, SipTransport.Tcp)), Is.False);
        });
    }

    [Test]
    public async Task Updating_changes_priority_and_weight_and_leaves_an_omitted_one_alone()
    {
        var trunk = await CreateTrunkAsync();
        var added = await Client.DestinationUris.AddAsync(trunk.Sid, new SipDestination(VapiHost));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));

        var both = await Client.DestinationUris.UpdateAsync(trunk.Sid, added.Id, priority: 2, weight: 5);
        var weightOnly = await Client.DestinationUris.UpdateAsync(trunk.Sid, added.Id, weight: 9);
        var listed = (await Client.DestinationUris.ListAsync(trunk.Sid).ToListAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That((both.Priority, both.Weight), Is.EqualTo((2, 5)));
            Assert.That(both.DateUpdated, Is.EqualTo(Start.AddSeconds(30)));
            Assert.That((weightOnly.Priority, weightOnly.Weight), Is.EqualTo((2, 9)));
            Assert.That((listed.Priority, listed.Weight), Is.EqualTo((2, 9)));
            Assert.That(
                Received("PUT", V2($"trunks/{trunk.Sid}/destination-uris/{added.Id}")).Select(r => r.BodyText),
                Is.EqualTo(new[] { """{"priority":2,"weight":5}""", """{"weight":9}""" }));
        });
    }

    [Test]
    public async Task Deleting_works_with_the_id_in_the_query_and_with_the_id_in_the_path()
    {
        var trunk = await CreateTrunkAsync();
        var first = await Client.DestinationUris.AddAsync(trunk.Sid, new SipDestination(VapiHost));
        var second = await Client.DestinationUris.AddAsync(trunk.Sid, new SipDestination("vx-backup.sip.vapi.ai"));

        await Client.DestinationUris.DeleteAsync(trunk.Sid, first.Id);
        var afterQuery = await Client.DestinationUris.ListAsync(trunk.Sid).ToListAsync();
        await NewClient(o => o.DeleteIdStyle = DeleteIdStyle.Path).DestinationUris.DeleteAsync(trunk.Sid, second.Id);
        var afterPath = await Client.DestinationUris.ListAsync(trunk.Sid).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ReceivedOnce("DELETE", V2($"trunks/{trunk.Sid}/destination-uris")).Query, Is.EqualTo("?id=" + first.Id));
            Assert.That(ReceivedOnce("DELETE", V2($"trunks/{trunk.Sid}/destination-uris/{second.Id}")).Query, Is.Empty);
            Assert.That(afterQuery.Select(d => d.Id), Is.EqualTo(new[] { second.Id }));
            Assert.That(afterPath, Is.Empty);
            Assert.That(Sandbox.Exotel.DestinationUris(trunk.Sid), Is.Empty);
        });
    }
}
