using System.Net;
using Vapi.Client.Tests.Support;

namespace Vapi.Client.Tests.Credentials;

/// <summary>Error answers on the credential routes become a <see cref="VapiException"/> that is safe to log.</summary>
public class CredentialErrorTests
{
    private const string Password = "Sup3r-S3cret+Passw0rd";

    [Test]
    public void A_404_on_get_is_not_found()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "credential/" + TestAccount.CredentialId)
            .Respond(HttpStatusCode.NotFound, "application/json", Fixtures.Read("error-not-found.json"));

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.Credentials.GetAsync(TestAccount.CredentialId))!;

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(ex.IsNotFound, Is.True);
            Assert.That(ex.Status, Is.EqualTo(404));
            Assert.That(ex.Messages, Is.EqualTo(new[] { "Credential not found" }));
            Assert.That(ex.Error, Is.EqualTo("Not Found"));
            Assert.That(ex.Operation, Is.EqualTo("GET /credential/{id}"));
            Assert.That(ex.Message, Does.Contain("Credential not found"));
            Assert.That(ex.Message, Does.Contain("HTTP 404"));
            Assert.That(ex.Message, Does.Not.Contain(TestAccount.CredentialId), "messages name the template, not the id");
            Assert.That(ex.RawBody, Does.Contain("Credential not found"));
            Assert.That(host.SentCount, Is.EqualTo(1), "a 404 is not retried");
        });
    }

    [Test]
    public void A_404_on_get_sip_trunk_and_delete_is_not_found()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Get, "credential/" + TestAccount.CredentialId)
            .Respond(HttpStatusCode.NotFound, "application/json", Fixtures.Read("error-not-found.json"));
        host.Expect(HttpMethod.Delete, "credential/" + TestAccount.CredentialId)
            .Respond(HttpStatusCode.NotFound, "application/json", Fixtures.Read("error-not-found.json"));

        var get = Assert.ThrowsAsync<VapiException>(() => host.Client.Credentials.GetSipTrunkAsync(TestAccount.CredentialId))!;
        var delete = Assert.ThrowsAsync<VapiException>(() => host.Client.Credentials.DeleteAsync(TestAccount.CredentialId))!;

        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(get.IsNotFound, Is.True);
            Assert.That(get.Messages, Is.EqualTo(new[] { "Credential not found" }));
            Assert.That(delete.IsNotFound, Is.True);
            Assert.That(delete.Error, Is.EqualTo("Not Found"));
            Assert.That(delete.Operation, Is.EqualTo("DELETE /credential/{id}"));
        });
    }

    [Test]
    public void A_400_keeps_every_message_and_joins_them()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "credential")
            .Respond(HttpStatusCode.BadRequest, "application/json", Fixtures.Read("error-validation.json"));

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198" } },
        }))!;

        ErrorAssert.IsTheValidationFixture(ex, "POST /credential");
    }

    [Test]
    public void A_400_on_update_keeps_every_message()
    {
        using var host = new VapiTestHost();
        host.Expect(HttpMethod.Patch, "credential/" + TestAccount.CredentialId, """{"techPrefix":"99"}""")
            .Respond(HttpStatusCode.BadRequest, "application/json", Fixtures.Read("error-validation.json"));

        var ex = Assert.ThrowsAsync<VapiException>(() =>
            host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest { TechPrefix = "99" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Messages, Has.Count.EqualTo(2));
            Assert.That(ex.Message, Does.Contain("property customer should not exist; property phoneNumberId should not exist"));
            Assert.That(ex.Operation, Is.EqualTo("PATCH /credential/{id}"));
        });
    }

    [Test]
    public void A_password_echoed_by_a_400_on_create_is_redacted_everywhere()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "credential")
            .Respond(HttpStatusCode.BadRequest, "application/json", EchoOf(Password));

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198" } },
            OutboundAuthenticationPlan = new SipTrunkOutboundAuthenticationPlan { AuthUsername = "exotel-user", AuthPassword = Password },
        }))!;

        AssertRedacted(host, ex, Password);
    }

    [Test]
    public void A_password_echoed_by_a_400_on_update_is_redacted_everywhere()
    {
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Patch, "credential/" + TestAccount.CredentialId)
            .Respond(HttpStatusCode.BadRequest, "application/json", EchoOf(Password));

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.Credentials.UpdateSipTrunkAsync(TestAccount.CredentialId, new UpdateSipTrunkCredentialRequest
        {
            OutboundAuthenticationPlan = new SipTrunkOutboundAuthenticationPlan { AuthUsername = "exotel-user", AuthPassword = Password },
        }))!;

        AssertRedacted(host, ex, Password);
    }

    /// <summary>
    /// A Node service (Vapi) echoing a password writes it JSON-escaped: <c>"</c> as <c>\"</c> and <c>\</c> as <c>\\</c>.
    /// The escaped form gives the password away as surely as the plain one.
    /// </summary>
    [Test]
    public void A_password_with_quote_and_backslash_echoed_json_escaped_is_redacted_from_the_raw_body()
    {
        const string password = "Pa\"ss\\w0rd-7731-xyz";
        const string escaped = "Pa\\\"ss\\\\w0rd-7731-xyz";
        using var host = new VapiTestHost();
        host.ExpectAnyBody(HttpMethod.Post, "credential")
            .Respond(HttpStatusCode.BadRequest, "application/json",
                $$"""{"message":["outboundAuthenticationPlan.authPassword {{escaped}} is not accepted"],"error":"Bad Request","statusCode":400}""");

        var ex = Assert.ThrowsAsync<VapiException>(() => host.Client.Credentials.CreateSipTrunkAsync(new CreateSipTrunkCredentialRequest
        {
            Gateways = { new SipTrunkGateway { Ip = "129.154.231.198" } },
            OutboundAuthenticationPlan = new SipTrunkOutboundAuthenticationPlan { AuthUsername = "exotel-user", AuthPassword = password },
        }))!;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Not.Contain(password), "the decoded message is redacted");
            Assert.That(ex.Messages, Has.None.Contains(password));
            Assert.That(ex.RawBody, Does.Not.Contain(password));
            Assert.That(ex.RawBody, Does.Not.Contain(escaped), "the JSON-escaped echo must be redacted too");
        });
    }

    private static string EchoOf(string password) =>
        $$"""{"message":["outboundAuthenticationPlan.authPassword {{password}} is too weak","property customer should not exist"],"error":"Bad Request {{password}}","statusCode":400}""";

    private static void AssertRedacted(VapiTestHost host, VapiException ex, string password)
    {
        host.VerifyAllSatisfied();
        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(400));
            Assert.That(ex.Message, Does.Not.Contain(password));
            Assert.That(ex.Message, Does.Contain("outboundAuthenticationPlan.authPassword *** is too weak"));
            Assert.That(ex.Messages, Has.None.Contains(password));
            Assert.That(ex.Messages[0], Is.EqualTo("outboundAuthenticationPlan.authPassword *** is too weak"));
            Assert.That(ex.Error, Is.EqualTo("Bad Request ***"));
            Assert.That(ex.RawBody, Is.Not.Null);
            Assert.That(ex.RawBody, Does.Not.Contain(password));
            Assert.That(ex.RawBody, Does.Contain("***"));
            Assert.That(ex.ToString(), Does.Not.Contain(password));
            Assert.That(host.Logs.Lines, Is.Not.Empty, "the request was logged");
            Assert.That(host.Logs.Lines, Has.None.Contains(password));
            Assert.That(host.Logs.Lines, Has.None.Contains(TestAccount.ApiKey));
            Assert.That(ex.ToString(), Does.Not.Contain(TestAccount.ApiKey));
        });
    }
}
