namespace VapiExotel.Shared.Http;

/// <summary>
/// What the SDK knows about a request beyond the HTTP message, carried in <see cref="HttpRequestMessage.Options"/> so
/// that the resilience handler can decide and log by it: the path template (never the real path, which holds ids),
/// whether the request may be replayed, and how many attempts were made.
/// </summary>
internal sealed class RequestInfo(string pathTemplate, bool neverReplay)
{
    public static readonly HttpRequestOptionsKey<RequestInfo> Key = new("VapiExotel.RequestInfo");

    /// <summary>The path template, such as <c>/v2/accounts/{account_sid}/trunks</c>.</summary>
    public string PathTemplate { get; } = pathTemplate;

    /// <summary>True for a request that is never sent twice, whatever the failure (creating a Vapi call).</summary>
    public bool NeverReplay { get; } = neverReplay;

    /// <summary>True once the SDK's resilience handler has seen the request, so that the fields below are tracked.</summary>
    public bool Tracked { get; set; }

    /// <summary>The attempts made so far; the resilience handler counts them.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// False while every attempt so far provably left the service untouched (a 429, a connection refused before
    /// sending, a refusal by the breaker): then a failure of a POST is not an unknown outcome, however it ends.
    /// </summary>
    public bool MayHaveBeenProcessed { get; set; }

    /// <summary>The request's info; a request sent past the SDK's transport (through the named client) gets one with no template.</summary>
    public static RequestInfo For(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(Key, out var info))
        {
            info = new RequestInfo("(untemplated)", neverReplay: false);   // its real path may hold ids: not logged
            request.Options.Set(Key, info);
        }

        return info;
    }
}
