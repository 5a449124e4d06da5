using System.Net;
using System.Text.Json.Nodes;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Schema;

/// <summary>One request sent through the real client, with every member it can carry set.</summary>
public sealed record RequestScenario(string Name, string Dto, string Method, string Path, string ResponseFixture, HttpStatusCode Status, Func<VapiClient, Task> Send)
{
    public override string ToString() => Name;
}

/// <summary>
/// Fully populated requests. Members that exclude each other (who answers, one customer or a batch, a number or a SIP
/// destination) are spread over several scenarios, so that together they set every member of every request type.
/// </summary>
internal static class RequestScenarios
{
    private const string SquadId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private const string WorkflowId = "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b";
    private const string ServerCredentialId = "77e1c2d3-4b5a-4c6d-8e7f-9a0b1c2d3e4f";

    public static SipTrunkGateway InboundGateway() => new()
    {
        Ip = "129.154.231.198", Port = 5070, Netmask = 30, InboundEnabled = true, OutboundEnabled = true,
        OutboundProtocol = SipGatewayProtocol.Tcp, OptionsPingEnabled = true,
    };

    public static SipTrunkGateway OutboundOnlyGateway() => new()
    {
        Ip = "edge.sip.example.com", Port = 443, Netmask = 32, InboundEnabled = false, OutboundEnabled = true,
        OutboundProtocol = SipGatewayProtocol.TlsSrtp, OptionsPingEnabled = false,
    };

    public static SipTrunkOutboundAuthenticationPlan AuthenticationPlan() => new()
    {
        AuthUsername = "exotel-trunk-user",
        AuthPassword = "trunk-password-4f8a2c9e",
        SipRegisterPlan = new SipTrunkRegisterPlan { Domain = "sip.example.com", Username = "register-user", Realm = "example.com" },
    };

    public static VapiServer Server() => new()
    {
        Url = "https://hooks.example.com/vapi",
        Headers = new Dictionary<string, string> { ["X-Tenant"] = "acme", ["X-Region"] = "in" },
        TimeoutSeconds = 20,
        CredentialId = ServerCredentialId,
        StaticIpAddressesEnabled = true,
        BackoffPlan = System.Text.Json.JsonDocument.Parse("""{"type":"exponential","maxRetries":3,"baseDelaySeconds":1}""").RootElement.Clone(),
        EncryptedPaths = ["message.call.customer.number"],
    };

    public static VapiTransferDestination NumberDestination() => new()
    {
        Type = "number", Number = "+919876543210", NumberE164CheckEnabled = true, Extension = "1234", CallerId = "+918047000003",
        Description = "The front desk",
    };

    // A SIP destination has no number, E.164 check or extension in Vapi's schema: only its own members are set.
    public static VapiTransferDestination SipDestination() => new()
    {
        Type = "sip", SipUri = "sip:desk@pbx.example.com", CallerId = "+918047000003", Description = "The PBX",
    };

    public static VapiSipAuthentication SipAuthentication() => new()
    {
        Realm = "sip.vapi.ai", Username = "front-desk-user-000001", Password = "front-desk-password-0001",
    };

    public static VapiCustomer Customer(string number = "+919876543210") => new()
    {
        Number = number, NumberE164CheckEnabled = true, Extension = "42", SipUri = "sip:asha@customer.example.com", Name = "Asha",
        Email = "asha@example.com", ExternalId = "crm-000042",
    };

