using System.Net;
using System.Text.Json;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.PhoneNumbers;

/// <summary><c>GET /phone-number/{id}</c> and <c>DELETE /phone-number/{id}</c>.</summary>
public class PhoneNumberReadTests
{
    private const string Path = "phone-number/" + TestAccount.PhoneNumberId;

    [Test]
    public async Task Get_reads_a_byo_number_as_ByoPhoneNumber()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, Path).Respond("application/json", Fixtures.Read("pn-byo-routed.json"));

        var number = await host.Client.PhoneNumbers.GetAsync(TestAccount.PhoneNumberId);

        host.VerifyAllSatisfied();
        Assert.That(number, Is.TypeOf<ByoPhoneNumber>());
        var byo = (ByoPhoneNumber)number;
        Assert.Multiple(() =>
        {
            Assert.That(byo.Id, Is.EqualTo(TestAccount.PhoneNumberId));
            Assert.That(byo.OrgId, Is.EqualTo("489ea344-c56f-4243-8723-b28362cd5a5c"));
            Assert.That(byo.Provider, Is.EqualTo(VapiPhoneNumberProvider.ByoPhoneNumber));
            Assert.That(byo.Number, Is.EqualTo("+918047000003"));
            Assert.That(byo.NumberE164CheckEnabled, Is.True);
            Assert.That(byo.CredentialId, Is.EqualTo(TestAccount.CredentialId));
            Assert.That(byo.Name, Is.EqualTo("Acme front desk"));
            Assert.That(byo.AssistantId, Is.Null);
            Assert.That(byo.Status, Is.EqualTo(VapiPhoneNumberStatus.Activating));
            Assert.That(byo.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero)));
            Assert.That(byo.UpdatedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 3, 12, 5, 0, TimeSpan.Zero)));

            Assert.That(byo.Server?.Url, Is.EqualTo("https://hooks.example.com/vapi?tenant=acme&line=1"));
            Assert.That(byo.Server?.Headers, Is.EqualTo(new Dictionary<string, string>(StringComparer.Ordinal) { ["X-Tenant"] = "acme" }));
            Assert.That(byo.Server?.TimeoutSeconds, Is.EqualTo(12.5));
            Assert.That(byo.Server?.StaticIpAddressesEnabled, Is.True);

            Assert.That(byo.FallbackDestination?.Type, Is.EqualTo("number"));
            Assert.That(byo.FallbackDestination?.Number, Is.EqualTo("+918047000099"));
            Assert.That(byo.FallbackDestination?.Extension, Is.EqualTo("12"));
            Assert.That(byo.FallbackDestination?.CallerId, Is.EqualTo("+918047000003"));

            Assert.That(byo.AdditionalProperties?.Keys, Is.EquivalentTo(new[] { "hooks" }));
        });
    }

    [Test]
    public async Task Get_reads_a_free_vapi_number_as_VapiSipPhoneNumber()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, Path).Respond("application/json", Fixtures.Read("phone-number-vapi.json"));

        var number = await host.Client.PhoneNumbers.GetAsync(TestAccount.PhoneNumberId);

        host.VerifyAllSatisfied();
        Assert.That(number, Is.TypeOf<VapiSipPhoneNumber>());
        var sip = (VapiSipPhoneNumber)number;
        Assert.Multiple(() =>
        {
            Assert.That(sip.Provider, Is.EqualTo(VapiPhoneNumberProvider.Vapi));
            Assert.That(sip.SipUri, Is.EqualTo("sip:your_unique_user_name@sip.eu.vapi.ai"));
            Assert.That(sip.Name, Is.EqualTo("EU SIP Assistant"));
            Assert.That(sip.AssistantId, Is.EqualTo(TestAccount.AssistantId));
            Assert.That(sip.Authentication?.Realm, Is.EqualTo("sip.eu.vapi.ai"));
            Assert.That(sip.Authentication?.Username, Is.EqualTo("front-desk-user-000001"));
            Assert.That(sip.Authentication?.Password, Is.Null);
            Assert.That(sip.Number, Is.Null);
        });
    }

    [Test]
    public async Task Get_reads_a_twilio_number_as_the_base_type_and_keeps_its_members()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "phone-number/c0ffee00-0000-4000-8000-000000000001").Respond("application/json", Fixtures.Read("pn-twilio.json"));

        var number = await host.Client.PhoneNumbers.GetAsync("c0ffee00-0000-4000-8000-000000000001");

        host.VerifyAllSatisfied();
        Assert.That(number, Is.TypeOf<VapiPhoneNumber>());
        Assert.Multiple(() =>
        {
            Assert.That(number.Provider, Is.EqualTo(VapiPhoneNumberProvider.Twilio));
            Assert.That(number.Number, Is.EqualTo("+14155550100"));
            Assert.That(number.Name, Is.EqualTo("US line"));
            Assert.That(number.Status, Is.EqualTo(VapiPhoneNumberStatus.Blocked));
            Assert.That(number.AdditionalProperties, Is.Not.Null);
            Assert.That(number.AdditionalProperties!.Keys, Is.EquivalentTo(new[] { "twilioAccountSid", "smsEnabled" }));
            Assert.That(number.AdditionalProperties["twilioAccountSid"].GetString(), Is.EqualTo("AC00000000000000000000000000000000"));
            Assert.That(number.AdditionalProperties["smsEnabled"].ValueKind, Is.EqualTo(JsonValueKind.True));
        });
    }

    [Test]
    public async Task Delete_sends_a_DELETE_without_a_body()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Delete, Path).Respond(HttpStatusCode.OK, "application/json", Fixtures.Read("phone-number-byo.json"));

        await host.Client.PhoneNumbers.DeleteAsync(TestAccount.PhoneNumberId);

        host.VerifyAllSatisfied();
        Assert.That(host.SentCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Delete_accepts_an_empty_answer()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Delete, Path).Respond(HttpStatusCode.NoContent);

        await host.Client.PhoneNumbers.DeleteAsync(TestAccount.PhoneNumberId);

        host.VerifyAllSatisfied();
    }

    [TestCase("", "must not be empty")]
    [TestCase("a/b", "'/'")]
    [TestCase("..", "'.' or '..'")]
    public void An_invalid_id_is_refused_by_every_operation(string id, string rule)
    {
        using var host = new VapiTestHost();
        var numbers = host.Client.PhoneNumbers;

        Assert.Multiple(() =>
        {
            foreach (var call in new AsyncTestDelegate[]
                     {
                         () => numbers.GetAsync(id),
                         () => numbers.DeleteAsync(id),
                         () => numbers.UpdateAsync(id, new UpdateByoPhoneNumberRequest { Name = "x" }),
                         () => numbers.UpdateAsync(id, new UpdateVapiSipPhoneNumberRequest { Name = "x" }),
                     })
            {
                var ex = Assert.ThrowsAsync<ArgumentException>(call)!;
                Assert.That(ex.ParamName, Is.EqualTo("id"));
                Assert.That(ex.Message, Does.Contain(rule));
            }

            Assert.That(host.SentCount, Is.Zero);
        });
    }
}
