using System.Text.Json.Serialization;

namespace Exotel.VSip;

/// <summary>
/// A SIP digest credential on a trunk. Exotel never returns the password in the documented shape; an older shape
/// did, and the SDK does not keep it.
/// </summary>
public sealed class ExotelTrunkCredential : ExotelTrunkEntry
{
    /// <summary>The SIP user name.</summary>
    [JsonPropertyName("user_name")]
    public string? UserName { get; init; }

    /// <summary>A label, at most 32 characters.</summary>
    [JsonPropertyName("friendly_name")]
    public string? FriendlyName { get; init; }

    // The older read shape: {"username": …, "password": …}. The user name is kept; the password is never read.
    [JsonInclude]
    [JsonPropertyName("username")]
    internal string? LegacyUserName
    {
        get => null;
        init => UserName ??= value;
    }
}

/// <summary>A new SIP digest credential. <see cref="ToString"/> never shows the password.</summary>
public sealed class CreateTrunkCredentialRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="userName">The SIP user name.</param>
    /// <param name="password">The SIP password; a secret.</param>
    public CreateTrunkCredentialRequest(string userName, string password)
    {
        UserName = userName;
        Password = password;
    }

    /// <summary>The SIP user name.</summary>
    public string UserName { get; }

    /// <summary>The SIP password; a secret, sent only in the request body.</summary>
    public string Password { get; }

    /// <summary>A label, at most 32 characters.</summary>
    public string? FriendlyName { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"CreateTrunkCredentialRequest {{ UserName = {UserName}, Password = ***, FriendlyName = {FriendlyName} }}";
}

/// <summary>Changes to a SIP digest credential; fields left null are not sent. <see cref="ToString"/> never shows the password.</summary>
public sealed class UpdateTrunkCredentialRequest
{
    /// <summary>A new SIP user name.</summary>
    public string? UserName { get; set; }

    /// <summary>A new SIP password; a secret.</summary>
    public string? Password { get; set; }

    /// <summary>A new label, at most 32 characters.</summary>
    public string? FriendlyName { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"UpdateTrunkCredentialRequest {{ UserName = {UserName}, Password = {(Password is null ? "(unchanged)" : "***")}, FriendlyName = {FriendlyName} }}";
}
