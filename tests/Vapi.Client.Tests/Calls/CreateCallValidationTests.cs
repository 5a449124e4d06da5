using System.Net;
using System.Text.Json.Nodes;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Calls;

/// <summary>Every rule is checked before anything is sent: a broken request costs no call and names the field.</summary>
public class CreateCallValidationTests
{
    private static readonly DateTimeOffset Nine = new(2026, 5, 30, 9, 0, 0, TimeSpan.Zero);

    private static CreateCallRequest Valid() => new()
    {
        AssistantId = TestAccount.AssistantId,
        PhoneNumberId = TestAccount.PhoneNumberId,
        Customer = new VapiCustomer { Number = "+919876543210" },
    };

    private static CreateCallRequest ValidBatch() => new()
    {
        AssistantId = TestAccount.AssistantId,
        PhoneNumberId = TestAccount.PhoneNumberId,
        Customers = [new VapiCustomer { Number = "+919876543210" }],
    };

    public static IEnumerable<TestCaseData> BrokenSingleCalls()
    {
        yield return Case("no assistant, squad or workflow", r => r.AssistantId = null, "AssistantId");
        yield return Case("assistant id and squad", r => r.SquadId = "squad-1", "request.SquadId");
        yield return Case("assistant id and workflow", r => r.WorkflowId = "wf-1", "request.WorkflowId");
        yield return Case("assistant id and inline assistant", r => r.Assistant = new JsonObject { ["firstMessage"] = "Hi" }, "request.Assistant");
        yield return Case("empty assistant id", r => r.AssistantId = " ", "request.AssistantId");
        yield return Case("missing phone number id", r => r.PhoneNumberId = null, "request.PhoneNumberId");
        yield return Case("phone number id with a slash", r => r.PhoneNumberId = "a/b", "request.PhoneNumberId");
        yield return Case("neither customer nor customer id", r => r.Customer = null, "request.Customer");
        yield return Case("both customer and customer id", r => r.CustomerId = "cust-1", "request.Customer");
        yield return Case("customers on a single call", r => r.Customers = [new VapiCustomer { Number = "+919876543211" }], "request.Customers");
        yield return Case("customer with neither number nor sip uri", r => r.Customer = new VapiCustomer { Name = "Asha" }, "request.Customer");
        yield return Case("non E.164 number with the check on", r => r.Customer = new VapiCustomer { Number = "09876543210" }, "request.Customer.Number");
        yield return Case("non E.164 number with the check explicitly on", r => r.Customer = new VapiCustomer { Number = "919876543210", NumberE164CheckEnabled = true }, "request.Customer.Number");
        yield return Case("number too short", r => r.Customer = new VapiCustomer { Number = "12", NumberE164CheckEnabled = false }, "request.Customer.Number");
        yield return Case("number with symbols and the check off", r => r.Customer = new VapiCustomer { Number = "098-765", NumberE164CheckEnabled = false }, "request.Customer.Number");
        yield return Case("bad sip uri", r => r.Customer = new VapiCustomer { SipUri = "agent@example.com" }, "request.Customer.SipUri");
        yield return Case("name of 41 characters", r => r.Name = new string('n', 41), "request.Name");
        yield return Case("extension of 11 characters", r => r.Customer = new VapiCustomer { Number = "+919876543210", Extension = new string('1', 11) }, "request.Customer.Extension");
        yield return Case("customer name of 41 characters", r => r.Customer = new VapiCustomer { Number = "+919876543210", Name = new string('a', 41) }, "request.Customer.Name");
        yield return Case("schedule plan without earliest", r => r.SchedulePlan = new VapiSchedulePlan { LatestAt = Nine }, "request.SchedulePlan.EarliestAt");
        yield return Case("latest before earliest", r => r.SchedulePlan = new VapiSchedulePlan { EarliestAt = Nine, LatestAt = Nine.AddMinutes(-1) }, "request.SchedulePlan.LatestAt");
    }

    private static TestCaseData Case(string name, Action<CreateCallRequest> breakIt, string field) =>
        new TestCaseData(breakIt, field).SetName("Create refuses " + name);

