using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.PhoneNumbers;

/// <summary>A fallback destination follows one of Vapi's two schemas: a number, or a SIP URI, never a mix.</summary>
public class FallbackDestinationValidationTests
{
    private static readonly object[] Invalid =
    [
        new object[] { new VapiTransferDestination { Type = "sip", SipUri = "sip:desk@example.com", Number = "+14155550100" }, "request.FallbackDestination", "must not be set" },
        new object[] { new VapiTransferDestination { Type = "number", Number = "+14155550100", SipUri = "sip:desk@example.com" }, "request.FallbackDestination.SipUri", "must not be set" },
        new object[] { new VapiTransferDestination { Type = "number" }, "request.FallbackDestination.Number", "is required" },
        new object[] { new VapiTransferDestination { Type = "number", Number = "4155550100" }, "request.FallbackDestination.Number", "E.164" },
        new object[] { new VapiTransferDestination { Type = "sip", SipUri = "desk" }, "request.FallbackDestination.SipUri", "SIP URI" },
        new object[] { new VapiTransferDestination { Type = "queue" }, "request.FallbackDestination.Type", "\"number\" or \"sip\"" },
        new object[] { new VapiTransferDestination { Type = "number", Number = "+14155550100", CallerId = new string('c', 41) }, "request.FallbackDestination.CallerId", "at most 40" },
    ];

    [TestCaseSource(nameof(Invalid))]
    public void An_inconsistent_destination_is_refused_before_sending(VapiTransferDestination destination, string paramName, string rule)
    {
        using var host = new VapiTestHost();

        var ex = Assert.CatchAsync<ArgumentException>(() => host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest
        {
            CredentialId = TestAccount.CredentialId, FallbackDestination = destination,
        }))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.ParamName, Is.EqualTo(paramName));
            Assert.That(ex.Message, Does.Contain(rule));
            Assert.That(host.SentCount, Is.Zero);
        });
    }

    [Test]
    public void The_same_rule_applies_to_an_update()
    {
        using var host = new VapiTestHost();

        var ex = Assert.CatchAsync<ArgumentException>(() => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest
        {
            FallbackDestination = new VapiTransferDestination { Type = "sip", SipUri = "sip:desk@example.com", Extension = "12" },
        }))!;

        Assert.That(ex.ParamName, Is.EqualTo("request.FallbackDestination"));
        Assert.That(host.SentCount, Is.Zero);
    }
}
