using System.Net.Sockets;
using Exotel.VSip;
using Vapi.Client;
using VapiExotel.Integration.Internal;
using VapiExotel.Integration.Planning;

namespace VapiExotel.Integration.Setup;

/// <summary>
/// Plan and setup in one piece of code: each step reads what exists, decides, and (for setup) acts. A plan is a
/// setup with the acting left out. Both sides run concurrently; the inbound destination waits for the Vapi
/// credential when its host is the credential's id.
/// </summary>
internal sealed class SetupRun(ExotelClient exotel, VapiClient vapi, StateReader read, RequestGate gate, StepLog log, bool apply)
{
    private readonly IntegrationTarget _target = read.Target;

    public async Task<IntegrationReport> RunAsync(SetupScope scope, CancellationToken cancellationToken)
    {
        var inbound = scope != SetupScope.Outbound;
        var outbound = scope != SetupScope.Inbound;

        // Each side's first reads are started before either side awaits anything.
        var credential = outbound ? EnsureCredentialAsync(cancellationToken)
            : _target.DestinationNeedsCredential ? FindCredentialAsync(cancellationToken)
            : Task.FromResult(CredentialState.NotNeeded);
        var trunk = inbound ? EnsureExotelSideAsync(credential, cancellationToken) : Task.FromResult<(string? Sid, bool Fresh)>((null, false));
        var numbers = outbound ? EnsurePhoneNumbersAsync(credential, cancellationToken) : Task.CompletedTask;
        var digest = !_target.DigestAuthentication ? Task.FromResult<SipDigestCredential?>(null)
            : scope == SetupScope.All ? EnsureDigestAsync(trunk, credential, cancellationToken)
            : Task.FromResult(SkipDigest(scope));
        await Task.WhenAll(credential, trunk, numbers, digest).ConfigureAwait(false);

        var manual = inbound ? new[] { _target.FlowStep((await trunk.ConfigureAwait(false)).Sid) } : [];
        return log.Report(scope, manual, await digest.ConfigureAwait(false));
    }

    // ---- Vapi: the credential --------------------------------------------------------------------------------

    private async Task<CredentialState> EnsureCredentialAsync(CancellationToken cancellationToken)
    {
        const ResourceKind Kind = ResourceKind.VapiCredential;
        var name = _target.CredentialName;
        var found = ErrorAdvice.AttemptAsync(read.CredentialsAsync(cancellationToken));
        IReadOnlyList<string>? addresses = null;
        try
        {
            addresses = await _target.ResolveGatewayAsync(cancellationToken).ConfigureAwait(false);
            if (_target.GatewayIsHostName)
            {
                log.Add(new IntegrationStep(ResourceKind.GatewayAddress, _target.GatewayHost, StepOutcome.AlreadyPresent, addresses[0],
                    $"{_target.GatewayHost} resolves to {string.Join(", ", addresses)}."));
            }
        }
        catch (SocketException ex)
        {
            log.Fail(ResourceKind.GatewayAddress, _target.GatewayHost, ex);
        }

        var (credentials, readError) = await found.ConfigureAwait(false);
        if (readError is not null)
        {
            log.Fail(Kind, name, readError);
            return CredentialState.Failed("it could not be read");
        }

        if (credentials!.Count > 1)
        {
            log.Fail(Kind, name, ErrorAdvice.Conflict(
                _target.AmbiguousCredentials(credentials),
                "Delete all but one in the Vapi dashboard (keep the one your phone numbers use), or set VapiExotel:CredentialName to a new name."));
            return CredentialState.Failed("its name is ambiguous");
        }

        if (credentials.Count == 1)
        {
            return await CheckCredentialAsync(credentials[0], addresses, cancellationToken).ConfigureAwait(false);
        }

        if (addresses is null)
        {
            log.Skip(Kind, name, "Not created: the gateway's address is not known, and Vapi needs it.");
            return CredentialState.Failed("its gateway's address did not resolve");
        }

        var desired = $"Gateway {addresses[0]}:{_target.GatewayPort} over {_target.GatewayProtocol}.";
        if (!apply)
        {
            log.Add(new IntegrationStep(Kind, name, StepOutcome.WouldCreate, message: desired));
            return CredentialState.WillBeCreated;
        }

        var create = new CreateSipTrunkCredentialRequest { Name = name, Gateways = [_target.Gateway(addresses[0])], OutboundLeadingPlusEnabled = true };
        try
        {
            var created = await gate.RunAsync(ct => vapi.Credentials.CreateSipTrunkAsync(create, ct), cancellationToken).ConfigureAwait(false);
            log.Add(new IntegrationStep(Kind, name, StepOutcome.Created, created.Id, desired));
            return CredentialState.Exists(created.Id, created.OutboundAuthenticationPlan?.AuthUsername);
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            log.Fail(Kind, name, ex);
            return CredentialState.Failed("it could not be created");
        }
    }

