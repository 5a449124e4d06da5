using Exotel.VSip;
using Vapi.Client;
using VapiExotel.Integration.Internal;
using VapiExotel.Integration.Planning;

namespace VapiExotel.Integration.Setup;

/// <summary>Reads what the integration manages, and removes exactly that: children before parents, both sides at once.</summary>
internal sealed class TeardownRun(ExotelClient exotel, VapiClient vapi, StateReader read, RequestGate gate)
{
    private readonly IntegrationTarget _target = read.Target;

    /// <summary>The managed resources on both sides.</summary>
    /// <exception cref="VapiExotelException">A name the integration finds things by is ambiguous.</exception>
    public async Task<IntegrationInventory> InventoryAsync(CancellationToken cancellationToken)
    {
        var (inventory, problems) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return problems.Count == 0 ? inventory : throw problems[0].Error;
    }

    public async Task<IntegrationReport> RunAsync(bool dryRun, StepLog log, CancellationToken cancellationToken)
    {
        var (inventory, problems) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (kind, target, error) in problems)
        {
            var advice = ErrorAdvice.For(error, kind, "teardown");
            log.Add(new IntegrationStep(kind, target, StepOutcome.Failed, message: "Nothing on this side was removed: " + advice.Message, error: advice));
        }

        await Task.WhenAll(
            RemoveAsync(inventory, dryRun, log, [ResourceKind.ExotelNumberMapping, ResourceKind.ExotelDestination, ResourceKind.ExotelWhitelistedIp, ResourceKind.ExotelTrunkCredential], ResourceKind.ExotelTrunk, cancellationToken),
            RemoveAsync(inventory, dryRun, log, [ResourceKind.VapiPhoneNumber], ResourceKind.VapiCredential, cancellationToken)).ConfigureAwait(false);
        return log.Report(SetupScope.All, []);
    }

    /// <summary>Both sides' managed resources; a side that cannot be read (or is ambiguous) contributes nothing and a problem.</summary>
    private async Task<(IntegrationInventory Inventory, List<(ResourceKind Kind, string Target, Exception Error)> Problems)> ReadAsync(CancellationToken cancellationToken)
    {
        var vapiSide = ErrorAdvice.AttemptAsync(VapiInventoryAsync(cancellationToken));
        var exotelSide = ErrorAdvice.AttemptAsync(ExotelInventoryAsync(vapiSide, cancellationToken));
        await Task.WhenAll(vapiSide, exotelSide).ConfigureAwait(false);
        var (vapiResult, vapiError) = await vapiSide.ConfigureAwait(false);
        var (exotelResult, exotelError) = await exotelSide.ConfigureAwait(false);
        var problems = new List<(ResourceKind, string, Exception)>();
        if (exotelError is not null)
        {
            problems.Add((ResourceKind.ExotelTrunk, _target.TrunkLabel, exotelError));
        }

        if (vapiError is not null)
        {
            problems.Add((ResourceKind.VapiCredential, _target.CredentialName, vapiError));
        }
        (exotelResult, vapiResult) = (exotelResult ?? Side.Empty, vapiResult ?? Side.Empty);
        var inventory = new IntegrationInventory(
            [.. exotelResult.Resources, .. vapiResult.Resources], exotelResult.Unmanaged, vapiResult.Unmanaged, _target.TrunkSid is null);
        return (inventory, problems);
    }

    private async Task<Side> ExotelInventoryAsync(Task<(Side? Value, Exception? Error)> vapiSide, CancellationToken cancellationToken)
    {
        var trunks = await read.FindTrunksAsync(cancellationToken).ConfigureAwait(false);
        if (trunks.Count > 1)
        {
            throw new VapiExotelException(_target.AmbiguousTrunks(trunks) + " Set VapiExotel:Trunk:Sid to the one the integration uses.");
        }

        if (trunks.Count == 0)
        {
            return Side.Empty;
        }

        var sid = trunks[0].Sid;
        var ips = read.WhitelistedIpsAsync(sid, cancellationToken);
        var destinations = read.DestinationsAsync(sid, cancellationToken);
        var mappings = read.MappingsAsync(sid, cancellationToken);
        var credentials = read.TrunkCredentialsAsync(sid, cancellationToken);
        var settings = read.TrunkSettingsCountAsync(sid, cancellationToken);
        await Task.WhenAll(ips, destinations, mappings, credentials, settings).ConfigureAwait(false);
        var credentialList = await credentials.ConfigureAwait(false);
        var (ipList, destinationList, mappingList) = (await ips.ConfigureAwait(false), await destinations.ConfigureAwait(false), await mappings.ConfigureAwait(false));

        // The destination's host is the credential's id (unless a SIP address is configured): known from the Vapi side.
        var credentialIds = ((await vapiSide.ConfigureAwait(false)).Value ?? Side.Empty).Resources.Where(r => r.Kind == ResourceKind.VapiCredential).Select(r => r.Id);
        var hosts = _target.DestinationHosts(credentialIds);

        var resources = new List<ManagedResource> { new(ResourceKind.ExotelTrunk, sid, $"trunk '{trunks[0].Name}' ({trunks[0].Status})") };
        resources.AddRange(ipList.Where(read.IsManagedIp).Select(e => new ManagedResource(ResourceKind.ExotelWhitelistedIp, e.Id, $"{e.Ip}/{e.Mask ?? 32}", sid)));
        resources.AddRange(destinationList.Where(d => StateReader.IsManagedDestination(d, hosts)).Select(d => new ManagedResource(ResourceKind.ExotelDestination, d.Id, d.Destination ?? "?", sid)));
        resources.AddRange(mappingList.Where(read.IsManagedMapping).Select(m => new ManagedResource(ResourceKind.ExotelNumberMapping, m.Id, $"{m.PhoneNumber} ({m.EffectiveMode})", sid)));
        resources.AddRange(credentialList.Where(read.IsManagedTrunkCredential).Select(c => new ManagedResource(ResourceKind.ExotelTrunkCredential, c.Id, $"digest user '{c.UserName}'", sid)));
        var entries = ipList.Count + destinationList.Count + mappingList.Count + credentialList.Count + await settings.ConfigureAwait(false);
        return new Side(resources, entries - (resources.Count - 1));
    }

    private async Task<Side> VapiInventoryAsync(CancellationToken cancellationToken)
    {
        var credentialsTask = read.CredentialsAsync(cancellationToken);
        var numbersTask = read.AllPhoneNumbersAsync(cancellationToken);
        await Task.WhenAll(credentialsTask, numbersTask).ConfigureAwait(false);
        var (credentials, numbers) = (await credentialsTask.ConfigureAwait(false), await numbersTask.ConfigureAwait(false));
        if (credentials.Count > 1)
        {
            throw new VapiExotelException(_target.AmbiguousCredentials(credentials) + " Delete all but one in the Vapi dashboard.");
        }

        var resources = new List<ManagedResource>();
        foreach (var credential in credentials)
        {
            var edge = _target.EdgeGatewayIndex(credential.Gateways, []);
            var gateway = edge >= 0 ? credential.Gateways[edge] : null;
            resources.Add(new ManagedResource(ResourceKind.VapiCredential, credential.Id,
                $"'{credential.Name}' → {gateway?.Ip}:{gateway?.EffectivePort} over {gateway?.EffectiveOutboundProtocol}"));
        }

        var ids = credentials.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var onCredential = numbers.Where(n => n.CredentialId is not null && ids.Contains(n.CredentialId)).ToList();
        var managed = onCredential.Where(n => _target.Numbers.Any(number => PhoneNumberText.Same(n.Number, number))).ToList();
        resources.AddRange(managed.Select(n => new ManagedResource(ResourceKind.VapiPhoneNumber, n.Id, $"{n.Number} → assistant {n.AssistantId ?? "none"}", n.CredentialId)));
        return new Side(resources, onCredential.Count - managed.Count);
    }

    /// <summary>Removes the children concurrently, then the parent when nothing of the user's hangs on it.</summary>
    private async Task RemoveAsync(
        IntegrationInventory inventory, bool dryRun, StepLog log, ResourceKind[] childKinds, ResourceKind parentKind, CancellationToken cancellationToken)
    {
        var children = inventory.Resources.Where(r => childKinds.Contains(r.Kind)).ToList();
        var results = await Task.WhenAll(children.Select((child, order) => RemoveOneAsync(child, order, dryRun, log, cancellationToken))).ConfigureAwait(false);
        var unmanaged = parentKind == ResourceKind.ExotelTrunk ? inventory.UnmanagedOnTrunk : inventory.UnmanagedOnCredential;
        foreach (var (parent, order) in inventory.Of(parentKind).Select((p, i) => (p, i)))
        {
            var keep = results.Any(removed => !removed) ? "Kept: something on it could not be removed; rerun teardown."
                : parentKind == ResourceKind.ExotelTrunk && !inventory.TrunkIsOwned
                    ? "Kept: the trunk was given by VapiExotel:Trunk:Sid, so it is yours; only what the integration put on it was removed."
                : unmanaged > 0 && parentKind == ResourceKind.ExotelTrunk
                    ? $"Kept: it holds {unmanaged} entries (addresses, destinations, numbers, credentials or settings) the integration does not manage."
                : unmanaged > 0 ? $"Kept: {unmanaged} phone number(s) the integration does not manage still use it."
                : null;
            if (keep is null)
            {
                await RemoveOneAsync(parent, order, dryRun, log, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                log.Add(new IntegrationStep(parentKind, parent.Description, StepOutcome.Skipped, parent.Id, keep), order);
            }
        }
    }

    private async Task<bool> RemoveOneAsync(ManagedResource resource, int order, bool dryRun, StepLog log, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            log.Add(new IntegrationStep(resource.Kind, resource.Description, StepOutcome.WouldDelete, resource.Id), order);
            return true;
        }

        try
        {
            await gate.RunAsync(ct => DeleteAsync(resource, ct), cancellationToken).ConfigureAwait(false);
            log.Add(new IntegrationStep(resource.Kind, resource.Description, StepOutcome.Deleted, resource.Id), order);
            return true;
        }
        catch (Exception ex) when (ex is ExotelException { IsNotFound: true } or VapiException { IsNotFound: true })
        {
            log.Add(new IntegrationStep(resource.Kind, resource.Description, StepOutcome.Deleted, resource.Id, "It was gone already."), order);
            return true;
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            log.Fail(resource.Kind, resource.Description, ex, order, resource.Id);
            return false;
        }
    }

    private Task DeleteAsync(ManagedResource resource, CancellationToken cancellationToken) => resource.Kind switch
    {
        ResourceKind.ExotelTrunk => exotel.Trunks.DeleteAsync(resource.Id, confirm: true, cancellationToken),
        ResourceKind.ExotelWhitelistedIp => exotel.WhitelistedIps.DeleteAsync(resource.ParentId!, resource.Id, cancellationToken),
        ResourceKind.ExotelDestination => exotel.DestinationUris.DeleteAsync(resource.ParentId!, resource.Id, cancellationToken),
        ResourceKind.ExotelNumberMapping => exotel.PhoneNumbers.DeleteAsync(resource.ParentId!, resource.Id, cancellationToken),
        ResourceKind.ExotelTrunkCredential => exotel.Credentials.DeleteAsync(resource.ParentId!, resource.Id, cancellationToken),
        ResourceKind.VapiCredential => vapi.Credentials.DeleteAsync(resource.Id, cancellationToken),
        ResourceKind.VapiPhoneNumber => vapi.PhoneNumbers.DeleteAsync(resource.Id, cancellationToken),
        _ => throw new InvalidOperationException($"{resource.Kind} is not removed by teardown."),
    };

    /// <summary>One side's managed resources, and how many things on its parent the integration does not manage.</summary>
    private sealed record Side(IReadOnlyList<ManagedResource> Resources, int Unmanaged)
    {
        public static Side Empty { get; } = new([], 0);
    }
}
