using System.Collections.Concurrent;
using System.Net.Sockets;
using Exotel.VSip;
using Vapi.Client;
using VapiExotel.Integration.Internal;
using VapiExotel.Integration.Planning;

namespace VapiExotel.Integration.Validation;

/// <summary>The reads of a setup, judged: each check with its status and, when it did not pass, the fix.</summary>
internal sealed class ValidationRun(VapiClient vapi, StateReader read, RequestGate gate)
{
    private const string RunSetup = "Run setup: it creates or repairs this without duplicating anything.";
    private readonly IntegrationTarget _target = read.Target;
    private readonly ConcurrentQueue<(Section Section, int Index, ValidationCheck Check)> _checks = new();

    // What the security posture is judged from, each set by one side's reads (null when unknown) and read once both are done.
    private List<ExotelWhitelistedIp>? _whitelist;
    private (List<ExotelTrunkCredential>? Value, Exception? Error) _trunkCredentials;
    private ByoSipTrunkCredential? _vapiCredential;

    /// <summary>Where a check goes in the report, whatever order the concurrent reads finish in.</summary>
    private enum Section
    {
        Configuration, ExotelAccount, ExotelTrunk, ExotelWhitelistedIp, ExotelDestination, ExotelMapping, ExotelInboundFlow,
        VapiAccount, GatewayAddress, VapiAssistant, VapiCredential, VapiPhoneNumber, SecurityPosture,
    }

    /// <summary>The offline checks alone: every configuration problem, each naming its key.</summary>
    public static IReadOnlyList<ValidationCheck> Offline(VapiExotelOptions options)
    {
        var problems = VapiExotelOptionsValidator.Problems(options).ToList();
        if (problems.Count > 0)
        {
            return problems.Select(p => new ValidationCheck("configuration", ValidationStatus.Failed, p, "Set the key as the message says (appsettings.json, VapiExotel__… environment variables or user secrets).")).ToList();
        }

        var target = new IntegrationTarget(options);
        return
        [
            new ValidationCheck("configuration", ValidationStatus.Passed,
                $"{target.Bindings.Count} number(s); trunk {target.TrunkLabel} over {target.Transport}; gateway {target.GatewayHost}:{target.GatewayPort}; "
                + $"credential '{target.CredentialName}'; destination {target.SipUriHost ?? "{credential id}." + target.SipDomain}."),
        ];
    }

    public async Task<ValidationReport> RunAsync(VapiExotelOptions options, CancellationToken cancellationToken)
    {
        foreach (var check in Offline(options))
        {
            Add(Section.Configuration, 0, check);
        }

        // The destination's host may be the credential's id: both sides wait on one read of the credentials.
        var credentials = ErrorAdvice.AttemptAsync(read.CredentialsAsync(cancellationToken));
        var exotel = ExotelChecksAsync(credentials, cancellationToken);
        var vapiSide = VapiChecksAsync(credentials, cancellationToken);
        await Task.WhenAll(exotel, vapiSide).ConfigureAwait(false);
        var trunkSid = await exotel.ConfigureAwait(false);
        Add(Section.ExotelInboundFlow, 0, new ValidationCheck(TrunkPosture.InboundFlowName, ValidationStatus.ManualStepPending,
            $"Inbound calls to {string.Join(", ", _target.Numbers)} reach the trunk only through an Exotel flow whose Connect applet dials "
            + $"sip:{trunkSid ?? "<trunk sid>"}; no API can create or read that flow, so it is not verified.",
            _target.FlowStep(trunkSid)));
        if (trunkSid is null)
        {
            Add(Section.SecurityPosture, 0, new ValidationCheck(TrunkPosture.Name, ValidationStatus.Skipped, "There is no trunk to judge (see exotel.trunk)."));
        }
        else if (_trunkCredentials.Error is { } credentialsError)
        {
            Fail(Section.SecurityPosture, 0, TrunkPosture.Name, credentialsError, ResourceKind.ExotelTrunk);
        }
        else
        {
            Add(Section.SecurityPosture, 0, TrunkPosture.Judge(_target.SignallingIps, _whitelist, _trunkCredentials.Value!, _vapiCredential));
        }

        return new ValidationReport(_checks.OrderBy(c => c.Section).ThenBy(c => c.Index).Select(c => c.Check).ToList(), [_target.FlowStep(trunkSid)]);
    }

