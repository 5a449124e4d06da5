using System.Net;
using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>Reading one call: <c>GET /v1/Accounts/{sid}/Calls/{CallSid}.json</c>.</summary>
public sealed class GetCallTests
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);

    [Test]
    public async Task Get_reads_call_details_with_a_GET_and_details_true()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/b6cfaf5f5cef3ca0fc937749ef96d245.json?details=true")
            .Respond("application/json", Fixtures.Read("call-details.json"));

        var call = await host.Client.Calls.GetAsync("b6cfaf5f5cef3ca0fc937749ef96d245");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Sid, Is.EqualTo("b6cfaf5f5cef3ca0fc937749ef96d245"));
            Assert.That(call.ParentCallSid, Is.Null);
            Assert.That(call.AccountSid, Is.EqualTo("your_sid"));
            Assert.That(call.DateCreated, Is.EqualTo(new DateTimeOffset(2017, 3, 3, 10, 48, 33, Ist)));
            Assert.That(call.DateCreated!.Value.Offset, Is.EqualTo(Ist));
            Assert.That(call.DateCreated!.Value.UtcDateTime, Is.EqualTo(new DateTime(2017, 3, 3, 5, 18, 33, DateTimeKind.Utc)));
            Assert.That(call.DateUpdated, Is.EqualTo(new DateTimeOffset(2017, 3, 3, 10, 53, 33, Ist)));
            Assert.That(call.StartTime, Is.EqualTo(new DateTimeOffset(2017, 3, 3, 10, 48, 33, Ist)));
            Assert.That(call.EndTime, Is.EqualTo(new DateTimeOffset(2017, 3, 3, 10, 49, 50, Ist)));
            Assert.That(call.EndTime!.Value.Offset, Is.EqualTo(Ist));
            Assert.That(call.To, Is.EqualTo("0XXXXX38847"));
            Assert.That(call.From, Is.EqualTo("0XXXXX30240"));
            Assert.That(call.PhoneNumberSid, Is.EqualTo("0XXXXXX4890"));
            Assert.That(call.Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(call.Status!.Value.IsTerminal, Is.True);
            Assert.That(call.Duration, Is.EqualTo(TimeSpan.FromSeconds(17)));
            Assert.That(call.Price, Is.EqualTo(1.500m));
            Assert.That(call.Direction, Is.EqualTo(ExotelCallDirection.OutboundApi));
            Assert.That(call.AnsweredBy, Is.Null);
            Assert.That(call.RecordingUrl, Is.EqualTo("https://s3-ap-southeast-1.amazonaws.com/.../recording.mp3"));
            Assert.That(call.Details, Is.Not.Null);
            Assert.That(call.Details!.ConversationDuration, Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(call.Details.Leg1Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(call.Details.Leg2Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(call.Details.Legs, Has.Count.EqualTo(2));
            Assert.That(call.Details.Legs[0].Id, Is.EqualTo(1));
            Assert.That(call.Details.Legs[0].OnCallDuration, Is.EqualTo(TimeSpan.FromSeconds(21)));
            Assert.That(call.Details.Legs[1].Id, Is.EqualTo(2));
            Assert.That(call.Details.Legs[1].OnCallDuration, Is.EqualTo(TimeSpan.FromSeconds(8)));
        }

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Get_without_details_omits_the_query()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/c5797dcbaaeed7678c4062a4a3ed2f8a.json")
            .Respond("application/json", Fixtures.Read("call-connect.json"));

        var call = await host.Client.Calls.GetAsync("c5797dcbaaeed7678c4062a4a3ed2f8a", includeDetails: false);

        Assert.That(call.Sid, Is.EqualTo("c5797dcbaaeed7678c4062a4a3ed2f8a"));
        Assert.That(call.Details, Is.Null);
        host.VerifyAllSatisfied();
    }

    [Test]
    public void Get_of_an_unknown_call_names_the_operation_by_its_template()
    {
        using var host = new ExotelTestHost();
        host.ExpectJson(HttpMethod.Get, TestAccount.V1 + "/Calls/nosuchcall.json?details=true")
            .Respond(HttpStatusCode.NotFound, "application/json", V1Json.RestException(404, "Call not found"));

        var ex = Assert.ThrowsAsync<ExotelException>(() => host.Client.Calls.GetAsync("nosuchcall"))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.IsNotFound, Is.True);
            Assert.That(ex.Status, Is.EqualTo(404));
            Assert.That(ex.Operation, Is.EqualTo("GET /v1/Accounts/{account_sid}/Calls/{call_sid}.json"));
            Assert.That(ex.Message, Does.Contain("Call not found"));
        }

        host.VerifyAllSatisfied();
    }

    [TestCase("a/b")]
    [TestCase("abc?details=false")]
    [TestCase("abc#frag")]
    [TestCase("abc def")]
    public void Get_rejects_a_call_sid_that_would_change_the_path(string callSid)
    {
        using var host = new ExotelTestHost();

        var ex = Assert.ThrowsAsync<ArgumentException>(() => host.Client.Calls.GetAsync(callSid))!;

        Assert.That(ex.ParamName, Is.EqualTo("callSid"));
        Assert.That(host.SentCount, Is.Zero);
        Assert.That(host.Unmatched, Is.Empty);
    }

    [Test]
    public void Get_rejects_a_missing_call_sid()
    {
        using var host = new ExotelTestHost();

        var missing = Assert.ThrowsAsync<ArgumentNullException>(() => host.Client.Calls.GetAsync(null!))!;
        var empty = Assert.ThrowsAsync<ArgumentException>(() => host.Client.Calls.GetAsync(""))!;

        Assert.That(missing.ParamName, Is.EqualTo("callSid"));
        Assert.That(empty.ParamName, Is.EqualTo("callSid"));
        Assert.That(host.SentCount, Is.Zero);
    }
}
