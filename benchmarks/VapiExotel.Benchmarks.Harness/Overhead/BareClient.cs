using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;

namespace VapiExotel.Benchmarks.Overhead;

/// <summary>
/// The same four requests written by hand, as a careful application would without the SDK: one static
/// <see cref="HttpClient"/>, the same headers (authorization, accept, user agent), a source-generated
/// <see cref="JsonSerializerContext"/>, a status check and Exotel's envelope check. No retries, timeouts, breaker,
/// rate limit, logging, tracing, metrics or secret redaction: that is what the SDK adds, and what is measured.
/// </summary>
public sealed class BareClient
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly ProductInfoHeaderValue[] ExotelAgent = [new("Exotel.VSip", "0.1.0"), new($"(.NET {Environment.Version.ToString(3)}; Linux; X64)")];
    private static readonly ProductInfoHeaderValue[] VapiAgent = [new("Vapi.Client", "0.1.0"), new($"(.NET {Environment.Version.ToString(3)}; Linux; X64)")];

    private readonly Uri _base;
    private readonly AuthenticationHeaderValue _exotelAuth;
    private readonly AuthenticationHeaderValue _vapiAuth;

    public BareClient(Uri baseAddress)
    {
        _base = baseAddress;
        _exotelAuth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CannedBodies.ExotelApiKey}:{CannedBodies.ExotelApiToken}")));
        _vapiAuth = new AuthenticationHeaderValue("Bearer", CannedBodies.VapiApiKey);
    }

    /// <summary>GET /v2/accounts/{sid}/trunks?trunk_sid={trunk}: the trunk, or null.</summary>
    public async Task<BareTrunk?> GetTrunkAsync(string trunkSid, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get, new Uri(_base, $"v2/accounts/{CannedBodies.AccountSid}/trunks?trunk_sid={Uri.EscapeDataString(trunkSid)}"));
        Headers(request, _exotelAuth, ExotelAgent);
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync(BareJson.Default.BareTrunkList, cancellationToken);
        foreach (var item in envelope?.Response ?? [])
        {
            EnsureSuccess(item.Code, item.Status);
            if (item.Data is { } trunk && trunk.Sid == trunkSid)
            {
                return trunk;
            }
        }

        return null;
    }

    /// <summary>POST /v2/accounts/{sid}/trunks/{trunk}/phone-numbers: the new mapping.</summary>
    public async Task<BareMapping> MapNumberAsync(string trunkSid, string number, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Post, new Uri(_base, $"v2/accounts/{CannedBodies.AccountSid}/trunks/{Uri.EscapeDataString(trunkSid)}/phone-numbers"))
        {
            Content = JsonContent.Create(new BareMapRequest(number, "pstn"), BareJson.Default.BareMapRequest),
        };
        Headers(request, _exotelAuth, ExotelAgent);
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync(BareJson.Default.BareMappingSingle, cancellationToken);
        var item = envelope?.Response ?? throw new InvalidOperationException("no response");
        EnsureSuccess(item.Code, item.Status);
        return item.Data ?? throw new InvalidOperationException("no data");
    }

    /// <summary>GET /call/{id}.</summary>
    public async Task<BareCall> GetCallAsync(string id, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, "call/" + Uri.EscapeDataString(id)));
        Headers(request, _vapiAuth, VapiAgent);
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(BareJson.Default.BareCall, cancellationToken) ?? throw new InvalidOperationException("null call");
    }

    /// <summary>POST /call: one outbound call.</summary>
    public async Task<BareCall> CreateCallAsync(string assistantId, string phoneNumberId, string customerNumber, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, "call"))
        {
            Content = JsonContent.Create(new BareCreateCall(assistantId, phoneNumberId, new BareCustomer { Number = customerNumber }), BareJson.Default.BareCreateCall),
        };
        Headers(request, _vapiAuth, VapiAgent);
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(BareJson.Default.BareCall, cancellationToken) ?? throw new InvalidOperationException("null call");
    }

    private static void Headers(HttpRequestMessage request, AuthenticationHeaderValue authorization, ProductInfoHeaderValue[] agent)
    {
        request.Headers.Authorization = authorization;
        request.Headers.Accept.Add(Json);
        foreach (var product in agent)
        {
            request.Headers.UserAgent.Add(product);
        }
    }

    private static void EnsureSuccess(int? code, string? status)
    {
        if (code is not (>= 200 and < 300) || !string.Equals(status, "success", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Exotel answered code {code}, status {status}");
        }
    }
}