    private void Add(Section section, int index, ValidationCheck check) => _checks.Enqueue((section, index, check));

    private void Fail(Section section, int index, string name, Exception error, ResourceKind kind)
    {
        var advice = ErrorAdvice.For(error, kind, "validate");
        Add(section, index, new ValidationCheck(name, ValidationStatus.Failed, advice.Message, advice.Fix));
    }

    // ---- Exotel ----------------------------------------------------------------------------------------------

    private async Task<string?> ExotelChecksAsync(Task<(IReadOnlyList<ByoSipTrunkCredential>? Value, Exception? Error)> credentials, CancellationToken cancellationToken)
    {
        var (trunks, error) = await ErrorAdvice.AttemptAsync(read.FindTrunksAsync(cancellationToken)).ConfigureAwait(false);
        if (error is not null)
        {
            Fail(Section.ExotelAccount, 0, "exotel.account", error, ResourceKind.ExotelTrunk);
            Add(Section.ExotelTrunk, 0, new ValidationCheck("exotel.trunk", ValidationStatus.Skipped, "Exotel could not be read (see exotel.account)."));
            SkipTrunkChecks("Exotel could not be read (see exotel.account).");
            return null;
        }

        Add(Section.ExotelAccount, 0, new ValidationCheck("exotel.account", ValidationStatus.Passed, "Exotel accepted the account SID, API key and token."));
        if (trunks!.Count != 1)
        {
            Add(Section.ExotelTrunk, 0, trunks.Count == 0
                ? new ValidationCheck("exotel.trunk", ValidationStatus.Failed,
                    _target.TrunkSid is { } sid ? $"Trunk {sid} does not exist." : $"There is no trunk named '{_target.TrunkName}'.",
                    _target.TrunkSid is null ? RunSetup : "Check VapiExotel:Trunk:Sid, or remove it so that setup creates a trunk of its own.")
                : new ValidationCheck("exotel.trunk", ValidationStatus.Failed,
                    _target.AmbiguousTrunks(trunks),
                    "Set VapiExotel:Trunk:Sid to the trunk to use."));
            SkipTrunkChecks("There is no trunk to check (see exotel.trunk).");
            return null;
        }

        var trunk = trunks[0];
        Add(Section.ExotelTrunk, 0, trunk.Status is { } status && status != ExotelTrunkStatus.Active
            ? new ValidationCheck("exotel.trunk", ValidationStatus.Failed, $"Trunk {trunk.Sid} ('{trunk.Name}') is {status}.", "Ask Exotel support to activate the trunk.")
            : new ValidationCheck("exotel.trunk", ValidationStatus.Passed, $"Trunk {trunk.Sid} ('{trunk.Name}') is active."));

        await Task.WhenAll(
            ReadTrunkCredentialsAsync(trunk.Sid, cancellationToken),
            CheckIpsAsync(trunk.Sid, cancellationToken),
            CheckDestinationAsync(trunk.Sid, credentials, cancellationToken),
            CheckMappingsAsync(trunk.Sid, cancellationToken)).ConfigureAwait(false);
        return trunk.Sid;
    }

    /// <summary>The trunk's digest credentials, for the security posture.</summary>
    private async Task ReadTrunkCredentialsAsync(string trunkSid, CancellationToken cancellationToken) =>
        _trunkCredentials = await ErrorAdvice.AttemptAsync(read.TrunkCredentialsAsync(trunkSid, cancellationToken)).ConfigureAwait(false);