    /// <summary>An existing credential: compared with the desired one, and repaired when it drifted. It exists either way.</summary>
    private async Task<CredentialState> CheckCredentialAsync(ByoSipTrunkCredential credential, IReadOnlyList<string>? addresses, CancellationToken cancellationToken)
    {
        const ResourceKind Kind = ResourceKind.VapiCredential;
        var name = _target.CredentialName;
        if (addresses is null)
        {
            log.Add(new IntegrationStep(Kind, name, StepOutcome.AlreadyPresent, credential.Id, "Its gateway was not compared: the gateway's address did not resolve."));
            return CredentialState.Exists(credential.Id, credential.OutboundAuthenticationPlan?.AuthUsername);
        }

        var drift = _target.CredentialDrift(credential, addresses);
        if (drift.Count == 0)
        {
            log.Add(new IntegrationStep(Kind, name, StepOutcome.AlreadyPresent, credential.Id, $"Gateway {_target.GatewayHost}:{_target.GatewayPort} over {_target.GatewayProtocol}."));
            return CredentialState.Exists(credential.Id, credential.OutboundAuthenticationPlan?.AuthUsername);
        }

        var repair = "Drifted: " + string.Join("; ", drift) + ".";
        if (!apply)
        {
            log.Add(new IntegrationStep(Kind, name, StepOutcome.WouldUpdate, credential.Id, repair));
            return CredentialState.Exists(credential.Id, credential.OutboundAuthenticationPlan?.AuthUsername);
        }

        // Vapi replaces the gateway list as a whole: send every gateway back, the edge's repaired.
        var update = new UpdateSipTrunkCredentialRequest { Gateways = _target.RepairedGateways(credential.Gateways, addresses), OutboundLeadingPlusEnabled = true };
        try
        {
            await gate.RunAsync(ct => vapi.Credentials.UpdateSipTrunkAsync(credential.Id, update, ct), cancellationToken).ConfigureAwait(false);
            log.Add(new IntegrationStep(Kind, name, StepOutcome.Updated, credential.Id, repair + " Repaired."));
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            log.Fail(Kind, name, ex, resourceId: credential.Id);
        }

        // Even when the repair failed the credential exists, and the numbers belong on it.
        return CredentialState.Exists(credential.Id, credential.OutboundAuthenticationPlan?.AuthUsername);
    }

    /// <summary>Inbound only: the credential is not set up here, but the destination's host is its id.</summary>
    private async Task<CredentialState> FindCredentialAsync(CancellationToken cancellationToken)
    {
        try
        {
            var found = await read.CredentialsAsync(cancellationToken).ConfigureAwait(false);
            return found.Count switch
            {
                1 => CredentialState.Exists(found[0].Id),
                0 => CredentialState.Unavailable($"there is no Vapi credential named '{_target.CredentialName}' yet"),
                _ => CredentialState.Unavailable(_target.AmbiguousCredentials(found)),
            };
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            return CredentialState.Unavailable("the Vapi credentials could not be read: " + ex.Message);
        }
    }

    // ---- Vapi: the phone numbers -----------------------------------------------------------------------------

    private async Task EnsurePhoneNumbersAsync(Task<CredentialState> credentialTask, CancellationToken cancellationToken)
    {
        IReadOnlyList<ByoPhoneNumber> existing;
        try
        {
            existing = await read.PhoneNumbersAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            ForEachBinding((number, i) => log.Fail(ResourceKind.VapiPhoneNumber, number, ex, i));
            return;
        }

        var credential = await credentialTask.ConfigureAwait(false);
        if (credential.IsFailed)
        {
            ForEachBinding((number, i) => log.Skip(ResourceKind.VapiPhoneNumber, number, $"Not set up: the Vapi credential failed ({credential.Problem}).", i));
            return;
        }

        await Task.WhenAll(_target.Bindings.Select((binding, i) => EnsurePhoneNumberAsync(binding, i, existing, credential, cancellationToken))).ConfigureAwait(false);
    }

