using Exotel.VSip.Tests.Support;

namespace Exotel.VSip.Tests.Calls;

/// <summary>Small Voice API (v1) bodies and paths for the call tests.</summary>
internal static class V1Json
{
    public const string ConnectPath = TestAccount.V1 + "/Calls/connect.json";
    public const string ListPath = TestAccount.V1 + "/Calls.json";

    /// <summary>A minimal call object.</summary>
    public static string Call(string sid, string status = "completed") =>
        $$"""{"Sid":"{{sid}}","DateCreated":"2019-01-05 10:00:00","AccountSid":"acme1","To":"09123456789","From":"09876543210","Status":"{{status}}","Direction":"outbound-api"}""";

    /// <summary><c>{"Call": {…}}</c> around <paramref name="callJson"/>.</summary>
    public static string Wrapped(string callJson) => $$"""{"Call":{{callJson}}}""";

    /// <summary>A bulk-query page with the given calls and next link.</summary>
    public static string Page(string? nextPageUri, params string[] sids) =>
        $$"""{"Metadata":{"Total":{{sids.Length}},"PageSize":2,"FirstPageUri":"/v1/Accounts/acme1/Calls.json","PrevPageUri":null,"NextPageUri":{{(nextPageUri is null ? "null" : "\"" + nextPageUri + "\"")}}},"Calls":[{{string.Join(",", sids.Select(s => Call(s)))}}]}""";

    /// <summary>A v1 error body.</summary>
    public static string RestException(int status, string message, string? code = null) =>
        code is null
            ? $$$"""{"RestException":{"Status":{{{status}}},"Message":"{{{message}}}"}}"""
            : $$$"""{"RestException":{"Status":{{{status}}},"Message":"{{{message}}}","Code":"{{{code}}}"}}""";

    /// <summary>Every item of an async sequence.</summary>
    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var items = new List<T>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }
}