    private void SkipTrunkChecks(string reason)
    {
        foreach (var (ip, i) in _target.SignallingIps.Select((ip, i) => (ip, i)))
        {
            Add(Section.ExotelWhitelistedIp, i, new ValidationCheck($"exotel.whitelisted-ip:{ip}", ValidationStatus.Skipped, reason));
        }

        Add(Section.ExotelDestination, 0, new ValidationCheck("exotel.destination", ValidationStatus.Skipped, reason));
        foreach (var (number, i) in _target.Numbers.Select((n, i) => (n, i)))
        {
            Add(Section.ExotelMapping, i, new ValidationCheck($"exotel.mapping:{number}", ValidationStatus.Skipped, reason));
        }
    }

    private async Task CheckIpsAsync(string trunkSid, CancellationToken cancellationToken)
    {
        var (entries, error) = await ErrorAdvice.AttemptAsync(read.WhitelistedIpsAsync(trunkSid, cancellationToken)).ConfigureAwait(false);
        _whitelist = entries;
        foreach (var (ip, i) in _target.SignallingIps.Select((ip, i) => (ip, i)))
        {
            var name = $"exotel.whitelisted-ip:{ip}";
            if (error is not null)
            {
                Fail(Section.ExotelWhitelistedIp, i, name, error, ResourceKind.ExotelWhitelistedIp);
                continue;
            }

            Add(Section.ExotelWhitelistedIp, i, entries!.Any(e => IntegrationTarget.Covers(e.Ip, e.Mask, ip))
                ? new ValidationCheck(name, ValidationStatus.Passed, $"{ip} (Vapi) is whitelisted.")
                : new ValidationCheck(name, ValidationStatus.Failed, $"{ip} (Vapi) is not whitelisted, so Exotel refuses Vapi's calls from it.", RunSetup));
        }
    }

    private async Task CheckDestinationAsync(
        string trunkSid, Task<(IReadOnlyList<ByoSipTrunkCredential>? Value, Exception? Error)> credentials, CancellationToken cancellationToken)
    {
        const string Name = "exotel.destination";
        var (list, error) = await ErrorAdvice.AttemptAsync(read.DestinationsAsync(trunkSid, cancellationToken)).ConfigureAwait(false);
        if (list is not { } destinations)
        {
            Fail(Section.ExotelDestination, 0, Name, error!, ResourceKind.ExotelDestination);
            return;
        }

        string? credentialId = null;
        if (_target.DestinationNeedsCredential)
        {
            if ((await credentials.ConfigureAwait(false)).Value is not [var only])
            {
                Add(Section.ExotelDestination, 0, new ValidationCheck(Name, ValidationStatus.Skipped,
                    "Its host is the Vapi credential's id, and there is not exactly one credential (see vapi.credential)."));
                return;
            }

            credentialId = only.Id;
        }

        var desired = _target.Destination(credentialId);
        var stale = destinations.Where(d => StateReader.IsManagedDestination(d, [desired.Host]) && !d.Matches(desired)).ToList();
        var others = destinations.Count(d => !StateReader.IsManagedDestination(d, [desired.Host]));
        Add(Section.ExotelDestination, 0, true switch
        {
            _ when !destinations.Any(d => d.Matches(desired)) => new ValidationCheck(Name, ValidationStatus.Failed,
                $"The trunk has no destination {desired}, so inbound calls do not reach Vapi.", RunSetup),
            _ when stale.Count > 0 => new ValidationCheck(Name, ValidationStatus.Failed,
                $"Besides {desired}, the trunk points at {string.Join(", ", stale.Select(d => d.Destination))}, the same host with another port or transport.", RunSetup),
            _ when others > 0 => new ValidationCheck(Name, ValidationStatus.Warning,
                $"{desired} is present, but the trunk has {others} other destination(s); Exotel may send inbound calls there.",
                "Remove the other destinations in the Exotel console if they are not meant to take these calls."),
            _ => new ValidationCheck(Name, ValidationStatus.Passed, $"The trunk's destination is {desired}."),
        });
    }

