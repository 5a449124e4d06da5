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
    /// <exception cref="VapiExotelException">The trunk's name is ambiguous.</exception>
    public async Task<IntegrationInventory> InventoryAsync(CancellationToken cancellationToken)
    {
        var exotelSide = ExotelInventoryAsync(cancellationToken);
        var vapiSide = VapiInventoryAsync(cancellationToken);
        await Task.WhenAll(exotelSide, vapiSide).ConfigureAwait(false);
        var (exotelResources, unmanagedOnTrunk) = await exotelSide.ConfigureAwait(false);
        var (vapiResources, unmanagedOnCredential) = await vapiSide.ConfigureAwait(false);
        return new IntegrationInventory([.. exotelResources, .. vapiResources], unmanagedOnTrunk, unmanagedOnCredential, _target.TrunkSid is null);
    }

    public async Task<IntegrationReport> RunAsync(IntegrationInventory inventory, bool dryRun, StepLog log, CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            RemoveAsync(inventory, dryRun, log, [ResourceKind.ExotelNumberMapping, ResourceKind.ExotelDestination, ResourceKind.ExotelWhitelistedIp], ResourceKind.ExotelTrunk, cancellationToken),
            RemoveAsync(inventory, dryRun, log, [ResourceKind.VapiPhoneNumber], ResourceKind.VapiCredential, cancellationToken)).ConfigureAwait(false);
        return log.Report(SetupScope.All, []);
    }

    private async Task<(List<ManagedResource> Resources, int Unmanaged)> ExotelInventoryAsync(CancellationToken cancellationToken)
    {
        var trunks = await read.FindTrunksAsync(cancellationToken).ConfigureAwait(false);
        if (trunks.Count > 1)
        {
            throw new VapiExotelException(
                $"{trunks.Count} Exotel trunks are named '{_target.TrunkName}' ({string.Join(", ", trunks.Select(t => t.Sid))}); set VapiExotel:Trunk:Sid to the one the integration uses.");
        }

        if (trunks.Count == 0)
        {
            return ([], 0);
        }

        var sid = trunks[0].Sid;
        var ips = read.WhitelistedIpsAsync(sid, cancellationToken);
        var destinations = read.DestinationsAsync(sid, cancellationToken);
        var mappings = read.MappingsAsync(sid, cancellationToken);
        await Task.WhenAll(ips, destinations, mappings).ConfigureAwait(false);

        var (ipList, destinationList, mappingList) = (await ips.ConfigureAwait(false), await destinations.ConfigureAwait(false), await mappings.ConfigureAwait(false));
        var resources = new List<ManagedResource> { new(ResourceKind.ExotelTrunk, sid, $"trunk '{trunks[0].Name}' ({trunks[0].Status})") };
        resources.AddRange(ipList.Where(read.IsManagedIp).Select(e => new ManagedResource(ResourceKind.ExotelWhitelistedIp, e.Id, $"{e.Ip}/{e.Mask ?? 32}", sid)));
        resources.AddRange(destinationList.Where(read.IsManagedDestination).Select(d => new ManagedResource(ResourceKind.ExotelDestination, d.Id, d.Destination ?? "?", sid)));
        resources.AddRange(mappingList.Where(read.IsManagedMapping).Select(m => new ManagedResource(ResourceKind.ExotelNumberMapping, m.Id, $"{m.PhoneNumber} ({m.EffectiveMode})", sid)));
        var entries = ipList.Count + destinationList.Count + mappingList.Count;
        return (resources, entries - (resources.Count - 1));
    }

    private async Task<(List<ManagedResource> Resources, int Unmanaged)> VapiInventoryAsync(CancellationToken cancellationToken)
    {
        var credentialsTask = read.CredentialsAsync(cancellationToken);
        var numbersTask = read.AllPhoneNumbersAsync(cancellationToken);
        await Task.WhenAll(credentialsTask, numbersTask).ConfigureAwait(false);
        var (credentials, numbers) = (await credentialsTask.ConfigureAwait(false), await numbersTask.ConfigureAwait(false));

        var resources = new List<ManagedResource>();
        foreach (var credential in credentials)
        {
            var gateway = credential.Gateways.Count > 0 ? credential.Gateways[0] : null;
            resources.Add(new ManagedResource(ResourceKind.VapiCredential, credential.Id,
                $"'{credential.Name}' → {gateway?.Ip}:{gateway?.EffectivePort} over {gateway?.EffectiveOutboundProtocol}"));
        }

        var ids = credentials.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var onCredential = numbers.Where(n => n.CredentialId is not null && ids.Contains(n.CredentialId)).ToList();
        var managed = onCredential.Where(n => _target.Numbers.Any(number => PhoneNumberText.Same(n.Number, number))).ToList();
        resources.AddRange(managed.Select(n => new ManagedResource(ResourceKind.VapiPhoneNumber, n.Id, $"{n.Number} → assistant {n.AssistantId ?? "none"}", n.CredentialId)));
        return (resources, onCredential.Count - managed.Count);
    }

    /// <summary>Removes the children concurrently, then the parent when nothing of the user's hangs on it.</summary>
    private async Task RemoveAsync(
        IntegrationInventory inventory, bool dryRun, StepLog log, ResourceKind[] childKinds, ResourceKind parentKind, CancellationToken cancellationToken)
    {
        var children = inventory.Resources.Where(r => childKinds.Contains(r.Kind)).ToList();
        var results = await Task.WhenAll(children.Select((child, order) => RemoveOneAsync(child, order, dryRun, log, cancellationToken))).ConfigureAwait(false);
        foreach (var (parent, order) in inventory.Of(parentKind).Select((p, i) => (p, i)))
        {
            if (results.Any(removed => !removed))
            {
                log.Skip(parentKind, parent.Description, "Kept: something on it could not be removed; rerun teardown.", order);
            }
            else if (parentKind == ResourceKind.ExotelTrunk && !inventory.TrunkIsOwned)
            {
                log.Skip(parentKind, parent.Description, "Kept: the trunk was given by VapiExotel:Trunk:Sid, so it is yours; only what the integration put on it was removed.", order);
            }
            else if (parentKind == ResourceKind.ExotelTrunk && inventory.UnmanagedOnTrunk > 0)
            {
                log.Skip(parentKind, parent.Description, $"Kept: it holds {inventory.UnmanagedOnTrunk} entries the integration does not manage.", order);
            }
            else if (parentKind == ResourceKind.VapiCredential && inventory.UnmanagedOnCredential > 0)
            {
                log.Skip(parentKind, parent.Description, $"Kept: {inventory.UnmanagedOnCredential} phone number(s) the integration does not manage still use it.", order);
            }
            else
            {
                await RemoveOneAsync(parent, order, dryRun, log, cancellationToken).ConfigureAwait(false);
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
        ResourceKind.VapiCredential => vapi.Credentials.DeleteAsync(resource.Id, cancellationToken),
        ResourceKind.VapiPhoneNumber => vapi.PhoneNumbers.DeleteAsync(resource.Id, cancellationToken),
        _ => throw new InvalidOperationException($"{resource.Kind} is not removed by teardown."),
    };
}