public sealed class BareTrunk
{
    [JsonPropertyName("trunk_sid")] public string? Sid { get; set; }
    [JsonPropertyName("trunk_name")] public string? Name { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("domain_name")] public string? DomainName { get; set; }
    [JsonPropertyName("auth_type")] public string? AuthType { get; set; }
    [JsonPropertyName("registration_enabled")] public string? RegistrationEnabled { get; set; }
    [JsonPropertyName("secure_trunking")] public string? SecureTrunking { get; set; }
    [JsonPropertyName("edge_preference")] public string? EdgePreference { get; set; }
    [JsonPropertyName("nso_code")] public string? NsoCode { get; set; }
    [JsonPropertyName("date_created")] public DateTimeOffset? DateCreated { get; set; }
    [JsonPropertyName("date_updated")] public DateTimeOffset? DateUpdated { get; set; }
}

public sealed class BareMapping
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("phone_number")] public string? PhoneNumber { get; set; }
    [JsonPropertyName("trunk_sid")] public string? TrunkSid { get; set; }
    [JsonPropertyName("mode")] public string? Mode { get; set; }
    [JsonPropertyName("date_created")] public DateTimeOffset? DateCreated { get; set; }
    [JsonPropertyName("date_updated")] public DateTimeOffset? DateUpdated { get; set; }
}

public sealed class BareItem<T>
{
    [JsonPropertyName("code")] public int? Code { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("data")] public T? Data { get; set; }
}

public sealed class BareTrunkList
{
    [JsonPropertyName("response")] public List<BareItem<BareTrunk>>? Response { get; set; }
}

public sealed class BareMappingSingle
{
    [JsonPropertyName("response")] public BareItem<BareMapping>? Response { get; set; }
}

public sealed record BareMapRequest([property: JsonPropertyName("phone_number")] string PhoneNumber, [property: JsonPropertyName("mode")] string Mode);

public sealed class BareCustomer
{
    [JsonPropertyName("number")] public string? Number { get; set; }
}

public sealed class BareMonitor
{
    [JsonPropertyName("listenUrl")] public string? ListenUrl { get; set; }
    [JsonPropertyName("controlUrl")] public string? ControlUrl { get; set; }
}

public sealed class BareCall
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("endedReason")] public string? EndedReason { get; set; }
    [JsonPropertyName("endedMessage")] public string? EndedMessage { get; set; }
    [JsonPropertyName("phoneCallTransport")] public string? PhoneCallTransport { get; set; }
    [JsonPropertyName("assistantId")] public string? AssistantId { get; set; }
    [JsonPropertyName("phoneNumberId")] public string? PhoneNumberId { get; set; }
    [JsonPropertyName("customer")] public BareCustomer? Customer { get; set; }
    [JsonPropertyName("createdAt")] public DateTimeOffset? CreatedAt { get; set; }
    [JsonPropertyName("updatedAt")] public DateTimeOffset? UpdatedAt { get; set; }
    [JsonPropertyName("startedAt")] public DateTimeOffset? StartedAt { get; set; }
    [JsonPropertyName("endedAt")] public DateTimeOffset? EndedAt { get; set; }
    [JsonPropertyName("cost")] public decimal? Cost { get; set; }
    [JsonPropertyName("monitor")] public BareMonitor? Monitor { get; set; }
}

public sealed record BareCreateCall(
    [property: JsonPropertyName("assistantId")] string AssistantId,
    [property: JsonPropertyName("phoneNumberId")] string PhoneNumberId,
    [property: JsonPropertyName("customer")] BareCustomer Customer);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BareTrunkList))]
[JsonSerializable(typeof(BareMappingSingle))]
[JsonSerializable(typeof(BareMapRequest))]
[JsonSerializable(typeof(BareCall))]
[JsonSerializable(typeof(BareCreateCall))]
public sealed partial class BareJson : JsonSerializerContext;
