namespace Vapi.Client.Tests.Values;

/// <summary>The classification helpers of <see cref="VapiEndedReason"/>, which work on unknown reasons too.</summary>
public class VapiEndedReasonTests
{
    // reason, IsSipFailure, IsProviderFault, IsVapiFault, IsStartError, IsPipelineError, IsError
    [TestCase("call.in-progress.error-sip-inbound-call-failed-to-connect", true, false, false, false, false, true)]
    [TestCase("call.in-progress.error-sip-outbound-call-failed-to-connect", true, false, false, false, false, true)]
    [TestCase("call.ringing.error-sip-inbound-call-failed-to-connect", true, false, false, false, false, true)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-403-forbidden", true, true, false, false, false, true)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-407-proxy-authentication-required", true, true, false, false, false, true)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-408-request-timeout", true, true, false, false, false, true)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable", true, true, false, false, false, true)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-503-service-unavailable", true, true, false, false, false, true)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-486-busy-here", true, true, false, false, false, true)]
    [TestCase("call.in-progress.error-providerfault-transport-never-connected", true, true, false, false, false, true)]
    [TestCase("call.in-progress.error-vapifault-transport-never-connected", true, false, true, false, false, true)]
    [TestCase("call.in-progress.error-vapifault-transport-connected-but-call-not-active", false, false, true, false, false, true)]
    [TestCase("call.in-progress.error-vapifault-call-started-but-connection-to-transport-missing", false, false, true, false, false, true)]
    [TestCase("call.start.error-get-transport", true, false, false, true, false, true)]
    [TestCase("call.start.error-get-phone-number", false, false, false, true, false, true)]
    [TestCase("call.start.error-get-customer", false, false, false, true, false, true)]
    [TestCase("call.start.error-vapi-number-international", false, false, false, true, false, true)]
    [TestCase("call.start.error-subscription-concurrency-limit-reached", false, false, false, true, false, true)]
    [TestCase("call.start.error-subscription-insufficient-credits", false, false, false, true, false, true)]
    [TestCase("call.start.error-fraud-check-failed", false, false, false, true, false, true)]
    [TestCase("call-start-error-neither-assistant-nor-server-set", false, false, false, true, false, true)]
    [TestCase("pipeline-error-openai-llm-failed", false, false, false, false, true, true)]
    [TestCase("pipeline-error-eleven-labs-voice-not-found", false, false, false, false, true, true)]
    [TestCase("call.in-progress.sip-completed-call", false, false, false, false, false, false)]
    [TestCase("call.ringing.sip-inbound-caller-hungup-before-call-connect", false, false, false, false, false, false)]
    [TestCase("customer-ended-call", false, false, false, false, false, false)]
    [TestCase("customer-busy", false, false, false, false, false, false)]
    [TestCase("customer-did-not-answer", false, false, false, false, false, false)]
    [TestCase("assistant-ended-call", false, false, false, false, false, false)]
    [TestCase("assistant-said-end-call-phrase", false, false, false, false, false, false)]
    [TestCase("assistant-ended-call-with-hangup-task", false, false, false, false, false, false)]
    [TestCase("assistant-forwarded-call", false, false, false, false, false, false)]
    [TestCase("silence-timed-out", false, false, false, false, false, false)]
    [TestCase("exceeded-max-duration", false, false, false, false, false, false)]
    [TestCase("manually-canceled", false, false, false, false, false, false)]
    [TestCase("voicemail", false, false, false, false, false, false)]
    [TestCase("call-deleted", false, false, false, false, false, false)]
    [TestCase("assistant-request-failed", false, false, false, false, false, true)]
    [TestCase("assistant-not-found", false, false, false, false, false, true)]
    [TestCase("assistant-not-valid", false, false, false, false, false, true)]
    [TestCase("worker-shutdown", false, false, false, false, false, true)]
    [TestCase("twilio-failed-to-connect-call", false, false, false, false, false, true)]
    [TestCase("vonage-failed-to-connect-call", false, false, false, false, false, true)]
    [TestCase("", false, false, false, false, false, false)]
    public void A_reason_is_classified_by_its_prefixes_and_markers(string reason, bool sipFailure, bool providerFault, bool vapiFault, bool startError, bool pipelineError, bool error)
    {
        var value = new VapiEndedReason(reason);

        Assert.Multiple(() =>
        {
            Assert.That(value.IsSipFailure, Is.EqualTo(sipFailure), nameof(VapiEndedReason.IsSipFailure));
            Assert.That(value.IsProviderFault, Is.EqualTo(providerFault), nameof(VapiEndedReason.IsProviderFault));
            Assert.That(value.IsVapiFault, Is.EqualTo(vapiFault), nameof(VapiEndedReason.IsVapiFault));
            Assert.That(value.IsStartError, Is.EqualTo(startError), nameof(VapiEndedReason.IsStartError));
            Assert.That(value.IsPipelineError, Is.EqualTo(pipelineError), nameof(VapiEndedReason.IsPipelineError));
            Assert.That(value.IsError, Is.EqualTo(error), nameof(VapiEndedReason.IsError));
        });
    }

    [TestCase("call.in-progress.error-providerfault-outbound-sip-403-forbidden", 403)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-407-proxy-authentication-required", 407)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-408-request-timeout", 408)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable", 480)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-503-service-unavailable", 503)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-486-busy-here", 486, TestName = "An unknown future SIP reason yields its code")]
    [TestCase("call.in-progress.error-providerfault-inbound-sip-603", 603, TestName = "A code at the end of the reason")]
    [TestCase("call.in-progress.error-sip-outbound-sip-502-bad-gateway", 502, TestName = "The code after a later marker")]
    [TestCase("call.in-progress.error-sip-outbound-call-failed-to-connect", null, TestName = "The generic outbound failure names no code")]
    [TestCase("call.in-progress.error-sip-inbound-call-failed-to-connect", null)]
    [TestCase("call.ringing.error-sip-inbound-call-failed-to-connect", null)]
    [TestCase("call.in-progress.sip-completed-call", null)]
    [TestCase("call.in-progress.error-providerfault-transport-never-connected", null)]
    [TestCase("customer-ended-call", null)]
    [TestCase("customer-busy", null)]
    [TestCase("pipeline-error-openai-llm-failed", null)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-4030-x", null, TestName = "Four digits are not a SIP code")]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-40-x", null, TestName = "Two digits are not a SIP code")]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-40x-x", null, TestName = "A letter among the digits")]
    [TestCase("", null)]
    public void SipStatusCode_is_the_code_named_in_the_reason(string reason, int? code)
    {
        Assert.That(new VapiEndedReason(reason).SipStatusCode, Is.EqualTo(code));
    }

    [Test]
    public void The_SIP_constants_name_their_codes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VapiEndedReason.OutboundSip403Forbidden.SipStatusCode, Is.EqualTo(403));
            Assert.That(VapiEndedReason.OutboundSip407ProxyAuthenticationRequired.SipStatusCode, Is.EqualTo(407));
            Assert.That(VapiEndedReason.OutboundSip408RequestTimeout.SipStatusCode, Is.EqualTo(408));
            Assert.That(VapiEndedReason.OutboundSip480TemporarilyUnavailable.SipStatusCode, Is.EqualTo(480));
            Assert.That(VapiEndedReason.OutboundSip503ServiceUnavailable.SipStatusCode, Is.EqualTo(503));
            Assert.That(VapiEndedReason.SipOutboundCallFailedToConnect.SipStatusCode, Is.Null);
            Assert.That(VapiEndedReason.CustomerEndedCall.SipStatusCode, Is.Null);
        });
    }

    [Test]
    public void The_normal_SIP_endings_are_not_SIP_failures()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VapiEndedReason.SipCompletedCall.IsSipFailure, Is.False);
            Assert.That(VapiEndedReason.SipInboundCallerHungUpBeforeConnect.IsSipFailure, Is.False);
            Assert.That(VapiEndedReason.CustomerEndedCall.IsSipFailure, Is.False);
            Assert.That(VapiEndedReason.StartErrorGetTransport.IsSipFailure, Is.True);
            Assert.That(VapiEndedReason.ProviderFaultTransportNeverConnected.IsSipFailure, Is.True);
            Assert.That(VapiEndedReason.VapiFaultTransportNeverConnected.IsSipFailure, Is.True);
        });
    }

    [Test]
    public void Every_SIP_named_constant_except_the_normal_endings_is_a_SIP_failure()
    {
        var sipConstants = typeof(VapiEndedReason).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(VapiEndedReason))
            .Select(p => (VapiEndedReason)p.GetValue(null)!)
            .Where(r => r.Value.Contains("sip", StringComparison.Ordinal))
            .ToList();

        Assert.That(sipConstants, Has.Count.GreaterThanOrEqualTo(10));
        foreach (var reason in sipConstants)
        {
            var normal = reason == VapiEndedReason.SipCompletedCall || reason == VapiEndedReason.SipInboundCallerHungUpBeforeConnect;
            Assert.That(reason.IsSipFailure, Is.EqualTo(!normal), reason.Value);
        }
    }

    [Test]
    public void Every_provider_or_Vapi_fault_and_every_start_error_is_an_error()
    {
        var reasons = typeof(VapiEndedReason).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(VapiEndedReason))
            .Select(p => (VapiEndedReason)p.GetValue(null)!)
            .Where(r => r.IsProviderFault || r.IsVapiFault || r.IsStartError || r.IsPipelineError || r.IsSipFailure)
            .ToList();

        Assert.That(reasons, Is.Not.Empty);
        Assert.That(reasons.Where(r => !r.IsError).Select(r => r.Value), Is.Empty);
    }

    [Test]
    public void A_fault_is_blamed_on_exactly_one_side()
    {
        Assert.Multiple(() =>
        {
            Assert.That(VapiEndedReason.ProviderFaultTransportNeverConnected.IsProviderFault, Is.True);
            Assert.That(VapiEndedReason.ProviderFaultTransportNeverConnected.IsVapiFault, Is.False);
            Assert.That(VapiEndedReason.VapiFaultTransportNeverConnected.IsVapiFault, Is.True);
            Assert.That(VapiEndedReason.VapiFaultTransportNeverConnected.IsProviderFault, Is.False);
        });
    }

    [Test]
    public void The_default_reason_is_nothing()
    {
        var none = default(VapiEndedReason);

        Assert.Multiple(() =>
        {
            Assert.That(none.Value, Is.Empty);
            Assert.That(none.IsError, Is.False);
            Assert.That(none.IsSipFailure, Is.False);
            Assert.That(none.SipStatusCode, Is.Null);
        });
    }
}
