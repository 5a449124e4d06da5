using Exotel.VSip;
using Vapi.Client;
using VapiExotel.Integration.Internal;

namespace VapiExotel.Integration.Planning;

/// <summary>The reads every operation starts from, each through the operation's request gate.</summary>
internal sealed class StateReader(ExotelClient exotel, VapiClient vapi, IntegrationTarget target, RequestGate gate)
{
    public IntegrationTarget Target => target;

    /// <summary>The trunk by its SID, or every trunk of the configured name (more than one is ambiguous).</summary>
    public async Task<IReadOnlyList<ExotelTrunk>> FindTrunksAsync(CancellationToken cancellationToken)
    {
        if (target.TrunkSid is { } sid)
        {
            var trunk = await gate.RunAsync(ct => exotel.Trunks.GetAsync(sid, ct), cancellationToken).ConfigureAwait(false);
            return trunk is null ? [] : [trunk];
        }

        var trunks = await gate.ListAsync(ct => exotel.Trunks.ListAsync(cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        return trunks.Where(t => string.Equals(t.Name, target.TrunkName, StringComparison.Ordinal)).ToList();
    }

    public Task<List<ExotelWhitelistedIp>> WhitelistedIpsAsync(string trunkSid, CancellationToken cancellationToken) =>
        gate.ListAsync(ct => exotel.WhitelistedIps.ListAsync(trunkSid, cancellationToken: ct), cancellationToken);

    public Task<List<ExotelDestinationUri>> DestinationsAsync(string trunkSid, CancellationToken cancellationToken) =>
        gate.ListAsync(ct => exotel.DestinationUris.ListAsync(trunkSid, cancellationToken: ct), cancellationToken);

    public Task<List<ExotelPhoneNumberMapping>> MappingsAsync(string trunkSid, CancellationToken cancellationToken) =>
        gate.ListAsync(ct => exotel.PhoneNumbers.ListAsync(trunkSid, cancellationToken: ct), cancellationToken);

    /// <summary>The trunk's SIP digest credentials (never their passwords).</summary>
    public Task<List<ExotelTrunkCredential>> TrunkCredentialsAsync(string trunkSid, CancellationToken cancellationToken) =>
        gate.ListAsync(ct => exotel.Credentials.ListAsync(trunkSid, cancellationToken: ct), cancellationToken);

    /// <summary>How many settings the trunk holds: never the integration's, so a reason to keep it.</summary>
    public async Task<int> TrunkSettingsCountAsync(string trunkSid, CancellationToken cancellationToken) =>
        (await gate.ListAsync(ct => exotel.Settings.ListAsync(trunkSid, ct), cancellationToken).ConfigureAwait(false)).Count;

    /// <summary>The trunks a number is mapped to (Exotel's <c>trunk-maps</c>).</summary>
    public async Task<IReadOnlyList<string>> TrunksOfAsync(string number, CancellationToken cancellationToken)
    {
        var maps = await gate.RunAsync(ct => exotel.PhoneNumbers.LookupAsync(number, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        return maps.Select(m => m.TrunkSid).OfType<string>().Where(sid => sid.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every BYO SIP trunk credential named as the integration's (more than one is ambiguous).</summary>
    public async Task<IReadOnlyList<ByoSipTrunkCredential>> CredentialsAsync(CancellationToken cancellationToken)
    {
        var all = await gate.ListAsync(ct => vapi.Credentials.ListAsync(ct), cancellationToken).ConfigureAwait(false);
        return all.OfType<ByoSipTrunkCredential>().Where(c => string.Equals(c.Name, target.CredentialName, StringComparison.Ordinal)).ToList();
    }

    /// <summary>Every BYO phone number carrying one of the configured numbers.</summary>
    public async Task<IReadOnlyList<ByoPhoneNumber>> PhoneNumbersAsync(CancellationToken cancellationToken) =>
        (await AllPhoneNumbersAsync(cancellationToken).ConfigureAwait(false)).Where(n => target.Numbers.Any(number => PhoneNumberText.Same(n.Number, number))).ToList();

    /// <summary>Every BYO phone number of the organisation.</summary>
    public async Task<IReadOnlyList<ByoPhoneNumber>> AllPhoneNumbersAsync(CancellationToken cancellationToken)
    {
        var all = await gate.ListAsync(ct => vapi.PhoneNumbers.ListAsync(cancellationToken: ct), cancellationToken).ConfigureAwait(false);
        return all.OfType<ByoPhoneNumber>().ToList();
    }

    /// <summary>A destination is the integration's when its host is one the integration points at (see <see cref="IntegrationTarget.DestinationHosts"/>).</summary>
    public static bool IsManagedDestination(ExotelDestinationUri destination, IReadOnlyList<string> hosts) =>
        destination.ParsedDestination is { } parsed && hosts.Contains(parsed.Host, StringComparer.OrdinalIgnoreCase);

    /// <summary>A whitelist entry is the integration's when it is exactly one of Vapi's signalling addresses.</summary>
    public bool IsManagedIp(ExotelWhitelistedIp entry) =>
        (entry.Mask ?? 32) == 32 && target.SignallingIps.Contains(entry.Ip ?? string.Empty, StringComparer.Ordinal);

    /// <summary>A trunk credential is the integration's when its user name is the integration's digest user name (whether or not the option is on now).</summary>
    public bool IsManagedTrunkCredential(ExotelTrunkCredential credential) => target.IsManagedTrunkCredential(credential);

    /// <summary>A mapping is the integration's when its number is configured.</summary>
    public bool IsManagedMapping(ExotelPhoneNumberMapping mapping) => target.Numbers.Any(n => PhoneNumberText.Same(mapping.PhoneNumber, n));
}
