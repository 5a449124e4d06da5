namespace VapiExotel.Integration;

/// <summary>One resource the integration manages.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Id">Its id: trunk SID, entry id, Vapi UUID.</param>
/// <param name="Description">What it is, in words: a trunk's name, an address, a destination, a number, a credential's gateway.</param>
/// <param name="ParentId">The trunk's SID for an Exotel trunk entry, the credential's id for a Vapi phone number; null otherwise.</param>
public sealed record ManagedResource(ResourceKind Kind, string Id, string Description, string? ParentId = null);

/// <summary>
/// What the integration manages on both sides, as found now: the trunk (found by its SID or name), Vapi's signalling
/// addresses whitelisted on it, destinations pointing at Vapi's SIP domain, the configured numbers' mappings, the
/// trunk's digest credential of the integration's user name (<see cref="VapiExotelOptions.GetDigestUserName"/>), the
/// credential of the configured name and the BYO phone numbers of the configured numbers on it. Nothing else.
/// </summary>
public sealed class IntegrationInventory
{
    /// <summary>Creates an inventory.</summary>
    /// <param name="resources">The managed resources.</param>
    /// <param name="unmanagedOnTrunk">How many entries on the trunk the integration does not manage.</param>
    /// <param name="unmanagedOnCredential">How many Vapi phone numbers the integration does not manage use its credential.</param>
    /// <param name="trunkIsOwned">Whether the trunk was found by the integration's name (not given by SID).</param>
    public IntegrationInventory(IReadOnlyList<ManagedResource> resources, int unmanagedOnTrunk, int unmanagedOnCredential, bool trunkIsOwned)
    {
        UnmanagedOnCredential = unmanagedOnCredential;
        Resources = resources ?? throw new ArgumentNullException(nameof(resources));
        UnmanagedOnTrunk = unmanagedOnTrunk;
        TrunkIsOwned = trunkIsOwned;
    }

    /// <summary>The managed resources: Exotel's first (trunk, addresses, destinations, mappings, digest credential), then Vapi's (credential, numbers).</summary>
    public IReadOnlyList<ManagedResource> Resources { get; }

    /// <summary>How many whitelist entries, destinations, mappings, digest credentials and settings on the trunk the integration does not manage (and will not touch).</summary>
    public int UnmanagedOnTrunk { get; }

    /// <summary>How many Vapi phone numbers not configured here use the integration's credential (it is kept while they do).</summary>
    public int UnmanagedOnCredential { get; }

    /// <summary>
    /// Whether the trunk was found by the integration's name, so that teardown may remove it; a trunk given by
    /// <c>Trunk:Sid</c> is the user's, and only what the integration put on it is removed.
    /// </summary>
    public bool TrunkIsOwned { get; }

    /// <summary>The resources of one kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The resources, in inventory order.</returns>
    public IEnumerable<ManagedResource> Of(ResourceKind kind) => Resources.Where(r => r.Kind == kind);

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Resources.Select(r => $"{r.Kind} {r.Id}: {r.Description}"));
}
