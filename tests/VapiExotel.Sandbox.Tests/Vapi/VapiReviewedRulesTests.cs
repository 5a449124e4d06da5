using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Vapi;

/// <summary>PATCH nulls on required members, and bodies that are not JSON.</summary>
public sealed class VapiReviewedRulesTests : Support.SandboxTest
{
    [Test]
    public async Task A_patch_cannot_null_a_credentials_provider_or_gateways()
    {
        var id = await VapiSeed.CreateCredentialAsync(Vapi);

        var (status, body) = await SendAsync(Vapi, HttpMethod.Patch, $"credential/{id}", """{"provider":null,"gateways":null}""");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(VapiSeed.Json(body!["message"]), Is.EqualTo("""["provider should not be null","gateways should not be null"]"""));
            Assert.That((string?)Sandbox.Vapi.Credentials[0]["provider"], Is.EqualTo("byo-sip-trunk"));
            Assert.That(Sandbox.Vapi.Credentials[0]["gateways"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_patch_cannot_null_a_byo_numbers_credential_but_may_clear_its_assistant()
    {
        var number = await VapiSeed.CreateNumberAsync(Vapi, extra: $$""","assistantId":"{{VapiSeed.AssistantId(Sandbox)}}" """);
        var id = (string)number["id"]!;

        var (refused, _) = await SendAsync(Vapi, HttpMethod.Patch, $"phone-number/{id}", """{"credentialId":null}""");
        var (cleared, body) = await SendAsync(Vapi, HttpMethod.Patch, $"phone-number/{id}", """{"assistantId":null}""");

        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(cleared, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body!.AsObject().ContainsKey("assistantId"), Is.False);
            Assert.That((string?)body["credentialId"], Is.EqualTo((string?)number["credentialId"]));
        });
    }

    [Test]
    public async Task A_body_sent_as_text_plain_is_not_read_as_json()
    {
        using var content = new StringContent(VapiSeed.TrunkBody, Encoding.UTF8, "text/plain");
        using var response = await Vapi.PostAsync("credential", content);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(VapiSeed.Json(body["message"]), Is.EqualTo("""["provider should not be empty","gateways should not be empty"]"""));
            Assert.That(Sandbox.Vapi.Credentials, Is.Empty);
        });
    }
}