    private async Task EnsurePhoneNumberAsync(NumberBinding binding, int order, IReadOnlyList<ByoPhoneNumber> existing, CredentialState credential, CancellationToken cancellationToken)
    {
        const ResourceKind Kind = ResourceKind.VapiPhoneNumber;
        var number = binding.PhoneNumber!;
        var current = IntegrationTarget.PhoneNumberFor(existing, number, credential.Id, out var candidates);
        if (current is null && candidates.Count > 1)
        {
            log.Fail(Kind, number, ErrorAdvice.Conflict(
                $"{candidates.Count} Vapi phone numbers carry {number}, none on credential '{_target.CredentialName}': "
                + string.Join(", ", candidates.Select(c => $"{c.Id} (credential {c.CredentialId ?? "none"})")) + ".",
                "Delete the ones you no longer use in the Vapi dashboard (the original scripts made one per run) and rerun: setup moves the one left to the integration's credential."), order);
            return;
        }

        try
        {
            if (current is not null)
            {
                var drift = _target.NumberDrift(current, binding, credential.Id);
                if (drift.Count == 0)
                {
                    log.Add(new IntegrationStep(Kind, number, StepOutcome.AlreadyPresent, current.Id, $"Answered by assistant {binding.AssistantId}."), order);
                    return;
                }

                var repair = "Drifted: " + string.Join("; ", drift) + ".";
                if (!apply)
                {
                    log.Add(new IntegrationStep(Kind, number, StepOutcome.WouldUpdate, current.Id, repair), order);
                    return;
                }

                var update = new UpdateByoPhoneNumberRequest
                {
                    CredentialId = credential.Id, AssistantId = binding.AssistantId, NumberE164CheckEnabled = _target.NumberE164CheckEnabled,
                };
                await gate.RunAsync(ct => vapi.PhoneNumbers.UpdateAsync(current.Id, update, ct), cancellationToken).ConfigureAwait(false);
                log.Add(new IntegrationStep(Kind, number, StepOutcome.Updated, current.Id, repair + " Repaired."), order);
                return;
            }

            if (!apply)
            {
                log.Add(new IntegrationStep(Kind, number, StepOutcome.WouldCreate, message: $"Answered by assistant {binding.AssistantId}."), order);
                return;
            }

            var create = new CreateByoPhoneNumberRequest
            {
                Number = number, CredentialId = credential.Id, AssistantId = binding.AssistantId,
                NumberE164CheckEnabled = _target.NumberE164CheckEnabled, Name = IntegrationTarget.NumberName(number),
            };
            var created = await gate.RunAsync(ct => vapi.PhoneNumbers.CreateAsync(create, ct), cancellationToken).ConfigureAwait(false);
            log.Add(new IntegrationStep(Kind, number, StepOutcome.Created, created.Id, $"Answered by assistant {binding.AssistantId}."), order);
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            log.Fail(Kind, number, ex, order, current?.Id);
        }
    }

    // ---- Exotel: the trunk and what hangs on it --------------------------------------------------------------

