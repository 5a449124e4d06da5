using System.Net;
using VapiExotel.Sandbox.Tests.Vapi;

namespace VapiExotel.Sandbox.Tests.Hosting;

/// <summary>The request log keeps bodies, but never the secrets in them.</summary>
public sealed class RequestLogSecretTests : Support.SandboxTest
{
    [Test]
    public async Task An_exotel_credential_password_is_masked_in_the_log_but_kept_for_checking()
    {
        var sid = await CreateTrunkAsync();
        var (status, _) = await SendAsync(Exotel, HttpMethod.Post, V2($"trunks/{sid}/credentials"),
            """{"user_name":"voice_ai_user","password":"Sup3r-Secret-Pass","friendly_name":"vapi"}""");

        var logged = Sandbox.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/credentials", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(logged.BodyText, Does.Not.Contain("Sup3r-Secret-Pass"));
            Assert.That(logged.BodyText, Is.EqualTo("""{"user_name":"voice_ai_user","password":"***","friendly_name":"vapi"}"""));
            Assert.That(Sandbox.Exotel.CredentialPasswordIs(sid, "voice_ai_user", "Sup3r-Secret-Pass"), Is.True);
        });
    }

    [Test]
    public async Task A_vapi_auth_password_and_webhook_header_values_are_masked_in_the_log()
    {
        await VapiSeed.PostAsync(Vapi, "credential",
            """{"provider":"byo-sip-trunk","gateways":[{"ip":"129.154.231.198"}],"outboundAuthenticationPlan":{"authUsername":"u","authPassword":"Digest-Pass-123"}}""");
        var credentialId = (string)Sandbox.Vapi.Credentials[0]["id"]!;
        await VapiSeed.PostAsync(Vapi, "phone-number",
            """{"provider":"byo-phone-number","credentialId":""" + "\"" + credentialId + "\"" + ""","number":"+918047490924","server":{"url":"http://127.0.0.1:9/hook","headers":{"X-Vapi-Secret":"hook-secret-value"}}}""");

        var bodies = string.Join("\n", Sandbox.Requests.Select(r => r.BodyText));
        Assert.Multiple(() =>
        {
            Assert.That(bodies, Does.Not.Contain("Digest-Pass-123"));
            Assert.That(bodies, Does.Not.Contain("hook-secret-value"));
            Assert.That(bodies, Does.Contain("\"authPassword\":\"***\""));
            Assert.That(bodies, Does.Contain("\"X-Vapi-Secret\":\"***\""));
        });
    }

    [Test]
    public async Task A_body_without_secrets_is_logged_byte_for_byte()
    {
        const string Body = """{ "trunk_name" : "vx_trunk", "nso_code":"ANY-ANY","domain_name":"sandbox1.pstn.exotel.com" }""";
        await SendAsync(Exotel, HttpMethod.Post, V2("trunks"), Body);

        Assert.That(Sandbox.Requests.Single().BodyText, Is.EqualTo(Body));
    }

    [Test]
    public async Task The_log_is_in_sequence_order_under_concurrent_requests()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Vapi.GetAsync("assistant")));

        var sequences = Sandbox.Requests.Select(r => r.Sequence).ToList();
        Assert.That(sequences, Is.EqualTo(Enumerable.Range(1, 40).Select(i => (long)i)));
    }
}
