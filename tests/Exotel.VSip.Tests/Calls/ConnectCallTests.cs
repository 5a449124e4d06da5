using System.Net;
using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>Connecting two numbers: <c>POST /v1/Accounts/{sid}/Calls/connect.json</c>, form-encoded.</summary>
public sealed class ConnectCallTests
{
    // The example body from Exotel's documentation, in its own field order.
    private const string DocumentedExampleBody =
        "From=%2B919876543210&To=%2B919123456789&CallerId=08047490924&Record=true&TimeLimit=300"
        + "&StatusCallback=https%3A%2F%2Fexample.test%2Fexotel%2Fstatus"
        + "&StatusCallbackEvents%5B0%5D=terminal&StatusCallbackEvents%5B1%5D=answered"
        + "&StatusCallbackContentType=application%2Fjson&CustomField=order_12345";

    [Test]
    public async Task Connect_sends_every_documented_parameter_in_wire_form()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(
                V1Json.ConnectPath,
                "From=%2B919876543210&To=%2B919123456789&CallerId=08047490924"
                + "&CallType=trans&TimeLimit=14400&TimeOut=45"
                + "&WaitUrl=https%3A%2F%2Fexample.test%2Fmedia%2Fwait.wav"
                + "&Record=true&RecordingChannels=dual&RecordingFormat=mp3-hq"
                + "&CustomField=order+12345"
                + "&StatusCallback=https%3A%2F%2Fexample.test%2Fexotel%2Fstatus%3Ftoken%3Dabc"
                + "&StatusCallbackEvents%5B0%5D=terminal&StatusCallbackEvents%5B1%5D=answered"
                + "&StatusCallbackContentType=application%2Fjson")
            .Respond("application/json", Fixtures.Read("call-connect.json"));

