using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace VapiExotel.Sandbox.Tests.Exotel;

/// <summary>The Voice API v1 (exotel-api.md §8): connect, call details, bulk details, on the manual clock.</summary>
public sealed class VoiceCallTests : Support.SandboxTest
{
    private const string From = "+919876543210";
    private const string To = "+919123456789";
    private const string CallerId = "+918047490924";

    private static readonly (string Name, string Value)[] TwoNumbers = [("From", From), ("To", To), ("CallerId", CallerId)];

    private async Task<(HttpStatusCode Status, JsonNode? Body)> ConnectAsync(params (string Name, string Value)[] fields)
    {
        using var response = await PostFormAsync(V1("Calls/connect.json"), fields);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    private async Task<string> PlaceCallAsync(params (string Name, string Value)[] extra)
    {
        var (status, body) = await ConnectAsync([.. TwoNumbers, .. extra]);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return (string)body!["Call"]!["Sid"]!;
    }

    private async Task<JsonNode> GetCallAsync(string sid, bool details = false)
    {
        var (status, body) = await SendAsync(Exotel, HttpMethod.Get, V1($"Calls/{sid}.json{(details ? "?details=true" : string.Empty)}"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return body!["Call"]!;
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        static TestCaseData Case(string message, params string[] fields) =>
            new TestCaseData(fields, message).SetArgDisplayNames(message);

        yield return Case("Missing parameter From", "To", To, "CallerId", CallerId);
        yield return Case("Missing parameter CallerId", "From", From, "To", To);
        yield return Case("Invalid parameter From: 'abc' is not a phone number", "From", "abc", "To", To, "CallerId", CallerId);
        yield return Case("Send either To (connect two numbers) or Url (connect to a flow), not both",
            "From", From, "To", To, "CallerId", CallerId, "Url", "http://my.exotel.com/sandbox1/exoml/start_voice/1");
        yield return Case("Missing parameter To (or Url to connect to a flow)", "From", From, "CallerId", CallerId);
        yield return Case("CallerId is not an ExoPhone of this account", "From", From, "To", To, "CallerId", "+918000000000");
        yield return Case("TimeLimit must be a whole number from 1 to 14400", "From", From, "To", To, "CallerId", CallerId, "TimeLimit", "14401");
        yield return Case("CustomField must be at most 128 characters", "From", From, "To", To, "CallerId", CallerId, "CustomField", new string('c', 129));
        yield return Case("StatusCallbackEvents must be one of: terminal, answered",
            "From", From, "To", To, "CallerId", CallerId, "StatusCallback", "http://127.0.0.1:9/cb", "StatusCallbackEvents[0]", "terminal", "StatusCallbackEvents[1]", "ringing");
        yield return Case("StatusCallbackContentType must be one of: multipart/form-data, application/json",
            "From", From, "To", To, "CallerId", CallerId, "StatusCallback", "http://127.0.0.1:9/cb", "StatusCallbackContentType", "text/xml");
    }

    [Test]
    public async Task Connect_json_answers_the_queued_call_with_IST_dates_and_national_numbers()
    {
        var (status, body) = await ConnectAsync(TwoNumbers);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That(V2Assert.Keys(body), Is.EqualTo(new[] { "Call" }));
        var sid = (string)body!["Call"]!["Sid"]!;
        Assert.That(sid, Does.Match("^[0-9a-f]{32}$"));
        V2Assert.Json(body["Call"], $$"""
            {"Sid":"{{sid}}","ParentCallSid":null,"DateCreated":"2026-01-23 15:30:00","DateUpdated":"2026-01-23 15:30:00",
             "AccountSid":"{{AccountSid}}","To":"09123456789","From":"09876543210","PhoneNumberSid":"08047490924",
             "Status":"queued","StartTime":"2026-01-23 15:30:00","EndTime":null,"Duration":null,"Price":null,
             "Direction":"outbound-api","AnsweredBy":null,"ForwardedFrom":null,"CallerName":null,
             "Uri":"/v1/Accounts/{{AccountSid}}/Calls.json/{{sid}}","RecordingUrl":null}
            """);
        Assert.That((string?)Sandbox.Exotel.Calls.Single()["Sid"], Is.EqualTo(sid));
    }

    [Test]
    public async Task Connect_without_the_json_suffix_answers_XML_under_TwilioResponse()
    {
        using var response = await PostFormAsync(V1("Calls/connect"), TwoNumbers);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var call = xml.Root!.Element("Call")!;
        Assert.Multiple(() =>
        {
            Assert.That(xml.Root.Name.LocalName, Is.EqualTo("TwilioResponse"));
            Assert.That(call.Element("Sid")!.Value, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(call.Element("Status")!.Value, Is.EqualTo("queued"));
            Assert.That(call.Element("From")!.Value, Is.EqualTo("09876543210"));
            Assert.That(call.Element("DateCreated")!.Value, Is.EqualTo("2026-01-23 15:30:00"));
            Assert.That(call.Element("EndTime")!.Value, Is.Empty);
        });
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task Connect_refuses_invalid_parameters_with_a_400_RestException(string[] fields, string message)
    {
        var pairs = fields.Chunk(2).Select(p => (p[0], p[1])).ToArray();

        var (status, body) = await ConnectAsync(pairs);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        V2Assert.Json(body, new JsonObject { ["RestException"] = new JsonObject { ["Status"] = 400, ["Message"] = message } }.ToJsonString());
        Assert.That(Sandbox.Exotel.Calls, Is.Empty);
    }

    [Test]
    public async Task Connect_refusals_without_the_json_suffix_are_an_XML_RestException()
    {
        using var response = await PostFormAsync(V1("Calls/connect"), ("To", To), ("CallerId", CallerId));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Name.LocalName, Is.EqualTo("TwilioResponse"));
            Assert.That(error.Element("RestException")!.Element("Status")!.Value, Is.EqualTo("400"));
            Assert.That(error.Element("RestException")!.Element("Message")!.Value, Is.EqualTo("Missing parameter From"));
        });
    }

    [Test]
    public async Task Connect_accepts_the_largest_limits_and_a_national_format_caller_id()
    {
        var (status, body) = await ConnectAsync(
            ("From", From), ("To", To), ("CallerId", "08047490924"), ("TimeLimit", "14400"), ("CustomField", new string('c', 128)), ("CallType", "trans"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        Assert.That((string?)body!["Call"]!["PhoneNumberSid"], Is.EqualTo("08047490924"));
    }

    [Test]
    public async Task Connect_to_a_flow_has_no_To_and_a_single_leg()
    {
        var (status, body) = await ConnectAsync(("From", From), ("CallerId", CallerId), ("Url", $"http://my.exotel.com/{AccountSid}/exoml/start_voice/12345"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        var sid = (string)body!["Call"]!["Sid"]!;
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(35));

        var call = await GetCallAsync(sid, details: true);

        Assert.That(call.AsObject().ContainsKey("To"), Is.True);
        Assert.That(call["To"], Is.Null);
        V2Assert.Json(call["Details"], """
            {"ConversationDuration":30,"Leg1Status":"completed","Leg2Status":null,"Legs":[{"Leg":{"Id":1,"OnCallDuration":34}}]}
            """);
    }

    [Test]
    public async Task Call_details_without_details_true_has_no_Details_and_with_it_has_the_nested_legs()
    {
        var sid = await PlaceCallAsync();
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(35));

        var plain = await GetCallAsync(sid);
        var detailed = await GetCallAsync(sid, details: true);

        Assert.That(plain.AsObject().ContainsKey("Details"), Is.False);
        V2Assert.Json(detailed["Details"], """
            {"ConversationDuration":30,"Leg1Status":"completed","Leg2Status":"completed",
             "Legs":[{"Leg":{"Id":1,"OnCallDuration":34}},{"Leg":{"Id":2,"OnCallDuration":30}}]}
            """);
    }

    [Test]
    public async Task Details_of_a_call_still_going_have_no_leg_statuses_and_no_durations()
    {
        var sid = await PlaceCallAsync();
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(10));

        var call = await GetCallAsync(sid, details: true);

        Assert.That((string?)call["Status"], Is.EqualTo("in-progress"));
        V2Assert.Json(call["Details"], """
            {"ConversationDuration":0,"Leg1Status":null,"Leg2Status":null,
             "Legs":[{"Leg":{"Id":1,"OnCallDuration":0}},{"Leg":{"Id":2,"OnCallDuration":0}}]}
            """);
    }

    [Test]
    public async Task An_unknown_call_sid_is_a_404_RestException()
    {
        var (status, body) = await SendAsync(Exotel, HttpMethod.Get, V1("Calls/0123456789abcdef0123456789abcdef.json"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        V2Assert.Json(body, """{"RestException":{"Status":404,"Message":"Call 0123456789abcdef0123456789abcdef was not found"}}""");
    }

    [Test]
    public async Task A_call_goes_queued_ringing_in_progress_completed_on_the_manual_clock()
    {
        var sid = await PlaceCallAsync();
        var seen = new List<string>();

        foreach (var step in new[] { 0, 1, 4, 29, 1 })
        {
            await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(step));
            var call = await GetCallAsync(sid);
            seen.Add($"{call["Status"]} {call["DateUpdated"]}");
        }

        Assert.That(seen, Is.EqualTo(new[]
        {
            "queued 2026-01-23 15:30:00",
            "ringing 2026-01-23 15:30:01",
            "in-progress 2026-01-23 15:30:05",
            "in-progress 2026-01-23 15:30:05",
            "completed 2026-01-23 15:30:35",
        }));
    }

    [TestCase(SandboxCallOutcome.Busy, "busy")]
    [TestCase(SandboxCallOutcome.NoAnswer, "no-answer")]
    [TestCase(SandboxCallOutcome.Failed, "failed")]
    public async Task A_scripted_unanswered_call_ends_after_ringing_with_its_status_and_a_canceled_second_leg(SandboxCallOutcome outcome, string status)
    {
        Sandbox.ScriptCall(From, outcome switch
        {
            SandboxCallOutcome.Busy => SandboxCallScript.Busy(),
            SandboxCallOutcome.NoAnswer => SandboxCallScript.NoAnswer(),
            _ => SandboxCallScript.Failed(),
        });
        var sid = await PlaceCallAsync();

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(4));
        var ringing = await GetCallAsync(sid);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var ended = await GetCallAsync(sid, details: true);

        Assert.That((string?)ringing["Status"], Is.EqualTo("ringing"));
        Assert.That((string?)ended["Status"], Is.EqualTo(status));
        V2Assert.Json(ended["Details"], $$$"""
            {"ConversationDuration":0,"Leg1Status":"{{{status}}}","Leg2Status":"canceled",
             "Legs":[{"Leg":{"Id":1,"OnCallDuration":0}},{"Leg":{"Id":2,"OnCallDuration":0}}]}
            """);
    }

    [Test]
    public async Task Duration_price_end_time_and_recording_stay_null_until_the_late_fields_delay_after_the_end()
    {
        var sid = await PlaceCallAsync(("Record", "true"));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(35));
        var atEnd = await GetCallAsync(sid);
        await Sandbox.AdvanceTimeAsync(Sandbox.Options.ExotelLateFieldsDelay - TimeSpan.FromSeconds(1));
        var justBefore = await GetCallAsync(sid);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var settled = await GetCallAsync(sid);

        foreach (var early in new[] { atEnd, justBefore })
        {
            Assert.Multiple(() =>
            {
                Assert.That((string?)early["Status"], Is.EqualTo("completed"));
                Assert.That(early["Duration"], Is.Null);
                Assert.That(early["Price"], Is.Null);
                Assert.That(early["EndTime"], Is.Null);
                Assert.That(early["RecordingUrl"], Is.Null);
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(settled["Duration"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.String));
            Assert.That((string?)settled["Duration"], Is.EqualTo("35"));
            Assert.That((string?)settled["Price"], Is.EqualTo("1.000"));
            Assert.That((string?)settled["EndTime"], Is.EqualTo("2026-01-23 15:30:35"));
            Assert.That((string?)settled["DateUpdated"], Is.EqualTo("2026-01-23 15:32:35"));
            Assert.That((string?)settled["RecordingUrl"], Does.StartWith("https://").And.Contain(sid).And.EndsWith(".mp3"));
        });
    }

    [Test]
    public async Task A_call_not_recorded_has_no_recording_url_once_settled()
    {
        var sid = await PlaceCallAsync();

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(5));

        var call = await GetCallAsync(sid);
        Assert.That((string?)call["Duration"], Is.EqualTo("35"));
        Assert.That(call["RecordingUrl"], Is.Null);
    }

    [Test]
    public async Task Bulk_details_are_newest_first_with_metadata_and_NextPageUri_paging()
    {
        var first = await PlaceCallAsync();
        var second = await PlaceCallAsync();
        var third = await PlaceCallAsync();
        var path = $"/v1/Accounts/{AccountSid}/Calls.json";

        var (status, page1) = await SendAsync(Exotel, HttpMethod.Get, V1("Calls.json?PageSize=2"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), page1?.ToJsonString());
        var next = (string)page1!["Metadata"]!["NextPageUri"]!;
        var (_, page2) = await SendAsync(Exotel, HttpMethod.Get, next);

        Assert.That(page1["Calls"]!.AsArray().Select(c => (string?)c!["Sid"]), Is.EqualTo(new[] { third, second }));
        V2Assert.Json(page1["Metadata"], $$"""
            {"Total":3,"PageSize":2,"FirstPageUri":"{{path}}?PageSize=2","PrevPageUri":null,"NextPageUri":"{{path}}?After={{second}}&PageSize=2"}
            """);
        Assert.That(page2!["Calls"]!.AsArray().Select(c => (string?)c!["Sid"]), Is.EqualTo(new[] { first }));
        V2Assert.Json(page2["Metadata"], $$"""
            {"Total":3,"PageSize":2,"FirstPageUri":"{{path}}?PageSize=2","PrevPageUri":"{{path}}?Before={{first}}&PageSize=2","NextPageUri":null}
            """);
        var (_, back) = await SendAsync(Exotel, HttpMethod.Get, (string)page2["Metadata"]!["PrevPageUri"]!);
        Assert.That(back!["Calls"]!.AsArray().Select(c => (string?)c!["Sid"]), Is.EqualTo(new[] { third, second }), "Before leads back to the first page");
    }

    [Test]
    public async Task A_call_placed_between_two_pages_neither_repeats_nor_hides_a_row()
    {
        var first = await PlaceCallAsync();
        var second = await PlaceCallAsync();
        var third = await PlaceCallAsync();
        var (_, page1) = await SendAsync(Exotel, HttpMethod.Get, V1("Calls.json?PageSize=2"));
        await PlaceCallAsync();

        var (_, page2) = await SendAsync(Exotel, HttpMethod.Get, (string)page1!["Metadata"]!["NextPageUri"]!);

        Assert.That(page1["Calls"]!.AsArray().Select(c => (string?)c!["Sid"]), Is.EqualTo(new[] { third, second }));
        Assert.That(page2!["Calls"]!.AsArray().Select(c => (string?)c!["Sid"]), Is.EqualTo(new[] { first }));
    }

    [Test]
    public async Task Bulk_details_filter_by_Sid_list_and_by_Status()
    {
        Sandbox.ScriptCall("+919000000002", SandboxCallScript.Busy());
        var answered = await PlaceCallAsync();
        var (_, busyBody) = await ConnectAsync(("From", "+919000000002"), ("To", To), ("CallerId", CallerId));
        var busy = (string)busyBody!["Call"]!["Sid"]!;
        var other = await PlaceCallAsync();
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(10));

        var (_, bySid) = await SendAsync(Exotel, HttpMethod.Get, V1($"Calls.json?Sid={answered},{other}"));
        var (_, byBusy) = await SendAsync(Exotel, HttpMethod.Get, V1("Calls.json?Status=busy"));
        var (_, byCompleted) = await SendAsync(Exotel, HttpMethod.Get, V1("Calls.json?Status=completed"));

        Assert.Multiple(() =>
        {
            Assert.That(bySid!["Calls"]!.AsArray().Select(c => (string?)c!["Sid"]), Is.EqualTo(new[] { other, answered }));
            Assert.That((int?)bySid["Metadata"]!["Total"], Is.EqualTo(2));
            Assert.That(byBusy!["Calls"]!.AsArray().Select(c => (string?)c!["Sid"]), Is.EqualTo(new[] { busy }));
            Assert.That(byCompleted!["Calls"]!.AsArray(), Is.Empty);
            Assert.That((int?)byCompleted["Metadata"]!["Total"], Is.EqualTo(0));
        });
    }
}
