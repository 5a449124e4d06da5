using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Schema;

/// <summary>
/// What the client sends is what Vapi's OpenAPI document allows: Vapi refuses unknown members
/// (<c>property x should not exist</c>), so every member name at every level must be in the DTO's list.
/// </summary>
public class RequestSchemaTests
{
    /// <summary>Each request model and the DTOs of Vapi's schema it is written as.</summary>
    private static readonly Dictionary<Type, string[]> DtoOf = new()
    {
        [typeof(CreateSipTrunkCredentialRequest)] = ["CreateByoSipTrunkCredentialDTO"],
        [typeof(UpdateSipTrunkCredentialRequest)] = ["UpdateByoSipTrunkCredentialDTO"],
        [typeof(SipTrunkGateway)] = ["SipTrunkGateway"],
        [typeof(SipTrunkOutboundAuthenticationPlan)] = ["SipTrunkOutboundAuthenticationPlan"],
        [typeof(SipTrunkRegisterPlan)] = ["SipTrunkOutboundSipRegisterPlan"],
        [typeof(CreateByoPhoneNumberRequest)] = ["CreateByoPhoneNumberDTO"],
        [typeof(UpdateByoPhoneNumberRequest)] = ["UpdateByoPhoneNumberDTO"],
        [typeof(CreateVapiSipPhoneNumberRequest)] = ["CreateVapiPhoneNumberDTO"],
        [typeof(UpdateVapiSipPhoneNumberRequest)] = ["UpdateVapiPhoneNumberDTO"],
        [typeof(VapiSipAuthentication)] = ["SipAuthentication"],
        [typeof(VapiServer)] = ["Server"],
        [typeof(VapiTransferDestination)] = ["TransferDestinationNumber", "TransferDestinationSip"],
        [typeof(CreateCallRequest)] = ["CreateCallDTO"],
        [typeof(VapiCustomer)] = ["CreateCustomerDTO"],
        [typeof(VapiSchedulePlan)] = ["SchedulePlan"],
    };

    private static SchemaDocument Schema => SchemaDocument.Vapi;

    private static IEnumerable<RequestScenario> Scenarios() => RequestScenarios.All();

    private static IEnumerable<Type> RequestModels() => DtoOf.Keys;

    /// <summary>Sends the scenario through the real client and returns the body the server received.</summary>
    private static async Task<string> CaptureAsync(RequestScenario scenario)
    {
        using var host = new VapiTestHost();
        string? body = null;
        var calls = 0;
        host.Mock.When(new HttpMethod(scenario.Method), TestAccount.BaseUrl + scenario.Path)
            .Respond(async request =>
            {
                calls++;
                body = request.Content is null ? null : await request.Content.ReadAsStringAsync();
                return new HttpResponseMessage(scenario.Status)
                {
                    Content = new StringContent(Fixtures.Read(scenario.ResponseFixture), Encoding.UTF8, "application/json"),
                };
            });

        await scenario.Send(host.Client);

        Assert.Multiple(() =>
        {
            Assert.That(host.Unmatched, Is.Empty, "requests that matched no expectation");
            Assert.That(calls, Is.EqualTo(1), "one request");
            Assert.That(body, Is.Not.Null.And.Not.Empty, "a JSON body");
        });
        return body!;
    }

