using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>Connecting a number to a flow: the same endpoint, with <c>Url</c> instead of <c>To</c>.</summary>
public sealed class ConnectToFlowTests
{
    private const string FlowCallResponse =
        """{"Call":{"Sid":"f1a2b3c4d5e6f708","ParentCallSid":null,"DateCreated":"2024-02-01 09:00:05","DateUpdated":"2024-02-01 09:00:05","AccountSid":"acme1","To":null,"From":"09876543210","PhoneNumberSid":"08047490924","Status":"queued","StartTime":null,"EndTime":null,"Duration":null,"Price":null,"Direction":"outbound-api","AnsweredBy":null,"ForwardedFrom":null,"CallerName":null,"Uri":"/v1/Accounts/acme1/Calls.json/f1a2b3c4d5e6f708","RecordingUrl":null}}""";

    [Test]
    public async Task ConnectToFlow_by_flow_id_sends_the_accounts_flow_url_and_no_To()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(
                V1Json.ConnectPath,
                "From=%2B919876543210&CallerId=08047490924"
                + "&Url=http%3A%2F%2Fmy.exotel.com%2Facme1%2Fexoml%2Fstart_voice%2F12345"
                + "&CallType=trans&TimeLimit=600&CustomField=lead-77"
                + "&StatusCallback=https%3A%2F%2Fexample.test%2Fexotel%2Fstatus&StatusCallbackEvents%5B0%5D=terminal")
            .Respond("application/json", FlowCallResponse);

        var request = new ConnectToFlowRequest("+919876543210", "08047490924", "12345")
        {
            CallType = ExotelCallType.Transactional,
            TimeLimit = 600,
            CustomField = "lead-77",
            StatusCallback = new Uri("https://example.test/exotel/status"),
        };
        request.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Terminal);

        var call = await host.Client.Calls.ConnectToFlowAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Sid, Is.EqualTo("f1a2b3c4d5e6f708"));
            Assert.That(call.To, Is.Null, "a call connected to a flow has no To");
            Assert.That(call.From, Is.EqualTo("09876543210"));
            Assert.That(call.Status, Is.EqualTo(ExotelCallStatus.Queued));
            Assert.That(call.Status!.Value.IsTerminal, Is.False);
        }

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task ConnectToFlow_by_full_url_sends_that_url()
    {
        using var host = new ExotelTestHost();
        host.ExpectForm(
                V1Json.ConnectPath,
                "From=09876543210&CallerId=08047490924&Url=https%3A%2F%2Fmy.in.exotel.com%2Facme1%2Fexoml%2Fstart_voice%2F987654&Record=false")
            .Respond("application/json", FlowCallResponse);

        await host.Client.Calls.ConnectToFlowAsync(
            new ConnectToFlowRequest("09876543210", "08047490924", new Uri("https://my.in.exotel.com/acme1/exoml/start_voice/987654")) { Record = false });

        host.VerifyAllSatisfied();
    }

    [Test]
    public async Task ConnectToFlow_uses_the_configured_account_sid_in_the_flow_url()
    {
        using var host = new ExotelTestHost(o => o.AccountSid = "other_acct-2");
        host.Mock.Expect(HttpMethod.Post, TestAccount.BaseUrl + "/v1/Accounts/other_acct-2/Calls/connect.json")
            .With(r => r.Content!.ReadAsStringAsync().GetAwaiter().GetResult()
                       == "From=09876543210&CallerId=08047490924&Url=http%3A%2F%2Fmy.exotel.com%2Fother_acct-2%2Fexoml%2Fstart_voice%2F42")
            .Respond("application/json", FlowCallResponse);

        await host.Client.Calls.ConnectToFlowAsync(new ConnectToFlowRequest("09876543210", "08047490924", "42"));

        host.VerifyAllSatisfied();
    }

    private static IEnumerable<TestCaseData> InvalidFlows()
    {
        yield return new TestCaseData(new Func<ConnectToFlowRequest>(() => new ConnectToFlowRequest("09876543210", "08047490924", "12/../34")), typeof(ArgumentException), "FlowId", "'/'")
            .SetArgDisplayNames("flow id with a slash");
        yield return new TestCaseData(new Func<ConnectToFlowRequest>(() => new ConnectToFlowRequest("09876543210", "08047490924", "12 34")), typeof(ArgumentException), "FlowId", "white space")
            .SetArgDisplayNames("flow id with a space");
        yield return new TestCaseData(new Func<ConnectToFlowRequest>(() => new ConnectToFlowRequest("09876543210", "08047490924", " ")), typeof(ArgumentException), "FlowId", "empty")
            .SetArgDisplayNames("blank flow id");
        yield return new TestCaseData(new Func<ConnectToFlowRequest>(() => new ConnectToFlowRequest("09876543210", "08047490924", (string)null!)), typeof(ArgumentNullException), "FlowId", "required")
            .SetArgDisplayNames("null flow id");
        yield return new TestCaseData(new Func<ConnectToFlowRequest>(() => new ConnectToFlowRequest("09876543210", "08047490924", new Uri("/exoml/start_voice/1", UriKind.Relative))), typeof(ArgumentException), "FlowUrl", "absolute http or https")
            .SetArgDisplayNames("relative flow url");
        yield return new TestCaseData(new Func<ConnectToFlowRequest>(() => new ConnectToFlowRequest("09876543210", "08047490924", new Uri("ftp://my.exotel.com/acme1/exoml/start_voice/1"))), typeof(ArgumentException), "FlowUrl", "absolute http or https")
            .SetArgDisplayNames("ftp flow url");
        yield return new TestCaseData(new Func<ConnectToFlowRequest>(() => new ConnectToFlowRequest("09876543210", "08047490924", new Uri("https://user:secret@my.exotel.com/acme1/exoml/start_voice/1"))), typeof(ArgumentException), "FlowUrl", "credentials")
            .SetArgDisplayNames("flow url with user-info");
        yield return new TestCaseData(new Func<ConnectToFlowRequest>(() => new ConnectToFlowRequest("not-a-number", "08047490924", "12345")), typeof(ArgumentException), "From", "E.164")
            .SetArgDisplayNames("bad From");
    }

    [TestCaseSource(nameof(InvalidFlows))]
    public void ConnectToFlow_rejects_an_invalid_request_before_sending(Func<ConnectToFlowRequest> create, Type exceptionType, string paramName, string rule)
    {
        using var host = new ExotelTestHost();

        var ex = Assert.ThrowsAsync(Is.TypeOf(exceptionType), () => host.Client.Calls.ConnectToFlowAsync(create()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(((ArgumentException)ex!).ParamName, Is.EqualTo(paramName));
            Assert.That(ex.Message, Does.Contain(rule));
            Assert.That(host.SentCount, Is.Zero);
            Assert.That(host.Unmatched, Is.Empty);
        }
    }
}