    /// <summary>The trunk and what hangs on it; returns the trunk's SID (null when it failed, or in a plan, is to be created) and whether it is (to be) created by this run.</summary>
    private async Task<(string? Sid, bool Fresh)> EnsureExotelSideAsync(Task<CredentialState> credential, CancellationToken cancellationToken)
    {
        // Where each number is mapped does not depend on the trunk: asked at once, alongside the trunk's lookup.
        var lookups = _target.Numbers.ToDictionary(n => n, n => ErrorAdvice.AttemptAsync(read.TrunksOfAsync(n, cancellationToken)), StringComparer.Ordinal);
        var (sid, fresh) = await EnsureTrunkAsync(cancellationToken).ConfigureAwait(false);
        if (sid is null && !fresh)
        {
            await Task.WhenAll(lookups.Values).ConfigureAwait(false);
            const string Reason = "Not set up: the trunk step failed.";
            ForEach(_target.SignallingIps, (ip, i) => log.Skip(ResourceKind.ExotelWhitelistedIp, ip, Reason, i));
            log.Skip(ResourceKind.ExotelDestination, _target.DestinationText((await credential.ConfigureAwait(false)).Id), Reason);
            ForEachBinding((number, i) => log.Skip(ResourceKind.ExotelNumberMapping, number, Reason, i));
            return (null, false);
        }

        // A trunk created now (or to be created) has nothing on it: no need to read.
        var ips = fresh ? Task.FromResult<List<ExotelWhitelistedIp>?>([]) : ReadOrFail(ct => read.WhitelistedIpsAsync(sid!, ct), ResourceKind.ExotelWhitelistedIp, _target.SignallingIps, cancellationToken);
        var destinations = fresh ? Task.FromResult<List<ExotelDestinationUri>?>([]) : ReadOrFail(ct => read.DestinationsAsync(sid!, ct), ResourceKind.ExotelDestination, [_target.DestinationText(null)], cancellationToken);
        var mappings = fresh ? Task.FromResult<List<ExotelPhoneNumberMapping>?>([]) : ReadOrFail(ct => read.MappingsAsync(sid!, ct), ResourceKind.ExotelNumberMapping, [.. _target.Numbers], cancellationToken);

        var work = new List<Task>
        {
            EnsureIpsAsync(sid, ips, cancellationToken),
            EnsureDestinationAsync(sid, destinations, credential, cancellationToken),
            EnsureMappingsAsync(sid, mappings, lookups, cancellationToken),
        };
        await Task.WhenAll(work).ConfigureAwait(false);
        return (sid, fresh);
    }

    private async Task<(string? Sid, bool Fresh)> EnsureTrunkAsync(CancellationToken cancellationToken)
    {
        const ResourceKind Kind = ResourceKind.ExotelTrunk;
        var label = _target.TrunkLabel;
        try
        {
            var found = await read.FindTrunksAsync(cancellationToken).ConfigureAwait(false);
            if (found.Count == 1)
            {
                var trunk = found[0];
                var inactive = trunk.Status is { } status && status != ExotelTrunkStatus.Active
                    ? $" Its status is '{status}': Exotel must activate it before calls flow."
                    : string.Empty;
                log.Add(new IntegrationStep(Kind, label, StepOutcome.AlreadyPresent, trunk.Sid, $"Trunk '{trunk.Name}'.{inactive}"));
                return (trunk.Sid, false);
            }

            if (found.Count > 1)
            {
                log.Fail(Kind, label, ErrorAdvice.Conflict(
                    _target.AmbiguousTrunks(found),
                    "Set VapiExotel:Trunk:Sid to the trunk to use, or give the integration a Trunk:Name of its own."));
                return (null, false);
            }

            if (_target.TrunkSid is { } sid)
            {
                log.Fail(Kind, label, new StepError("Exotel", $"Trunk {sid} does not exist in this Exotel account.",
                    $"Check VapiExotel:Trunk:Sid, or remove it so that setup finds or creates the trunk named '{_target.TrunkName}'.") { HttpStatus = 404 });
                return (null, false);
            }

            if (!apply)
            {
                log.Add(new IntegrationStep(Kind, label, StepOutcome.WouldCreate));
                return (null, true);
            }

            try
            {
                var created = await gate.RunAsync(ct => exotel.Trunks.CreateAsync(new CreateTrunkRequest(_target.TrunkName), ct), cancellationToken).ConfigureAwait(false);
                log.Add(new IntegrationStep(Kind, label, StepOutcome.Created, created.Sid, $"Trunk '{created.Name ?? _target.TrunkName}'."));
                return (created.Sid, true);
            }
            catch (ExotelException ex) when (ex.IsDuplicate)
            {
                // Created meanwhile (by a concurrent run): use it when it is the only one of the name.
                var again = await read.FindTrunksAsync(cancellationToken).ConfigureAwait(false);
                if (again.Count != 1)
                {
                    throw;
                }

                log.Add(new IntegrationStep(Kind, label, StepOutcome.AlreadyPresent, again[0].Sid, $"Trunk '{again[0].Name}', created meanwhile."));
                return (again[0].Sid, false);
            }
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            log.Fail(Kind, label, ex);
            return (null, false);
        }
    }

