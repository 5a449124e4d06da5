using System.Net;
using System.Net.Sockets;
using Exotel.VSip;
using Vapi.Client;
using VapiExotel.Integration.Internal;
using VapiExotel.Shared;

namespace VapiExotel.Integration.Planning;

/// <summary>The desired state, derived once from validated options: what both sides should hold.</summary>
internal sealed class IntegrationTarget
{
    public IntegrationTarget(VapiExotelOptions options)
    {
        TrunkSid = string.IsNullOrWhiteSpace(options.Trunk.Sid) ? null : options.Trunk.Sid.Trim();
        TrunkName = options.Trunk.GetName();
        Transport = options.Trunk.Transport;
        GatewayHost = options.Gateway.Host.Trim();
        GatewayPort = options.Gateway.GetPort(Transport);
        SignallingIps = options.GetVapiSignallingIps();
        // Configuration may write a number in any accepted form; everything downstream works with its E.164.
        Bindings = options.GetNumberBindings()
            .Select(b => new NumberBinding { PhoneNumber = PhoneNumberText.ToE164(b.PhoneNumber), AssistantId = b.AssistantId, SipUri = b.SipUri })
            .ToList();
        CredentialName = options.GetCredentialName();
        SipUriHost = Bindings.Select(b => b.SipUri).FirstOrDefault(u => !string.IsNullOrEmpty(u)) is { } sipUri ? VapiExotelOptionsValidator.SipHost(sipUri) : null;
        SipDomain = options.Vapi.GetSipDomain();
        NumberE164CheckEnabled = options.VapiNumberE164CheckEnabled;
        DigestAuthentication = options.Trunk.DigestAuthentication;
        DigestUserName = options.GetDigestUserName();
    }

    /// <summary>Whether setup pairs SIP digest authentication across both sides.</summary>
    public bool DigestAuthentication { get; }

    /// <summary>The user name of the integration's trunk credential and of the Vapi credential's outbound authentication plan.</summary>
    public string DigestUserName { get; }

    /// <summary>The label the integration's trunk credential carries (Exotel's limit: 32 characters).</summary>
    public const string DigestFriendlyName = "vapi-exotel digest";

    /// <summary>A trunk credential is the integration's when its user name is the integration's digest user name.</summary>
    public bool IsManagedTrunkCredential(ExotelTrunkCredential credential) =>
        string.Equals(credential.UserName, DigestUserName, StringComparison.Ordinal);

    public string? TrunkSid { get; }

    public string TrunkName { get; }

    /// <summary>How the trunk is named in messages: its SID when configured, else its name.</summary>
    public string TrunkLabel => TrunkSid ?? TrunkName;

    public SipTransport Transport { get; }

    public string GatewayHost { get; }

    public int GatewayPort { get; }

    public SipGatewayProtocol GatewayProtocol => Transport == SipTransport.Tls ? SipGatewayProtocol.Tls : SipGatewayProtocol.Tcp;

    public IReadOnlyList<string> SignallingIps { get; }

    public IReadOnlyList<NumberBinding> Bindings { get; }

    public IEnumerable<string> Numbers => Bindings.Select(b => b.PhoneNumber!);

    public string CredentialName { get; }

    /// <summary>The destination host from the numbers' shared SIP address (the original scripts' form), or null to use the credential's.</summary>
    public string? SipUriHost { get; }

    public string SipDomain { get; }

    public bool NumberE164CheckEnabled { get; }

    /// <summary>Whether the destination's host is the Vapi credential's id, so that inbound needs the credential.</summary>
    public bool DestinationNeedsCredential => SipUriHost is null;

    /// <summary>The destination Exotel's trunk should have, with the port and transport of the trunk's transport.</summary>
    /// <param name="credentialId">The Vapi credential's id (Credential mode).</param>
    public SipDestination Destination(string? credentialId)
    {
        var host = SipUriHost ?? $"{credentialId ?? throw new InvalidOperationException("The credential's id is needed for the destination.")}.{SipDomain}";
        return new SipDestination(host.ToLowerInvariant(), Transport, SipDestination.DefaultPort(Transport));
    }

    /// <summary>The destination hosts the integration owns: the SIP address's, or each credential's.</summary>
    public IReadOnlyList<string> DestinationHosts(IEnumerable<string> credentialIds) =>
        SipUriHost is { } host ? [host] : credentialIds.Select(id => $"{id}.{SipDomain}".ToLowerInvariant()).ToList();

    /// <summary>The destination as words, before the credential exists (for a plan).</summary>
    public string DestinationText(string? credentialId) =>
        credentialId is null && DestinationNeedsCredential
            ? $"<credential id>.{SipDomain}:{SipDestination.DefaultPort(Transport)};transport={Transport.ToString().ToLowerInvariant()}"
            : Destination(credentialId).ToString();

