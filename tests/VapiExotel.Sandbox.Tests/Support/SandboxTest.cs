using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace VapiExotel.Sandbox.Tests.Support;

/// <summary>
/// A fresh sandbox per test (manual clock at <see cref="SandboxPerTest.Start"/>), with raw HTTP clients authenticated as its
/// accounts: these tests speak the wire protocol directly, as a client of the real services would.
/// </summary>
public abstract class SandboxTest : SandboxPerTest
{
    /// <summary>Authenticated with the sandbox's Exotel key and token; base address is the Exotel root.</summary>
    protected HttpClient Exotel { get; private set; } = null!;

    /// <summary>Authenticated with the sandbox's Vapi key; base address is the Vapi root.</summary>
    protected HttpClient Vapi { get; private set; } = null!;

    protected string AccountSid => Sandbox.Options.ExotelAccountSid;

    [SetUp]
    public void CreateHttpClients()
    {
        var settings = Sandbox.Options;
        Exotel = new HttpClient { BaseAddress = Sandbox.ExotelBaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Exotel.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ExotelApiKey}:{settings.ExotelApiToken}")));
        Vapi = new HttpClient { BaseAddress = Sandbox.VapiBaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Vapi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.VapiApiKey);
    }

    [TearDown]
    public void DisposeHttpClients()
    {
        Exotel.Dispose();
        Vapi.Dispose();
    }

    /// <summary>A v2 path for the sandbox account: <c>v2/accounts/{sid}/</c> + <paramref name="rest"/>.</summary>
    protected string V2(string rest) => $"v2/accounts/{AccountSid}/{rest}";

    /// <summary>A v1 path for the sandbox account: <c>v1/Accounts/{sid}/</c> + <paramref name="rest"/>.</summary>
    protected string V1(string rest) => $"v1/Accounts/{AccountSid}/{rest}";

    /// <summary>Sends a request with an optional JSON body and returns the status and parsed JSON body (null when empty or not JSON).</summary>
    protected static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        return (response.StatusCode, body);
    }

    /// <summary>Posts a form (the Voice API's encoding) and returns the response.</summary>
    protected Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields) =>
        Exotel.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>Creates a trunk and returns its SID.</summary>
    protected async Task<string> CreateTrunkAsync(string name = "vx_trunk")
    {
        var (status, body) = await SendAsync(Exotel, HttpMethod.Post, V2("trunks"),
            $$"""{"trunk_name":"{{name}}","nso_code":"ANY-ANY","domain_name":"{{AccountSid}}.pstn.exotel.com"}""");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
        return (string)body!["response"]!["data"]!["trunk_sid"]!;
    }
}