        var request = new ConnectCallRequest("+919876543210", "+919123456789", "08047490924")
        {
            CallType = ExotelCallType.Transactional,
            TimeLimit = 14400,
            TimeOut = 45,
            WaitUrl = new Uri("https://example.test/media/wait.wav"),
            Record = true,
            RecordingChannels = ExotelRecordingChannels.DualChannel,
            RecordingFormat = ExotelRecordingFormat.Mp3HighQuality,
            CustomField = "order 12345",
            StatusCallback = new Uri("https://example.test/exotel/status?token=abc"),
            StatusCallbackContentType = ExotelStatusCallbackContentType.Json,
        };
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Terminal);
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Answered);

        var call = await host.Client.Calls.ConnectAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Sid, Is.EqualTo("c5797dcbaaeed7678c4062a4a3ed2f8a"));
            Assert.That(call.Status, Is.EqualTo(ExotelCallStatus.InProgress));
            Assert.That(call.Direction, Is.EqualTo(ExotelCallDirection.OutboundApi));
            Assert.That(call.DateCreated, Is.EqualTo(new DateTimeOffset(2017, 3, 3, 10, 48, 33, TimeSpan.FromHours(5.5))));
            Assert.That(call.DateCreated!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(5.5)));
            Assert.That(call.To, Is.EqualTo("0XXXXX38847"));
            Assert.That(call.From, Is.EqualTo("0XXXXX30240"));
            Assert.That(call.EndTime, Is.Null);
            Assert.That(call.Duration, Is.Null);
            Assert.That(call.Price, Is.Null);
            Assert.That(call.AnsweredBy, Is.Null, "a JSON null must stay null, not become an empty value");
            Assert.That(host.SentCount, Is.EqualTo(1));
        }

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Connect_encodes_each_pair_as_in_the_documented_example_in_the_sdk_field_order()
    {
        // The SDK's order: From, To, CallerId, TimeLimit, Record, CustomField, StatusCallback, events, content type.
        const string sdkBody =
            "From=%2B919876543210&To=%2B919123456789&CallerId=08047490924&TimeLimit=300&Record=true&CustomField=order_12345"
            + "&StatusCallback=https%3A%2F%2Fexample.test%2Fexotel%2Fstatus"
            + "&StatusCallbackEvents%5B0%5D=terminal&StatusCallbackEvents%5B1%5D=answered"
            + "&StatusCallbackContentType=application%2Fjson";

        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, sdkBody).Respond("application/json", Fixtures.Read("call-connect.json"));

        var request = new ConnectCallRequest("+919876543210", "+919123456789", "08047490924")
        {
            Record = true,
            TimeLimit = 300,
            StatusCallback = new Uri("https://example.test/exotel/status"),
            StatusCallbackContentType = ExotelStatusCallbackContentType.Json,
            CustomField = "order_12345",
        };
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Terminal);
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Answered);

        await host.Client.Calls.ConnectAsync(request);

        host.VerifyAllSatisfied();
        Assert.That(sdkBody.Split('&'), Is.EquivalentTo(DocumentedExampleBody.Split('&')), "same encoded pairs as the documentation, in another order");
    }

    [Test]
    public async Task Connect_with_only_the_required_fields_sends_nothing_else()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, "From=09876543210&To=09123456789&CallerId=08047490924")
            .Respond("application/json", Fixtures.Read("call-connect.json"));

        await host.Client.Calls.ConnectAsync(new ConnectCallRequest("09876543210", "09123456789", "08047490924"));

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Connect_sends_explicit_false_and_minimum_values_instead_of_dropping_them()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, "From=09876543210&To=09123456789&CallerId=08047490924&TimeLimit=1&TimeOut=1&Record=false")
            .Respond("application/json", Fixtures.Read("call-connect.json"));

        await host.Client.Calls.ConnectAsync(new ConnectCallRequest("09876543210", "09123456789", "08047490924")
        {
            TimeLimit = 1,
            TimeOut = 1,
            Record = false,
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Connect_escapes_reserved_and_non_ascii_characters_in_the_custom_field()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(
                V1Json.ConnectPath,
                "From=09876543210&To=09123456789&CallerId=08047490924&CustomField=a%2Bb%26c%3Dd%2Fe%3Af+%5Bx%5D+%C3%BC")
            .Respond("application/json", Fixtures.Read("call-connect.json"));

        await host.Client.Calls.ConnectAsync(new ConnectCallRequest("09876543210", "09123456789", "08047490924")
        {
            CustomField = "a+b&c=d/e:f [x] ü",
        });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Connect_accepts_a_custom_field_of_exactly_128_characters()
    {
        var customField = new string('x', 128);
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, "From=09876543210&To=09123456789&CallerId=08047490924&CustomField=" + customField)
            .Respond("application/json", Fixtures.Read("call-connect.json"));

        await host.Client.Calls.ConnectAsync(new ConnectCallRequest("09876543210", "09123456789", "08047490924") { CustomField = customField });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task Connect_numbers_the_status_callback_events_in_the_order_they_were_added()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(
                V1Json.ConnectPath,
                "From=09876543210&To=09123456789&CallerId=08047490924&StatusCallback=https%3A%2F%2Fexample.test%2Fcb"
                + "&StatusCallbackEvents%5B0%5D=answered&StatusCallbackEvents%5B1%5D=terminal")
            .Respond("application/json", Fixtures.Read("call-connect.json"));

        var request = new ConnectCallRequest("09876543210", "09123456789", "08047490924") { StatusCallback = new Uri("https://example.test/cb") };
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Answered);
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Terminal);

        await host.Client.Calls.ConnectAsync(request);

        host.VerifyAllSatisfied();
    }

    [Test]
    public void Connect_answered_with_503_is_sent_exactly_once()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(V1Json.ConnectPath, "From=09876543210&To=09123456789&CallerId=08047490924")
            .Respond(HttpStatusCode.ServiceUnavailable, "text/plain", "Service Unavailable");

        var ex = Assert.ThrowsAsync<ExotelException>(() =>
            host.Client.Calls.ConnectAsync(new ConnectCallRequest("09876543210", "09123456789", "08047490924")))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex.Status, Is.EqualTo(503));
            Assert.That(ex.Operation, Is.EqualTo("POST /v1/Accounts/{account_sid}/Calls/connect.json"));
            Assert.That(host.SentCount, Is.EqualTo(1), "a connect request places a real call and must never be replayed");
        }

        host.VerifyAllSatisfied();
    }
}
