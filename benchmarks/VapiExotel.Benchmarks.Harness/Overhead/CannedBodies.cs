using System.Text;

namespace VapiExotel.Benchmarks.Overhead;

/// <summary>
/// The answers of the canned server, in the services' real shapes (Exotel's documented examples and a Vapi call as
/// the SDK's tests hold it), so that both sides of each pair parse the same bytes.
/// </summary>
public static class CannedBodies
{
    public const string AccountSid = "bench1";
    public const string TrunkSid = "trmum1f708622631150902801a1n";
    public const string CallId = "019d2ad0-6eb1-7aac-9377-0fc25d8bc1ad";
    public const string AssistantId = "2f9c1d4e-7a6b-4c3d-9e8f-0a1b2c3d4e5f";
    public const string PhoneNumberId = "c0ffee00-0000-4000-8000-000000000003";
    public const string Number = "+919876543210";

    // Not secrets: the canned server accepts anything.
    public const string ExotelApiKey = "bench-key";
    public const string ExotelApiToken = "bench-token";
    public const string VapiApiKey = "bench-vapi-key";

    private const string TrunkJson =
        """{"trunk_name":"vapi_exotel","date_created":"2026-01-23T09:24:59Z","date_updated":"2026-01-23T09:24:59Z","trunk_sid":"trmum1f708622631150902801a1n","status":"active","domain_name":"bench1.pstn.exotel.com","auth_type":"IP-WHITELIST","registration_enabled":"disabled","edge_preference":"auto","nso_code":"ANY-ANY","secure_trunking":"disabled","destination_uris":"/v2/accounts/bench1/trunks/trmum1f708622631150902801a1n/destination-uris","whitelisted_ips":"/v2/accounts/bench1/trunks/trmum1f708622631150902801a1n/whitelisted-ips","credentials":"/v2/accounts/bench1/trunks/trmum1f708622631150902801a1n/credentials","phone_numbers":"/v2/accounts/bench1/trunks/trmum1f708622631150902801a1n/phone-numbers"}""";

    /// <summary>GET /v2/accounts/{sid}/trunks?trunk_sid=…: a list envelope with one trunk.</summary>
    public static readonly byte[] TrunkList = Encoding.UTF8.GetBytes(
        """{"request_id":"10a67da360d446378d5c2b66407b7f18","method":"GET","http_code":200,"response":[{"code":200,"error_data":null,"status":"success","data":"""
        + TrunkJson
        + """}],"metadata":{"total":1,"page_size":50,"page":1,"next_page_uri":null,"prev_page_uri":null,"first_page_uri":"/v2/accounts/bench1/trunks?offset=0&page_size=50"}}""");

    /// <summary>POST /v2/accounts/{sid}/trunks/{trunk}/phone-numbers: Exotel's documented answer.</summary>
    public static readonly byte[] PhoneMapping = Encoding.UTF8.GetBytes(
        """{"request_id":"7f3c2a9e0b1d4c5e8f6a7b8c9d0e1f2a","method":"POST","http_code":200,"response":{"code":200,"error_data":null,"status":"success","data":{"id":"41512","phone_number":"+919876543210","trunk_sid":"trmum1f708622631150902801a1n","date_created":"2026-01-23T10:26:54Z","date_updated":"2026-01-23T10:26:54Z","mode":"pstn"}}}""");

    /// <summary>GET /call/{id}: an ended call.</summary>
    public static readonly byte[] VapiCall = Encoding.UTF8.GetBytes(
        """{"id":"019d2ad0-6eb1-7aac-9377-0fc25d8bc1ad","orgId":"424acf80-dbea-4015-ace8-0f3924e60001","type":"outboundPhoneCall","status":"ended","endedReason":"call.in-progress.error-providerfault-outbound-sip-408-request-timeout","endedMessage":"No response from 129.154.231.198:5070","phoneCallTransport":"sip","phoneNumberId":"c0ffee00-0000-4000-8000-000000000003","assistantId":"2f9c1d4e-7a6b-4c3d-9e8f-0a1b2c3d4e5f","customer":{"number":"+919876543210"},"createdAt":"2026-03-26T15:43:16.145Z","updatedAt":"2026-03-26T15:44:01.002Z","startedAt":"2026-03-26T15:43:17.000Z","endedAt":"2026-03-26T15:43:49.500Z","cost":0.0123,"artifact":{"transcript":"","pcapUrl":"https://storage.example.vapi.ai/019d2ad0.pcap","logUrl":"https://storage.example.vapi.ai/019d2ad0.log","messages":[]},"analysis":{"summary":"The call did not connect.","successEvaluation":false},"costBreakdown":{"transport":0.01,"total":0.0123}}""");

    /// <summary>POST /call (201): a queued call.</summary>
    public static readonly byte[] VapiCallCreated = Encoding.UTF8.GetBytes(
        """{"subscriptionLimits":{"concurrencyBlocked":false,"concurrencyLimit":10,"remainingConcurrentCalls":8},"id":"019d2ad0-6eb1-7aac-9377-0fc25d8bc1ad","assistantId":"2f9c1d4e-7a6b-4c3d-9e8f-0a1b2c3d4e5f","phoneNumberId":"c0ffee00-0000-4000-8000-000000000003","type":"outboundPhoneCall","createdAt":"2026-03-26T15:43:16.145Z","updatedAt":"2026-03-26T15:43:16.145Z","orgId":"424acf80-dbea-4015-ace8-0f3924e60001","cost":0,"customer":{"number":"+919876543210"},"status":"queued","phoneCallProvider":"vapi","monitor":{"listenUrl":"wss://phone-call-websocket.example.vapi.ai/019d2ad0/listen","controlUrl":"https://phone-call-websocket.example.vapi.ai/019d2ad0/control"}}""");
}
