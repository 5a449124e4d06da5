using System.Net;
using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Destinations;

public class DestinationUrisClientTests
{
    private const string Destinations = TestAccount.V2 + "/trunks/" + TestAccount.TrunkSid + "/destination-uris";

    [Test]
    public async Task Add_posts_the_destination_without_sip_prefix_and_reads_the_created_uri()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Destinations, """{"destinations":[{"destination":"44.248.146.11:5061;transport=tls"}]}""")
            .Respond("application/json", Fixtures.Read("destinations-200.json"));

        var created = await host.Client.DestinationUris.AddAsync(TestAccount.TrunkSid, new SipDestination("44.248.146.11"));

        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo("2543"));
            Assert.That(created.Destination, Is.EqualTo("sip:44.248.146.11:5061;transport=tls"));
            Assert.That(created.Matches(new SipDestination("44.248.146.11", SipTransport.Tls, 5061)), Is.True);
            Assert.That(created.Priority, Is.EqualTo(0));
            Assert.That(created.Weight, Is.EqualTo(1));
            Assert.That(created.Type, Is.EqualTo("public"));
        });
        host.VerifyAllSatisfied();
    }

    [Test]
    public void Add_raises_the_per_item_failure_of_a_207_with_exotels_reason()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Destinations, """{"destinations":[{"destination":"44.248.146.11:5060;transport=tcp"}]}""")
            .Respond((System.Net.HttpStatusCode)207, "application/json", Fixtures.Read("destinations-207-not-whitelisted.json"));

        var e = Assert.ThrowsAsync<ExotelException>(() =>
            host.Client.DestinationUris.AddAsync(TestAccount.TrunkSid, new SipDestination("44.248.146.11", SipTransport.Tcp)))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(207));
            Assert.That(e.ResponseCode, Is.EqualTo(400));
            Assert.That(e.ErrorCode, Is.EqualTo(ExotelErrorCode.InvalidParameter));
            Assert.That(e.Description, Is.EqualTo("Destination not whitelisted"));
            Assert.That(e.IsDuplicate, Is.False);
            Assert.That(e.RequestId, Is.EqualTo("c06dc46304aa406ea7daca83785bc7a9"));
        });
    }

    [Test]
    public async Task AddMany_returns_one_result_per_item_in_order_for_a_207()
    {
        using var host = new ExotelTestHost();
        const string body = """
            {"request_id":"r207","method":"POST","http_code":207,"metadata":{"total":2,"success":1,"failed":1},"response":[
              {"code":200,"error_data":null,"status":"success","data":{"id":"11","destination":"sip:bot.sip.vapi.ai:5060;transport=tcp"}},
              {"code":400,"error_data":{"code":1002,"message":"Invalid parameter","description":"Destination is not a valid Ip or Fqdn"},"status":"failure","data":null}]}
            """;
        host.ExpectJson(HttpMethod.Post, Destinations,
                """{"destinations":[{"destination":"bot.sip.vapi.ai:5060;transport=tcp"},{"destination":"nowhere.invalid:5061;transport=tls"}]}""")
            .Respond((System.Net.HttpStatusCode)207, "application/json", body);

        var result = await host.Client.DestinationUris.AddManyAsync(
            TestAccount.TrunkSid, [new SipDestination("bot.sip.vapi.ai", SipTransport.Tcp), new SipDestination("nowhere.invalid")]);

        Assert.Multiple(() =>
        {
            Assert.That(result.HttpStatus, Is.EqualTo(207));
            Assert.That(result.AllSucceeded, Is.False);
            Assert.That(result.Items, Has.Count.EqualTo(2));
            Assert.That(result.Items[0].IsSuccess, Is.True);
            Assert.That(result.Items[0].Value!.Id, Is.EqualTo("11"));
            Assert.That(result.Items[1].IsSuccess, Is.False);
            Assert.That(result.Items[1].Error!.Description, Is.EqualTo("Destination is not a valid Ip or Fqdn"));
            Assert.That(result.Items[1].Error!.ErrorCode, Is.EqualTo(ExotelErrorCode.InvalidParameter));
            Assert.That(result.Succeeded.Select(d => d.Id), Is.EqualTo(new[] { "11" }));
            Assert.That(result.Failed.Count(), Is.EqualTo(1));
        });
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Add_accepts_a_single_result_sent_as_an_object_instead_of_an_array()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Destinations, """{"destinations":[{"destination":"bot.sip.vapi.ai:5061;transport=tls"}]}""")
            .Respond("application/json", Fixtures.Envelope("""{"id":"77","destination":"sip:bot.sip.vapi.ai:5061;transport=tls"}"""));

        var created = await host.Client.DestinationUris.AddAsync(TestAccount.TrunkSid, new SipDestination("bot.sip.vapi.ai"));

        Assert.That(created.Id, Is.EqualTo("77"), "a destination that was created is not reported as a failure");
    }

    [Test]
    public void AddMany_reads_an_error_status_with_per_item_results_as_exotels_error()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Post, Destinations, """{"destinations":[{"destination":"bot.sip.vapi.ai:5061;transport=tls"}]}""")
            .Respond(HttpStatusCode.Conflict, "application/json",
                """{"request_id":"r409","http_code":409,"response":[{"code":409,"status":"failure","error_data":{"code":1008,"message":"Duplicate resource","description":"exists"},"data":null}]}""");

        var e = Assert.ThrowsAsync<ExotelException>(() => host.Client.DestinationUris.AddManyAsync(TestAccount.TrunkSid, [new SipDestination("bot.sip.vapi.ai")]))!;

        Assert.That((e.IsDuplicate, e.ErrorCode, e.RequestId), Is.EqualTo((true, (ExotelErrorCode?)ExotelErrorCode.DuplicateResource, "r409")));
    }

    [Test]
    public void AddMany_with_no_destinations_is_refused_before_sending()
    {
        using var host = new ExotelTestHost();

        Assert.ThrowsAsync<ArgumentException>(() => host.Client.DestinationUris.AddManyAsync(TestAccount.TrunkSid, []));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void Add_refuses_udp_by_default_before_sending()
    {
        using var host = new ExotelTestHost();

        var e = Assert.ThrowsAsync<ArgumentException>(() =>
            host.Client.DestinationUris.AddAsync(TestAccount.TrunkSid, new SipDestination("bot.sip.vapi.ai", SipTransport.Udp)))!;

        Assert.That(e.Message, Does.Contain("UDP").And.Contain("AllowUdpDestinations"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public async Task Add_sends_udp_as_host_and_port_when_allowed()
    {
        using var host = new ExotelTestHost(o => o.AllowUdpDestinations = true);
        host.ExpectJson(HttpMethod.Post, Destinations, """{"destinations":[{"destination":"bot.sip.vapi.ai:5060"}]}""")
            .Respond("application/json", Fixtures.Read("destinations-200.json"));

        await host.Client.DestinationUris.AddAsync(TestAccount.TrunkSid, new SipDestination("bot.sip.vapi.ai", SipTransport.Udp));

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task List_reads_destinations_and_compares_them_regardless_of_sip_prefix_and_case()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, Destinations)
            .Respond("application/json", Fixtures.List(["""{"id":"1","destination":"sip:Bot.SIP.vapi.ai:5060;transport=tcp","priority":"2","weight":5}"""]));

        var list = await host.Client.DestinationUris.ListAsync(TestAccount.TrunkSid).ToListAsync();

        Assert.That(list, Has.Count.EqualTo(1));
        Assert.That(list[0].Matches(new SipDestination("bot.sip.vapi.ai", SipTransport.Tcp)), Is.True);
        Assert.That(list[0].Matches(new SipDestination("bot.sip.vapi.ai", SipTransport.Tls, 5060)), Is.False);
        Assert.That(list[0].Priority, Is.EqualTo(2), "a number sent as a string is read");
        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Update_puts_priority_and_weight_to_the_id_path()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Put, Destinations + "/2543", """{"priority":0,"weight":5}""")
            .Respond("application/json", Fixtures.Envelope("""{"id":"2543","priority":0,"weight":5}"""));

        var updated = await host.Client.DestinationUris.UpdateAsync(TestAccount.TrunkSid, "2543", priority: 0, weight: 5);

        Assert.That(updated.Weight, Is.EqualTo(5));
        host.VerifyAllSatisfied();
    }

    [Test]
    public void Update_with_a_negative_weight_is_refused_before_sending()
    {
        using var host = new ExotelTestHost();

        var e = Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.DestinationUris.UpdateAsync(TestAccount.TrunkSid, "1", weight: -1))!;

        Assert.That(e.ParamName, Is.EqualTo("weight"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public async Task Delete_puts_the_id_in_the_query_as_documented()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Delete, Destinations + "?id=2543").Respond("application/json", Fixtures.Envelope("""{"id":"2543"}"""));

        await host.Client.DestinationUris.DeleteAsync(TestAccount.TrunkSid, "2543");

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Delete_puts_the_id_in_the_path_when_configured()
    {
        using var host = new ExotelTestHost(o => o.DeleteIdStyle = DeleteIdStyle.Path);
        host.ExpectJson(HttpMethod.Delete, Destinations + "/2543").Respond("application/json", Fixtures.Envelope("""{"id":"2543"}"""));

        await host.Client.DestinationUris.DeleteAsync(TestAccount.TrunkSid, "2543");

        host.VerifyAllSatisfied();
    }
}
