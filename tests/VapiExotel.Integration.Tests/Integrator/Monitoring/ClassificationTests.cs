using Exotel.VSip;
using Vapi.Client;

namespace VapiExotel.Integration.Tests.Integrator.Monitoring;

/// <summary>The failure classification: which side, the code, the likely cause and its fix.</summary>
public sealed class ClassificationTests
{
    [TestCase("call.in-progress.error-providerfault-outbound-sip-403-forbidden", FailureSide.SipPath, LikelyCause.IpAllowlist)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-407-proxy-authentication-required", FailureSide.SipPath, LikelyCause.Credentials)]
    [TestCase("call.in-progress.error-providerfault-outbound-sip-503-service-unavailable", FailureSide.SipPath, LikelyCause.Capacity)]
    [TestCase("call.start.error-subscription-concurrency-limit-reached", FailureSide.Vapi, LikelyCause.Capacity)]
    [TestCase("call.start.error-get-customer", FailureSide.Vapi, LikelyCause.NumberFormat)]
    [TestCase("assistant-not-found", FailureSide.Vapi, LikelyCause.Assistant)]
    [TestCase("customer-busy", FailureSide.None, LikelyCause.Busy)]
    [TestCase("customer-did-not-answer", FailureSide.None, LikelyCause.NoAnswer)]
    [TestCase("customer-ended-call", FailureSide.None, LikelyCause.None)]
    public void Vapi_ended_reasons(string reason, FailureSide side, LikelyCause cause)
    {
        var classification = CallFailureClassification.FromEndedReason(new VapiEndedReason(reason));

        Assert.Multiple(() =>
        {
            Assert.That(classification.Side, Is.EqualTo(side));
            Assert.That(classification.LikelyCause, Is.EqualTo(cause));
            Assert.That(classification.Code, Is.EqualTo(reason));
            Assert.That(classification.Fix, Is.Not.Empty);
            Assert.That(classification.IsFailure, Is.EqualTo(side != FailureSide.None));
        });
    }

    [TestCase(17, LikelyCause.Busy)]
    [TestCase(19, LikelyCause.NoAnswer)]
    [TestCase(28, LikelyCause.NumberFormat)]
    [TestCase(34, LikelyCause.Capacity)]
    [TestCase(21, LikelyCause.Assistant)]
    [TestCase(16, LikelyCause.None)]
    [TestCase(99, LikelyCause.Unknown)]
    public void Q850_causes(int cause, LikelyCause expected) =>
        Assert.That(CallFailureClassification.FromCause(cause).LikelyCause, Is.EqualTo(expected));

    [TestCase(401, LikelyCause.Credentials)]
    [TestCase(403, LikelyCause.IpAllowlist)]
    [TestCase(484, LikelyCause.NumberFormat)]
    [TestCase(486, LikelyCause.Busy)]
    public void Sip_responses(int status, LikelyCause expected) =>
        Assert.That(CallFailureClassification.FromSipResponse(status).LikelyCause, Is.EqualTo(expected));

    [Test]
    public void Exotel_statuses_and_a_cause_that_makes_them_precise()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CallFailureClassification.FromExotelStatus(ExotelCallStatus.Completed).IsFailure, Is.False);
            Assert.That(CallFailureClassification.FromExotelStatus(ExotelCallStatus.NoAnswer).LikelyCause, Is.EqualTo(LikelyCause.NoAnswer));
            Assert.That(CallFailureClassification.FromExotelStatus(ExotelCallStatus.Failed).Side, Is.EqualTo(FailureSide.Exotel));
            Assert.That(CallFailureClassification.FromExotelStatus(ExotelCallStatus.Failed, cause: 34).LikelyCause, Is.EqualTo(LikelyCause.Capacity));
        });
    }

    [Test]
    public void Combining_prefers_a_precise_failure_then_any_failure_then_busy()
    {
        var exotelFailed = CallFailureClassification.FromExotelStatus(ExotelCallStatus.Failed);
        var exotelDone = CallFailureClassification.FromExotelStatus(ExotelCallStatus.Completed);
        var vapiForbidden = CallFailureClassification.FromEndedReason(VapiEndedReason.OutboundSip403Forbidden);
        var vapiBusy = CallFailureClassification.FromEndedReason(VapiEndedReason.CustomerBusy);

        Assert.Multiple(() =>
        {
            Assert.That(CallFailureClassification.Combine(exotelFailed, vapiForbidden), Is.SameAs(vapiForbidden));
            Assert.That(CallFailureClassification.Combine(exotelFailed, vapiBusy), Is.SameAs(exotelFailed));
            Assert.That(CallFailureClassification.Combine(exotelDone, vapiBusy), Is.SameAs(vapiBusy));
            Assert.That(CallFailureClassification.Combine(null, vapiBusy), Is.SameAs(vapiBusy));
            Assert.That(() => CallFailureClassification.Combine(null, null), Throws.ArgumentException);
        });
    }
}
