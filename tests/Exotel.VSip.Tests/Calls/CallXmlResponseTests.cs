using System.Net;
using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>A Voice API answer that arrives as XML anyway is read into the same models and errors.</summary>
public sealed class CallXmlResponseTests
{
    private const string CallXml =
        "<TwilioResponse><Call><Sid>c5797dcbaaeed7678c4062a4a3ed2f8a</Sid><Status>in-progress</Status>"
        + "<DateCreated>2017-03-03 10:48:33</DateCreated><Duration>17</Duration></Call></TwilioResponse>";

    private const string Prolog = """<?xml version="1.0" encoding="UTF-8"?>""";

    private const string MinimalBody = "From=09876543210&To=09123456789&CallerId=08047490924";

    [TestCase(Prolog + CallXml, "application/xml")]
    [TestCase(Prolog + "\n" + CallXml, "text/xml")]
    [TestCase(CallXml, "application/xml")]
    [TestCase(CallXml, "text/xml")]
    [TestCase(CallXml, "application/json")]
    [TestCase("\n  " + CallXml, "text/html")]
    public async Task An_XML_call_is_read_like_the_JSON_one(string body, string contentType)
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody).Respond(contentType, body);

        var call = await host.Client.Calls.ConnectAsync(new ConnectCallRequest("09876543210", "09123456789", "08047490924"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Sid, Is.EqualTo("c5797dcbaaeed7678c4062a4a3ed2f8a"));
            Assert.That(call.Status, Is.EqualTo(ExotelCallStatus.InProgress));
            Assert.That(call.DateCreated, Is.EqualTo(new DateTimeOffset(2017, 3, 3, 10, 48, 33, TimeSpan.FromHours(5.5))));
            Assert.That(call.DateCreated!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(5.5)));
            Assert.That(call.Duration, Is.EqualTo(TimeSpan.FromSeconds(17)));
        }

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task XML_call_details_with_legs_and_empty_elements_are_read()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/b6cfaf5f5cef3ca0fc937749ef96d245.json?details=true")
            .Respond("application/xml", Fixtures.Read("v1-call-details.xml"));

        var call = await host.Client.Calls.GetAsync("b6cfaf5f5cef3ca0fc937749ef96d245");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Sid, Is.EqualTo("b6cfaf5f5cef3ca0fc937749ef96d245"));
            Assert.That(call.ParentCallSid, Is.Null, "<ParentCallSid/> is null");
            Assert.That(call.AnsweredBy, Is.Null, "<AnsweredBy></AnsweredBy> is null");
            Assert.That(call.RecordingUrl, Is.Null);
            Assert.That(call.Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(call.EndTime, Is.EqualTo(new DateTimeOffset(2017, 3, 3, 10, 49, 50, TimeSpan.FromHours(5.5))));
            Assert.That(call.Price, Is.EqualTo(1.5m));
            Assert.That(call.Direction, Is.EqualTo(ExotelCallDirection.OutboundApi));
            Assert.That(call.Details!.ConversationDuration, Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(call.Details.Leg2Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(call.Details.Legs.Select(l => l.Id), Is.EqualTo(new int?[] { 1, 2 }));
            Assert.That(call.Details.Legs.Select(l => l.OnCallDuration), Is.EqualTo(new TimeSpan?[] { TimeSpan.FromSeconds(21), TimeSpan.FromSeconds(8) }));
        }

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task An_XML_call_with_a_single_leg_still_has_a_list_of_legs()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json?details=true")
            .Respond(
                "text/xml",
                "<TwilioResponse><Call><Sid>s1</Sid><Details><Legs><Leg><Id>1</Id><OnCallDuration>0</OnCallDuration></Leg></Legs></Details></Call></TwilioResponse>");

        var call = await host.Client.Calls.GetAsync("s1");

        Assert.That(call.Details!.Legs, Has.Count.EqualTo(1));
        Assert.That(call.Details.Legs[0].Id, Is.EqualTo(1));
        Assert.That(call.Details.Legs[0].OnCallDuration, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void An_XML_RestException_maps_to_an_ExotelException(bool withProlog)
    {
        var xml = (withProlog ? Prolog : string.Empty)
                  + "<TwilioResponse><RestException><Status>400</Status><Message>From number is invalid</Message><Code>INVALID_FROM</Code></RestException></TwilioResponse>";
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, MinimalBody).Respond(HttpStatusCode.BadRequest, "application/xml", xml);

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.ConnectAsync(new ConnectCallRequest("09876543210", "09123456789", "08047490924")))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Status, Is.EqualTo(400));
            Assert.That(ex.ResponseCode, Is.EqualTo(400));
            Assert.That(ex.ErrorCode, Is.EqualTo(new ExotelErrorCode("INVALID_FROM")));
            Assert.That(ex.Message, Does.Contain("From number is invalid"));
        }
    }

    [Test]
    public void An_XML_RestException_inside_an_HTTP_200_is_a_failure()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json?details=true")
            .Respond("text/xml", "<TwilioResponse><RestException><Status>404</Status><Message>Call not found</Message></RestException></TwilioResponse>");

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.GetAsync("s1"))!;

        Assert.That(ex.Status, Is.EqualTo(200));
        Assert.That(ex.ResponseCode, Is.EqualTo(404));
        Assert.That(ex.IsNotFound, Is.True);
    }

    [Test]
    public void Malformed_XML_in_a_200_is_an_ExotelException()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json?details=true")
            .Respond("application/xml", "<TwilioResponse><Call><Sid>s1</Sid></TwilioResponse>");

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.GetAsync("s1"))!;

        Assert.That(ex.Status, Is.EqualTo(200));
        Assert.That(ex.Message, Does.Contain("malformed XML"));
    }

    [Test]
    public void XML_with_a_DTD_is_refused_rather_than_expanded()
    {
        const string billionLaughs =
            """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><TwilioResponse><Call><Sid>&lol2;</Sid></Call></TwilioResponse>""";
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/s1.json?details=true").Respond("application/xml", billionLaughs);

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.GetAsync("s1"))!;

        Assert.That(ex.Status, Is.EqualTo(200));
        Assert.That(ex.Message, Does.Not.Contain("lollol"));
    }

    [Test]
    public async Task An_XML_bulk_page_is_read_into_calls()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, V1Json.ListPath)
            .Respond(
                "application/xml",
                Prolog + "<TwilioResponse><Metadata><Total>2</Total><PageSize>50</PageSize><NextPageUri/></Metadata>"
                + "<Calls><Call><Sid>x1</Sid><Status>completed</Status></Call><Call><Sid>x2</Sid><Status>busy</Status></Call></Calls></TwilioResponse>");

        var calls = await V1Json.ToListAsync(host.Client.Calls.ListAsync());

        Assert.That(calls.Select(c => c.Sid), Is.EqualTo(new[] { "x1", "x2" }));
        Assert.That(calls.Select(c => c.Status), Is.EqualTo(new ExotelCallStatus?[] { ExotelCallStatus.Completed, ExotelCallStatus.Busy }));
        Assert.That(host.SentCount, Is.EqualTo(1));
        host.VerifyAllSatisfied();
    }
}