    private async Task EnsureIpsAsync(string? trunkSid, Task<List<ExotelWhitelistedIp>?> existingTask, CancellationToken cancellationToken)
    {
        if (await existingTask.ConfigureAwait(false) is not { } existing)
        {
            return;
        }

        await Task.WhenAll(_target.SignallingIps.Select(async (ip, order) =>
        {
            const ResourceKind Kind = ResourceKind.ExotelWhitelistedIp;
            var entry = existing.FirstOrDefault(e => IntegrationTarget.Covers(e.Ip, e.Mask, ip));
            if (entry is not null)
            {
                var covered = entry.Ip == ip && (entry.Mask ?? 32) == 32 ? null : $"Covered by {entry.Ip}/{entry.Mask}.";
                log.Add(new IntegrationStep(Kind, ip, StepOutcome.AlreadyPresent, entry.Id, covered), order);
                return;
            }

            if (!apply)
            {
                log.Add(new IntegrationStep(Kind, ip, StepOutcome.WouldCreate, message: "Vapi signals from this address."), order);
                return;
            }

            try
            {
                var added = await gate.RunAsync(ct => exotel.WhitelistedIps.AddAsync(trunkSid!, ip, 32, ct), cancellationToken).ConfigureAwait(false);
                log.Add(new IntegrationStep(Kind, ip, StepOutcome.Created, added.Id, "Vapi signals from this address."), order);
            }
            catch (ExotelException ex) when (ex.IsDuplicate)
            {
                log.Add(new IntegrationStep(Kind, ip, StepOutcome.AlreadyPresent, message: "Exotel reports it whitelisted already."), order);
            }
            catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
            {
                log.Fail(Kind, ip, ex, order);
            }
        })).ConfigureAwait(false);
    }

    private async Task EnsureDestinationAsync(
        string? trunkSid, Task<List<ExotelDestinationUri>?> existingTask, Task<CredentialState> credentialTask, CancellationToken cancellationToken)
    {
        const ResourceKind Kind = ResourceKind.ExotelDestination;
        var existing = await existingTask.ConfigureAwait(false);
        var credential = await credentialTask.ConfigureAwait(false);
        if (existing is null)
        {
            return;
        }

        if (_target.DestinationNeedsCredential && credential.Id is null)
        {
            var text = _target.DestinationText(null);
            if (credential.IsPlannedCreation)
            {
                log.Add(new IntegrationStep(Kind, text, StepOutcome.WouldCreate, message: "Its host is the id of the Vapi credential setup creates."));
            }
            else if (credential.FailedInThisRun)
            {
                log.Skip(Kind, text, $"Not set up: its host is the Vapi credential's id, and the credential step failed ({credential.Problem}).");
            }
            else
            {
                log.Fail(Kind, text, new StepError("Integration", $"The destination's host is the Vapi credential's id, but {credential.Problem}.",
                    "Run setup for both directions (or outbound first) so that the credential exists."));
            }

            return;
        }

        var desired = _target.Destination(credential.Id);
        var target = desired.ToString();
        var match = existing.FirstOrDefault(d => d.Matches(desired));

        // Ours at another port or transport (the trunk's transport changed): replaced. Any other host is not ours.
        var stale = existing.Where(d => d != match && StateReader.IsManagedDestination(d, [desired.Host])).ToList();
        var others = existing.Count - stale.Count - (match is null ? 0 : 1);
        if (match is not null && stale.Count == 0)
        {
            log.Add(new IntegrationStep(Kind, target, StepOutcome.AlreadyPresent, match.Id, OthersNote(others)));
            return;
        }

        var replaced = stale.Count == 0 ? null : $"Replaces {string.Join(", ", stale.Select(d => d.Destination))}.";
        if (!apply)
        {
            log.Add(new IntegrationStep(Kind, target, stale.Count == 0 ? StepOutcome.WouldCreate : StepOutcome.WouldUpdate, match?.Id, replaced ?? OthersNote(others)));
            return;
        }

        var id = match?.Id;
        try
        {
            if (match is null)
            {
                try
                {
                    id = (await gate.RunAsync(ct => exotel.DestinationUris.AddAsync(trunkSid!, desired, ct), cancellationToken).ConfigureAwait(false)).Id;
                }
                catch (ExotelException ex) when (ex.IsDuplicate)
                {
                    // Exotel says it is there: read again, and remove nothing unless the desired one is seen.
                    var now = await read.DestinationsAsync(trunkSid!, cancellationToken).ConfigureAwait(false);
                    id = now.FirstOrDefault(d => d.Matches(desired))?.Id;
                    stale = id is null ? [] : stale.Where(d => now.Any(n => n.Id == d.Id)).ToList();
                }
            }

            // The new destination is in place before the old ones go, so that calls always have somewhere to go.
            foreach (var old in stale)
            {
                await gate.RunAsync(ct => exotel.DestinationUris.DeleteAsync(trunkSid!, old.Id, ct), cancellationToken).ConfigureAwait(false);
            }

            var outcome = stale.Count > 0 ? StepOutcome.Updated : match is null ? StepOutcome.Created : StepOutcome.AlreadyPresent;
            log.Add(new IntegrationStep(Kind, target, outcome, id, stale.Count > 0 ? replaced : OthersNote(others)));
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            log.Fail(Kind, target, ex, resourceId: id);
        }
    }

