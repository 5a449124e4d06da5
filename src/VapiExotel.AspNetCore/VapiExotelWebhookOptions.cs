using Vapi.Client;

namespace VapiExotel.AspNetCore;

/// <summary>How the webhook endpoints of <see cref="VapiExotelWebhookExtensions.MapVapiExotelWebhooks"/> check and read requests.</summary>
public sealed class VapiExotelWebhookOptions
{
    /// <summary>
    /// Checks each Vapi server message (bearer token, secret header or HMAC; see <see cref="VapiWebhookVerifier"/>).
    /// Required, unless <see cref="AllowUnverifiedVapiMessages"/> is set; a message that fails is answered 401 and dropped.
    /// </summary>
    public VapiWebhookVerifier? VapiVerifier { get; set; }

    /// <summary>Accepts Vapi server messages without checking them: for local development only (false by default).</summary>
    public bool AllowUnverifiedVapiMessages { get; set; }

    /// <summary>The largest body read, 1 MiB by default; a larger one is answered 413.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