    [TestCaseSource(nameof(BrokenSingleCalls))]
    public void Create_refuses_a_broken_request_before_sending(Action<CreateCallRequest> breakIt, string field)
    {
        using var host = new VapiTestHost();
        var request = Valid();
        breakIt(request);

        var e = Assert.CatchAsync<ArgumentException>(() => host.Client.Calls.CreateAsync(request))!;

        Assert.That(e.Message, Does.Contain(field));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void Create_names_the_field_as_the_parameter_for_single_field_rules()
    {
        using var host = new VapiTestHost();
        var request = Valid();
        request.Name = new string('n', 41);

        var e = Assert.CatchAsync<ArgumentException>(() => host.Client.Calls.CreateAsync(request))!;

        Assert.That(e.ParamName, Is.EqualTo("request.Name"));
        Assert.That(e.Message, Does.Contain("at most 40").And.Contain("41"));
    }

    [Test]
    public void Create_refuses_a_null_request()
    {
        using var host = new VapiTestHost();

        Assert.CatchAsync<ArgumentNullException>(() => host.Client.Calls.CreateAsync(null!));
        Assert.That(host.SentCount, Is.Zero);
    }

    public static IEnumerable<TestCaseData> BrokenBatches()
    {
        yield return Batch("a single customer", r => r.Customer = new VapiCustomer { Number = "+919876543211" }, "request.Customer");
        yield return Batch("a customer id", r => r.CustomerId = "cust-1", "request.CustomerId");
        yield return Batch("no customers", r => r.Customers = null, "request.Customers");
        yield return Batch("empty customers", r => r.Customers = [], "request.Customers");
        yield return Batch("a customer without number", r => r.Customers = [new VapiCustomer { Number = "+919876543210" }, new VapiCustomer { Email = "a@b.c" }], "request.Customers[1]");
        yield return Batch("a non E.164 number", r => r.Customers = [new VapiCustomer { Number = "09876543210" }], "request.Customers[0].Number");
        yield return Batch("a null customer", r => r.Customers = [null!], "request.Customers[0]");
        yield return Batch("no assistant", r => r.AssistantId = null, "AssistantId");
    }

    private static TestCaseData Batch(string name, Action<CreateCallRequest> breakIt, string field) =>
        new TestCaseData(breakIt, field).SetName("Create batch refuses " + name);

    [TestCaseSource(nameof(BrokenBatches))]
    public void Create_batch_refuses_a_broken_request_before_sending(Action<CreateCallRequest> breakIt, string field)
    {
        using var host = new VapiTestHost();
        var request = ValidBatch();
        breakIt(request);

        var e = Assert.CatchAsync<ArgumentException>(() => host.Client.Calls.CreateBatchAsync(request))!;

        Assert.That(e.Message, Does.Contain(field));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public async Task A_non_E164_number_is_accepted_and_sent_with_the_check_off()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "call",
                $$$"""{"workflowId":"wf-1","phoneNumberId":"{{{TestAccount.PhoneNumberId}}}","customer":{"number":"09876543210","numberE164CheckEnabled":false}}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));

        await host.Client.Calls.CreateAsync(new CreateCallRequest
        {
            WorkflowId = "wf-1",
            PhoneNumberId = TestAccount.PhoneNumberId,
            Customer = new VapiCustomer { Number = "09876543210", NumberE164CheckEnabled = false },
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Limits_at_their_edge_are_accepted()
    {
        using var host = new VapiTestHost();
        var name = new string('n', 40);
        host.Expect(HttpMethod.Post, "call",
                $$$"""{"assistantId":"{{{TestAccount.AssistantId}}}","phoneNumberId":"{{{TestAccount.PhoneNumberId}}}","customer":{"extension":"1234567890","sipUri":"sip:agent@example.com"},"schedulePlan":{"earliestAt":"2026-05-30T09:00:00.000Z","latestAt":"2026-05-30T09:00:00.000Z"},"name":"{{{name}}}"}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("call-created.json"));

        await host.Client.Calls.CreateAsync(new CreateCallRequest
        {
            AssistantId = TestAccount.AssistantId,
            PhoneNumberId = TestAccount.PhoneNumberId,
            Customer = new VapiCustomer { SipUri = "sip:agent@example.com", Extension = "1234567890" },
            SchedulePlan = new VapiSchedulePlan { EarliestAt = Nine, LatestAt = Nine },
            Name = name,
        });

        host.VerifyAllSatisfied();
    }
}
