using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>A connect request that breaks one of Exotel's rules is refused before anything is sent.</summary>
public sealed class ConnectValidationTests
{
    private static ConnectCallRequest Valid() => new("09876543210", "09123456789", "08047490924");

    private static TestCaseData Case(string name, Func<ConnectCallRequest> create, Type exceptionType, string paramName, string rule) =>
        new TestCaseData(create, exceptionType, paramName, rule).SetArgDisplayNames(name);

    private static IEnumerable<TestCaseData> InvalidRequests()
    {
        yield return Case("From with letters", () => new ConnectCallRequest("98765abc10", "09123456789", "08047490924"), typeof(ArgumentException), "From", "E.164");
        yield return Case("From blank", () => new ConnectCallRequest(" ", "09123456789", "08047490924"), typeof(ArgumentException), "From", "must not be empty");
        yield return Case("From null", () => new ConnectCallRequest(null!, "09123456789", "08047490924"), typeof(ArgumentNullException), "From", "required");
        yield return Case("From E.164 with a leading zero", () => new ConnectCallRequest("+0919876543210", "09123456789", "08047490924"), typeof(ArgumentException), "From", "E.164");
        yield return Case("From too long", () => new ConnectCallRequest("+9198765432101234", "09123456789", "08047490924"), typeof(ArgumentException), "From", "6 to 15");
        yield return Case("To with spaces", () => new ConnectCallRequest("09876543210", "091234 56789", "08047490924"), typeof(ArgumentException), "To", "E.164");
        yield return Case("To null", () => new ConnectCallRequest("09876543210", null!, "08047490924"), typeof(ArgumentNullException), "To", "required");
        yield return Case("CallerId with a dash", () => new ConnectCallRequest("09876543210", "09123456789", "080-47490924"), typeof(ArgumentException), "CallerId", "E.164");
        yield return Case("TimeLimit 0", () => { var r = Valid(); r.TimeLimit = 0; return r; }, typeof(ArgumentOutOfRangeException), "TimeLimit", "between 1 and 14400");
        yield return Case("TimeLimit negative", () => { var r = Valid(); r.TimeLimit = -5; return r; }, typeof(ArgumentOutOfRangeException), "TimeLimit", "between 1 and 14400");
        yield return Case("TimeLimit 14401", () => { var r = Valid(); r.TimeLimit = 14401; return r; }, typeof(ArgumentOutOfRangeException), "TimeLimit", "between 1 and 14400");
        yield return Case("TimeOut 0", () => { var r = Valid(); r.TimeOut = 0; return r; }, typeof(ArgumentOutOfRangeException), "TimeOut", "between 1 and");
        yield return Case("CustomField 129 characters", () => { var r = Valid(); r.CustomField = new string('c', 129); return r; }, typeof(ArgumentException), "CustomField", "at most 128");
        yield return Case("StatusCallback relative", () => { var r = Valid(); r.StatusCallback = new Uri("/exotel/status", UriKind.Relative); return r; }, typeof(ArgumentException), "StatusCallback", "absolute http or https");
        yield return Case("StatusCallback ftp", () => { var r = Valid(); r.StatusCallback = new Uri("ftp://example.test/status"); return r; }, typeof(ArgumentException), "StatusCallback", "absolute http or https");
        yield return Case("StatusCallback with user-info", () => { var r = Valid(); r.StatusCallback = new Uri("https://user:pw@example.test/status"); return r; }, typeof(ArgumentException), "StatusCallback", "credentials");
        yield return Case("WaitUrl file", () => { var r = Valid(); r.WaitUrl = new Uri("file:///tmp/wait.wav"); return r; }, typeof(ArgumentException), "WaitUrl", "absolute http or https");
        yield return Case("empty CallType", () => { var r = Valid(); r.CallType = default(ExotelCallType); return r; }, typeof(ArgumentException), "CallType", "must not be empty");
        yield return Case("empty status callback event", () => { var r = Valid(); r.StatusCallback = new Uri("https://example.test/cb"); r.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Terminal); r.StatusCallbackEvents.Add(default); return r; }, typeof(ArgumentException), "StatusCallbackEvents", "must not be empty");
        yield return Case("callback events without a callback", () => { var r = Valid(); r.StatusCallbackEvents.Add(ExotelStatusCallbackEvent.Answered); return r; }, typeof(ArgumentException), "StatusCallbackEvents", "set StatusCallback too");
        yield return Case("callback content type without a callback", () => { var r = Valid(); r.StatusCallbackContentType = ExotelStatusCallbackContentType.Json; return r; }, typeof(ArgumentException), "StatusCallbackContentType", "set StatusCallback too");
    }

    [TestCaseSource(nameof(InvalidRequests))]
    public void Connect_rejects_an_invalid_request_before_sending(Func<ConnectCallRequest> create, Type exceptionType, string paramName, string rule)
    {
        using var host = new ExotelTestHost();

        var ex = Assert.ThrowsAsync(Is.TypeOf(exceptionType), () => host.Client.Calls.ConnectAsync(create()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(((ArgumentException)ex!).ParamName, Is.EqualTo(paramName));
            Assert.That(ex.Message, Does.Contain(paramName));
            Assert.That(ex.Message, Does.Contain(rule));
            Assert.That(host.SentCount, Is.Zero, "nothing may be sent for an invalid request");
            Assert.That(host.Unmatched, Is.Empty);
        }
    }

    [Test]
    public void Connect_rejects_a_null_request()
    {
        using var host = new ExotelTestHost();

        var ex = Assert.ThrowsAsync<ArgumentNullException>(() => host.Client.Calls.ConnectAsync(null!))!;

        Assert.That(ex.ParamName, Is.EqualTo("request"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void ConnectToFlow_rejects_a_null_request()
    {
        using var host = new ExotelTestHost();

        var ex = Assert.ThrowsAsync<ArgumentNullException>(() => host.Client.Calls.ConnectToFlowAsync(null!))!;

        Assert.That(ex.ParamName, Is.EqualTo("request"));
        Assert.That(host.SentCount, Is.Zero);
    }

    [Test]
    public void Connect_checks_every_option_before_sending_even_when_the_bad_one_comes_last()
    {
        // StatusCallbackEvents are written after every other field: a bad one must still stop the request.
        using var host = new ExotelTestHost();
        var request = Valid();
        request.Record = true;
        request.TimeLimit = 60;
        request.StatusCallback = new Uri("https://example.test/cb");
        request.StatusCallbackEvents.Add(new ExotelStatusCallbackEvent(" "));

        var ex = Assert.ThrowsAsync<ArgumentException>(() => host.Client.Calls.ConnectAsync(request))!;

        Assert.That(ex.ParamName, Is.EqualTo("StatusCallbackEvents"));
        Assert.That(host.SentCount, Is.Zero);
    }
}
