using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Vapi;

/// <summary>Raw-HTTP set-up steps shared by the Vapi tests: a BYO trunk credential, a BYO number, a call.</summary>
internal static class VapiSeed
{
    public const string Customer = "+14155551234";

    public const string TrunkBody = """{"provider":"byo-sip-trunk","name":"seed trunk","gateways":[{"ip":"129.154.231.198","port":5070,"outboundProtocol":"tcp"}]}""";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The node as compact JSON without escaping '+' and the like, to compare with a literal.</summary>
    public static string? Json(JsonNode? node) => node?.ToJsonString(Relaxed);

    public static string AssistantId(VapiExotelSandbox sandbox) => (string)sandbox.Vapi.Assistants[0]["id"]!;

    public static async Task<JsonObject> PostAsync(HttpClient vapi, string path, string json, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await vapi.PostAsync(path, content);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body?.ToJsonString());
        return body!;
    }

    public static async Task<string> CreateCredentialAsync(HttpClient vapi) => (string)(await PostAsync(vapi, "credential", TrunkBody))["id"]!;

    /// <summary>Creates a BYO number on a new credential; <paramref name="extra"/> is added to the body (leading comma included).</summary>
    public static async Task<JsonObject> CreateNumberAsync(HttpClient vapi, string number = "+918047490924", string extra = "", string? credentialId = null)
    {
        credentialId ??= await CreateCredentialAsync(vapi);
        return await PostAsync(vapi, "phone-number", $$"""{"provider":"byo-phone-number","credentialId":"{{credentialId}}","number":"{{number}}"{{extra}} }""");
    }

    public static async Task<JsonObject> CreateCallAsync(HttpClient vapi, string assistantId, string phoneNumberId, string customer = Customer) =>
        await PostAsync(vapi, "call", $$"""{"assistantId":"{{assistantId}}","phoneNumberId":"{{phoneNumberId}}","customer":{"number":"{{customer}}"} }""");
}
