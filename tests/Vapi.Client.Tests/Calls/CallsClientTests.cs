using System.Net;
using System.Text.Json.Nodes;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Calls;

public class CallsClientTests
{
    private const string ControlUrl = "https://phone-call-websocket.example.vapi.ai/019d2ad0/control";
    private const string EndCallBody = """{"type":"end-call"}""";

    private static CreateCallRequest OneCall(VapiCustomer? customer = null) => new()
    {
        AssistantId = TestAccount.AssistantId,
        PhoneNumberId = TestAccount.PhoneNumberId,
        Customer = customer ?? new VapiCustomer { Number = "+919876543210" },
    };

    // ---- CreateAsync ----

    [Test]
    public async Task Create_posts_only_the_set_fields_with_an_unescaped_plus()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "call",
                $$$"""{"assistantId":"{{{TestAccount.AssistantId}}}","phoneNumberId":"{{{TestAccount.PhoneNumberId}}}","customer":{"number":"+919876543210"}}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));

        var call = await host.Client.Calls.CreateAsync(OneCall());

        host.VerifyAllSatisfied();
        Assert.That(call.Id, Is.EqualTo(TestAccount.CallId));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Create_writes_an_inline_assistant_and_overrides_as_given()
    {
        using var host = new VapiTestHost();
        const string assistant = """{"model":{"provider":"openai","model":"gpt-4o"},"firstMessage":"Hi, this is +91 support","voice":{"provider":"11labs","voiceId":"burt"}}""";
        const string overrides = """{"variableValues":{"name":"Asha","amount":42.5,"vip":true}}""";
        host.Expect(HttpMethod.Post, "call",
                $$$"""{"assistant":{{{assistant}}},"assistantOverrides":{{{overrides}}},"phoneNumberId":"{{{TestAccount.PhoneNumberId}}}","customer":{"number":"+919876543210","name":"Asha"}}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));

        await host.Client.Calls.CreateAsync(new CreateCallRequest
        {
            Assistant = JsonNode.Parse(assistant)!.AsObject(),
            AssistantOverrides = JsonNode.Parse(overrides)!.AsObject(),
            PhoneNumberId = TestAccount.PhoneNumberId,
            Customer = new VapiCustomer { Number = "+919876543210", Name = "Asha" },
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Create_writes_a_built_json_object_for_the_assistant()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "call",
                $$$"""{"assistant":{"firstMessage":"Hello +1","maxDurationSeconds":600},"phoneNumberId":"{{{TestAccount.PhoneNumberId}}}","customerId":"cust-1"}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));

        await host.Client.Calls.CreateAsync(new CreateCallRequest
        {
            Assistant = new JsonObject { ["firstMessage"] = "Hello +1", ["maxDurationSeconds"] = 600 },
            PhoneNumberId = TestAccount.PhoneNumberId,
            CustomerId = "cust-1",
        });

        host.VerifyAllSatisfied();
    }

    [TestCase(0, "2026-05-30T09:00:00.000Z")]
    [TestCase(330, "2026-05-30T03:30:00.000Z")]
    public async Task Create_writes_the_schedule_plan_and_name(int offsetMinutes, string expected)
    {
        using var host = new VapiTestHost();
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        host.Expect(HttpMethod.Post, "call",
                $$$"""{"squadId":"squad-1","phoneNumberId":"{{{TestAccount.PhoneNumberId}}}","customer":{"number":"+919876543210"},"schedulePlan":{"earliestAt":"{{{expected}}}","latestAt":"{{{(offsetMinutes == 0 ? "2026-05-30T10:30:00.250Z" : "2026-05-30T05:00:00.250Z")}}}"},"name":"Reminder 42"}""")
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"c1","status":"scheduled"}""");

        var call = await host.Client.Calls.CreateAsync(new CreateCallRequest
        {
            SquadId = "squad-1",
            PhoneNumberId = TestAccount.PhoneNumberId,
            Customer = new VapiCustomer { Number = "+919876543210" },
            SchedulePlan = new VapiSchedulePlan
            {
                EarliestAt = new DateTimeOffset(2026, 5, 30, 9, 0, 0, offset),
                LatestAt = new DateTimeOffset(2026, 5, 30, 10, 30, 0, 250, offset),
            },
            Name = "Reminder 42",
        });

        host.VerifyAllSatisfied();
        Assert.That(call.Status, Is.EqualTo(VapiCallStatus.Scheduled));
    }

    [Test]
    public async Task Create_parses_the_created_call()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "call").Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));

        var call = await host.Client.Calls.CreateAsync(OneCall());

        Assert.Multiple(() =>
        {
            Assert.That(call.Id, Is.EqualTo(TestAccount.CallId));
            Assert.That(call.Status, Is.EqualTo(VapiCallStatus.Queued));
            Assert.That(call.Status!.Value.IsTerminal, Is.False);
            Assert.That(call.Type, Is.EqualTo(VapiCallType.OutboundPhoneCall));
            Assert.That(call.AssistantId, Is.EqualTo(TestAccount.AssistantId));
            Assert.That(call.PhoneNumberId, Is.EqualTo(TestAccount.PhoneNumberId));
            Assert.That(call.OrgId, Is.EqualTo("424acf80-dbea-4015-ace8-0f3924e60001"));
            Assert.That(call.SubscriptionLimits!.ConcurrencyBlocked, Is.False);
            Assert.That(call.SubscriptionLimits.ConcurrencyLimit, Is.EqualTo(10));
            Assert.That(call.SubscriptionLimits.RemainingConcurrentCalls, Is.EqualTo(8));
            Assert.That(call.Monitor!.ControlUrl, Is.EqualTo(ControlUrl));
            Assert.That(call.Monitor.ListenUrl, Is.EqualTo("wss://phone-call-websocket.example.vapi.ai/019d2ad0/listen"));
            Assert.That(call.Customer!.Number, Is.EqualTo("+525512345678"));
            Assert.That(call.Customer.Name, Is.EqualTo("Mayte"));
            Assert.That(call.Cost, Is.EqualTo(0m));
            Assert.That(call.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 3, 26, 15, 43, 16, 145, TimeSpan.Zero)));
            Assert.That(call.EndedReason, Is.Null);
            Assert.That(call.AdditionalProperties, Does.ContainKey("transport").And.ContainKey("phoneCallProvider"));
            Assert.That(call.AdditionalProperties!["transport"].GetProperty("provider").GetString(), Is.EqualTo("twilio"));
            Assert.That(call.AdditionalProperties, Does.Not.ContainKey("status").And.Not.ContainKey("monitor"));
        });
    }

    // ---- CreateBatchAsync ----

    [Test]
    public async Task Create_batch_posts_the_customers_and_parses_results_and_errors()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "call",
                $$$"""{"assistantId":"{{{TestAccount.AssistantId}}}","phoneNumberId":"{{{TestAccount.PhoneNumberId}}}","customers":[{"number":"+11231231234"},{"number":"+12342342345","extension":"101"}],"schedulePlan":{"earliestAt":"2025-05-30T00:00:00.000Z"}}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-batch.json"));

        var batch = await host.Client.Calls.CreateBatchAsync(new CreateCallRequest
        {
            AssistantId = TestAccount.AssistantId,
            PhoneNumberId = TestAccount.PhoneNumberId,
            Customers = [new VapiCustomer { Number = "+11231231234" }, new VapiCustomer { Number = "+12342342345", Extension = "101" }],
            SchedulePlan = new VapiSchedulePlan { EarliestAt = new DateTimeOffset(2025, 5, 30, 0, 0, 0, TimeSpan.Zero) },
        });

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(batch.Results, Has.Count.EqualTo(1));
            Assert.That(batch.Results[0].Id, Is.EqualTo("019d2ad0-0000-7000-8000-000000000001"));
            Assert.That(batch.Results[0].Status, Is.EqualTo(VapiCallStatus.Scheduled));
            Assert.That(batch.Results[0].Customer!.Number, Is.EqualTo("+11231231234"));
            Assert.That(batch.Results[0].SchedulePlan!.EarliestAt, Is.EqualTo(new DateTimeOffset(2025, 5, 30, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(batch.Errors, Has.Count.EqualTo(1));
            Assert.That(batch.Errors[0].Customer!.Number, Is.EqualTo("+12342342345"));
            Assert.That(batch.Errors[0].Error, Is.EqualTo("Number is on the do-not-call list."));
            Assert.That(batch.SubscriptionLimits!.RemainingConcurrentCalls, Is.EqualTo(10));
        });
    }

    [Test]
    public async Task Create_batch_with_only_errors_has_empty_results()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "call")
            .Respond(HttpStatusCode.Created, "application/json", """{"errors":[{"customer":{"number":"+11231231234"},"error":404}]}""");

        var batch = await host.Client.Calls.CreateBatchAsync(new CreateCallRequest
        {
            AssistantId = TestAccount.AssistantId,
            PhoneNumberId = TestAccount.PhoneNumberId,
            Customers = [new VapiCustomer { Number = "+11231231234" }],
        });

        Assert.That(batch.Results, Is.Empty);
        Assert.That(batch.Errors.Select(e => e.Error), Is.EqualTo(new[] { "404" }));
    }

    [TestCase("""{"id":"019d2ad0-6eb1-7aac-9377-0fc25d8bc1ad","status":"queued"}""")]
    [TestCase("""[]""")]
    [TestCase("""{}""")]
    public void Create_batch_refuses_an_answer_without_results_or_errors(string body)
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "call").Respond(HttpStatusCode.Created, "application/json", body);

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.CreateBatchAsync(new CreateCallRequest
        {
            AssistantId = TestAccount.AssistantId,
            PhoneNumberId = TestAccount.PhoneNumberId,
            Customers = [new VapiCustomer { Number = "+11231231234" }],
        }))!;

        Assert.That(e.Message, Does.Contain("could not read").And.Contain("results or errors"));
        Assert.That(e.Status, Is.EqualTo(201));
        Assert.That(e.Operation, Is.EqualTo("POST /call"));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    // ---- GetAsync ----

    [Test]
    public async Task Get_parses_an_ended_sip_call()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId).Respond("application/json", Fixtures.Read("call-ended-sip.json"));

        var call = await host.Client.Calls.GetAsync(TestAccount.CallId);

        host.VerifyAllSatisfied();
        var reason = call.EndedReason!.Value;
        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(VapiCallStatus.Ended));
            Assert.That(call.Status!.Value.IsTerminal, Is.True);
            Assert.That(reason, Is.EqualTo(VapiEndedReason.OutboundSip408RequestTimeout));
            Assert.That(reason.Value, Is.EqualTo("call.in-progress.error-providerfault-outbound-sip-408-request-timeout"));
            Assert.That(reason.IsSipFailure, Is.True);
            Assert.That(reason.IsProviderFault, Is.True);
            Assert.That(reason.IsVapiFault, Is.False);
            Assert.That(reason.IsError, Is.True);
            Assert.That(reason.IsStartError, Is.False);
            Assert.That(reason.SipStatusCode, Is.EqualTo(408));
            Assert.That(call.EndedMessage, Is.EqualTo("No response from 129.154.231.198:5070"));
            Assert.That(call.PhoneCallTransport, Is.EqualTo(VapiPhoneCallTransport.Sip));
            Assert.That(call.Analysis!.SuccessEvaluation, Is.EqualTo("false"));
            Assert.That(call.Analysis.Summary, Is.EqualTo("The call did not connect."));
            Assert.That(call.Cost, Is.EqualTo(0.0123m));
            Assert.That(call.Artifact!.PcapUrl, Is.EqualTo("https://storage.example.vapi.ai/019d2ad0.pcap"));
            Assert.That(call.Artifact.LogUrl, Is.EqualTo("https://storage.example.vapi.ai/019d2ad0.log"));
            Assert.That(call.Artifact.Transcript, Is.Empty);
            Assert.That(call.Artifact.AdditionalProperties, Does.ContainKey("messages"));
            Assert.That(call.StartedAt, Is.EqualTo(new DateTimeOffset(2026, 3, 26, 15, 43, 17, TimeSpan.Zero)));
            Assert.That(call.EndedAt, Is.EqualTo(new DateTimeOffset(2026, 3, 26, 15, 43, 49, 500, TimeSpan.Zero)));
            Assert.That(call.AdditionalProperties, Does.ContainKey("costBreakdown"));
        });
    }

    [Test]
    public async Task Get_keeps_unknown_status_and_ended_reason_verbatim()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call/" + TestAccount.CallId).Respond("application/json", Fixtures.Read("call-unknown-values.json"));

        var call = await host.Client.Calls.GetAsync(TestAccount.CallId);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status!.Value.Value, Is.EqualTo("some-new-status"));
            Assert.That(call.Status.Value.IsTerminal, Is.False);
            Assert.That(call.Status, Is.Not.EqualTo(VapiCallStatus.Ended));
            Assert.That(call.EndedReason!.Value.Value, Is.EqualTo("call.in-progress.error-sip-new-thing"));
            Assert.That(call.EndedReason.Value.ToString(), Is.EqualTo("call.in-progress.error-sip-new-thing"));
            Assert.That(call.EndedReason.Value.IsSipFailure, Is.True);
            Assert.That(call.EndedReason.Value.SipStatusCode, Is.Null);
            Assert.That(call.Type!.Value.Value, Is.EqualTo("vapi.someFutureCall"));
            Assert.That(call.PhoneCallTransport!.Value.Value, Is.EqualTo("carrier-pigeon"));
            Assert.That(call.Analysis!.SuccessEvaluation, Is.EqualTo("7"));
            Assert.That(call.Cost, Is.EqualTo(1.5m));
        });
    }

    [TestCase("call.in-progress.error-providerfault-outbound-sip-403-forbidden", 403, true, true)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-503-service-unavailable", 503, true, true)]
    [TestCase("call.in-progress.sip-completed-call", null, false, false)]
    [TestCase("customer-ended-call", null, false, false)]
    [TestCase("call.in-progress.error-sip-outbound-call-failed-to-connect", null, true, false)]
    [TestCase("call.start.error-get-transport", null, true, false)]
    public void Ended_reasons_are_classified(string value, int? sipCode, bool sipFailure, bool providerFault)
    {
        VapiEndedReason reason = value;

        Assert.That((reason.SipStatusCode, reason.IsSipFailure, reason.IsProviderFault), Is.EqualTo((sipCode, sipFailure, providerFault)));
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("a/b")]
    [TestCase("..")]
    [TestCase("x?y")]
    public void Get_refuses_an_id_that_would_change_the_path(string id)
    {
        using var host = new VapiTestHost();

        var e = Assert.CatchAsync<ArgumentException>(() => host.Client.Calls.GetAsync(id))!;

        Assert.That(e.ParamName, Is.EqualTo("id"));
        Assert.That(host.SentCount, Is.Zero);
    }

    // ---- ListAsync ----

    [Test]
    public async Task List_sends_the_filters_in_a_fixed_order()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get,
                "call?id=call-1&assistantId=" + TestAccount.AssistantId + "&phoneNumberId=" + TestAccount.PhoneNumberId
                + "&limit=100&createdAtGt=2026-03-26T15%3A40%3A00.000Z&createdAtLt=2026-03-26T16%3A00%3A00.000Z&updatedAtGe=2026-03-26T10%3A00%3A00.123Z")
            .Respond("application/json", "[]");

        var calls = await host.Client.Calls.ListAsync(new VapiCallListFilter
        {
            UpdatedAtGe = new DateTimeOffset(2026, 3, 26, 15, 30, 0, 123, TimeSpan.FromHours(5.5)),
            CreatedAtLt = new DateTimeOffset(2026, 3, 26, 16, 0, 0, TimeSpan.Zero),
            PhoneNumberId = TestAccount.PhoneNumberId,
            CreatedAtGt = new DateTimeOffset(2026, 3, 26, 15, 40, 0, TimeSpan.Zero),
            AssistantId = TestAccount.AssistantId,
            Id = "call-1",
        }).ToListAsync();

        host.VerifyAllSatisfied();
        Assert.That(calls, Is.Empty);
    }

    [Test]
    public async Task List_without_a_filter_sends_only_the_default_limit()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call?limit=100").Respond("application/json", $"[{Fixtures.Read("call-ended-sip.json")}]");

        var calls = await host.Client.Calls.ListAsync().ToListAsync();

        host.VerifyAllSatisfied();
        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { TestAccount.CallId }));
        Assert.That(calls[0].EndedReason, Is.EqualTo(VapiEndedReason.OutboundSip408RequestTimeout));
    }

    [Test]
    public async Task List_is_lazy_and_sends_nothing_until_enumerated()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call?limit=100").Respond("application/json", "[]");

        var calls = host.Client.Calls.ListAsync();
        Assert.That(host.SentCount, Is.Zero);

        await using var e = calls.GetAsyncEnumerator();
        Assert.That(await e.MoveNextAsync(), Is.False);
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [TestCase(0)]
    [TestCase(1001)]
    public void List_checks_the_limit_before_enumeration(int limit)
    {
        using var host = new VapiTestHost();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => host.Client.Calls.ListAsync(new VapiCallListFilter { PageSize = limit }))!;

        Assert.That(e.ParamName, Is.EqualTo("filter.PageSize"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public async Task List_walks_back_through_created_at_and_skips_ties_already_seen()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call?assistantId=a1&limit=2")
            .Respond("application/json", $"[{Call("c5", "2026-03-26T15:00:05.000Z")},{Call("c4", "2026-03-26T15:00:04.000Z")}]");
        host.Expect(HttpMethod.Get, "call?assistantId=a1&limit=2&createdAtLe=2026-03-26T15%3A00%3A04.000Z")
            .Respond("application/json", $"[{Call("c4", "2026-03-26T15:00:04.000Z")},{Call("c3", "2026-03-26T15:00:03.000Z")}]");
        host.Expect(HttpMethod.Get, "call?assistantId=a1&limit=2&createdAtLe=2026-03-26T15%3A00%3A03.000Z")
            .Respond("application/json", $"[{Call("c3", "2026-03-26T15:00:03.000Z")}]");

        var ids = new List<string>();
        await foreach (var call in host.Client.Calls.ListAsync(new VapiCallListFilter { AssistantId = "a1", PageSize = 2 }))
        {
            ids.Add(call.Id);
        }

        host.VerifyAllSatisfied();
        Assert.That(ids, Is.EqualTo(new[] { "c5", "c4", "c3" }));
        Assert.That(host.SentCount, Is.EqualTo(3));
    }

    [Test]
    public async Task List_stops_requesting_when_the_caller_stops_enumerating()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call?limit=2")
            .Respond("application/json", $"[{Call("c5", "2026-03-26T15:00:05.000Z")},{Call("c4", "2026-03-26T15:00:04.000Z")}]");

        var first = new List<string>();
        await foreach (var call in host.Client.Calls.ListAsync(new VapiCallListFilter { PageSize = 2 }))
        {
            first.Add(call.Id);
            if (first.Count == 2)
            {
                break;
            }
        }

        host.VerifyAllSatisfied();
        Assert.That(first, Is.EqualTo(new[] { "c5", "c4" }));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task List_drains_a_full_page_of_ties_then_continues_strictly_before_them()
    {
        using var host = new VapiTestHost();
        var page = $"[{Call("c2", "2026-03-26T15:00:00.000Z")},{Call("c1", "2026-03-26T15:00:00.000Z")}]";
        host.Expect(HttpMethod.Get, "call?limit=2").Respond("application/json", page);
        host.Expect(HttpMethod.Get, "call?limit=2&createdAtLe=2026-03-26T15%3A00%3A00.000Z").Respond("application/json", page);
        host.Expect(HttpMethod.Get, "call?limit=1000&createdAtGe=2026-03-26T15%3A00%3A00.000Z&createdAtLe=2026-03-26T15%3A00%3A00.000Z")
            .Respond("application/json", $"[{Call("c3", "2026-03-26T15:00:00.000Z")},{Call("c2", "2026-03-26T15:00:00.000Z")},{Call("c1", "2026-03-26T15:00:00.000Z")}]");
        host.Expect(HttpMethod.Get, "call?limit=2&createdAtLt=2026-03-26T15%3A00%3A00.000Z").Respond("application/json", "[]");

        var calls = await host.Client.Calls.ListAsync(new VapiCallListFilter { PageSize = 2 }).ToListAsync();

        host.VerifyAllSatisfied();
        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "c2", "c1", "c3" }));
        Assert.That(host.SentCount, Is.EqualTo(4), "ends: no endless loop");
    }

    [Test]
    public void List_refuses_an_answer_that_is_not_an_array()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "call?limit=100").Respond("application/json", """{"results":[]}""");

        var e = Assert.ThrowsAsync<VapiException>(async () => await host.Client.Calls.ListAsync().ToListAsync())!;

        Assert.That(e.Message, Does.Contain("could not read").And.Contain("expected a JSON array"));
    }

    private static string Call(string id, string createdAt) => $$$"""{"id":"{{{id}}}","status":"ended","createdAt":"{{{createdAt}}}"}""";

    // ---- EndAsync ----

    private static MockedRequest ExpectEndCall(VapiTestHost host, string url) =>
        host.Mock.Expect(HttpMethod.Post, url)
            .With(r => r.RequestUri!.AbsoluteUri == url)
            .With(r => r.Headers.Authorization is null && !r.Headers.Contains("Authorization"))
            .With(r => r.Content?.Headers.ContentType?.ToString() == "application/json")
            .With(r => r.Content!.ReadAsStringAsync().GetAwaiter().GetResult() == EndCallBody);

    [Test]
    public async Task End_posts_end_call_to_the_control_url_without_the_api_key()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "call").Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));
        ExpectEndCall(host, ControlUrl).Respond(HttpStatusCode.OK);
        var call = await host.Client.Calls.CreateAsync(OneCall());

        await host.Client.Calls.EndAsync(call);

        host.VerifyAllSatisfied();
        Assert.That(host.SentCount, Is.EqualTo(2));
    }

    [Test]
    public async Task End_by_uri_sends_no_authorization_header()
    {
        using var host = new VapiTestHost();
        HttpRequestMessage? seen = null;
        host.Mock.Expect(HttpMethod.Post, ControlUrl).Respond(r =>
        {
            seen = r;
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });

        await host.Client.Calls.EndAsync(new Uri(ControlUrl));

        host.VerifyAllSatisfied();
        Assert.That(seen, Is.Not.Null);
        Assert.That(seen!.Headers.Contains("Authorization"), Is.False);
        Assert.That(seen.Headers.Authorization, Is.Null);
        Assert.That(seen.RequestUri!.Host, Is.EqualTo("phone-call-websocket.example.vapi.ai"));
    }

    [TestCase("http://127.0.0.1:5000/x/control")]
    [TestCase("http://localhost:5000/x/control")]
    [TestCase("http://[::1]:5000/x/control")]
    public async Task End_accepts_plain_http_only_on_loopback(string url)
    {
        using var host = new VapiTestHost();
        var expected = new Uri(url).AbsoluteUri;
        ExpectEndCall(host, expected).Respond(HttpStatusCode.OK);

        await host.Client.Calls.EndAsync(new Uri(url));

        host.VerifyAllSatisfied();
    }

    [TestCase("http://example.com/control")]
    [TestCase("http://phone-call-websocket.example.vapi.ai/019d2ad0/control")]
    [TestCase("https://user:pw@phone-call-websocket.example.vapi.ai/019d2ad0/control")]
    [TestCase("http://user:pw@127.0.0.1:5000/x/control")]
    [TestCase("ftp://phone-call-websocket.example.vapi.ai/019d2ad0/control")]
    [TestCase("wss://phone-call-websocket.example.vapi.ai/019d2ad0/control")]
    public void End_refuses_an_unsafe_control_url(string url)
    {
        using var host = new VapiTestHost();

        var e = Assert.Throws<ArgumentException>(() => host.Client.Calls.EndAsync(new Uri(url)))!;

        Assert.That(e.ParamName, Is.EqualTo("controlUrl"));
        Assert.That(e.Message, Does.Not.Contain("pw"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void End_refuses_a_relative_control_url()
    {
        using var host = new VapiTestHost();

        Assert.Throws<ArgumentException>(() => host.Client.Calls.EndAsync(new Uri("/019d2ad0/control", UriKind.Relative)));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void End_refuses_a_call_whose_control_url_uses_user_info()
    {
        using var host = new VapiTestHost();
        var call = new VapiCall { Id = "c1", Monitor = new VapiCallMonitor { ControlUrl = "https://user:pw@phone-call-websocket.example.vapi.ai/c1/control" } };

        Assert.Throws<ArgumentException>(() => host.Client.Calls.EndAsync(call));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void End_of_a_call_without_a_monitor_is_an_invalid_operation()
    {
        using var host = new VapiTestHost();

        var noMonitor = Assert.Throws<InvalidOperationException>(() => host.Client.Calls.EndAsync(new VapiCall { Id = "c1" }))!;
        Assert.Throws<InvalidOperationException>(() => host.Client.Calls.EndAsync(new VapiCall { Id = "c1", Monitor = new VapiCallMonitor { ListenUrl = "wss://x/listen" } }));

        Assert.That(noMonitor.Message, Does.Contain("controlUrl"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void End_of_a_call_with_a_relative_control_url_is_an_argument_error()
    {
        using var host = new VapiTestHost();

        Assert.Throws<ArgumentException>(() => host.Client.Calls.EndAsync(new VapiCall { Id = "c1", Monitor = new VapiCallMonitor { ControlUrl = "not a url" } }));
        Assert.That(host.SentCount, Is.Zero);
    }

    [TestCase(HttpStatusCode.NotFound)]
    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Gone)]
    public void End_maps_an_error_from_the_control_url_to_a_vapi_exception(HttpStatusCode status)
    {
        using var host = new VapiTestHost();
        ExpectEndCall(host, ControlUrl).Respond(status, "application/json", """{"message":"No active call","error":"Not Found"}""");

        var e = Assert.ThrowsAsync<VapiException>(() => host.Client.Calls.EndAsync(new Uri(ControlUrl)))!;

        Assert.That(e.Status, Is.EqualTo((int)status));
        Assert.That(e.Messages, Is.EqualTo(new[] { "No active call" }));
        Assert.That(e.Operation, Is.EqualTo("POST {controlUrl}"));
        Assert.That(e.Message, Does.Contain("No active call"));
        Assert.That(host.SentCount, Is.EqualTo(1));
    }
}
