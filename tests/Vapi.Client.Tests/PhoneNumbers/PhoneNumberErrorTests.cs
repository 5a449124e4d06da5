using System.Net;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.PhoneNumbers;

/// <summary>Error answers on the phone number routes become a <see cref="VapiException"/> that is safe to log.</summary>
public class PhoneNumberErrorTests
{
    private const string Path = "phone-number/" + TestAccount.PhoneNumberId;
    private const string Password = "front-desk-Passw0rd+0001";

    [Test]
    public void A_404_on_get_is_not_found()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, Path).Respond(HttpStatusCode.NotFound, "application/json", Fixtures.Read("error-not-found.json"));

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.PhoneNumbers.GetAsync(TestAccount.PhoneNumberId))!;

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(ex.IsNotFound, Is.True);
            Assert.That(ex.Status, Is.EqualTo(404));
            Assert.That(ex.Messages, Is.EqualTo(new[] { "Credential not found" }));
            Assert.That(ex.Error, Is.EqualTo("Not Found"));
            Assert.That(ex.Operation, Is.EqualTo("GET /phone-number/{id}"));
            Assert.That(ex.Message, Does.Contain("Credential not found"));
            Assert.That(ex.Message, Does.Not.Contain(TestAccount.PhoneNumberId));
        });
    }

    [Test]
    public void A_404_on_delete_and_update_is_not_found()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Delete, Path).Respond(HttpStatusCode.NotFound, "application/json", Fixtures.Read("error-not-found.json"));
        host.Expect(HttpMethod.Patch, Path, """{"name":"x"}""").Respond(HttpStatusCode.NotFound, "application/json", Fixtures.Read("error-not-found.json"));

        var delete = Assert.ThrowsAsync<VapiException>(() => host.Client.PhoneNumbers.DeleteAsync(TestAccount.PhoneNumberId))!;
        var update = Assert.ThrowsAsync<VapiException>(() =>
            host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateByoPhoneNumberRequest { Name = "x" }))!;

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(delete.IsNotFound, Is.True);
            Assert.That(delete.Operation, Is.EqualTo("DELETE /phone-number/{id}"));
            Assert.That(update.IsNotFound, Is.True);
            Assert.That(update.Messages, Is.EqualTo(new[] { "Credential not found" }));
        });
    }

    [Test]
    public void A_400_on_create_keeps_every_message_and_joins_them()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "phone-number")
            .Respond(HttpStatusCode.BadRequest, "application/json", Fixtures.Read("error-validation.json"));

        var ex = Assert.ThrowsAsync<VapiException>(() =>
            host.Client.PhoneNumbers.CreateAsync(new CreateByoPhoneNumberRequest { Number = "+918047000003", CredentialId = TestAccount.CredentialId }))!;

        ErrorAssert.IsTheValidationFixture(ex, "POST /phone-number");
    }

    [Test]
    public void A_sip_password_echoed_by_a_400_on_create_is_redacted_everywhere()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "phone-number").Respond(HttpStatusCode.BadRequest, "application/json", EchoOf(Password));

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.PhoneNumbers.CreateAsync(new CreateVapiSipPhoneNumberRequest
        {
            SipUri = "sip:front-desk@sip.vapi.ai",
            Authentication = new VapiSipAuthentication { Username = "front-desk-user-000001", Password = Password },
        }))!;

        AssertRedacted(host, ex);
    }

    [Test]
    public void A_sip_password_echoed_by_a_400_on_update_is_redacted_everywhere()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Patch, Path).Respond(HttpStatusCode.BadRequest, "application/json", EchoOf(Password));

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.PhoneNumbers.UpdateAsync(TestAccount.PhoneNumberId, new UpdateVapiSipPhoneNumberRequest
        {
            Authentication = new VapiSipAuthentication { Username = "front-desk-user-000001", Password = Password },
        }))!;

        AssertRedacted(host, ex);
    }

    private static string EchoOf(string password) =>
        $$"""{"message":["authentication.password {{password}} is too weak"],"error":"Bad Request","statusCode":400}""";

    private static void AssertRedacted(VapiTestHost host, VapiException ex)
    {
        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(400));
            Assert.That(ex.Messages, Is.EqualTo(new[] { "authentication.password *** is too weak" }));
            Assert.That(ex.Message, Does.Not.Contain(Password));
            Assert.That(ex.RawBody, Does.Contain("authentication.password *** is too weak"));
            Assert.That(ex.RawBody, Does.Not.Contain(Password));
            Assert.That(ex.ToString(), Does.Not.Contain(Password));
            Assert.That(host.Logs.Lines, Is.Not.Empty);
            Assert.That(host.Logs.Lines, Has.None.Contains(Password));
        });
    }
}