    private async Task CheckMappingsAsync(string trunkSid, CancellationToken cancellationToken)
    {
        var mappings = ErrorAdvice.AttemptAsync(read.MappingsAsync(trunkSid, cancellationToken));
        await Task.WhenAll(_target.Numbers.Select(async (number, order) =>
        {
            var name = $"exotel.mapping:{number}";
            var (trunks, lookupError) = await ErrorAdvice.AttemptAsync(read.TrunksOfAsync(number, cancellationToken)).ConfigureAwait(false);
            var (list, listError) = await mappings.ConfigureAwait(false);
            if ((listError ?? lookupError) is { } error)
            {
                Fail(Section.ExotelMapping, order, name, error, ResourceKind.ExotelNumberMapping);
                return;
            }

            var mapping = list!.FirstOrDefault(m => PhoneNumberText.Same(m.PhoneNumber, number));
            var others = trunks!.Where(t => !string.Equals(t, trunkSid, StringComparison.Ordinal)).ToList();
            Add(Section.ExotelMapping, order, true switch
            {
                _ when others.Count > 0 => new ValidationCheck(name, ValidationStatus.Failed,
                    $"{number} is mapped to trunk {string.Join(", ", others)}{(mapping is null ? string.Empty : " as well as this one")}; a number routes through one trunk only.",
                    $"Remove {number} from trunk {string.Join(", ", others)} in the Exotel console."),
                _ when mapping is null => new ValidationCheck(name, ValidationStatus.Failed, $"{number} is not mapped to trunk {trunkSid}.", RunSetup),
                _ when mapping.EffectiveMode != PhoneNumberMode.Pstn => new ValidationCheck(name, ValidationStatus.Failed,
                    $"{number} is mapped in mode '{mapping.Mode}', which sends calls to Exotel's voicebot instead of SIP.", RunSetup),
                _ => new ValidationCheck(name, ValidationStatus.Passed, $"{number} is mapped to trunk {trunkSid} only."),
            });
        })).ConfigureAwait(false);
    }

    // ---- Vapi ------------------------------------------------------------------------------------------------

