namespace Exotel.VSip.Tests.Support;

/// <summary>The documented example responses, copied into the repository (tests never read ../shared).</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", name));

    /// <summary>A single-resource v2 envelope around <paramref name="dataJson"/>.</summary>
    public static string Envelope(string dataJson, string requestId = "req0001") =>
        $$$"""{"request_id":"{{{requestId}}}","method":"GET","http_code":200,"response":{"code":200,"error_data":null,"status":"success","data":{{{dataJson}}}}}""";

    /// <summary>A v2 failure envelope.</summary>
    public static string Failure(int httpCode, int responseCode, int errorCode, string message, string description, string requestId = "req0002") =>
        $$$"""{"request_id":"{{{requestId}}}","method":"POST","http_code":{{{httpCode}}},"response":{"code":{{{responseCode}}},"error_data":{"code":{{{errorCode}}},"message":"{{{message}}}","description":"{{{description}}}"},"status":"failure","data":null}}""";

    /// <summary>A v2 list envelope of the given data objects and next link.</summary>
    public static string List(IEnumerable<string> dataJson, string? nextPageUri = null) =>
        $$"""{"request_id":"reqlist","method":"GET","http_code":200,"metadata":{"page_size":50,"next_page_uri":{{(nextPageUri is null ? "null" : "\"" + nextPageUri + "\"")}}},"response":[{{string.Join(",", dataJson.Select(d => $$"""{"code":200,"error_data":null,"status":"success","data":{{d}}}"""))}}]}""";
}