    private static IEnumerable<string> JsonNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? $"<{p.Name} has no JsonPropertyName>");

    [TestCaseSource(nameof(Scenarios))]
    public async Task Every_member_sent_is_in_the_schema_of_its_DTO(RequestScenario scenario)
    {
        var body = await CaptureAsync(scenario);

        var problems = Schema.Check(body, scenario.Dto);

        Assert.That(problems, Is.Empty, body);
    }

    [Test]
    public async Task Together_the_scenarios_send_every_member_of_every_request_model()
    {
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var scenario in RequestScenarios.All())
        {
            var problems = Schema.Check(await CaptureAsync(scenario), scenario.Dto, seen);
            Assert.That(problems, Is.Empty, scenario.Name);
        }

        foreach (var (type, dtos) in DtoOf)
        {
            var sent = dtos.SelectMany(d => seen.GetValueOrDefault(d) ?? []).ToHashSet(StringComparer.Ordinal);
            Assert.That(JsonNames(type).Where(n => !sent.Contains(n)), Is.Empty, $"members of {type.Name} that no scenario sent: the scenarios are not fully populated");
        }
    }

    [Test]
    public async Task A_fully_populated_trunk_is_sent_with_every_value()
    {
        var scenario = RequestScenarios.All().First(s => s.Dto == "CreateByoSipTrunkCredentialDTO");

        var body = await CaptureAsync(scenario);

        Assert.That(body, Is.EqualTo("""
            {"provider":"byo-sip-trunk","name":"vx-exotel-acme1-trunk1","gateways":[{"ip":"129.154.231.198","port":5070,"netmask":30,"inboundEnabled":true,"outboundEnabled":true,"outboundProtocol":"tcp","optionsPingEnabled":true},{"ip":"edge.sip.example.com","port":443,"netmask":32,"inboundEnabled":false,"outboundEnabled":true,"outboundProtocol":"tls/srtp","optionsPingEnabled":false}],"outboundAuthenticationPlan":{"authUsername":"exotel-trunk-user","authPassword":"trunk-password-4f8a2c9e","sipRegisterPlan":{"domain":"sip.example.com","username":"register-user","realm":"example.com"}},"outboundLeadingPlusEnabled":true,"techPrefix":"0091","sipDiversionHeader":"<sip:+918047000003@example.com>;reason=unconditional"}
            """));
    }

    [Test]
    public async Task A_fully_populated_call_is_sent_with_every_value()
    {
        var scenario = RequestScenarios.All().First(s => s.Name.StartsWith("Create call, saved assistant", StringComparison.Ordinal));

        var body = await CaptureAsync(scenario);

        Assert.That(body, Is.EqualTo("""
            {"assistantId":"2f9c1d4e-7a6b-4c3d-9e8f-0a1b2c3d4e5f","assistantOverrides":{"variableValues":{"name":"Asha"},"firstMessage":"Hello"},"phoneNumberId":"c0ffee00-0000-4000-8000-000000000003","customer":{"number":"+919876543210","numberE164CheckEnabled":true,"extension":"42","sipUri":"sip:asha@customer.example.com","name":"Asha","email":"asha@example.com","externalId":"crm-000042"},"schedulePlan":{"earliestAt":"2026-12-01T03:30:00.000Z","latestAt":"2026-12-01T12:30:00.000Z"},"name":"Reminder for Asha"}
            """));
    }

    [Test]
    public async Task Cleared_members_of_an_update_are_sent_as_explicit_nulls()
    {
        var scenario = RequestScenarios.All().First(s => s.Name == "Update BYO number, squad and SIP fallback");

        using var document = JsonDocument.Parse(await CaptureAsync(scenario));
        var root = document.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "name", "assistantId", "squadId", "workflowId", "server", "fallbackDestination" }));
            Assert.That(root.GetProperty("assistantId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("workflowId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("server").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("name").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("squadId").GetString(), Is.EqualTo("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));
        });
    }

    [Test]
    public async Task A_minimal_trunk_sends_the_required_members()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "credential", """{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198"}]}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("credential-byo-exotel.json"));

        await host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest { Gateways = { new SipTrunkGateway { Ip = "129.154.231.198" } } });

        host.VerifyAllSatisfied();
        Assert.That(Schema.Check("""{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198"}]}""", "CreateByoSipTrunkCredentialDTO"), Is.Empty);
    }

    [Test]
    public async Task A_minimal_BYO_number_sends_the_provider_and_the_credential()
    {
        using var host = new VapiTestHost();
        var expected = $$"""{"provider":"byo-phone-number","credentialId":"{{TestAccount.CredentialId}}"}""";
        host.Expect(HttpMethod.Post, "phone-number", expected)
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest { CredentialId = TestAccount.CredentialId });

        host.VerifyAllSatisfied();
        Assert.That(Schema.Check(expected, "CreateByoPhoneNumberDTO"), Is.Empty);
        Assert.That(Schema.Required("CreateByoPhoneNumberDTO"), Is.EquivalentTo(new[] { "provider", "credentialId" }), "the schema's required list is what the test assumes");
    }

    [Test]
    public async Task A_minimal_Vapi_SIP_number_sends_the_provider()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "phone-number", """{"provider":"vapi"}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("phone-number-vapi.json"));

        await host.Client.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest());

        host.VerifyAllSatisfied();
        Assert.That(Schema.Check("""{"provider":"vapi"}""", "CreateVapiPhoneNumberDTO"), Is.Empty);
    }

    [Test]
    public void The_walker_reports_unknown_and_missing_members()
    {
        var problems = Schema.Check(
            """{"provider":"byo-sip-trunk","gateways":[{"port":5060,"protocol":"tcp"}],"outboundAuthenticationPlan":{"sipRegisterPlan":{"password":"x"}},"extra":{}}""",
            "CreateByoSipTrunkCredentialDTO");

        Assert.That(problems, Has.Some.Contains("$.gateways[0]: required 'ip'")
            .And.Some.Contains("$.gateways[0].protocol")
            .And.Some.Contains("$.outboundAuthenticationPlan.sipRegisterPlan.password")
            .And.Some.Contains("$.extra"));
    }

    [TestCase("UpdateByoSipTrunkCredentialDTO")]
    [TestCase("UpdateByoPhoneNumberDTO")]
    [TestCase("UpdateVapiPhoneNumberDTO")]
    public async Task An_empty_update_is_sent_as_an_empty_object(string dto)
    {
        using var host = new VapiTestHost();
        var path = dto == "UpdateByoSipTrunkCredentialDTO" ? "credential/" + TestAccount.CredentialId : "phone-number/" + TestAccount.PhoneNumberId;
        host.Expect(HttpMethod.Patch, path, "{}").Respond("application/json", Fixtures.Read(dto switch
        {
            "UpdateByoSipTrunkCredentialDTO" => "credential-byo-exotel.json",
            "UpdateByoPhoneNumberDTO" => "phone-number-byo.json",
            _ => "phone-number-vapi.json",
        }));

        await (dto switch
        {
            "UpdateByoSipTrunkCredentialDTO" => (Task)host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest()),
            "UpdateByoPhoneNumberDTO" => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest()),
            _ => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateVapiSipPhoneNumberRequest()),
        });

        host.VerifyAllSatisfied();
    }

    [TestCaseSource(nameof(RequestModels))]
    public void Every_serialized_property_has_a_JSON_name_from_its_DTO_schema(Type type)
    {
        var allowed = DtoOf[type].SelectMany(Schema.Properties).ToHashSet(StringComparer.Ordinal);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);

        Assert.That(properties, Is.Not.Empty);
        foreach (var property in properties)
        {
            var ignore = property.GetCustomAttribute<JsonIgnoreAttribute>();
            if (ignore is { Condition: JsonIgnoreCondition.Always })
            {
                Assert.That(property.CanWrite, Is.False, $"{type.Name}.{property.Name} is ignored and computed");
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            Assert.Multiple(() =>
            {
                Assert.That(name, Is.Not.Null, $"{type.Name}.{property.Name} has a [JsonPropertyName]");
                Assert.That(allowed, Does.Contain(name), $"{type.Name}.{property.Name} is written as '{name}', which {string.Join(" or ", DtoOf[type])} does not have");
            });
        }
    }

    [Test]
    public void Every_request_type_and_every_type_it_contains_is_mapped_to_a_DTO()
    {
        var exported = typeof(VapiClient).Assembly.GetExportedTypes();
        var requests = exported.Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal) && (t.Name.StartsWith("Create", StringComparison.Ordinal) || t.Name.StartsWith("Update", StringComparison.Ordinal)));
        Assert.That(requests, Is.Not.Empty);

        var unmapped = new List<string>();
        var visited = new HashSet<Type>();
        var pending = new Queue<Type>(requests);
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!visited.Add(type))
            {
                continue;
            }

            // An abstract base is never written itself: its members are checked through the concrete requests.
            if (!DtoOf.ContainsKey(type) && !type.IsAbstract)
            {
                unmapped.Add(type.Name);
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
                {
                    continue;
                }

                foreach (var inner in Unwrap(property.PropertyType))
                {
                    if (inner.IsClass && inner.Namespace == "Vapi.Client")
                    {
                        pending.Enqueue(inner);
                    }
                }
            }
        }

        Assert.That(unmapped, Is.Empty, "request models without a DTO in this test");
        Assert.That(visited, Is.SupersetOf(DtoOf.Keys), "every mapped model is reachable from a request");
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return argument;
            }
        }
    }

    [Test]
    public void The_schema_fixture_has_every_DTO_the_tests_use()
    {
        Assert.That(Schema.Schemas.Keys, Is.SupersetOf(DtoOf.Values.SelectMany(d => d)));
    }
}
