using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Exotel.VSip.Internal;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>The SIP transport of a destination.</summary>
public enum SipTransport
{
    /// <summary>TLS, usually on port 5061; Exotel's recommendation and the default.</summary>
    Tls = 0,

    /// <summary>TCP, usually on port 5060.</summary>
    Tcp = 1,

    /// <summary>UDP. Exotel's API reference does not accept it; see <see cref="ExotelClientOptions.AllowUdpDestinations"/>.</summary>
    Udp = 2,
}

/// <summary>
/// Where Exotel sends inbound calls: a host name or IPv4 address, a port and a transport. <see cref="ToString"/>
/// renders the form Exotel expects on input, <c>host:port;transport=tls</c>, with no <c>sip:</c> prefix;
/// <see cref="Parse"/> also reads the <c>sip:</c> form Exotel returns. Two destinations are equal when their hosts
/// match without regard to case and their ports and transports match.
/// </summary>
public sealed class SipDestination : IEquatable<SipDestination>
{
    /// <summary>Creates a destination.</summary>
    /// <param name="host">A host name (<c>bot.sip.vapi.ai</c>) or an IPv4 address; no <c>sip:</c>, user part or port.</param>
    /// <param name="transport">The transport; TLS by default.</param>
    /// <param name="port">The port; by default 5061 for TLS and 5060 otherwise.</param>
    /// <exception cref="ArgumentException">The host is not a host name or an IPv4 address, or the port is outside 1–65535.</exception>
    public SipDestination(string host, SipTransport transport = SipTransport.Tls, int? port = null)
    {
        Guard.NotEmpty(host, nameof(host));
        if (!ExotelRules.IsIPv4(host) && !ExotelRules.IsHostName(host))
        {
            throw new ArgumentException(
                $"host must be a host name (letters, digits, '-' and '.') or an IPv4 address, with no scheme, user part ('@') or port; got '{host}'.",
                nameof(host));
        }

        if (!Enum.IsDefined(transport))
        {
            throw new ArgumentOutOfRangeException(nameof(transport), transport, "transport must be Tls, Tcp or Udp.");
        }

        Host = host;
        Transport = transport;
        Port = port is { } p ? Guard.InRange(p, 1, 65535, nameof(port)) : DefaultPort(transport);
    }

    /// <summary>The host name or IPv4 address.</summary>
    public string Host { get; }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The transport.</summary>
    public SipTransport Transport { get; }

    /// <summary>True when <see cref="Host"/> is an IPv4 address, which Exotel requires to be whitelisted on the trunk first.</summary>
    public bool IsIPAddress => ExotelRules.IsIPv4(Host);

    /// <summary>The usual port for a transport: 5061 for TLS, 5060 otherwise.</summary>
    /// <param name="transport">The transport.</param>
    /// <returns>The port.</returns>
    public static int DefaultPort(SipTransport transport) => transport == SipTransport.Tls ? 5061 : 5060;

    /// <summary>Reads a destination in any form Exotel uses: <c>host:port;transport=tls</c>, with or without <c>sip:</c>.</summary>
    /// <param name="value">The text to read.</param>
    /// <returns>The destination.</returns>
    /// <exception cref="FormatException">The text is not a SIP destination.</exception>
    public static SipDestination Parse(string value) =>
        TryParse(value, out var destination) ? destination : throw new FormatException($"'{value}' is not a SIP destination (host:port;transport=tls|tcp).");

    /// <summary>Reads a destination, returning false instead of throwing when the text is not one.</summary>
    /// <param name="value">The text to read.</param>
    /// <param name="destination">The destination, when the text is one.</param>
    /// <returns>True when the text is a destination.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out SipDestination? destination)
    {
        destination = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();
        var secure = false;
        if (text.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            secure = true;
            text = text[5..];
        }
        else if (text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }

        var parts = text.Split(';');
        SipTransport? transport = secure ? SipTransport.Tls : null;
        foreach (var parameter in parts.Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("transport", StringComparison.OrdinalIgnoreCase))
            {
                transport = pair[1].Trim().ToUpperInvariant() switch
                {
                    "UDP" => SipTransport.Udp,
                    "TCP" => SipTransport.Tcp,
                    "TLS" => SipTransport.Tls,
                    _ => null,
                };
                if (transport is null)
                {
                    return false;
                }
            }
        }

        var hostPort = parts[0];
        int? port = null;
        var colon = hostPort.LastIndexOf(':');
        if (colon >= 0)
        {
            if (!int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            {
                return false;
            }

            port = p;
            hostPort = hostPort[..colon];
        }

        if (!ExotelRules.IsIPv4(hostPort) && !ExotelRules.IsHostName(hostPort))
        {
            return false;
        }

        // A SIP URI with no transport parameter means UDP (RFC 3261), unless it is sips:.
        destination = new SipDestination(hostPort, transport ?? SipTransport.Udp, port);
        return true;
    }

    /// <summary>Renders the form Exotel expects: <c>host:port;transport=tls</c> (UDP, when allowed, as <c>host:port</c>).</summary>
    /// <returns>The destination as Exotel takes it.</returns>
    public override string ToString() => Transport switch
    {
        SipTransport.Tls => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port};transport=tls"),
        SipTransport.Tcp => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port};transport=tcp"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}"),
    };

    /// <inheritdoc />
    public bool Equals(SipDestination? other) =>
        other is not null && Port == other.Port && Transport == other.Transport && string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SipDestination);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Host), Port, Transport);

    /// <summary>Compares two destinations.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when they are equal.</returns>
    public static bool operator ==(SipDestination? left, SipDestination? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two destinations.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(SipDestination? left, SipDestination? right) => !(left == right);
}