    private static string? OthersNote(int others) =>
        others > 0 ? $"The trunk also has {others} destination(s) the integration does not manage; Exotel may send calls there too." : null;

    private async Task EnsureMappingsAsync(
        string? trunkSid, Task<List<ExotelPhoneNumberMapping>?> existingTask, Dictionary<string, Task<(IReadOnlyList<string>? Value, Exception? Error)>> lookups,
        CancellationToken cancellationToken)
    {
        var existing = await existingTask.ConfigureAwait(false);
        if (existing is null)
        {
            await Task.WhenAll(lookups.Values).ConfigureAwait(false);
            return;
        }

        await Task.WhenAll(_target.Numbers.Select(async (number, order) =>
        {
            const ResourceKind Kind = ResourceKind.ExotelNumberMapping;
            var mapping = existing.FirstOrDefault(m => PhoneNumberText.Same(m.PhoneNumber, number));
            try
            {
                var (trunks, error) = await lookups[number].ConfigureAwait(false);
                if (error is not null)
                {
                    throw error;
                }

                if (Conflict(number, trunkSid, trunks!, order))
                {
                    return;
                }

                if (mapping is not null)
                {
                    if (mapping.EffectiveMode == PhoneNumberMode.Pstn)
                    {
                        log.Add(new IntegrationStep(Kind, number, StepOutcome.AlreadyPresent, mapping.Id), order);
                    }
                    else if (!apply)
                    {
                        log.Add(new IntegrationStep(Kind, number, StepOutcome.WouldUpdate, mapping.Id, $"Mode '{mapping.Mode}' instead of 'pstn'."), order);
                    }
                    else
                    {
                        await gate.RunAsync(ct => exotel.PhoneNumbers.UpdateModeAsync(trunkSid!, mapping.Id, number, PhoneNumberMode.Pstn, ct), cancellationToken).ConfigureAwait(false);
                        log.Add(new IntegrationStep(Kind, number, StepOutcome.Updated, mapping.Id, $"Mode '{mapping.Mode}' changed to 'pstn'."), order);
                    }

                    return;
                }

                if (!apply)
                {
                    log.Add(new IntegrationStep(Kind, number, StepOutcome.WouldCreate), order);
                    return;
                }

                try
                {
                    var created = await gate.RunAsync(ct => exotel.PhoneNumbers.MapAsync(trunkSid!, number, PhoneNumberMode.Pstn, ct), cancellationToken).ConfigureAwait(false);
                    log.Add(new IntegrationStep(Kind, number, StepOutcome.Created, created.Id), order);
                }
                catch (ExotelException ex) when (ex.IsDuplicate)
                {
                    // Mapped meanwhile: to this trunk (fine) or to another (a conflict).
                    var now = await read.TrunksOfAsync(number, cancellationToken).ConfigureAwait(false);
                    if (!Conflict(number, trunkSid, now, order))
                    {
                        log.Add(new IntegrationStep(Kind, number, StepOutcome.AlreadyPresent, message: "Exotel reports it mapped to this trunk already."), order);
                    }
                }
            }
            catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
            {
                log.Fail(Kind, number, ex, order, mapping?.Id);
            }
        })).ConfigureAwait(false);
    }

    /// <summary>Records a conflict, and says so, when the number is mapped to a trunk other than the integration's.</summary>
    private bool Conflict(string number, string? trunkSid, IReadOnlyList<string> trunks, int order)
    {
        var others = trunks.Where(t => !string.Equals(t, trunkSid, StringComparison.Ordinal)).ToList();
        if (others.Count == 0)
        {
            return false;
        }

        var elsewhere = string.Join(", ", others);
        var both = trunks.Count > others.Count ? " as well as to this one" : string.Empty;
        log.Fail(ResourceKind.ExotelNumberMapping, number, ErrorAdvice.Conflict(
            $"{number} is mapped to trunk {elsewhere}{both}, but this setup maps it to trunk {trunkSid ?? _target.TrunkLabel}; a number can route through one trunk only.",
            $"Remove {number} from trunk {elsewhere} (Exotel console, or teardown run with that trunk's configuration), or set VapiExotel:Trunk:Sid to {others[0]}."), order);
        return true;
    }

