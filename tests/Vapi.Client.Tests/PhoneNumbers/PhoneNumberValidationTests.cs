using Vapi.Client.Tests.Support;
using static Vapi.Client.Tests.Support.Refusal;

namespace Vapi.Client.Tests.PhoneNumbers;

/// <summary>Documented rules are checked before anything is sent; the exception names the field and the rule.</summary>
public class PhoneNumberValidationTests
{
    private const string SipUri = "sip:front-desk@sip.vapi.ai";

    private static CreateByoPhoneNumberRequest Byo(string? number, bool? e164Check = null) =>
        new() { Number = number, NumberE164CheckEnabled = e164Check, CredentialId = TestAccount.CredentialId };

    [Test]
    public void A_byo_number_without_a_credential_is_refused()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentNullException>(host, () => host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest { Number = "+918047000003" }),
            "request.CredentialId", "is required");
    }

    [TestCase("")]
    [TestCase("a/b")]
    public void A_byo_number_with_an_invalid_credential_id_is_refused(string credentialId)
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host,
            () => host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest { Number = "+918047000003", CredentialId = credentialId }),
            "request.CredentialId");
    }

    [TestCase("12", 2)]
    [TestCase("+1234567890123456789012345678901234567890", 41)]
    public void A_number_outside_3_to_40_characters_is_refused(string number, int length)
    {
        using var host = new VapiTestHost();

        Assert.That(number, Has.Length.EqualTo(length));
        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(Byo(number)), "request.Number", "3 to 40 characters", $"got {length}");
        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(Byo(number, e164Check: false)), "request.Number", "3 to 40 characters");
    }

    [TestCase("9876543210")]
    [TestCase("+0123")]
    [TestCase("+91 80470 00003")]
    [TestCase("+1234567890123456")]
    public void A_non_e164_number_is_refused_while_the_check_is_on(string number)
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(Byo(number)), "request.Number", "E.164");
        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(Byo(number, e164Check: true)), "request.Number", "E.164");
    }

    [TestCase("12-34")]
    [TestCase("+91 80470")]
    [TestCase("++123")]
    [TestCase("sip:123")]
    public void A_number_with_other_characters_is_refused_while_the_check_is_off(string number)
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(Byo(number, e164Check: false)), "request.Number",
            "only letters and digits");
    }

    [Test]
    public void A_number_without_text_is_refused()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(Byo("   ")), "request.Number", "must not be empty");
    }

    [Test]
    public void A_name_of_41_characters_is_refused()
    {
        using var host = new VapiTestHost();
        var request = Byo("+918047000003");
        request.Name = new string('n', 41);

        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(request), "request.Name", "at most 40 characters");
    }

    [Test]
    public void An_assistant_and_a_squad_together_are_refused()
    {
        using var host = new VapiTestHost();
        var request = Byo("+918047000003");
        request.AssistantId = TestAccount.AssistantId;
        request.SquadId = "squad-1";

        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(request), "request.SquadId", "at most one of", "request.AssistantId");
    }

    [Test]
    public void A_squad_and_a_workflow_together_are_refused_on_a_vapi_number()
    {
        using var host = new VapiTestHost();
        var request = new CreateVapiSipPhoneNumberRequest { SipUri = SipUri, SquadId = "squad-1", WorkflowId = "wf-1" };

        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(request), "request.WorkflowId", "at most one of", "request.SquadId");
    }

    [TestCase(0.0)]
    [TestCase(0.5)]
    [TestCase(301.0)]
    [TestCase(-20.0)]
    public void A_server_timeout_outside_1_to_300_is_refused(double seconds)
    {
        using var host = new VapiTestHost();
        var request = Byo("+918047000003");
        request.Server = new VapiServer { Url = "https://hooks.example.com/vapi", TimeoutSeconds = seconds };

        var ex = Refused<ArgumentOutOfRangeException>(host, () => host.Client.PhoneNumbers.CreateAsync(request), "request.Server.TimeoutSeconds", "between 1 and 300");
        Assert.That(ex.ActualValue, Is.EqualTo(seconds));
    }

    /// <summary>NaN compares false with both bounds, so a range check written as "below 1 or above 300" lets it through.</summary>
    [Test]
    public void A_server_timeout_that_is_not_a_number_is_refused_naming_the_field()
    {
        using var host = new VapiTestHost();
        var request = Byo("+918047000003");
        request.Server = new VapiServer { Url = "https://hooks.example.com/vapi", TimeoutSeconds = double.NaN };

        Refused<ArgumentOutOfRangeException>(host, () => host.Client.PhoneNumbers.CreateAsync(request), "request.Server.TimeoutSeconds", "between 1 and 300");
    }

    [TestCase("hooks.example.com/vapi")]
    [TestCase("ftp://hooks.example.com/vapi")]
    public void A_server_url_that_is_not_absolute_http_is_refused(string url)
    {
        using var host = new VapiTestHost();
        var request = new CreateVapiSipPhoneNumberRequest { SipUri = SipUri, Server = new VapiServer { Url = url } };

        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(request), "request.Server.Url", "absolute http or https URL");
    }

    [TestCase("not-a-uri")]
    [TestCase("front-desk@sip.vapi.ai")]
    [TestCase("sip:front-desk")]
    [TestCase("sip:front desk@sip.vapi.ai")]
    public void A_sip_uri_that_is_not_one_is_refused(string uri)
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest { SipUri = uri }),
            "request.SipUri", "must be a SIP URI");
    }

    [TestCase(19)]
    [TestCase(41)]
    public void A_sip_user_name_outside_20_to_40_characters_is_refused(int length)
    {
        using var host = new VapiTestHost();
        var request = new CreateVapiSipPhoneNumberRequest
        {
            SipUri = SipUri,
            Authentication = new VapiSipAuthentication { Username = new string('u', length), Password = "front-desk-password-0001" },
        };

        Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(request), "request.Authentication.Username", "20 to 40 characters", $"got {length}");
    }

    [TestCase(19)]
    [TestCase(41)]
    public void A_sip_password_outside_20_to_40_characters_is_refused_without_showing_it(int length)
    {
        using var host = new VapiTestHost();
        var password = string.Concat(Enumerable.Repeat("Zq9", 14))[..length];
        var request = new CreateVapiSipPhoneNumberRequest
        {
            SipUri = SipUri,
            Authentication = new VapiSipAuthentication { Username = "front-desk-user-000001", Password = password },
        };

        var ex = Refused<ArgumentException>(host, () => host.Client.PhoneNumbers.CreateAsync(request), "request.Authentication.Password",
            "20 to 40 characters", $"got {length}");
        Assert.That(ex.ToString(), Does.Not.Contain(password));
    }

    [Test]
    public void Sip_authentication_without_a_password_is_refused()
    {
        using var host = new VapiTestHost();
        var request = new CreateVapiSipPhoneNumberRequest
        {
            SipUri = SipUri,
            Authentication = new VapiSipAuthentication { Username = "front-desk-user-000001" },
        };

        Refused<ArgumentNullException>(host, () => host.Client.PhoneNumbers.CreateAsync(request), "request.Authentication.Password", "is required");
    }

    [Test]
    public void A_byo_update_with_a_short_number_is_refused()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host,
            () => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest { Number = "12" }),
            "request.Number", "3 to 40 characters");
    }

    [Test]
    public void A_byo_update_with_a_non_e164_number_is_refused_when_the_update_turns_the_check_on()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host,
            () => host.Client.PhoneNumbers.UpdateAsync(
                TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest { Number = "9876543210", NumberE164CheckEnabled = true }),
            "request.Number", "E.164");
    }

    [Test]
    public async Task A_byo_update_of_the_number_alone_is_checked_loosely_because_the_stored_flag_is_unknown()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, "phone-number/" + TestAccount.PhoneNumberId, """{"number":"9876543210"}""")
            .Respond("application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest { Number = "9876543210" });

        host.VerifyAllSatisfied();
        var ex = Assert.ThrowsAsync<ArgumentException>(
            () => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest { Number = "98-76" }))!;
        Assert.That(ex.ParamName, Is.EqualTo("request.Number"));
        Assert.That(ex.Message, Does.Contain("letters and digits"));
        Assert.That(host.SentCount, Is.EqualTo(1), "only the valid update was sent");
    }

    [Test]
    public void A_byo_update_with_an_invalid_credential_is_refused()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host,
            () => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest { CredentialId = "a/b" }),
            "request.CredentialId", "'/'");
    }

    [Test]
    public void A_byo_update_setting_an_assistant_and_a_squad_is_refused()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host,
            () => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId,
                new UpdateByoPhoneNumberRequest { AssistantId = TestAccount.AssistantId, SquadId = "squad-1" }),
            "request.SquadId", "at most one of");
    }

    [Test]
    public void A_byo_update_with_a_server_timeout_of_301_is_refused()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentOutOfRangeException>(host,
            () => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId,
                new UpdateByoPhoneNumberRequest { Server = new VapiServer { Url = "https://hooks.example.com/vapi", TimeoutSeconds = 301 } }),
            "request.Server.TimeoutSeconds", "between 1 and 300");
    }

    [Test]
    public void A_vapi_sip_update_with_an_invalid_uri_is_refused()
    {
        using var host = new VapiTestHost();

        Refused<ArgumentException>(host,
            () => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateVapiSipPhoneNumberRequest { SipUri = "not-a-uri" }),
            "request.SipUri", "must be a SIP URI");
    }

    [Test]
    public void A_vapi_sip_update_with_a_short_password_is_refused_without_showing_it()
    {
        using var host = new VapiTestHost();
        const string password = "short-password-1234";

        var ex = Refused<ArgumentException>(host,
            () => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateVapiSipPhoneNumberRequest
            {
                Authentication = new VapiSipAuthentication { Username = "front-desk-user-000001", Password = password },
            }),
            "request.Authentication.Password", "20 to 40 characters", "got 19");
        Assert.That(ex.ToString(), Does.Not.Contain(password));
    }

    [Test]
    public void A_null_request_is_refused()
    {
        using var host = new VapiTestHost();
        var numbers = host.Client.PhoneNumbers;

        Refused<ArgumentNullException>(host, () => numbers.CreateAsync((CreateByoPhoneNumberRequest)null!), "request", "is required");
        Refused<ArgumentNullException>(host, () => numbers.CreateAsync((CreateVapiSipPhoneNumberRequest)null!), "request", "is required");
        Refused<ArgumentNullException>(host, () => numbers.UpdateAsync(TestAccount.PhoneNumberId, (UpdateByoPhoneNumberRequest)null!), "request", "is required");
        Refused<ArgumentNullException>(host, () => numbers.UpdateAsync(TestAccount.PhoneNumberId, (UpdateVapiSipPhoneNumberRequest)null!), "request", "is required");
    }
}
