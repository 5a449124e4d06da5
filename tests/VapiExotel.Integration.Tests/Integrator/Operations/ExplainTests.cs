namespace VapiExotel.Integration.Tests.Integrator.Operations;

/// <summary>Explain: Q.850 cause codes, SIP responses and Vapi ended reasons, in plain words, each with a fix.</summary>
public sealed class ExplainTests
{
    [TestCase("16", "NORMAL_CLEARING", FailureSide.None)]
    [TestCase("17", "USER_BUSY", FailureSide.None)]
    [TestCase("18", "NO_USER_RESPONSE", FailureSide.SipPath)]
    [TestCase("19", "NO_ANSWER", FailureSide.None)]
    [TestCase("21", "CALL_REJECTED", FailureSide.Vapi)]
    [TestCase("27", "DESTINATION_OUT_OF_ORDER", FailureSide.SipPath)]
    [TestCase("31", "NORMAL_UNSPECIFIED", FailureSide.None)]
    [TestCase("34", "NO_CIRCUIT_AVAILABLE", FailureSide.Exotel)]
    [TestCase("38", "NETWORK_OUT_OF_ORDER", FailureSide.Carrier)]
    [TestCase("41", "NORMAL_TEMPORARY_FAILURE", FailureSide.SipPath)]
    [TestCase("47", "RESOURCE_UNAVAILABLE", FailureSide.Exotel)]
    [TestCase("127", "INTERWORKING", FailureSide.SipPath)]
    public void Each_cause_code_Exotel_reports_has_a_name_a_meaning_and_a_fix(string code, string name, FailureSide side)
    {
        var explained = CallDiagnostics.Explain(code);

        Assert.Multiple(() =>
        {
            Assert.That(explained.Code, Is.EqualTo(code));
            Assert.That(explained.Name, Is.EqualTo(name));
            Assert.That(explained.Meaning, Is.Not.Empty);
            Assert.That(explained.Fix, Is.Not.Empty);
            Assert.That(explained.Side, Is.EqualTo(side));
            Assert.That(explained.IsFailure, Is.EqualTo(side != FailureSide.None));
            Assert.That(explained.ToString(), Does.Contain(name).And.Contain(explained.Fix));
        });
    }

    [Test]
    public void Cause_41_points_at_the_trunk_and_the_multiple_route_pitfall()
    {
        var explained = CallDiagnostics.Explain("41");

        Assert.That(explained.Fix, Does.Contain("whitelist").And.Contain("several trunks"));
    }

    [TestCase("SIP 403")]
    [TestCase("sip:403")]
    [TestCase("403")]
    [TestCase(" 403 ")]
    public void A_sip_403_is_forbidden_whichever_way_it_is_typed(string text)
    {
        var explained = CallDiagnostics.Explain(text);

        Assert.Multiple(() =>
        {
            Assert.That(explained.Name, Is.EqualTo("Forbidden"));
            Assert.That(explained.Code, Is.EqualTo("SIP 403"));
            Assert.That(explained.Side, Is.EqualTo(FailureSide.SipPath));
            Assert.That(explained.Fix, Does.Contain("whitelist"));
        });
    }

    [Test]
    public void An_unknown_cause_code_says_so()
    {
        var explained = CallDiagnostics.Explain("99");

        Assert.Multiple(() =>
        {
            Assert.That(explained.Name, Is.EqualTo("UNKNOWN"));
            Assert.That(explained.Side, Is.EqualTo(FailureSide.Unknown));
            Assert.That(explained.Fix, Is.Not.Empty);
        });
    }

    [Test]
    public void A_vapi_sip_403_provider_fault_is_explained_as_the_sip_403_on_the_path()
    {
        const string Reason = "call.in-progress.error-providerfault-outbound-sip-403-forbidden";

        var explained = CallDiagnostics.Explain(Reason);

        Assert.Multiple(() =>
        {
            Assert.That(explained.Code, Is.EqualTo(Reason));
            Assert.That(explained.Side, Is.EqualTo(FailureSide.SipPath));
            Assert.That(explained.IsFailure, Is.True);
            Assert.That(explained.Meaning, Does.Contain("403").And.Contain("Forbidden"));
            Assert.That(explained.Fix, Does.Contain("whitelist"));
        });
    }

    [Test]
    public void A_vapi_outbound_sip_failure_to_connect_points_at_the_gateway()
    {
        var explained = CallDiagnostics.Explain("call.in-progress.error-sip-outbound-call-failed-to-connect");

        Assert.Multiple(() =>
        {
            Assert.That(explained.Side, Is.EqualTo(FailureSide.SipPath));
            Assert.That(explained.IsFailure, Is.True);
            Assert.That(explained.Fix, Does.Contain("gateway").And.Contain("5070"));
        });
    }

    [TestCase("customer-busy")]
    [TestCase("customer-did-not-answer")]
    [TestCase("customer-ended-call")]
    [TestCase("assistant-ended-call")]
    public void Normal_vapi_ends_are_not_failures(string reason)
    {
        var explained = CallDiagnostics.Explain(reason);

        Assert.Multiple(() =>
        {
            Assert.That(explained.Side, Is.EqualTo(FailureSide.None));
            Assert.That(explained.IsFailure, Is.False);
            Assert.That(explained.Fix, Is.Not.Empty);
        });
    }

    [Test]
    public void An_unknown_vapi_reason_is_unknown_not_a_guess()
    {
        var explained = CallDiagnostics.Explain("some-reason-vapi-adds-next-year");

        Assert.Multiple(() =>
        {
            Assert.That(explained.Side, Is.EqualTo(FailureSide.Unknown));
            Assert.That(explained.Code, Is.EqualTo("some-reason-vapi-adds-next-year"));
            Assert.That(explained.Fix, Is.Not.Empty);
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_code_is_refused(string text) =>
        Assert.That(() => CallDiagnostics.Explain(text), Throws.InstanceOf<ArgumentException>());
}
