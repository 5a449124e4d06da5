using System.Net;
using System.Reflection;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Values;

/// <summary>The open string values: known constants are Vapi's documented strings, and unknown values are kept verbatim.</summary>
public class StringValueTests
{
    private static readonly Type[] ValueTypes =
    [
        typeof(VapiCallStatus), typeof(VapiEndedReason), typeof(VapiCallType), typeof(VapiPhoneCallTransport), typeof(VapiPhoneNumberProvider),
        typeof(VapiPhoneNumberStatus), typeof(VapiCredentialProvider), typeof(SipGatewayProtocol), typeof(VapiServerMessageType),
    ];

    private static IEnumerable<Type> AllValueTypes() => ValueTypes;

    private static string ValueOf(object value) => (string)value.GetType().GetProperty("Value")!.GetValue(value)!;

    private static List<(string Name, object Value)> Constants(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == type)
            .Select(p => (p.Name, p.GetValue(null)!))
            .ToList();

    [Test]
    public void Every_open_value_type_of_the_package_is_covered()
    {
        var exported = typeof(VapiClient).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && t.GetProperty("Value", typeof(string)) is not null && t.GetMethod("FromString", [typeof(string)]) is not null);

        Assert.That(exported, Is.EquivalentTo(ValueTypes));
    }

    [TestCase(typeof(SipGatewayProtocol), nameof(SipGatewayProtocol.Udp), "udp")]
    [TestCase(typeof(SipGatewayProtocol), nameof(SipGatewayProtocol.Tcp), "tcp")]
    [TestCase(typeof(SipGatewayProtocol), nameof(SipGatewayProtocol.Tls), "tls")]
    [TestCase(typeof(SipGatewayProtocol), nameof(SipGatewayProtocol.TlsSrtp), "tls/srtp")]
    [TestCase(typeof(VapiCallStatus), nameof(VapiCallStatus.Scheduled), "scheduled")]
    [TestCase(typeof(VapiCallStatus), nameof(VapiCallStatus.Queued), "queued")]
    [TestCase(typeof(VapiCallStatus), nameof(VapiCallStatus.Ringing), "ringing")]
    [TestCase(typeof(VapiCallStatus), nameof(VapiCallStatus.InProgress), "in-progress")]
    [TestCase(typeof(VapiCallStatus), nameof(VapiCallStatus.Forwarding), "forwarding")]
    [TestCase(typeof(VapiCallStatus), nameof(VapiCallStatus.Ended), "ended")]
    [TestCase(typeof(VapiCallStatus), nameof(VapiCallStatus.NotFound), "not-found")]
    [TestCase(typeof(VapiCallStatus), nameof(VapiCallStatus.DeletionFailed), "deletion-failed")]
    [TestCase(typeof(VapiCallType), nameof(VapiCallType.InboundPhoneCall), "inboundPhoneCall")]
    [TestCase(typeof(VapiCallType), nameof(VapiCallType.OutboundPhoneCall), "outboundPhoneCall")]
    [TestCase(typeof(VapiCallType), nameof(VapiCallType.WebCall), "webCall")]
    [TestCase(typeof(VapiCallType), nameof(VapiCallType.WebSocketCall), "vapi.websocketCall")]
    [TestCase(typeof(VapiPhoneCallTransport), nameof(VapiPhoneCallTransport.Sip), "sip")]
    [TestCase(typeof(VapiPhoneCallTransport), nameof(VapiPhoneCallTransport.Pstn), "pstn")]
    [TestCase(typeof(VapiPhoneNumberProvider), nameof(VapiPhoneNumberProvider.ByoPhoneNumber), "byo-phone-number")]
    [TestCase(typeof(VapiPhoneNumberProvider), nameof(VapiPhoneNumberProvider.Vapi), "vapi")]
    [TestCase(typeof(VapiPhoneNumberProvider), nameof(VapiPhoneNumberProvider.Twilio), "twilio")]
    [TestCase(typeof(VapiPhoneNumberProvider), nameof(VapiPhoneNumberProvider.Vonage), "vonage")]
    [TestCase(typeof(VapiPhoneNumberProvider), nameof(VapiPhoneNumberProvider.Telnyx), "telnyx")]
    [TestCase(typeof(VapiPhoneNumberStatus), nameof(VapiPhoneNumberStatus.Active), "active")]
    [TestCase(typeof(VapiPhoneNumberStatus), nameof(VapiPhoneNumberStatus.Activating), "activating")]
    [TestCase(typeof(VapiPhoneNumberStatus), nameof(VapiPhoneNumberStatus.Blocked), "blocked")]
    [TestCase(typeof(VapiCredentialProvider), nameof(VapiCredentialProvider.ByoSipTrunk), "byo-sip-trunk")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.AssistantRequest), "assistant-request")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.ConversationUpdate), "conversation-update")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.EndOfCallReport), "end-of-call-report")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.Hang), "hang")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.ModelOutput), "model-output")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.PhoneCallControl), "phone-call-control")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.SpeechUpdate), "speech-update")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.StatusUpdate), "status-update")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.ToolCalls), "tool-calls")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.TransferDestinationRequest), "transfer-destination-request")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.TransferUpdate), "transfer-update")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.Transcript), "transcript")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.UserInterrupted), "user-interrupted")]
    [TestCase(typeof(VapiServerMessageType), nameof(VapiServerMessageType.CallDeleted), "call.deleted")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.SipCompletedCall), "call.in-progress.sip-completed-call")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.SipOutboundCallFailedToConnect), "call.in-progress.error-sip-outbound-call-failed-to-connect")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.OutboundSip403Forbidden), "call.in-progress.error-providerfault-outbound-sip-403-forbidden")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.OutboundSip407ProxyAuthenticationRequired), "call.in-progress.error-providerfault-outbound-sip-407-proxy-authentication-required")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.OutboundSip408RequestTimeout), "call.in-progress.error-providerfault-outbound-sip-408-request-timeout")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.StartErrorGetTransport), "call.start.error-get-transport")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.StartErrorConcurrencyLimitReached), "call.start.error-subscription-concurrency-limit-reached")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.CustomerEndedCall), "customer-ended-call")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.CustomerDidNotAnswer), "customer-did-not-answer")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.AssistantEndedCall), "assistant-ended-call")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.ManuallyCanceled), "manually-canceled")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.SilenceTimedOut), "silence-timed-out")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.ExceededMaxDuration), "exceeded-max-duration")]
    [TestCase(typeof(VapiEndedReason), nameof(VapiEndedReason.NeitherAssistantNorServerSet), "call-start-error-neither-assistant-nor-server-set")]
    public void A_known_constant_is_its_documented_string(Type type, string constant, string expected)
    {
        var value = type.GetProperty(constant, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        Assert.Multiple(() =>
        {
            Assert.That(ValueOf(value), Is.EqualTo(expected));
            Assert.That(value.ToString(), Is.EqualTo(expected));
            Assert.That(type.GetMethod("FromString")!.Invoke(null, [expected]), Is.EqualTo(value), "a parsed value equals the constant");
            Assert.That(Activator.CreateInstance(type, expected), Is.EqualTo(value), "so does a constructed one");
        });
    }

    [Test]
    public void The_most_used_constants_compare_to_their_strings()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SipGatewayProtocol.TlsSrtp.Value, Is.EqualTo("tls/srtp"));
            Assert.That(VapiCallStatus.InProgress.Value, Is.EqualTo("in-progress"));
            Assert.That(VapiCallType.WebSocketCall.Value, Is.EqualTo("vapi.websocketCall"));
            Assert.That((VapiCallStatus)"ended", Is.EqualTo(VapiCallStatus.Ended));
            Assert.That((SipGatewayProtocol)"tcp", Is.EqualTo(SipGatewayProtocol.Tcp));
        });
    }

    [TestCaseSource(nameof(AllValueTypes))]
    public void The_constants_of_a_type_are_distinct_non_empty_and_round_trip_through_FromString(Type type)
    {
        var constants = Constants(type);
        var fromString = type.GetMethod("FromString", [typeof(string)])!;

        Assert.That(constants, Is.Not.Empty);
        Assert.That(constants.Select(c => ValueOf(c.Value)), Is.Unique, $"{type.Name} constants");
        foreach (var (name, value) in constants)
        {
            Assert.Multiple(() =>
            {
                Assert.That(ValueOf(value), Is.Not.Empty, $"{type.Name}.{name}");
                Assert.That(ValueOf(value), Is.EqualTo(ValueOf(value).Trim()), $"{type.Name}.{name}");
                Assert.That(fromString.Invoke(null, [ValueOf(value)]), Is.EqualTo(value), $"{type.Name}.{name}");
            });
        }
    }

    [TestCaseSource(nameof(AllValueTypes))]
    public void An_unknown_value_is_kept_verbatim_and_equals_no_constant(Type type)
    {
        const string raw = "Brand-New/Value.2027 ";
        var value = type.GetMethod("FromString", [typeof(string)])!.Invoke(null, [raw])!;

        Assert.Multiple(() =>
        {
            Assert.That(ValueOf(value), Is.EqualTo(raw));
            Assert.That(value.ToString(), Is.EqualTo(raw));
            Assert.That(Constants(type).Select(c => c.Value), Has.None.EqualTo(value));
        });
    }

    [TestCaseSource(nameof(AllValueTypes))]
    public void Values_are_case_sensitive(Type type)
    {
        var (name, constant) = Constants(type)[0];
        var shouted = type.GetMethod("FromString", [typeof(string)])!.Invoke(null, [ValueOf(constant).ToUpperInvariant()])!;

        Assert.That(shouted, Is.Not.EqualTo(constant), $"{type.Name}.{name} in upper case is another value, not a coerced one");
    }

    [TestCaseSource(nameof(AllValueTypes))]
    public void The_default_value_is_empty_not_null(Type type)
    {
        var value = Activator.CreateInstance(type)!;

        Assert.Multiple(() =>
        {
            Assert.That(ValueOf(value), Is.Empty);
            Assert.That(value.ToString(), Is.Empty);
        });
    }

    [TestCaseSource(nameof(AllValueTypes))]
    public void A_null_raw_value_is_refused(Type type)
    {
        var thrown = Assert.Throws<TargetInvocationException>(() => type.GetMethod("FromString", [typeof(string)])!.Invoke(null, [null]));

        Assert.That(thrown!.InnerException, Is.InstanceOf<ArgumentNullException>());
    }

    [TestCase("ended", true)]
    [TestCase("not-found", true)]
    [TestCase("deletion-failed", true)]
    [TestCase("scheduled", false)]
    [TestCase("queued", false)]
    [TestCase("ringing", false)]
    [TestCase("in-progress", false)]
    [TestCase("forwarding", false)]
    [TestCase("Ended", false)]
    [TestCase("ended ", false)]
    [TestCase("call.brand-new-status", false)]
    [TestCase("", false)]
    public void IsTerminal_is_true_only_for_the_final_statuses(string status, bool terminal)
    {
        Assert.That(new VapiCallStatus(status).IsTerminal, Is.EqualTo(terminal));
    }

    [Test]
    public void The_terminal_constants_are_terminal()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VapiCallStatus.Ended.IsTerminal, Is.True);
            Assert.That(VapiCallStatus.NotFound.IsTerminal, Is.True);
            Assert.That(VapiCallStatus.DeletionFailed.IsTerminal, Is.True);
            Assert.That(VapiCallStatus.InProgress.IsTerminal, Is.False);
            Assert.That(default(VapiCallStatus).IsTerminal, Is.False);
        });
    }

    // ---- Through the public parsing paths: the package's JSON context is internal. ----

    [Test]
    public void Unknown_call_values_in_a_webhook_are_kept_verbatim()
    {
        const string body = """
            {"message":{"type":"call.brand-new-event","status":"on-hold","endedReason":"call.in-progress.error-brand-new-fault",
             "call":{"id":"019d2ad0-6eb1-7aac-9377-0fc25d8bc1ad","type":"vapi.holographicCall","status":"teleporting",
                     "endedReason":"pipeline-error-brand-new-llm-failed","phoneCallTransport":"webrtc-over-pigeon"}}}
            """;

        var message = VapiServerMessageParser.Parse(body);
        var call = message.Call!;

        Assert.Multiple(() =>
        {
            Assert.That(message.Type?.Value, Is.EqualTo("call.brand-new-event"));
            Assert.That(call.Type?.Value, Is.EqualTo("vapi.holographicCall"));
            Assert.That(call.Status?.Value, Is.EqualTo("teleporting"));
            Assert.That(call.Status?.IsTerminal, Is.False);
            Assert.That(call.EndedReason?.Value, Is.EqualTo("pipeline-error-brand-new-llm-failed"));
            Assert.That(call.EndedReason?.IsPipelineError, Is.True, "classified by its prefix although unknown");
            Assert.That(call.PhoneCallTransport?.Value, Is.EqualTo("webrtc-over-pigeon"));
            Assert.That(new[] { VapiCallType.InboundPhoneCall, VapiCallType.OutboundPhoneCall, VapiCallType.WebCall, VapiCallType.WebSocketCall }, Has.None.EqualTo(call.Type));
            Assert.That(new[] { VapiPhoneCallTransport.Sip, VapiPhoneCallTransport.Pstn }, Has.None.EqualTo(call.PhoneCallTransport));
        });
    }

    [Test]
    public void Unknown_status_update_values_are_kept_verbatim()
    {
        const string body = """{"message":{"type":"status-update","status":"on-hold","endedReason":"call.in-progress.error-providerfault-outbound-sip-486-busy-here"}}""";

        var update = (VapiStatusUpdateMessage)VapiServerMessageParser.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(update.Status?.Value, Is.EqualTo("on-hold"));
            Assert.That(update.Status?.IsTerminal, Is.False);
            Assert.That(update.EndedReason?.Value, Is.EqualTo("call.in-progress.error-providerfault-outbound-sip-486-busy-here"));
            Assert.That(update.EndedReason?.SipStatusCode, Is.EqualTo(486));
        });
    }

    [Test]
    public void A_known_value_in_another_case_is_not_coerced()
    {
        const string body = """{"message":{"type":"Status-Update","status":"Ended","call":{"type":"InboundPhoneCall"}}}""";

        var message = VapiServerMessageParser.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(message, Is.Not.InstanceOf<VapiStatusUpdateMessage>(), "the type is matched exactly");
            Assert.That(message.Type?.Value, Is.EqualTo("Status-Update"));
            Assert.That(message.Type, Is.Not.EqualTo(VapiServerMessageType.StatusUpdate));
            Assert.That(message.Call?.Type?.Value, Is.EqualTo("InboundPhoneCall"));
            Assert.That(message.Call?.Type, Is.Not.EqualTo(VapiCallType.InboundPhoneCall));
            Assert.That(message.AdditionalProperties?["status"].GetString(), Is.EqualTo("Ended"));
        });
    }

    [Test]
    public void A_number_where_a_value_is_expected_is_kept_as_its_text()
    {
        const string body = """{"message":{"type":"status-update","status":404,"endedReason":1.5e3}}""";

        var update = (VapiStatusUpdateMessage)VapiServerMessageParser.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(update.Status?.Value, Is.EqualTo("404"));
            Assert.That(update.EndedReason?.Value, Is.EqualTo("1.5e3"));
        });
    }

    [Test]
    public void A_null_value_is_read_as_absent()
    {
        const string body = """{"message":{"type":"status-update","status":null,"endedReason":null,"call":{"type":null,"phoneCallTransport":null}}}""";

        var update = (VapiStatusUpdateMessage)VapiServerMessageParser.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(update.Status, Is.Null);
            Assert.That(update.EndedReason, Is.Null);
            Assert.That(update.Call?.Type, Is.Null);
            Assert.That(update.Call?.PhoneCallTransport, Is.Null);
        });
    }

    [Test]
    public void An_object_where_a_value_is_expected_is_refused_without_quoting_it()
    {
        var thrown = Assert.Throws<VapiException>(() => VapiServerMessageParser.Parse("""{"message":{"type":"status-update","status":{"secret":"sk_live_value_secret_1"}}}"""));

        Assert.That(thrown!.Message, Does.Not.Contain("sk_live_value_secret_1"));
    }

    [Test]
    public async Task Unknown_phone_number_values_are_kept_verbatim()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Get, "phone-number/" + TestAccount.PhoneNumberId).Respond("application/json", """
            {"id":"c0ffee00-0000-4000-8000-000000000003","provider":"plivo-direct","status":"porting-in","number":"+918047000003",
             "plivoAuthId":"MAXXXXXXXXXXXXXXXXXX"}
            """);

        var number = await host.Client.PhoneNumbers.GetAsync(TestAccount.PhoneNumberId);

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(number.GetType(), Is.EqualTo(typeof(VapiPhoneNumber)), "an unknown provider is read as the base type");
            Assert.That(number.Provider?.Value, Is.EqualTo("plivo-direct"));
            Assert.That(number.Status?.Value, Is.EqualTo("porting-in"));
            Assert.That(new[] { VapiPhoneNumberProvider.ByoPhoneNumber, VapiPhoneNumberProvider.Vapi, VapiPhoneNumberProvider.Twilio, VapiPhoneNumberProvider.Vonage, VapiPhoneNumberProvider.Telnyx },
                Has.None.EqualTo(number.Provider));
            Assert.That(new[] { VapiPhoneNumberStatus.Active, VapiPhoneNumberStatus.Activating, VapiPhoneNumberStatus.Blocked }, Has.None.EqualTo(number.Status));
            Assert.That(number.AdditionalProperties, Does.ContainKey("plivoAuthId"));
        });
    }

    [Test]
    public async Task Known_phone_number_values_are_read_as_the_constants()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Get, "phone-number/" + TestAccount.PhoneNumberId).Respond("application/json", Fixtures.Read("phone-number-vapi.json"));

        var number = await host.Client.PhoneNumbers.GetAsync(TestAccount.PhoneNumberId);

        Assert.Multiple(() =>
        {
            Assert.That(number, Is.TypeOf<VapiSipPhoneNumber>());
            Assert.That(number.Provider, Is.EqualTo(VapiPhoneNumberProvider.Vapi));
            Assert.That(number.Status, Is.EqualTo(VapiPhoneNumberStatus.Active));
        });
    }

    [Test]
    public async Task Unknown_credential_values_are_kept_verbatim()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Get, "credential/" + TestAccount.CredentialId).Respond("application/json", """
            {"id":"5b1c0f7e-2a8d-4a57-9a51-0c6a1f3b9e21","provider":"quantum-telecom","name":"future"}
            """);

        var credential = await host.Client.Credentials.GetAsync(TestAccount.CredentialId);

        Assert.Multiple(() =>
        {
            Assert.That(credential.GetType(), Is.EqualTo(typeof(VapiCredential)));
            Assert.That(credential.Provider?.Value, Is.EqualTo("quantum-telecom"));
            Assert.That(credential.Provider, Is.Not.EqualTo(VapiCredentialProvider.ByoSipTrunk));
        });
    }

    [Test]
    public async Task An_unknown_gateway_protocol_is_read_and_sent_back_verbatim()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Get, "credential/" + TestAccount.CredentialId).Respond("application/json", """
            {"id":"5b1c0f7e-2a8d-4a57-9a51-0c6a1f3b9e21","provider":"byo-sip-trunk","name":"vx",
             "gateways":[{"ip":"129.154.231.198","port":5070,"outboundProtocol":"wss/quic"}]}
            """);
        host.Expect(HttpMethod.Patch, "credential/" + TestAccount.CredentialId,
                """{"gateways":[{"ip":"129.154.231.198","port":5070,"outboundProtocol":"wss/quic"}]}""")
            .Respond("application/json", Fixtures.Read("credential-byo-exotel.json"));

        var trunk = await host.Client.Credentials.GetSipTrunkAsync(TestAccount.CredentialId);
        var protocol = trunk.Gateways[0].OutboundProtocol;
        await host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest { Gateways = trunk.Gateways.ToList() });

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(protocol?.Value, Is.EqualTo("wss/quic"));
            Assert.That(new[] { SipGatewayProtocol.Udp, SipGatewayProtocol.Tcp, SipGatewayProtocol.Tls, SipGatewayProtocol.TlsSrtp }, Has.None.EqualTo(protocol));
            Assert.That(trunk.Gateways[0].EffectiveOutboundProtocol.Value, Is.EqualTo("wss/quic"), "an unknown protocol is not replaced by the default");
        });
    }

    [Test]
    public async Task The_tls_srtp_protocol_is_sent_with_its_slash_unescaped()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Post, "credential",
                """{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198","port":443,"outboundProtocol":"tls/srtp"}]}""")
            .Respond(HttpStatusCode.Created, "application/json", Fixtures.Read("credential-byo-exotel.json"));

        await host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198", Port = 443, OutboundProtocol = SipGatewayProtocol.TlsSrtp } },
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Unknown_call_values_in_an_API_answer_are_kept_verbatim()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Get, "call/" + TestAccount.CallId).Respond("application/json", """
            {"id":"019d2ad0-6eb1-7aac-9377-0fc25d8bc1ad","type":"vapi.holographicCall","status":"teleporting",
             "endedReason":"call.in-progress.error-providerfault-outbound-sip-486-busy-here","phoneCallTransport":"carrier-pigeon"}
            """);

        var call = await host.Client.Calls.GetAsync(TestAccount.CallId);

        Assert.Multiple(() =>
        {
            Assert.That(call.Type?.Value, Is.EqualTo("vapi.holographicCall"));
            Assert.That(call.Status?.Value, Is.EqualTo("teleporting"));
            Assert.That(call.EndedReason?.Value, Is.EqualTo("call.in-progress.error-providerfault-outbound-sip-486-busy-here"));
            Assert.That(call.PhoneCallTransport?.Value, Is.EqualTo("carrier-pigeon"));
        });
    }
}
