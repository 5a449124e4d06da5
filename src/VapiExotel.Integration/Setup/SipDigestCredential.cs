namespace VapiExotel.Integration;

/// <summary>
/// The SIP digest credential a setup generated and set on both sides (the trunk's credential and the Vapi
/// credential's <c>outboundAuthenticationPlan</c>). Neither service returns the password, so this is the only time it
/// is seen: store it in a secret store if you need it, or let a later setup generate a new one. <see cref="ToString"/>
/// never shows the password.
/// </summary>
public sealed class SipDigestCredential
{
    /// <summary>Creates a credential.</summary>
    /// <param name="userName">The digest user name.</param>
    /// <param name="password">The digest password; a secret.</param>
    public SipDigestCredential(string userName, string password)
    {
        UserName = userName ?? throw new ArgumentNullException(nameof(userName));
        Password = password ?? throw new ArgumentNullException(nameof(password));
    }

    /// <summary>The digest user name both sides share.</summary>
    public string UserName { get; }

    /// <summary>The digest password both sides share; a secret, never logged, never shown by <see cref="ToString"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]   // a report serialised whole (an API response, a structured log) must not carry it
    public string Password { get; }

    /// <inheritdoc />
    public override string ToString() => $"SipDigestCredential {{ UserName = {UserName}, Password = *** }}";
}
