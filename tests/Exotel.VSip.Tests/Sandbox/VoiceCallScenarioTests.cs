using VapiExotel.Sandbox;

namespace Exotel.VSip.Tests.Sandbox;

/// <summary>
/// The Voice API end to end: connect (two numbers or a flow), call details as the manual clock moves (IST dates,
/// national numbers, legs, late fields) and the bulk list over several pages and with filters.
/// </summary>
public sealed class VoiceCallScenarioTests : SandboxScenario
{
    private const string Customer = "+919876543210";
    private const string Agent = "+919123456789";

    [Test]
    public async Task Connect_places_a_queued_call_with_ist_dates_and_national_numbers()
    {
        var call = await Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone) { TimeLimit = 300, CustomField = "order_1" });

        var post = ReceivedOnce("POST", V1("Calls/connect.json"));
        Assert.Multiple(() =>
        {
            Assert.That(call.Sid, Does.Match(RequestIdPattern));
            Assert.That(call.Status, Is.EqualTo(ExotelCallStatus.Queued));
            Assert.That(call.From, Is.EqualTo("09876543210"));
            Assert.That(call.To, Is.EqualTo("09123456789"));
            Assert.That(call.PhoneNumberSid, Is.EqualTo("08047490924"));
            Assert.That(call.Direction, Is.EqualTo(ExotelCallDirection.OutboundApi));
            Assert.That(call.AccountSid, Is.EqualTo("sandbox1"));
            Assert.That(call.DateCreated, Is.EqualTo(Start));
            Assert.That(call.DateCreated!.Value.Offset, Is.EqualTo(Ist));
            Assert.That(call.StartTime, Is.EqualTo(Start));
            Assert.That(call.EndTime, Is.Null);
            Assert.That(call.Duration, Is.Null);
            Assert.That(call.Price, Is.Null);
            Assert.That(call.RecordingUrl, Is.Null);
            Assert.That(call.Details, Is.Null);
            Assert.That(call.Uri, Is.EqualTo($"/v1/Accounts/sandbox1/Calls.json/{call.Sid}"));
            Assert.That(post.BodyText, Is.EqualTo("From=%2B919876543210&To=%2B919123456789&CallerId=%2B918047490924&TimeLimit=300&CustomField=order_1"));
            Assert.That(post.Headers["Content-Type"], Does.StartWith("application/x-www-form-urlencoded"));
            Assert.That(Sandbox.Exotel.Calls.Select(c => (string?)c["Sid"]), Is.EqualTo(new[] { call.Sid }));
        });
    }

    [Test]
    public async Task A_call_rings_talks_ends_and_gets_its_late_fields_only_after_the_delay()
    {
        var placed = await Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone) { Record = true });

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var ringing = await Client.Calls.GetAsync(placed.Sid);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(4));
        var talking = await Client.Calls.GetAsync(placed.Sid);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(30));
        var ended = await Client.Calls.GetAsync(placed.Sid);
        await Sandbox.AdvanceTimeAsync(Sandbox.Options.ExotelLateFieldsDelay - TimeSpan.FromSeconds(1));
        var almost = await Client.Calls.GetAsync(placed.Sid);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var settled = await Client.Calls.GetAsync(placed.Sid);

        Assert.Multiple(() =>
        {
            Assert.That(ringing.Status, Is.EqualTo(ExotelCallStatus.Ringing));
            Assert.That(ringing.DateUpdated, Is.EqualTo(Start.AddSeconds(1)));
            Assert.That(talking.Status, Is.EqualTo(ExotelCallStatus.InProgress));
            Assert.That(talking.DateUpdated, Is.EqualTo(Start.AddSeconds(5)));
            Assert.That(talking.Details!.Leg1Status, Is.Null);
            Assert.That(talking.Details.ConversationDuration, Is.EqualTo(TimeSpan.Zero));

            Assert.That(ended.Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(ended.Status!.Value.IsTerminal, Is.True);
            Assert.That(ended.Details!.ConversationDuration, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(ended.Details.Leg1Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(ended.Details.Leg2Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(ended.Details.Legs.Select(l => (l.Id, l.OnCallDuration)), Is.EqualTo(new[] { ((int?)1, (TimeSpan?)TimeSpan.FromSeconds(34)), (2, TimeSpan.FromSeconds(30)) }));
            Assert.That((ended.Duration, ended.Price, ended.EndTime, ended.RecordingUrl), Is.EqualTo(((TimeSpan?)null, (decimal?)null, (DateTimeOffset?)null, (string?)null)));
            Assert.That((almost.Duration, almost.Price, almost.EndTime, almost.RecordingUrl), Is.EqualTo(((TimeSpan?)null, (decimal?)null, (DateTimeOffset?)null, (string?)null)));

            Assert.That(settled.Duration, Is.EqualTo(TimeSpan.FromSeconds(35)));
            Assert.That(settled.Price, Is.EqualTo(1.000m));
            Assert.That(settled.EndTime, Is.EqualTo(Start.AddSeconds(35)));
            Assert.That(settled.EndTime!.Value.Offset, Is.EqualTo(Ist));
            Assert.That(settled.RecordingUrl, Is.EqualTo($"https://recordings.sandbox.invalid/{placed.Sid}.mp3"));
            Assert.That(settled.DateUpdated, Is.EqualTo(Start.AddSeconds(35) + Sandbox.Options.ExotelLateFieldsDelay));
            Assert.That(Received("GET", V1($"Calls/{placed.Sid}.json")).Select(r => r.Query), Is.EqualTo(Enumerable.Repeat("?details=true", 5)));
        });
    }

    [Test]
    public async Task A_busy_party_ends_the_call_busy_with_the_second_leg_canceled()
    {
        Sandbox.ScriptCall(Customer, SandboxCallScript.Busy());
        var placed = await Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(10));

        var detailed = await Client.Calls.GetAsync(placed.Sid);
        var plain = await Client.Calls.GetAsync(placed.Sid, includeDetails: false);

        Assert.Multiple(() =>
        {
            Assert.That(detailed.Status, Is.EqualTo(ExotelCallStatus.Busy));
            Assert.That(detailed.Details!.Leg1Status, Is.EqualTo(ExotelCallStatus.Busy));
            Assert.That(detailed.Details.Leg2Status, Is.EqualTo(ExotelCallStatus.Canceled));
            Assert.That(detailed.Details.ConversationDuration, Is.EqualTo(TimeSpan.Zero));
            Assert.That(detailed.Details.Legs.Select(l => l.OnCallDuration), Is.EqualTo(new TimeSpan?[] { TimeSpan.Zero, TimeSpan.Zero }));
            Assert.That(plain.Status, Is.EqualTo(ExotelCallStatus.Busy));
            Assert.That(plain.Details, Is.Null);
            Assert.That(Received("GET", V1($"Calls/{placed.Sid}.json")).Select(r => r.Query), Is.EqualTo(new[] { "?details=true", string.Empty }));
        });
    }

    [Test]
    public async Task Connect_to_flow_calls_one_number_and_the_call_has_a_single_leg()
    {
        var placed = await Client.Calls.ConnectToFlowAsync(new ConnectToFlowRequest(Customer, ExoPhone, "248193"));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(35) + Sandbox.Options.ExotelLateFieldsDelay);

        var done = await Client.Calls.GetAsync(placed.Sid);

        Assert.Multiple(() =>
        {
            Assert.That(placed.To, Is.Null);
            Assert.That(placed.From, Is.EqualTo("09876543210"));
            Assert.That(
                ReceivedOnce("POST", V1("Calls/connect.json")).BodyText,
                Is.EqualTo("From=%2B919876543210&CallerId=%2B918047490924&Url=http%3A%2F%2Fmy.exotel.com%2Fsandbox1%2Fexoml%2Fstart_voice%2F248193"));
            Assert.That(done.Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(done.To, Is.Null);
            Assert.That(done.Details!.Leg1Status, Is.EqualTo(ExotelCallStatus.Completed));
            Assert.That(done.Details.Leg2Status, Is.Null);
            Assert.That(done.Details.Legs.Select(l => l.OnCallDuration), Is.EqualTo(new TimeSpan?[] { TimeSpan.FromSeconds(34) }));
            Assert.That(done.Duration, Is.EqualTo(TimeSpan.FromSeconds(35)));
            Assert.That(done.Price, Is.EqualTo(0.500m));
        });
    }

    [Test]
    public void A_caller_id_that_is_not_an_exophone_is_refused_with_the_servers_message()
    {
        var e = Assert.ThrowsAsync<ExotelException>(() => Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, "+918000000000")))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(400));
            Assert.That(e.ErrorMessage, Is.EqualTo("CallerId is not an ExoPhone of this account"));
            Assert.That(e.ErrorCode, Is.Null);
            Assert.That(e.Operation, Is.EqualTo("POST /v1/Accounts/{account_sid}/Calls/connect.json"));
            Assert.That(e.Message, Is.EqualTo("Exotel POST /v1/Accounts/{account_sid}/Calls/connect.json failed: CallerId is not an ExoPhone of this account (HTTP 400)."));
            Assert.That(e.IsNotFound || e.IsDuplicate || e.IsRateLimited || e.IsOutcomeUnknown, Is.False);
            Assert.That(Sandbox.Exotel.Calls, Is.Empty);
        });
    }

    [Test]
    public void Reading_a_call_the_account_does_not_have_is_not_found()
    {
        var e = Assert.ThrowsAsync<ExotelException>(() => Client.Calls.GetAsync("0123456789abcdef0123456789abcdef"))!;

        Assert.Multiple(() =>
        {
            Assert.That(e.IsNotFound, Is.True);
            Assert.That(e.Status, Is.EqualTo(404));
            Assert.That(e.ErrorMessage, Is.EqualTo("Call 0123456789abcdef0123456789abcdef was not found"));
            Assert.That(e.Operation, Is.EqualTo("GET /v1/Accounts/{account_sid}/Calls/{call_sid}.json"));
        });
    }

    [Test]
    public async Task Listing_with_page_size_two_follows_next_page_uri_newest_first()
    {
        var sids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sids.Add((await Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone))).Sid);
            await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        }

        var listed = await Client.Calls.ListAsync(new ExotelCallListFilter { PageSize = 2 }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(c => c.Sid), Is.EqualTo(Enumerable.Reverse(sids)));
            Assert.That(listed.Select(c => c.DateCreated), Is.EqualTo(Enumerable.Range(0, 5).Reverse().Select(s => (DateTimeOffset?)Start.AddSeconds(s))));
            Assert.That(
                Received("GET", V1("Calls.json")).Select(r => r.Query),
                Is.EqualTo(new[] { "?PageSize=2", $"?After={sids[3]}&PageSize=2", $"?After={sids[1]}&PageSize=2" }),
                "the client follows each NextPageUri, whose cursor is the last call of the page before");
        });
    }

    [Test]
    public async Task Listing_filters_by_number_and_status_and_can_sort_oldest_first()
    {
        const string Other = "+919000000002";
        Sandbox.ScriptCall(Other, SandboxCallScript.Busy());
        var first = await Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone));
        var busy = await Client.Calls.ConnectAsync(new ConnectCallRequest(Other, Agent, ExoPhone));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(40));
        var latest = await Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone));

        var completedFromCustomer = await Client.Calls.ListAsync(Filter(f => { f.From.Add(Customer); f.Status = ExotelCallStatus.Completed; })).ToListAsync();
        var fromCustomerOldestFirst = await Client.Calls.ListAsync(Filter(f => { f.From.Add(Customer); f.OldestFirst = true; })).ToListAsync();
        var busyCalls = await Client.Calls.ListAsync(Filter(f => f.Status = ExotelCallStatus.Busy)).ToListAsync();
        var toAgent = await Client.Calls.ListAsync(Filter(f => f.To.Add(Agent))).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(completedFromCustomer.Select(c => c.Sid), Is.EqualTo(new[] { first.Sid }));
            Assert.That(fromCustomerOldestFirst.Select(c => c.Sid), Is.EqualTo(new[] { first.Sid, latest.Sid }));
            Assert.That(busyCalls.Select(c => (c.Sid, c.From)), Is.EqualTo(new[] { (busy.Sid, "09000000002") }));
            Assert.That(toAgent.Select(c => c.Sid), Is.EqualTo(new[] { latest.Sid, busy.Sid, first.Sid }));
            Assert.That(
                Received("GET", V1("Calls.json")).Select(r => r.Query),
                Is.EqualTo(new[]
                {
                    "?From=%2B919876543210&Status=completed",
                    "?From=%2B919876543210&SortBy=DateCreated%3Aasc",
                    "?Status=busy",
                    "?To=%2B919123456789",
                }));
        });
    }

    [Test]
    public async Task Listing_by_creation_date_returns_only_the_calls_created_in_the_range()
    {
        var early = await Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(10));
        var inRange = await Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(10));
        var late = await Client.Calls.ConnectAsync(new ConnectCallRequest(Customer, Agent, ExoPhone));

        var listed = await Client.Calls.ListAsync(Filter(f =>
        {
            f.CreatedFrom = Start.AddMinutes(5);
            f.CreatedTo = Start.AddMinutes(15);
        })).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(
                ReceivedOnce("GET", V1("Calls.json")).Query,
                Is.EqualTo("?DateCreated=gte%3A2026-01-23%2015%3A35%3A00%3Blte%3A2026-01-23%2015%3A45%3A00"));
            Assert.That(listed.Select(c => c.Sid), Is.EqualTo(new[] { inRange.Sid }), $"early {early.Sid}, late {late.Sid}");
        });
    }

    private static ExotelCallListFilter Filter(Action<ExotelCallListFilter> configure)
    {
        var filter = new ExotelCallListFilter();
        configure(filter);
        return filter;
    }
}
