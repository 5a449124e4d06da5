using System.Text.Json.Nodes;
using VapiExotel.Sandbox;

namespace Vapi.Client.Tests.Sandbox;

/// <summary>Outbound calls placed by the client and followed on the sandbox clock.</summary>
public sealed class CallScenarioTests : SandboxScenario
{
    [Test]
    public async Task A_new_call_is_queued_with_its_subscription_limits_and_echoes_what_was_sent()
    {
        var number = await CreateTrunkAndNumberAsync();

        var call = await Client.Calls.CreateAsync(new CreateCallRequest
        {
            AssistantId = SeededAssistantId,
            AssistantOverrides = new JsonObject { ["variableValues"] = new JsonObject { ["name"] = "Asha" } },
            PhoneNumberId = number.Id,
            Customer = new VapiCustomer { Number = Customer, Name = "Asha", ExternalId = "crm-42" },
            Name = "vx-sandbox-call",
        });

        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse(call.Id, out _), Is.True);
            Assert.That(call.OrgId, Is.EqualTo(Sandbox.Vapi.OrgId));
            Assert.That(call.Type, Is.EqualTo(VapiCallType.OutboundPhoneCall));
            Assert.That(call.Status, Is.EqualTo(VapiCallStatus.Queued));
            Assert.That(call.Status!.Value.IsTerminal, Is.False);
            Assert.That(call.SubscriptionLimits?.ConcurrencyBlocked, Is.False);
            Assert.That(call.SubscriptionLimits?.ConcurrencyLimit, Is.EqualTo(10));
            Assert.That(call.SubscriptionLimits?.RemainingConcurrentCalls, Is.EqualTo(9));
            Assert.That(call.AssistantId, Is.EqualTo(SeededAssistantId));
            Assert.That(call.PhoneNumberId, Is.EqualTo(number.Id));
            Assert.That(call.Customer?.Number, Is.EqualTo(Customer));
            Assert.That(call.Customer?.Name, Is.EqualTo("Asha"));
            Assert.That(call.Customer?.ExternalId, Is.EqualTo("crm-42"));
            Assert.That(call.Name, Is.EqualTo("vx-sandbox-call"));
            Assert.That(call.PhoneCallTransport, Is.EqualTo(VapiPhoneCallTransport.Sip));
            Assert.That(call.CreatedAt, Is.EqualTo(Start));
            Assert.That(call.StartedAt, Is.Null);
            Assert.That(call.EndedReason, Is.Null);
            Assert.That(call.Monitor?.ControlUrl, Is.EqualTo($"{Sandbox.VapiBaseAddress}sandbox-control/{call.Id}/control"));
            Assert.That(call.AdditionalProperties?["assistantOverrides"].GetRawText(), Is.EqualTo("""{"variableValues":{"name":"Asha"}}"""));
            Assert.That(Sandbox.Vapi.Calls, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_call_rings_is_answered_and_ends_as_the_clock_moves()
    {
        var number = await CreateTrunkAndNumberAsync();
        var placed = await PlaceCallAsync(number.Id);

        var queued = await Client.Calls.GetAsync(placed.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var ringing = await Client.Calls.GetAsync(placed.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(4));
        var answered = await Client.Calls.GetAsync(placed.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(29));
        var talking = await Client.Calls.GetAsync(placed.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var ended = await Client.Calls.GetAsync(placed.Id);

        Assert.Multiple(() =>
        {
            Assert.That(new[] { queued, ringing, answered, talking, ended }.Select(c => c.Status), Is.EqualTo(new VapiCallStatus?[]
            {
                VapiCallStatus.Queued, VapiCallStatus.Ringing, VapiCallStatus.InProgress, VapiCallStatus.InProgress, VapiCallStatus.Ended,
            }));
            Assert.That(ringing.StartedAt, Is.Null);
            Assert.That(answered.StartedAt, Is.EqualTo(Start.AddSeconds(5)));
            Assert.That(answered.EndedReason, Is.Null);
            Assert.That(ended.Status!.Value.IsTerminal, Is.True);
            Assert.That(ended.StartedAt, Is.EqualTo(Start.AddSeconds(5)));
            Assert.That(ended.EndedAt, Is.EqualTo(Start.AddSeconds(35)));
            Assert.That(ended.UpdatedAt, Is.EqualTo(Start.AddSeconds(35)));
            Assert.That(ended.Cost, Is.EqualTo(0.045m), "30 s at the sandbox's rate");
            Assert.That(ended.EndedReason, Is.EqualTo(VapiEndedReason.CustomerEndedCall));
            Assert.That(ended.EndedReason!.Value.IsError, Is.False);
            Assert.That(ended.EndedReason!.Value.IsSipFailure, Is.False);
            Assert.That(ended.EndedReason!.Value.IsStartError, Is.False);
            Assert.That(ended.EndedReason!.Value.IsProviderFault, Is.False);
            Assert.That(ended.EndedReason!.Value.SipStatusCode, Is.Null);
        });
    }

    [TestCase("busy", "customer-busy", false, false, false, null)]
    [TestCase("no-answer", "customer-did-not-answer", false, false, false, null)]
    [TestCase("failed", "call.in-progress.error-sip-outbound-call-failed-to-connect", true, true, false, null)]
    [TestCase("failed-408", "call.in-progress.error-providerfault-outbound-sip-408-request-timeout", true, true, true, 408)]
    public async Task A_call_that_is_not_answered_ends_with_a_reason_the_typed_helpers_classify(
        string script, string reason, bool isError, bool isSipFailure, bool isProviderFault, int? sipStatus)
    {
        var number = await CreateTrunkAndNumberAsync();
        Sandbox.ScriptCall(Customer, script switch
        {
            "busy" => SandboxCallScript.Busy(),
            "no-answer" => SandboxCallScript.NoAnswer(),
            "failed" => SandboxCallScript.Failed(),
            _ => SandboxCallScript.Failed("call.in-progress.error-providerfault-outbound-sip-408-request-timeout"),
        });
        var placed = await PlaceCallAsync(number.Id);

        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(5));
        var ended = await Client.Calls.GetAsync(placed.Id);

        Assert.Multiple(() =>
        {
            Assert.That(ended.Status, Is.EqualTo(VapiCallStatus.Ended));
            Assert.That(ended.EndedReason, Is.EqualTo(new VapiEndedReason(reason)));
            Assert.That(ended.EndedReason!.Value.IsError, Is.EqualTo(isError));
            Assert.That(ended.EndedReason!.Value.IsSipFailure, Is.EqualTo(isSipFailure));
            Assert.That(ended.EndedReason!.Value.IsProviderFault, Is.EqualTo(isProviderFault));
            Assert.That(ended.EndedReason!.Value.IsStartError, Is.False);
            Assert.That(ended.EndedReason!.Value.SipStatusCode, Is.EqualTo(sipStatus));
            Assert.That(ended.StartedAt, Is.Null, "never answered");
            Assert.That(ended.EndedAt, Is.EqualTo(Start.AddSeconds(5)));
            Assert.That(ended.Cost, Is.EqualTo(0m));
        });
    }

    [Test]
    public async Task A_call_from_a_vapi_sip_number_ends_at_once_because_such_numbers_cannot_dial_out()
    {
        var sip = await Client.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest { SipUri = "sip:vx-inbound@sip.vapi.ai", AssistantId = SeededAssistantId });

        var call = await PlaceCallAsync(sip.Id);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(VapiCallStatus.Ended));
            Assert.That(call.EndedReason, Is.EqualTo(VapiEndedReason.StartErrorGetTransport));
            Assert.That(call.EndedReason!.Value.IsStartError, Is.True);
            Assert.That(call.EndedReason!.Value.IsSipFailure, Is.True);
            Assert.That(call.EndedReason!.Value.IsError, Is.True);
            Assert.That(call.EndedAt, Is.EqualTo(Start));
        });
    }

    [Test]
    public async Task A_batch_returns_the_calls_created_and_the_customer_the_server_refused()
    {
        var number = await CreateTrunkAndNumberAsync();

        var batch = await Client.Calls.CreateBatchAsync(new CreateCallRequest
        {
            AssistantId = SeededAssistantId,
            PhoneNumberId = number.Id,
            Customers = [new VapiCustomer { Number = Customer }, new VapiCustomer { SipUri = "sip:agent@pbx.example.com" }, new VapiCustomer { Number = "+919876500001" }],
        });

        Assert.Multiple(() =>
        {
            Assert.That(batch.Results.Select(c => c.Customer?.Number), Is.EqualTo(new[] { Customer, "+919876500001" }));
            Assert.That(batch.Results.Select(c => c.Status), Is.All.EqualTo(VapiCallStatus.Queued));
            Assert.That(batch.Results.Select(c => c.PhoneNumberId), Is.All.EqualTo(number.Id));
            Assert.That(batch.Errors, Has.Count.EqualTo(1));
            Assert.That(batch.Errors[0].Customer?.SipUri, Is.EqualTo("sip:agent@pbx.example.com"));
            Assert.That(batch.Errors[0].Error, Is.EqualTo("The sandbox dials only phone numbers; set customer.number."));
            Assert.That(batch.SubscriptionLimits?.ConcurrencyBlocked, Is.False);
            Assert.That(batch.SubscriptionLimits?.RemainingConcurrentCalls, Is.EqualTo(8));
            Assert.That(Sandbox.Vapi.Calls, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_batch_with_a_malformed_number_is_refused_by_the_client_before_sending()
    {
        var number = await CreateTrunkAndNumberAsync();

        var ex = Assert.ThrowsAsync<ArgumentException>(() => Client.Calls.CreateBatchAsync(new CreateCallRequest
        {
            AssistantId = SeededAssistantId,
            PhoneNumberId = number.Id,
            Customers = [new VapiCustomer { Number = Customer }, new VapiCustomer { Number = "98765-43210" }],
        }))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.ParamName, Is.EqualTo("request.Customers[1].Number"));
            Assert.That(RequestsTo("POST", "/call"), Is.Empty);
            Assert.That(Sandbox.Vapi.Calls, Is.Empty);
        });
    }

    [Test]
    public async Task Calls_are_listed_by_phone_number_assistant_and_id()
    {
        var trunk = await CreateTrunkAsync();
        var front = await CreateNumberAsync(trunk.Id, ExoPhone);
        var back = await CreateNumberAsync(trunk.Id, "+918047490925");
        var second = Sandbox.Vapi.AddAssistant("Collections");
        var a = await PlaceCallAsync(front.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var b = await PlaceCallAsync(front.Id, "+919876500001", second);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var c = await PlaceCallAsync(back.Id, "+919876500002", second);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var d = await PlaceCallAsync(back.Id, "+919876500003");

        var fromFront = await AllAsync(Client.Calls.ListAsync(new VapiCallListFilter { PhoneNumberId = front.Id }));
        var bySecond = await AllAsync(Client.Calls.ListAsync(new VapiCallListFilter { AssistantId = second }));
        var both = await AllAsync(Client.Calls.ListAsync(new VapiCallListFilter { PhoneNumberId = back.Id, AssistantId = SeededAssistantId }));
        var byId = await AllAsync(Client.Calls.ListAsync(new VapiCallListFilter { Id = c.Id }));
        var all = await AllAsync(Client.Calls.ListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(fromFront.Select(x => x.Id), Is.EqualTo(new[] { b.Id, a.Id }));
            Assert.That(bySecond.Select(x => x.Id), Is.EqualTo(new[] { c.Id, b.Id }));
            Assert.That(both.Select(x => x.Id), Is.EqualTo(new[] { d.Id }));
            Assert.That(byId.Select(x => x.Id), Is.EqualTo(new[] { c.Id }));
            Assert.That(all.Select(x => x.Id), Is.EqualTo(new[] { d.Id, c.Id, b.Id, a.Id }));
            Assert.That(RequestsTo("GET", "/call").Select(r => r.Status), Is.All.EqualTo(200));
        });
    }

    [Test]
    public async Task Ending_a_live_call_through_its_control_url_cancels_it_without_sending_the_api_key()
    {
        var number = await CreateTrunkAndNumberAsync();
        var placed = await PlaceCallAsync(number.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(10));
        var live = await Client.Calls.GetAsync(placed.Id);

        await Client.Calls.EndAsync(live);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        var ended = await Client.Calls.GetAsync(placed.Id);

        var control = RequestsTo("POST", $"/sandbox-control/{placed.Id}/control").Single();
        Assert.Multiple(() =>
        {
            Assert.That(live.Status, Is.EqualTo(VapiCallStatus.InProgress));
            Assert.That(control.Status, Is.EqualTo(200));
            Assert.That(control.BodyText, Is.EqualTo("""{"type":"end-call"}"""));
            Assert.That(control.Headers.ContainsKey("Authorization"), Is.False, "the control URL is the capability: no API key");
            Assert.That(RequestsTo("GET", "/call/" + placed.Id).Select(r => r.Headers["Authorization"]), Is.All.EqualTo("Bearer ***"), "the API does get the key");
            Assert.That(ended.Status, Is.EqualTo(VapiCallStatus.Ended));
            Assert.That(ended.EndedReason, Is.EqualTo(VapiEndedReason.ManuallyCanceled));
            Assert.That(ended.EndedReason!.Value.IsError, Is.False);
            Assert.That(ended.EndedAt, Is.EqualTo(Start.AddSeconds(10)), "ended when told, not when the script would have");
            Assert.That(ended.Cost, Is.EqualTo(0.0075m), "5 s of talk");
        });
    }

    [Test]
    public async Task Ending_a_queued_call_by_its_control_uri_cancels_it_before_it_rings()
    {
        var number = await CreateTrunkAndNumberAsync();
        var placed = await PlaceCallAsync(number.Id);

        await Client.Calls.EndAsync(new Uri(placed.Monitor!.ControlUrl!));
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(10));
        var ended = await Client.Calls.GetAsync(placed.Id);

        Assert.Multiple(() =>
        {
            Assert.That(ended.Status, Is.EqualTo(VapiCallStatus.Ended));
            Assert.That(ended.EndedReason, Is.EqualTo(VapiEndedReason.ManuallyCanceled));
            Assert.That(ended.StartedAt, Is.Null);
            Assert.That(ended.EndedAt, Is.EqualTo(Start));
        });
    }

    [Test]
    public async Task A_scheduled_call_waits_for_its_earliest_time_and_then_dials()
    {
        var number = await CreateTrunkAndNumberAsync();

        var call = await Client.Calls.CreateAsync(new CreateCallRequest
        {
            AssistantId = SeededAssistantId,
            PhoneNumberId = number.Id,
            Customer = new VapiCustomer { Number = Customer },
            SchedulePlan = new VapiSchedulePlan { EarliestAt = Start.AddMinutes(10), LatestAt = Start.AddHours(1) },
        });
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(9));
        var waiting = await Client.Calls.GetAsync(call.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromMinutes(1));
        var queued = await Client.Calls.GetAsync(call.Id);
        await Sandbox.AdvanceTimeAsync(TimeSpan.FromSeconds(1));
        var ringing = await Client.Calls.GetAsync(call.Id);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(VapiCallStatus.Scheduled));
            Assert.That(call.SchedulePlan?.EarliestAt, Is.EqualTo(Start.AddMinutes(10)));
            Assert.That(call.SchedulePlan?.LatestAt, Is.EqualTo(Start.AddHours(1)));
            Assert.That(waiting.Status, Is.EqualTo(VapiCallStatus.Scheduled));
            Assert.That(queued.Status, Is.EqualTo(VapiCallStatus.Queued));
            Assert.That(ringing.Status, Is.EqualTo(VapiCallStatus.Ringing));
        });
    }
}
