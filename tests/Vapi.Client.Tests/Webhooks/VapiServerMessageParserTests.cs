using System.Text;
using System.Text.Json;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Webhooks;

public class VapiServerMessageParserTests
{
    private const string CallId = "019d2ad0-6eb1-7aac-9377-0fc25d8bc1ad";

    // Looks like a live secret: it must never be quoted back in an exception message.
    private const string Secret = "sk_live_WEBHOOK_SECRET_7f3a9c2e1d";

    public enum Input
    {
        Text,
        Utf8Span,
        Stream,
    }

    private static async Task<VapiServerMessage> ParseAsync(string body, Input input)
    {
        switch (input)
        {
            case Input.Text:
                return VapiServerMessageParser.Parse(body);
            case Input.Utf8Span:
                return VapiServerMessageParser.Parse(Encoding.UTF8.GetBytes(body).AsSpan());
            default:
                await using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(body)))
                {
                    return await VapiServerMessageParser.ParseAsync(stream);
                }
        }
    }

    // Read by reflection so that this file compiles whether or not the member exists; its absence fails the tests that need it.
    private static IDictionary<string, JsonElement>? ArtifactExtras(VapiCallArtifact artifact)
    {
        var property = typeof(VapiCallArtifact).GetProperty("AdditionalProperties");
        Assert.That(property, Is.Not.Null, "VapiCallArtifact.AdditionalProperties keeps the members it does not declare (messages, recordings)");
        return (IDictionary<string, JsonElement>?)property!.GetValue(artifact);
    }

    [TestCase(Input.Text)]
    [TestCase(Input.Utf8Span)]
    [TestCase(Input.Stream)]
    public async Task A_status_update_is_read_as_a_status_update_message(Input input)
    {
        var message = await ParseAsync(Fixtures.Read("webhook-status-update.json"), input);

        Assert.That(message, Is.TypeOf<VapiStatusUpdateMessage>());
        var update = (VapiStatusUpdateMessage)message;
        Assert.Multiple(() =>
        {
            Assert.That(update.Type, Is.EqualTo(VapiServerMessageType.StatusUpdate));
            Assert.That(update.Status, Is.EqualTo(VapiCallStatus.Ended));
            Assert.That(update.Status!.Value.IsTerminal, Is.True);
            Assert.That(update.EndedReason, Is.EqualTo(VapiEndedReason.CustomerEndedCall));
            Assert.That(update.Call?.Id, Is.EqualTo(CallId));
            Assert.That(update.Call?.Type, Is.EqualTo(VapiCallType.InboundPhoneCall));
            Assert.That(update.Call?.Status, Is.EqualTo(VapiCallStatus.Ended));
            Assert.That(update.Call?.OrgId, Is.EqualTo("424acf80-dbea-4015-ace8-0f3924e60001"));
            Assert.That(update.Timestamp, Is.EqualTo(1767225600000d));
            Assert.That(update.AdditionalProperties ?? new Dictionary<string, JsonElement>(), Is.Empty, "every member of the fixture is declared");
        });
    }

    [TestCase(Input.Text)]
    [TestCase(Input.Utf8Span)]
    [TestCase(Input.Stream)]
    public async Task An_end_of_call_report_is_read_as_an_end_of_call_report_message(Input input)
    {
        var message = await ParseAsync(Fixtures.Read("webhook-end-of-call-report.json"), input);

        Assert.That(message, Is.TypeOf<VapiEndOfCallReportMessage>());
        var report = (VapiEndOfCallReportMessage)message;
        Assert.Multiple(() =>
        {
            Assert.That(report.Type, Is.EqualTo(VapiServerMessageType.EndOfCallReport));
            Assert.That(report.EndedReason, Is.EqualTo(VapiEndedReason.CustomerEndedCall));
            Assert.That(report.StartedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(report.EndedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 0, 2, 5, 500, TimeSpan.Zero)));
            Assert.That(report.EndedAt - report.StartedAt, Is.EqualTo(TimeSpan.FromSeconds(125.5)));
            Assert.That(report.Cost, Is.EqualTo(0.12m));
            Assert.That(report.Call?.Id, Is.EqualTo(CallId));
            Assert.That(report.Timestamp, Is.EqualTo(1767225725500d));
            Assert.That(report.Artifact?.Transcript, Is.EqualTo("AI: How can I help? User: Book a table."));
            Assert.That(report.Analysis?.Summary, Is.EqualTo("The caller booked a table."));
            Assert.That(report.Analysis?.SuccessEvaluation, Is.EqualTo("true"));
        });

        var extras = ArtifactExtras(report.Artifact!);
        Assert.That(extras, Does.ContainKey("messages"), "undeclared artifact members (the messages) are kept");
        var messages = extras!["messages"];
        Assert.Multiple(() =>
        {
            Assert.That(messages.ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(messages.GetArrayLength(), Is.EqualTo(1));
            Assert.That(messages[0].GetProperty("role").GetString(), Is.EqualTo("assistant"));
            Assert.That(messages[0].GetProperty("message").GetString(), Is.EqualTo("How can I help?"));
        });
    }

    [Test]
    public void A_boolean_success_evaluation_and_a_string_cost_are_read_leniently()
    {
        const string body = """
            {"message":{"type":"end-of-call-report","cost":"0.5","analysis":{"successEvaluation":false},
             "artifact":{"pcapUrl":"https://storage.example.com/call.pcap","recordingUrl":"https://storage.example.com/call.wav"}}}
            """;

        var report = (VapiEndOfCallReportMessage)VapiServerMessageParser.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(report.Analysis?.SuccessEvaluation, Is.EqualTo("false"));
            Assert.That(report.Cost, Is.EqualTo(0.5m));
            Assert.That(report.Artifact?.PcapUrl, Is.EqualTo("https://storage.example.com/call.pcap"));
            Assert.That(ArtifactExtras(report.Artifact!)?["recordingUrl"].GetString(), Is.EqualTo("https://storage.example.com/call.wav"));
            Assert.That(report.EndedReason, Is.Null, "absent, not an empty value");
        });
    }

    [TestCase(Input.Text)]
    [TestCase(Input.Utf8Span)]
    [TestCase(Input.Stream)]
    public async Task A_made_up_type_is_read_as_the_base_message_with_its_members_kept(Input input)
    {
        var message = await ParseAsync(Fixtures.Read("wh-unknown-event.json"), input);

        Assert.That(message.GetType(), Is.EqualTo(typeof(VapiServerMessage)));
        Assert.Multiple(() =>
        {
            Assert.That(message.Type?.Value, Is.EqualTo("call.brand-new-event"));
            Assert.That(message.Type, Is.EqualTo(new VapiServerMessageType("call.brand-new-event")));
            Assert.That(message.Timestamp, Is.EqualTo(1767225600000d));
            Assert.That(message.Call?.Id, Is.EqualTo(CallId));
            Assert.That(message.Call?.Status, Is.EqualTo(VapiCallStatus.InProgress));
            Assert.That(message.Customer?.Number, Is.EqualTo("+919876543210"));
            Assert.That(message.AdditionalProperties?.Keys, Is.EquivalentTo(new[] { "brandNewPayload", "phoneNumber" }));
        });

        var payload = message.AdditionalProperties!["brandNewPayload"];
        Assert.Multiple(() =>
        {
            Assert.That(payload.GetProperty("level").GetInt32(), Is.EqualTo(3));
            Assert.That(payload.GetProperty("tags")[1].GetString(), Is.EqualTo("b"));
            Assert.That(message.AdditionalProperties["phoneNumber"].GetProperty("id").GetString(), Is.EqualTo("c0ffee00-0000-4000-8000-000000000003"));
        });
    }

    [Test]
    public void The_hang_type_is_known_but_read_as_the_base_message()
    {
        const string body = """{"message":{"type":"hang","timestamp":1767225600000,"call":{"id":"019d2ad0-6eb1-7aac-9377-0fc25d8bc1ad"},"extra":"kept"}}""";

        var message = VapiServerMessageParser.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(message.GetType(), Is.EqualTo(typeof(VapiServerMessage)));
            Assert.That(message.Type, Is.EqualTo(VapiServerMessageType.Hang));
            Assert.That(message.Type?.Value, Is.EqualTo("hang"));
            Assert.That(message.Call?.Id, Is.EqualTo(CallId));
            Assert.That(message.AdditionalProperties?["extra"].GetString(), Is.EqualTo("kept"));
        });
    }

    [Test]
    public void An_assistant_request_is_read_as_the_base_message_with_the_phone_number_kept()
    {
        const string body = """
            {"message":{"type":"assistant-request","timestamp":1767225600000,
             "call":{"id":"019d2ad0-6eb1-7aac-9377-0fc25d8bc1ad","type":"inboundPhoneCall","phoneCallTransport":"sip"},
             "customer":{"number":"+919876543210"},
             "phoneNumber":{"id":"c0ffee00-0000-4000-8000-000000000003","provider":"byo-phone-number"}}}
            """;

        var message = VapiServerMessageParser.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(message.GetType(), Is.EqualTo(typeof(VapiServerMessage)));
            Assert.That(message.Type, Is.EqualTo(VapiServerMessageType.AssistantRequest));
            Assert.That(message.Call?.Type, Is.EqualTo(VapiCallType.InboundPhoneCall));
            Assert.That(message.Call?.PhoneCallTransport, Is.EqualTo(VapiPhoneCallTransport.Sip));
            Assert.That(message.Customer?.Number, Is.EqualTo("+919876543210"));
            Assert.That(message.AdditionalProperties?["phoneNumber"].GetProperty("provider").GetString(), Is.EqualTo("byo-phone-number"));
        });
    }

    [Test]
    public void The_type_decides_the_model_not_the_members()
    {
        // A status-update shape under another type is not read as a status update.
        const string body = """{"message":{"type":"transfer-update","status":"ended","endedReason":"customer-ended-call"}}""";

        var message = VapiServerMessageParser.Parse(body);

        Assert.Multiple(() =>
        {
            Assert.That(message, Is.Not.InstanceOf<VapiStatusUpdateMessage>());
            Assert.That(message.Type, Is.EqualTo(VapiServerMessageType.TransferUpdate));
            Assert.That(message.AdditionalProperties?.Keys, Is.EquivalentTo(new[] { "status", "endedReason" }));
        });
    }

    [Test]
    public void Members_outside_the_message_object_are_ignored()
    {
        const string body = """{"other":{"a":1},"message":{"type":"status-update","status":"ringing"}}""";

        var message = (VapiStatusUpdateMessage)VapiServerMessageParser.Parse(body);

        Assert.That(message.Status, Is.EqualTo(VapiCallStatus.Ringing));
    }

    [TestCase("this is not JSON " + Secret, TestName = "Not JSON")]
    [TestCase("", TestName = "Empty body")]
    [TestCase("""{"message":{"type":"status-update","status":"ended"} """ + Secret, TestName = "Truncated JSON")]
    [TestCase("""["message","{ \"type\": \"status-update\" }","sk_live_WEBHOOK_SECRET_7f3a9c2e1d"]""", TestName = "A JSON array")]
    [TestCase("\"sk_live_WEBHOOK_SECRET_7f3a9c2e1d\"", TestName = "A JSON string")]
    [TestCase("""{"secret":"sk_live_WEBHOOK_SECRET_7f3a9c2e1d"}""", TestName = "No message member")]
    [TestCase("""{"message":"sk_live_WEBHOOK_SECRET_7f3a9c2e1d"}""", TestName = "Message is a string")]
    [TestCase("""{"message":["sk_live_WEBHOOK_SECRET_7f3a9c2e1d"]}""", TestName = "Message is an array")]
    [TestCase("""{"message":null}""", TestName = "Message is null")]
    [TestCase("""{"message":{"status":"ended","secret":"sk_live_WEBHOOK_SECRET_7f3a9c2e1d"}}""", TestName = "No type")]
    [TestCase("""{"message":{"type":42,"secret":"sk_live_WEBHOOK_SECRET_7f3a9c2e1d"}}""", TestName = "Type is a number")]
    [TestCase("""{"message":{"type":null,"secret":"sk_live_WEBHOOK_SECRET_7f3a9c2e1d"}}""", TestName = "Type is null")]
    [TestCase("""{"message":{"type":{"name":"sk_live_WEBHOOK_SECRET_7f3a9c2e1d"}}}""", TestName = "Type is an object")]
    [TestCase("""{"message":{"type":"status-update","call":"sk_live_WEBHOOK_SECRET_7f3a9c2e1d"}}""", TestName = "Call is a string")]
    [TestCase("""{"message":{"type":"end-of-call-report","startedAt":"sk_live_WEBHOOK_SECRET_7f3a9c2e1d"}}""", TestName = "A date is not a date")]
    public void An_invalid_body_throws_a_VapiException_that_does_not_quote_the_body(string body)
    {
        foreach (var input in Enum.GetValues<Input>())
        {
            var thrown = Assert.ThrowsAsync<VapiException>(() => ParseAsync(body, input), input.ToString());
            Assert.Multiple(() =>
            {
                Assert.That(thrown!.Message, Does.StartWith("The webhook body is not a Vapi server message"), input.ToString());
                Assert.That(thrown.Message, Does.Not.Contain(Secret), input.ToString());
                Assert.That(thrown.Message, Does.Not.Contain("sk_live"), input.ToString());
                Assert.That(thrown.ToString(), Does.Not.Contain(Secret), "not in an inner exception either");
                Assert.That(thrown.Status, Is.Zero);
                Assert.That(thrown.Operation, Is.EqualTo("webhook"));
            });
        }
    }

    [Test]
    public void A_shape_error_names_the_member_path()
    {
        var thrown = Assert.Throws<VapiException>(() => VapiServerMessageParser.Parse("""{"message":{"type":"status-update","call":{"id":"x","customer":"sk_live_WEBHOOK_SECRET_7f3a9c2e1d"}}}"""));

        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Message, Does.Contain("customer"));
            Assert.That(thrown.Message, Does.Not.Contain(Secret));
        });
    }

    [Test]
    public void ParseAsync_reads_the_stream_to_its_end_and_does_not_dispose_it()
    {
        var bytes = Encoding.UTF8.GetBytes(Fixtures.Read("webhook-status-update.json"));
        using var stream = new MemoryStream(bytes);

        var message = VapiServerMessageParser.ParseAsync(stream).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(message, Is.TypeOf<VapiStatusUpdateMessage>());
            Assert.That(stream.CanRead, Is.True, "not disposed");
            Assert.That(stream.Position, Is.EqualTo(bytes.Length));
        });
    }

    [Test]
    public void Null_arguments_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => VapiServerMessageParser.Parse((string)null!));
            Assert.ThrowsAsync<ArgumentNullException>(() => VapiServerMessageParser.ParseAsync(null!));
        });
    }

    [Test]
    public void A_cancelled_token_stops_ParseAsync()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Fixtures.Read("webhook-status-update.json")));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.That(() => VapiServerMessageParser.ParseAsync(stream, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void A_type_the_sdk_does_not_model_is_kept_raw_even_when_a_common_member_has_drifted()
    {
        var message = VapiServerMessageParser.Parse("""{"message":{"type":"hang","timestamp":"2026-01-01T00:00:00Z","call":{"startedAt":""}}}""");

        Assert.Multiple(() =>
        {
            Assert.That(message.GetType(), Is.EqualTo(typeof(VapiServerMessage)));
            Assert.That(message.Type?.Value, Is.EqualTo("hang"));
            Assert.That(message.AdditionalProperties!["timestamp"].GetString(), Is.EqualTo("2026-01-01T00:00:00Z"));
            Assert.That(message.AdditionalProperties!["call"].GetProperty("startedAt").GetString(), Is.Empty);
        });
    }
}