    public static VapiSchedulePlan SchedulePlan() => new()
    {
        EarliestAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(5.5)),
        LatestAt = new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.FromHours(5.5)),
    };

    public static CreateSipTrunkCredentialRequest FullCreateSipTrunk() => new()
    {
        Name = "vx-exotel-acme1-trunk1",
        Gateways = { InboundGateway(), OutboundOnlyGateway() },
        OutboundAuthenticationPlan = AuthenticationPlan(),
        OutboundLeadingPlusEnabled = true,
        TechPrefix = "0091",
        SipDiversionHeader = "<sip:+918047000003@example.com>;reason=unconditional",
    };

    public static IEnumerable<RequestScenario> All()
    {
        var credential = "credential/" + TestAccount.CredentialId;
        var number = "phone-number/" + TestAccount.PhoneNumberId;

        yield return new("Create SIP trunk", "CreateByoSipTrunkCredentialDTO", "POST", "credential", "credential-byo-exotel.json", HttpStatusCode.Created,
            c => c.Credentials.CreateSipTrunkAsync(FullCreateSipTrunk()));

        yield return new("Update SIP trunk, every member set", "UpdateByoSipTrunkCredentialDTO", "PATCH", credential, "credential-byo-exotel.json", HttpStatusCode.OK,
            c => c.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest
            {
                Name = "vx-exotel-acme1-trunk1",
                Gateways = new[] { InboundGateway(), OutboundOnlyGateway() },
                OutboundAuthenticationPlan = AuthenticationPlan(),
                OutboundLeadingPlusEnabled = false,
                TechPrefix = "0091",
                SipDiversionHeader = "<sip:+918047000003@example.com>",
            }));

        yield return new("Update SIP trunk, clearing", "UpdateByoSipTrunkCredentialDTO", "PATCH", credential, "credential-byo-exotel.json", HttpStatusCode.OK,
            c => c.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest
            {
                OutboundAuthenticationPlan = null,
                TechPrefix = null,
                SipDiversionHeader = null,
                OutboundLeadingPlusEnabled = true,
            }));

        yield return new("Create BYO number, assistant, number fallback", "CreateByoPhoneNumberDTO", "POST", "phone-number", "phone-number-byo.json", HttpStatusCode.Created,
            c => c.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
            {
                Number = "+918047000003", NumberE164CheckEnabled = true, CredentialId = TestAccount.CredentialId, Name = "Front desk",
                AssistantId = TestAccount.AssistantId, Server = Server(), FallbackDestination = NumberDestination(),
            }));

        yield return new("Create BYO number, squad, SIP fallback", "CreateByoPhoneNumberDTO", "POST", "phone-number", "phone-number-byo.json", HttpStatusCode.Created,
            c => c.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
            {
                Number = "08047000003", NumberE164CheckEnabled = false, CredentialId = TestAccount.CredentialId, Name = "Front desk",
                SquadId = SquadId, Server = Server(), FallbackDestination = SipDestination(),
            }));

        yield return new("Create BYO number, workflow", "CreateByoPhoneNumberDTO", "POST", "phone-number", "phone-number-byo.json", HttpStatusCode.Created,
            c => c.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
            {
                Number = "+918047000003", CredentialId = TestAccount.CredentialId, WorkflowId = WorkflowId, Server = Server(),
            }));

        yield return new("Create Vapi SIP number, assistant, number fallback", "CreateVapiPhoneNumberDTO", "POST", "phone-number", "phone-number-vapi.json", HttpStatusCode.Created,
            c => c.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest
            {
                SipUri = "sip:front-desk@sip.vapi.ai", Authentication = SipAuthentication(), Name = "EU SIP Assistant",
                AssistantId = TestAccount.AssistantId, Server = Server(), FallbackDestination = NumberDestination(),
            }));

        yield return new("Create Vapi SIP number, squad, SIP fallback", "CreateVapiPhoneNumberDTO", "POST", "phone-number", "phone-number-vapi.json", HttpStatusCode.Created,
            c => c.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest
            {
                SipUri = "sip:front-desk@sip.vapi.ai", Authentication = SipAuthentication(), Name = "EU SIP Assistant",
                SquadId = SquadId, Server = Server(), FallbackDestination = SipDestination(),
            }));

        yield return new("Create Vapi SIP number, workflow", "CreateVapiPhoneNumberDTO", "POST", "phone-number", "phone-number-vapi.json", HttpStatusCode.Created,
            c => c.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest { SipUri = "sip:front-desk@sip.vapi.ai", WorkflowId = WorkflowId }));

        yield return new("Update BYO number, every member set", "UpdateByoPhoneNumberDTO", "PATCH", number, "phone-number-byo.json", HttpStatusCode.OK,
            c => c.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest
            {
                Number = "+918047000003", NumberE164CheckEnabled = true, CredentialId = TestAccount.CredentialId, Name = "Front desk",
                AssistantId = TestAccount.AssistantId, SquadId = null, WorkflowId = null, Server = Server(), FallbackDestination = NumberDestination(),
            }));

        yield return new("Update BYO number, squad and SIP fallback", "UpdateByoPhoneNumberDTO", "PATCH", number, "phone-number-byo.json", HttpStatusCode.OK,
            c => c.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest
            {
                AssistantId = null, SquadId = SquadId, WorkflowId = null, FallbackDestination = SipDestination(), Server = null, Name = null,
            }));

        yield return new("Update Vapi SIP number, every member set", "UpdateVapiPhoneNumberDTO", "PATCH", number, "phone-number-vapi.json", HttpStatusCode.OK,
            c => c.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateVapiSipPhoneNumberRequest
            {
                SipUri = "sip:front-desk@sip.vapi.ai", Authentication = SipAuthentication(), Name = "Front desk",
                AssistantId = null, SquadId = null, WorkflowId = WorkflowId, Server = Server(), FallbackDestination = SipDestination(),
            }));

        yield return new("Update Vapi SIP number, number fallback, clearing", "UpdateVapiPhoneNumberDTO", "PATCH", number, "phone-number-vapi.json", HttpStatusCode.OK,
            c => c.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateVapiSipPhoneNumberRequest
            {
                Authentication = null, AssistantId = TestAccount.AssistantId, FallbackDestination = NumberDestination(), Server = null,
            }));

        yield return new("Create call, saved assistant, customer, schedule", "CreateCallDTO", "POST", "call", "call-created.json", HttpStatusCode.Created,
            c => c.Calls.CreateAsync(new CreateCallRequest
            {
                AssistantId = TestAccount.AssistantId,
                AssistantOverrides = new JsonObject { ["variableValues"] = new JsonObject { ["name"] = "Asha" }, ["firstMessage"] = "Hello" },
                PhoneNumberId = TestAccount.PhoneNumberId,
                Customer = Customer(),
                SchedulePlan = SchedulePlan(),
                Name = "Reminder for Asha",
            }));

        yield return new("Create call, inline assistant, customer id", "CreateCallDTO", "POST", "call", "call-created.json", HttpStatusCode.Created,
            c => c.Calls.CreateAsync(new CreateCallRequest
            {
                Assistant = new JsonObject { ["name"] = "Transient", ["model"] = new JsonObject { ["provider"] = "openai", ["model"] = "gpt-4o" } },
                PhoneNumberId = TestAccount.PhoneNumberId,
                CustomerId = "cust_000042",
            }));

        yield return new("Create call, squad", "CreateCallDTO", "POST", "call", "call-created.json", HttpStatusCode.Created,
            c => c.Calls.CreateAsync(new CreateCallRequest { SquadId = SquadId, PhoneNumberId = TestAccount.PhoneNumberId, Customer = Customer() }));

        yield return new("Create call, workflow", "CreateCallDTO", "POST", "call", "call-created.json", HttpStatusCode.Created,
            c => c.Calls.CreateAsync(new CreateCallRequest { WorkflowId = WorkflowId, PhoneNumberId = TestAccount.PhoneNumberId, Customer = Customer() }));

        yield return new("Create call batch", "CreateCallDTO", "POST", "call", "call-batch.json", HttpStatusCode.Created,
            c => c.Calls.CreateBatchAsync(new CreateCallRequest
            {
                AssistantId = TestAccount.AssistantId,
                AssistantOverrides = new JsonObject { ["variableValues"] = new JsonObject { ["name"] = "everyone" } },
                PhoneNumberId = TestAccount.PhoneNumberId,
                Customers = [Customer("+11231231234"), Customer("+12342342345")],
                SchedulePlan = SchedulePlan(),
                Name = "Batch",
            }));
    }
}