    // ---- both sides: SIP digest authentication ---------------------------------------------------------------

    private const string DigestNeedsBothSides =
        "Not set up: digest authentication changes both sides together (the trunk's credential and the Vapi credential's outboundAuthenticationPlan), "
        + "so only a setup of both directions sets it up.";

    private const string DigestPlanned = "A generated password would be set on the trunk's credential and as the Vapi credential's outboundAuthenticationPlan.";

    private SipDigestCredential? SkipDigest(SetupScope scope)
    {
        log.Skip(ResourceKind.ExotelTrunkCredential, _target.DigestUserName, $"{DigestNeedsBothSides} This one is {scope.ToString().ToLowerInvariant()} only.");
        return null;
    }

    /// <summary>
    /// The trunk's digest credential and the Vapi credential's outbound authentication plan, paired on one user name.
    /// Neither service returns a password, so a pair whose user names match is left as it is; when one side lacks the
    /// user, a new password is generated and set on both. Returns the credential when this run generated it.
    /// </summary>
    private async Task<SipDigestCredential?> EnsureDigestAsync(Task<(string? Sid, bool Fresh)> trunkTask, Task<CredentialState> credentialTask, CancellationToken cancellationToken)
    {
        const ResourceKind Kind = ResourceKind.ExotelTrunkCredential;
        var user = _target.DigestUserName;
        var (sid, fresh) = await trunkTask.ConfigureAwait(false);
        var credential = await credentialTask.ConfigureAwait(false);
        if (sid is null || credential.Id is null)
        {
            if ((sid is not null || fresh) && (credential.Id is not null || credential.IsPlannedCreation))
            {
                log.Add(new IntegrationStep(Kind, user, StepOutcome.WouldCreate, message: DigestPlanned));
            }
            else
            {
                log.Skip(Kind, user, sid is null && !fresh ? "Not set up: the trunk step failed." : $"Not set up: the Vapi credential step failed ({credential.Problem}).");
            }

            return null;
        }

        IReadOnlyList<ExotelTrunkCredential> existing;
        try
        {
            existing = fresh ? [] : await read.TrunkCredentialsAsync(sid, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            log.Fail(Kind, user, ex);
            return null;
        }

        var ours = existing.FirstOrDefault(_target.IsManagedTrunkCredential);
        var vapiUser = credential.AuthUsername;
        if (ours is not null && string.Equals(vapiUser, user, StringComparison.Ordinal))
        {
            log.Add(new IntegrationStep(Kind, user, StepOutcome.AlreadyPresent, ours.Id,
                $"The trunk checks user '{user}', which Vapi credential {credential.Id} sends; the password is left as it is (neither service returns it)."));
            return null;
        }

        if (ours is null && vapiUser is not null && existing.FirstOrDefault(c => string.Equals(c.UserName, vapiUser, StringComparison.Ordinal)) is { } theirs)
        {
            log.Add(new IntegrationStep(Kind, user, StepOutcome.AlreadyPresent, theirs.Id,
                $"The trunk and Vapi credential {credential.Id} already pair digest user '{vapiUser}', which is not the integration's: left as it is."));
            return null;
        }

        var why = ours is not null
            ? $"The trunk has credential '{user}', but Vapi credential {credential.Id} {(vapiUser is null ? "has no outboundAuthenticationPlan" : $"sends user '{vapiUser}'")}: the password is rotated."
            : string.Equals(vapiUser, user, StringComparison.Ordinal)
                ? $"Vapi credential {credential.Id} sends user '{user}', but the trunk has no credential for it: the password is rotated."
                : "Digest authentication for Vapi's calls into the trunk.";
        if (!apply)
        {
            log.Add(new IntegrationStep(Kind, user, ours is null ? StepOutcome.WouldCreate : StepOutcome.WouldUpdate, ours?.Id, why + " " + DigestPlanned));
            return null;
        }

        var password = DigestPassword.Generate();
        var plan = new UpdateSipTrunkCredentialRequest
        {
            OutboundAuthenticationPlan = new SipTrunkOutboundAuthenticationPlan { AuthUsername = user, AuthPassword = password },
        };
        var id = ours?.Id;
        try
        {
            // The side that has the user already takes the new password first, the side that lacks it last: should the
            // run stop in between, the user names still differ, and a rerun rotates again. Two sides that agree on the
            // user name but not on the password would never be repaired (the passwords cannot be read back).
            if (ours is not null)
            {
                await gate.RunAsync(ct => exotel.Credentials.UpdateAsync(sid, ours.Id, new UpdateTrunkCredentialRequest { Password = password }, ct), cancellationToken).ConfigureAwait(false);
                await gate.RunAsync(ct => vapi.Credentials.UpdateSipTrunkAsync(credential.Id, plan, ct), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await gate.RunAsync(ct => vapi.Credentials.UpdateSipTrunkAsync(credential.Id, plan, ct), cancellationToken).ConfigureAwait(false);
                id = await CreateTrunkCredentialAsync(sid, user, password, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            log.Fail(Kind, user, ex, resourceId: id);
            return null;
        }

        log.Add(new IntegrationStep(Kind, user, ours is null ? StepOutcome.Created : StepOutcome.Updated, id,
            $"{why} A generated password is set on both sides: the trunk checks user '{user}', which Vapi credential {credential.Id} now sends. "
            + "The password is in this report's DigestCredential, and nowhere else."));
        return new SipDigestCredential(user, password);
    }

    /// <summary>Creates the integration's trunk credential; one created meanwhile (by a concurrent run) is given this password instead.</summary>
    private async Task<string> CreateTrunkCredentialAsync(string trunkSid, string user, string password, CancellationToken cancellationToken)
    {
        try
        {
            var create = new CreateTrunkCredentialRequest(user, password) { FriendlyName = IntegrationTarget.DigestFriendlyName };
            return (await gate.RunAsync(ct => exotel.Credentials.CreateAsync(trunkSid, create, ct), cancellationToken).ConfigureAwait(false)).Id;
        }
        catch (ExotelException ex) when (ex.IsDuplicate)
        {
            var now = await read.TrunkCredentialsAsync(trunkSid, cancellationToken).ConfigureAwait(false);
            var ours = now.Find(_target.IsManagedTrunkCredential);
            if (ours is null)
            {
                throw;
            }

            await gate.RunAsync(ct => exotel.Credentials.UpdateAsync(trunkSid, ours.Id, new UpdateTrunkCredentialRequest { Password = password }, ct), cancellationToken).ConfigureAwait(false);
            return ours.Id;
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private async Task<List<T>?> ReadOrFail<T>(Func<CancellationToken, Task<List<T>>> list, ResourceKind kind, IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        var (items, error) = await ErrorAdvice.AttemptAsync(list(cancellationToken)).ConfigureAwait(false);
        if (error is not null)
        {
            ForEach(targets, (target, i) => log.Fail(kind, target, error, i));
        }

        return items;
    }

    private void ForEachBinding(Action<string, int> action) => ForEach([.. _target.Numbers], action);

    private static void ForEach(IReadOnlyList<string> items, Action<string, int> action)
    {
        for (var i = 0; i < items.Count; i++)
        {
            action(items[i], i);
        }
    }
}

/// <summary>Where the Vapi credential stands, for the steps that need its id.</summary>
internal sealed record CredentialState(string? Id, bool IsPlannedCreation, string? Problem, bool FailedInThisRun = false, string? AuthUsername = null)
{
    public static CredentialState NotNeeded { get; } = new(null, false, null);

    public static CredentialState WillBeCreated { get; } = new(null, true, null);

    public bool IsFailed => Problem is not null;

    /// <summary>The credential exists; <paramref name="authUsername"/> is its outbound authentication plan's user, when it has one.</summary>
    public static CredentialState Exists(string id, string? authUsername = null) => new(id, false, null, AuthUsername: authUsername);

    /// <summary>The credential step of this run failed (and reported it).</summary>
    public static CredentialState Failed(string problem) => new(null, false, problem, FailedInThisRun: true);

    /// <summary>Inbound only: the credential is not this run's to make, and it is missing or unreadable.</summary>
    public static CredentialState Unavailable(string problem) => new(null, false, problem);
}
