using System.Net;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>Edge cases of the Exotel emulation: malformed batches, flow-call callbacks, bulk limits, injected 5xx.</summary>
public sealed class ReviewedQuirkTests : Support.SandboxTest
{
    [Test]
    public async Task A_destination_batch_with_a_malformed_item_is_refused_whole_and_adds_nothing()
    {
        var sid = await CreateTrunkAsync();

        var answer = await SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{sid}/destination-uris"),
            """{"destinations":[{"destination":"abc.sip.vapi.ai:5060;transport=tcp"},{"destination":5}]}""");

        V2Assert.Failure(answer, "POST", 400, 400, 1007, "Invalid request body,failed parsing",
            "json: cannot unmarshal number into Go struct field DestinationUri.destination of type string");
        Assert.That(Sandbox.Exotel.DestinationUris(sid), Is.Empty);
    }

    [Test]
    public async Task A_flow_call_callback_carries_only_the_fields_always_sent()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        using var response = await PostFormAsync(V1("Calls/connect.json"),
            ("From", "+919876543210"), ("CallerId", "+918047490924"), ("Url", "http://my.exotel.com/sandbox1/exoml/start_voice/926"),
            ("StatusCallback", receiver.Address + "cb"), ("StatusCallbackEvents[0]", "terminal"), ("StatusCallbackContentType", "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));

        var body = JsonNode.Parse(receiver.Received.Single().BodyText)!.AsObject();
        Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "CallSid", "DateUpdated", "Status", "RecordingUrl" }));
    }

    [Test]
    public async Task Bulk_details_refuse_more_than_five_To_numbers_and_a_range_over_a_month()
    {
        using var tooMany = await Exotel.GetAsync(V1("Calls.json?To=1111111,2222222,3333333,4444444,5555555,6666666"));
        using var tooLong = await Exotel.GetAsync(V1("Calls.json?DateCreated=" + Uri.EscapeDataString("gte:2026-01-01 00:00:00;lte:2026-03-01 00:00:00")));

        Assert.Multiple(async () =>
        {
            Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await tooMany.Content.ReadAsStringAsync(), Does.Contain("To takes at most 5 values"));
            Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await tooLong.Content.ReadAsStringAsync(), Does.Contain("at most one month"));
        });
    }

    [Test]
    public async Task An_injected_5xx_on_the_trunk_api_carries_no_invented_error_code()
    {
        Sandbox.Faults.Add(new SandboxFaultRule { Fault = SandboxFault.ServerError(503), Api = SandboxApi.Exotel });

        var (status, body) = await SendAsync(Exotel, HttpMethod.Get, V2("trunks"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        V2Assert.Json(body!["response"], """{"code":503,"error_data":{"code":null,"message":"Service Unavailable","description":"Service Unavailable"},"status":"failure","data":null}""");
    }
}