    private async Task VapiChecksAsync(Task<(IReadOnlyList<ByoSipTrunkCredential>? Value, Exception? Error)> credentialsRead, CancellationToken cancellationToken)
    {
        var assistants = CheckAssistantsAsync(cancellationToken);
        var addresses = ResolveAsync(cancellationToken);
        var numbersRead = ErrorAdvice.AttemptAsync(read.PhoneNumbersAsync(cancellationToken));
        await Task.WhenAll(assistants, addresses, numbersRead, credentialsRead).ConfigureAwait(false);
        var (credentials, credentialsError) = await credentialsRead.ConfigureAwait(false);
        var (numbers, numbersError) = await numbersRead.ConfigureAwait(false);
        if ((credentialsError ?? numbersError) is { } error)
        {
            Fail(Section.VapiAccount, 0, "vapi.account", error, ResourceKind.VapiCredential);
            Add(Section.VapiCredential, 0, new ValidationCheck("vapi.credential", ValidationStatus.Skipped, "Vapi could not be read (see vapi.account)."));
            foreach (var (number, i) in _target.Numbers.Select((n, i) => (n, i)))
            {
                Add(Section.VapiPhoneNumber, i, new ValidationCheck($"vapi.phone-number:{number}", ValidationStatus.Skipped, "Vapi could not be read (see vapi.account)."));
            }

            return;
        }

        Add(Section.VapiAccount, 0, new ValidationCheck("vapi.account", ValidationStatus.Passed, "Vapi accepted the API key."));
        var gateway = await addresses.ConfigureAwait(false);
        string? credentialId = null;
        if (credentials!.Count != 1)
        {
            Add(Section.VapiCredential, 0, credentials.Count == 0
                ? new ValidationCheck("vapi.credential", ValidationStatus.Failed, $"There is no BYO SIP trunk credential named '{_target.CredentialName}', so Vapi cannot call through Exotel.", RunSetup)
                : new ValidationCheck("vapi.credential", ValidationStatus.Failed,
                    _target.AmbiguousCredentials(credentials),
                    "Delete all but one in the Vapi dashboard (keep the one your phone numbers use)."));
        }
        else
        {
            credentialId = credentials[0].Id;
            _vapiCredential = credentials[0];
            var drift = gateway is null ? [] : _target.CredentialDrift(credentials[0], gateway);
            Add(Section.VapiCredential, 0, (gateway, drift.Count) switch
            {
                (null, _) => new ValidationCheck("vapi.credential", ValidationStatus.Skipped, $"Credential {credentialId} exists; its gateway could not be compared (see gateway.address)."),
                (_, 0) => new ValidationCheck("vapi.credential", ValidationStatus.Passed, $"Credential {credentialId} sends to {_target.GatewayHost}'s current address over {_target.GatewayProtocol}."),
                _ => new ValidationCheck("vapi.credential", ValidationStatus.Failed, $"Credential {credentialId}: {string.Join("; ", drift)}.", RunSetup),
            });
        }

        foreach (var (binding, i) in _target.Bindings.Select((b, i) => (b, i)))
        {
            var number = binding.PhoneNumber!;
            var name = $"vapi.phone-number:{number}";
            var mine = IntegrationTarget.PhoneNumberFor(numbers!, number, credentialId, out var candidates);
            var drift = mine is null ? [] : _target.NumberDrift(mine, binding, credentialId);
            Add(Section.VapiPhoneNumber, i, true switch
            {
                _ when mine is null && candidates.Count > 1 => new ValidationCheck(name, ValidationStatus.Failed,
                    $"{candidates.Count} Vapi phone numbers carry {number} ({string.Join(", ", candidates.Select(c => c.Id))}), none on the integration's credential.",
                    "Delete the ones you no longer use in the Vapi dashboard, then run setup."),
                _ when mine is null => new ValidationCheck(name, ValidationStatus.Failed, $"Vapi has no BYO phone number {number}, so its assistant can neither answer nor call.", RunSetup),
                _ when drift.Count > 0 => new ValidationCheck(name, ValidationStatus.Failed, $"Phone number {mine!.Id}: {string.Join("; ", drift)}.", RunSetup),
                _ => new ValidationCheck(name, ValidationStatus.Passed, $"Phone number {mine!.Id} is answered by assistant {binding.AssistantId}."),
            });
        }
    }

    private async Task<IReadOnlyList<string>?> ResolveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var addresses = await _target.ResolveGatewayAsync(cancellationToken).ConfigureAwait(false);
            Add(Section.GatewayAddress, 0, new ValidationCheck("gateway.address", ValidationStatus.Passed, $"{_target.GatewayHost} is {string.Join(", ", addresses)}."));
            return addresses;
        }
        catch (SocketException ex)
        {
            Fail(Section.GatewayAddress, 0, "gateway.address", ex, ResourceKind.GatewayAddress);
            return null;
        }
    }

    private Task CheckAssistantsAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_target.Bindings.Select(b => b.AssistantId!).Distinct(StringComparer.Ordinal).Select(async (id, order) =>
        {
            var name = $"vapi.assistant:{id}";
            var (assistant, error) = await ErrorAdvice.AttemptAsync(gate.RunAsync(ct => vapi.Assistants.GetAsync(id, ct), cancellationToken)).ConfigureAwait(false);
            if (error is not null)
            {
                Fail(Section.VapiAssistant, order, name, error, ResourceKind.VapiAssistant);
            }
            else
            {
                Add(Section.VapiAssistant, order, new ValidationCheck(name, ValidationStatus.Passed, $"Assistant '{assistant!.Name ?? id}' exists."));
            }
        }));
}
