using Exotel.VSip;
using Vapi.Client;

namespace VapiExotel.Integration;

/// <summary>
/// Everything the integration needs, bound from the <c>VapiExotel</c> configuration section (so that environment
/// variables such as <c>VapiExotel__Exotel__ApiKey</c> work) or set in code. Validated at start-up.
/// </summary>
public sealed class VapiExotelOptions
{
    /// <summary>The configuration section the options bind from: <c>VapiExotel</c>.</summary>
    public const string SectionName = "VapiExotel";

    /// <summary>The Exotel account and client settings (<c>Exotel:AccountSid</c>, <c>ApiKey</c>, <c>ApiToken</c>, <c>Region</c>, <c>BaseAddress</c>…).</summary>
    public ExotelClientOptions Exotel { get; init; } = new();

    /// <summary>The Vapi organisation and client settings (<c>Vapi:ApiKey</c>, <c>Region</c>, <c>BaseAddress</c>…).</summary>
    public VapiClientOptions Vapi { get; init; } = new();

    /// <summary>Which Exotel trunk carries the calls, and its transport.</summary>
    public TrunkOptions Trunk { get; set; } = new();

    /// <summary>The Exotel SIP edge Vapi sends outbound calls to.</summary>
    public GatewayOptions Gateway { get; set; } = new();

    /// <summary>
    /// The addresses Vapi sends SIP from, to whitelist on the trunk; empty (the default) means the Vapi region's
    /// published list (<see cref="VapiSignalling"/>).
    /// </summary>
    public IList<string> VapiSignallingIps { get; set; } = [];

    /// <summary>The numbers to wire, each to its assistant. A single one may also be given flat, with <see cref="PhoneNumber"/>, <see cref="AssistantId"/> and <see cref="SipUri"/>.</summary>
    public IList<NumberBinding> Numbers { get; set; } = [];

    /// <summary>A single number's ExoPhone in E.164, given flat (as the original scripts' <c>PHONE_NUMBER</c>).</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>A single number's assistant id, given flat (<c>VAPI_ASSISTANT_ID</c>).</summary>
    public string? AssistantId { get; set; }

    /// <summary>A single number's assistant SIP address, given flat (<c>VAPI_FQDN</c>, <c>name@sip.vapi.ai</c>).</summary>
    public string? SipUri { get; set; }

    /// <summary>
    /// The name of the Vapi BYO SIP trunk credential the integration owns (at most 40 characters, stable: no
    /// timestamps, so that a rerun finds it). <c>vx-exotel-{account sid}</c> when not set.
    /// </summary>
    public string? CredentialName { get; set; }

    /// <summary>
    /// Whether Vapi checks that the BYO numbers are E.164 (<c>numberE164CheckEnabled</c>). Off by default, as the
    /// integration's specification asks; the numbers are checked for E.164 here anyway, before anything is sent.
    /// </summary>
    public bool VapiNumberE164CheckEnabled { get; set; }

    /// <summary>The number a test call dials when none is given (E.164). Never defaulted: a test call rings a real phone.</summary>
    public string? TestCallNumber { get; set; }

    /// <summary>How many requests the integrator has in flight at once, across both services (1 to 32; 8 by default).</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Every number binding: <see cref="Numbers"/>, then the flat one when <see cref="PhoneNumber"/> is set.</summary>
    /// <returns>The bindings, in order.</returns>
    public IReadOnlyList<NumberBinding> GetNumberBindings()
    {
        var bindings = new List<NumberBinding>(Numbers ?? []);
        if (!string.IsNullOrWhiteSpace(PhoneNumber) || !string.IsNullOrWhiteSpace(AssistantId) || !string.IsNullOrWhiteSpace(SipUri))
        {
            bindings.Add(new NumberBinding { PhoneNumber = PhoneNumber, AssistantId = AssistantId, SipUri = SipUri });
        }

        return bindings;
    }

    /// <summary>The addresses to whitelist: <see cref="VapiSignallingIps"/>, or the Vapi region's published list.</summary>
    /// <returns>The addresses.</returns>
    public IReadOnlyList<string> GetVapiSignallingIps() =>
        VapiSignallingIps is { Count: > 0 } ips ? [.. ips] : VapiSignalling.For(Vapi?.Region ?? VapiRegion.US);

    /// <summary>The credential's name: <see cref="CredentialName"/>, or <c>vx-exotel-{account sid}</c> cut to 40 characters.</summary>
    /// <returns>The name.</returns>
    public string GetCredentialName()
    {
        if (!string.IsNullOrWhiteSpace(CredentialName))
        {
            return CredentialName;
        }

        var name = "vx-exotel-" + Exotel?.AccountSid;
        return name.Length <= 40 ? name : name[..40];
    }

    /// <summary>
    /// The SIP digest user name the integration's trunk credential and the Vapi credential's
    /// <c>outboundAuthenticationPlan</c> share (with <see cref="TrunkOptions.DigestAuthentication"/>): the credential's
    /// name (<see cref="GetCredentialName"/>), every character other than a letter, a digit, '-', '_' or '.' made a
    /// '-', cut to 32 characters. Stable, so that a rerun finds it.
    /// </summary>
    /// <returns>The user name.</returns>
    public string GetDigestUserName()
    {
        var name = GetCredentialName().Trim();
        var user = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        return user.Length <= DigestUserNameMaxLength ? user : user[..DigestUserNameMaxLength];
    }