    /// <summary>The gateway's IPv4 addresses: the host itself when it is one, else what DNS answers.</summary>
    /// <exception cref="SocketException">The host name does not resolve to an IPv4 address.</exception>
    public async Task<IReadOnlyList<string>> ResolveGatewayAsync(CancellationToken cancellationToken)
    {
        if (AddressRules.IsIPv4(GatewayHost))
        {
            return [GatewayHost];
        }

        var addresses = await Dns.GetHostAddressesAsync(GatewayHost, AddressFamily.InterNetwork, cancellationToken).ConfigureAwait(false);
        var ipv4 = addresses.Where(a => a.AddressFamily == AddressFamily.InterNetwork).Select(a => a.ToString()).Distinct(StringComparer.Ordinal).ToList();
        return ipv4.Count > 0 ? ipv4 : throw new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>Whether the gateway is a host name (so its address can change under the credential).</summary>
    public bool GatewayIsHostName => !AddressRules.IsIPv4(GatewayHost);

    public SipTrunkGateway Gateway(string ip) => new()
    {
        Ip = ip,
        Port = GatewayPort,
        Netmask = SipTrunkGateway.DefaultNetmask,
        InboundEnabled = true,
        OutboundEnabled = true,
        OutboundProtocol = GatewayProtocol,
    };

    /// <summary>
    /// Which of a credential's gateways is Exotel's edge: the one at one of its addresses, else the first outbound
    /// gateway on the edge's port, else the first outbound one; -1 when there is none. Other gateways (an inbound-only
    /// gateway for Exotel's signalling range, say) are the user's and are left as they are.
    /// </summary>
    public int EdgeGatewayIndex(IReadOnlyList<SipTrunkGateway> gateways, IReadOnlyList<string> addresses)
    {
        var index = IndexOf(gateways, g => addresses.Contains(g.Ip, StringComparer.Ordinal));
        if (index < 0)
        {
            index = IndexOf(gateways, g => g.IsOutboundEnabled && g.EffectivePort == GatewayPort);
        }

        return index >= 0 ? index : IndexOf(gateways, g => g.IsOutboundEnabled);
    }

    /// <summary>What differs between a credential's edge gateway and the desired one, in words; empty when nothing does.</summary>
    public IReadOnlyList<string> CredentialDrift(ByoSipTrunkCredential credential, IReadOnlyList<string> gatewayAddresses)
    {
        var drift = new List<string>();
        var index = EdgeGatewayIndex(credential.Gateways, gatewayAddresses);
        if (index < 0)
        {
            drift.Add($"no gateway for {GatewayHost}");
        }
        else
        {
            var gateway = credential.Gateways[index];
            if (!gatewayAddresses.Contains(gateway.Ip, StringComparer.Ordinal))
            {
                drift.Add($"gateway {gateway.Ip} is not {GatewayHost}'s address ({string.Join(", ", gatewayAddresses)})");
            }

            if (gateway.EffectivePort != GatewayPort)
            {
                drift.Add($"port {gateway.EffectivePort} instead of {GatewayPort}");
            }

            // TLS with SRTP is TLS too: a deliberate choice, not drift.
            var protocol = gateway.EffectiveOutboundProtocol;
            if (protocol != GatewayProtocol && !(GatewayProtocol == SipGatewayProtocol.Tls && protocol == SipGatewayProtocol.TlsSrtp))
            {
                drift.Add($"outbound protocol {protocol} instead of {GatewayProtocol}");
            }

            if (!gateway.IsInboundEnabled || !gateway.IsOutboundEnabled)
            {
                drift.Add("the gateway does not take both inbound and outbound calls");
            }

            if (gateway.EffectiveNetmask != SipTrunkGateway.DefaultNetmask)
            {
                drift.Add($"netmask /{gateway.EffectiveNetmask} instead of /32");
            }
        }

        if (credential.OutboundLeadingPlusEnabled != true)
        {
            drift.Add("the leading plus is off");
        }

        return drift;
    }

    /// <summary>The credential's gateways with the edge's repaired (or added), every other gateway kept as it is.</summary>
    public List<SipTrunkGateway> RepairedGateways(IReadOnlyList<SipTrunkGateway> gateways, IReadOnlyList<string> gatewayAddresses)
    {
        var repaired = gateways.ToList();
        var index = EdgeGatewayIndex(gateways, gatewayAddresses);
        if (index < 0)
        {
            repaired.Add(Gateway(gatewayAddresses[0]));
            return repaired;
        }

        var old = gateways[index];

        // Keep the address it has while it is still one of the host's: DNS rotation is not drift.
        var ip = gatewayAddresses.Contains(old.Ip, StringComparer.Ordinal) ? old.Ip : gatewayAddresses[0];
        var protocol = old.EffectiveOutboundProtocol == SipGatewayProtocol.TlsSrtp && GatewayProtocol == SipGatewayProtocol.Tls ? old.EffectiveOutboundProtocol : GatewayProtocol;
        repaired[index] = new SipTrunkGateway
        {
            Ip = ip, Port = GatewayPort, Netmask = SipTrunkGateway.DefaultNetmask, InboundEnabled = true, OutboundEnabled = true,
            OutboundProtocol = protocol, OptionsPingEnabled = old.OptionsPingEnabled,
        };
        return repaired;
    }

    private static int IndexOf(IReadOnlyList<SipTrunkGateway> gateways, Func<SipTrunkGateway, bool> match)
    {
        for (var i = 0; i < gateways.Count; i++)
        {
            if (match(gateways[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>What differs between a BYO number and the desired one, in words; empty when nothing does.</summary>
    public IReadOnlyList<string> NumberDrift(ByoPhoneNumber number, NumberBinding binding, string? credentialId)
    {
        var drift = new List<string>();
        if (!string.Equals(number.CredentialId, credentialId, StringComparison.Ordinal))
        {
            drift.Add($"on credential {number.CredentialId ?? "none"} instead of {credentialId ?? "the integration's"}");
        }

        if (!string.Equals(number.AssistantId, binding.AssistantId, StringComparison.Ordinal))
        {
            drift.Add($"bound to assistant {number.AssistantId ?? "none"} instead of {binding.AssistantId}");
        }

        // Vapi's default is on, so an absent value means on.
        if ((number.NumberE164CheckEnabled ?? true) != NumberE164CheckEnabled)
        {
            drift.Add($"E.164 check {((number.NumberE164CheckEnabled ?? true) ? "on" : "off")} instead of {(NumberE164CheckEnabled ? "on" : "off")}");
        }

        return drift;
    }

    /// <summary>Why two or more trunks of the configured name cannot be used: the integration never picks one.</summary>
    public string AmbiguousTrunks(IReadOnlyCollection<Exotel.VSip.ExotelTrunk> trunks) =>
        $"{trunks.Count} Exotel trunks are named '{TrunkName}' ({string.Join(", ", trunks.Select(t => t.Sid))}); the integration does not pick one.";

    /// <summary>Why two or more credentials of the configured name cannot be used: the integration cannot tell which is its own.</summary>
    public string AmbiguousCredentials(IReadOnlyCollection<ByoSipTrunkCredential> credentials) =>
        $"{credentials.Count} Vapi credentials are named '{CredentialName}' ({string.Join(", ", credentials.Select(c => c.Id))}); the integration cannot tell which is its own.";

    /// <summary>The step no API can do: Exotel sends an ExoPhone's calls to the trunk only through a flow.</summary>
    public string FlowStep(string? trunkSid) =>
        $"In the Exotel console (App Bazaar), create a flow whose Connect applet dials sip:{trunkSid ?? "<trunk sid>"} and assign it to "
        + $"{string.Join(", ", Numbers)}: no API can do this, and inbound calls reach Vapi only through such a flow.";

    /// <summary>
    /// The BYO phone number that is (or should become) the integration's for <paramref name="number"/>: the one on the
    /// credential, else the only one carrying the number; null when there is none, or several and none on the credential.
    /// </summary>
    public static ByoPhoneNumber? PhoneNumberFor(IReadOnlyList<ByoPhoneNumber> existing, string number, string? credentialId, out List<ByoPhoneNumber> candidates)
    {
        candidates = existing.Where(n => PhoneNumberText.Same(n.Number, number)).ToList();
        return candidates.Find(n => credentialId is not null && string.Equals(n.CredentialId, credentialId, StringComparison.Ordinal))
               ?? (candidates.Count == 1 ? candidates[0] : null);
    }

    /// <summary>The name a BYO number gets: deterministic, within Vapi's 40 characters.</summary>
    public static string NumberName(string number) => "Exotel " + number;

    /// <summary>Whether a whitelist entry covers <paramref name="ip"/> (its address, or a network that holds it).</summary>
    public static bool Covers(string? entryIp, int? mask, string ip)
    {
        if (entryIp is null || !IPAddress.TryParse(entryIp, out var network) || !IPAddress.TryParse(ip, out var address)
            || network.AddressFamily != AddressFamily.InterNetwork || address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var bits = Math.Clamp(mask ?? 32, 0, 32);
        var netmask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
        return (ToUInt(network) & netmask) == (ToUInt(address) & netmask);
    }

    private static uint ToUInt(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }
}