    /// <summary>The longest digest user name the integration makes.</summary>
    internal const int DigestUserNameMaxLength = 32;

    /// <summary>The options with the secrets masked.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"VapiExotelOptions {{ Exotel = {Exotel}, Vapi = {Vapi}, Trunk = {Trunk}, Gateway = {Gateway}, Numbers = {GetNumberBindings().Count}, CredentialName = {GetCredentialName()} }}";
}

/// <summary>Which Exotel trunk the integration uses.</summary>
public sealed class TrunkOptions
{
    /// <summary>The default trunk name: <c>vapi_exotel</c>.</summary>
    public const string DefaultName = "vapi_exotel";

    /// <summary>Use exactly this trunk (it must exist). Takes precedence over <see cref="Name"/>.</summary>
    public string? Sid { get; set; }

    /// <summary>Find the trunk by this exact name, or create it: 1 to 16 letters, digits or '_'. <see cref="DefaultName"/> when neither this nor <see cref="Sid"/> is set.</summary>
    public string? Name { get; set; }

    /// <summary>The SIP transport between Exotel and Vapi: <see cref="SipTransport.Tcp"/> (the default) or <see cref="SipTransport.Tls"/>, Exotel's production preference.</summary>
    public SipTransport Transport { get; set; } = SipTransport.Tcp;

    /// <summary>
    /// Whether setup pairs SIP digest authentication across both sides (off by default): a digest credential on the
    /// trunk, with a stable user name (<see cref="VapiExotelOptions.GetDigestUserName"/>) and a generated password, and
    /// the same user name and password as the Vapi credential's <c>outboundAuthenticationPlan</c>, so that the trunk
    /// no longer trusts Vapi's shared signalling addresses alone. The password is returned once, in
    /// <see cref="IntegrationReport.DigestCredential"/> of the run that generated it; a rerun with both sides paired
    /// changes nothing. Set up by a setup of both directions (<see cref="SetupScope.All"/>).
    /// </summary>
    public bool DigestAuthentication { get; set; }

    /// <summary>The name to look for when no <see cref="Sid"/> is set.</summary>
    /// <returns>The name.</returns>
    public string GetName() => string.IsNullOrWhiteSpace(Name) ? DefaultName : Name;

    /// <inheritdoc />
    public override string ToString() => (Sid is { Length: > 0 } ? $"{{ Sid = {Sid}, Transport = {Transport}" : $"{{ Name = {GetName()}, Transport = {Transport}")
        + (DigestAuthentication ? ", DigestAuthentication = True }" : " }");
}

/// <summary>The Exotel SIP edge, as a gateway of Vapi's BYO SIP trunk.</summary>
public sealed class GatewayOptions
{
    /// <summary>
    /// The default edge: <c>129.154.231.198</c>, the original scripts' Mumbai gateway (an IPv4 literal, so that nothing
    /// needs DNS; not documented by Exotel). Exotel's guides name <c>pstn.in2.exotel.com</c> and
    /// <c>pstn.in4.exotel.com</c> (TCP 5070 / TLS 443); set one of those to have it resolved at setup.
    /// </summary>
    public const string DefaultHost = "129.154.231.198";

    /// <summary>
    /// An Exotel SIP host name or IPv4 address. A host name is resolved to IPv4 at setup, because Vapi accepts only an
    /// IP for a gateway that takes inbound calls.
    /// </summary>
    public string Host { get; set; } = DefaultHost;

    /// <summary>The port; when not set, 5070 for TCP and 443 for TLS, as Exotel's edge listens.</summary>
    public int? Port { get; set; }

    /// <summary>The port to use with <paramref name="transport"/>.</summary>
    /// <param name="transport">The trunk's transport.</param>
    /// <returns><see cref="Port"/>, or Exotel's port for the transport.</returns>
    public int GetPort(SipTransport transport) => Port ?? (transport == SipTransport.Tls ? 443 : 5070);

    /// <inheritdoc />
    public override string ToString() => $"{{ Host = {Host}, Port = {(Port?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default")} }}";
}

/// <summary>One ExoPhone wired to one Vapi assistant.</summary>
public sealed class NumberBinding
{
    /// <summary>The ExoPhone in E.164 (<c>+918047490924</c>).</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>The Vapi assistant that answers it and calls from it.</summary>
    public string? AssistantId { get; set; }

    /// <summary>
    /// The assistant's Vapi SIP address (<c>name@sip.vapi.ai</c>, <c>sip:</c> optional), as the original scripts'
    /// <c>VAPI_FQDN</c>. When set, the trunk's destination is <c>name.sip.vapi.ai</c> (the scripts' form, which Vapi does
    /// not document), and every number must then share it: a trunk sends all its calls to the same destinations.
    /// When no number has one (recommended), the destination is <c>{credentialId}.sip.vapi.ai</c>, the form Vapi
    /// documents for BYO SIP trunks, and Vapi routes each call by the number dialled to that number's assistant.
    /// </summary>
    public string? SipUri { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{PhoneNumber} → {AssistantId}";
}
