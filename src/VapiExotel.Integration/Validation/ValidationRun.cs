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

    /// <summary>Where a check goes in the report, whatever order the concurrent reads finish in.</summary>
    private enum Section
    {
        Configuration, ExotelAccount, ExotelTrunk, ExotelWhitelistedIp, ExotelDestination, ExotelMapping,
        VapiAccount, GatewayAddress, VapiAssistant, VapiCredential, VapiPhoneNumber,
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
                + $"credential '{target.CredentialName}'; destination from the {target.DestinationMode}; Vapi SIP domain {target.SipDomain}."),
        ];
    }

    public async Task<ValidationReport> RunAsync(VapiExotelOptions options, CancellationToken cancellationToken)
    {
        foreach (var check in Offline(options))
        {
            Add(Section.Configuration, 0, check);
        }

        var exotel = ExotelChecksAsync(cancellationToken);
        var vapiSide = VapiChecksAsync(cancellationToken);
        var trunkSid = await exotel.ConfigureAwait(false);
        await vapiSide.ConfigureAwait(false);
        return new ValidationReport(_checks.OrderBy(c => c.Section).ThenBy(c => c.Index).Select(c => c.Check).ToList(), [_target.FlowStep(trunkSid)]);
    }

    private void Add(Section section, int index, ValidationCheck check) => _checks.Enqueue((section, index, check));

    // ---- Exotel ----------------------------------------------------------------------------------------------

    private async Task<string?> ExotelChecksAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ExotelTrunk> trunks;
        try
        {
            trunks = await read.FindTrunksAsync(cancellationToken).ConfigureAwait(false);
            Add(Section.ExotelAccount, 0, new ValidationCheck("exotel.account", ValidationStatus.Passed, "Exotel accepted the account SID, API key and token."));
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            var error = ErrorAdvice.For(ex, ResourceKind.ExotelTrunk);
            Add(Section.ExotelAccount, 0, new ValidationCheck("exotel.account", ValidationStatus.Failed, error.Message, error.Fix));
            Add(Section.ExotelTrunk, 0, new ValidationCheck("exotel.trunk", ValidationStatus.Skipped, "Exotel could not be read."));
            return null;
        }

        if (trunks.Count != 1)
        {
            Add(Section.ExotelTrunk, 0, trunks.Count == 0
                ? new ValidationCheck("exotel.trunk", ValidationStatus.Failed,
                    _target.TrunkSid is { } sid ? $"Trunk {sid} does not exist." : $"There is no trunk named '{_target.TrunkName}'.",
                    _target.TrunkSid is null ? RunSetup : "Check VapiExotel:Trunk:Sid, or remove it so that setup creates a trunk of its own.")
                : new ValidationCheck("exotel.trunk", ValidationStatus.Failed,
                    $"{trunks.Count} trunks are named '{_target.TrunkName}' ({string.Join(", ", trunks.Select(t => t.Sid))}).",
                    "Set VapiExotel:Trunk:Sid to the trunk to use."));
            return null;
        }

        var trunk = trunks[0];
        Add(Section.ExotelTrunk, 0, trunk.Status is { } status && status != ExotelTrunkStatus.Active
            ? new ValidationCheck("exotel.trunk", ValidationStatus.Failed, $"Trunk {trunk.Sid} ('{trunk.Name}') is {status}.", "Ask Exotel support to activate the trunk.")
            : new ValidationCheck("exotel.trunk", ValidationStatus.Passed, $"Trunk {trunk.Sid} ('{trunk.Name}') is active."));

        var ips = read.WhitelistedIpsAsync(trunk.Sid, cancellationToken);
        var destinations = read.DestinationsAsync(trunk.Sid, cancellationToken);
        var mappings = read.MappingsAsync(trunk.Sid, cancellationToken);
        await Task.WhenAll(
            Judge(ips, Section.ExotelWhitelistedIp, "exotel.whitelisted-ip", CheckIps),
            Judge(destinations, Section.ExotelDestination, "exotel.destination", list => CheckDestinationAsync(list, cancellationToken)),
            Judge(mappings, Section.ExotelMapping, "exotel.mapping", list => CheckMappingsAsync(trunk.Sid, list, cancellationToken))).ConfigureAwait(false);
        return trunk.Sid;
    }

    private async Task Judge<T>(Task<List<T>> list, Section section, string name, Func<List<T>, Task> judge)
    {
        try
        {
            await judge(await list.ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            var error = ErrorAdvice.For(ex, ResourceKind.ExotelTrunk);
            Add(section, -1, new ValidationCheck(name, ValidationStatus.Failed, error.Message, error.Fix));
        }
    }

    private Task CheckIps(List<ExotelWhitelistedIp> entries)
    {
        foreach (var (ip, i) in _target.SignallingIps.Select((ip, i) => (ip, i)))
        {
            Add(Section.ExotelWhitelistedIp, i, entries.Any(e => IntegrationTarget.Covers(e.Ip, e.Mask, ip))
                ? new ValidationCheck($"exotel.whitelisted-ip:{ip}", ValidationStatus.Passed, $"{ip} (Vapi) is whitelisted.")
                : new ValidationCheck($"exotel.whitelisted-ip:{ip}", ValidationStatus.Failed, $"{ip} (Vapi) is not whitelisted, so Exotel refuses Vapi's calls from it.", RunSetup));
        }

        return Task.CompletedTask;
    }

    private async Task CheckDestinationAsync(List<ExotelDestinationUri> destinations, CancellationToken cancellationToken)
    {
        string? credentialId = null;
        if (_target.DestinationNeedsCredential)
        {
            var credentials = await read.CredentialsAsync(cancellationToken).ConfigureAwait(false);
            if (credentials.Count != 1)
            {
                Add(Section.ExotelDestination, 0, new ValidationCheck("exotel.destination", ValidationStatus.Skipped, "Its host is the Vapi credential's id, and there is not exactly one credential (see vapi.credential)."));
                return;
            }

            credentialId = credentials[0].Id;
        }

        var desired = _target.Destination(credentialId);
        var stale = destinations.Where(d => read.IsManagedDestination(d) && !d.Matches(desired)).ToList();
        var others = destinations.Count(d => !read.IsManagedDestination(d));
        if (!destinations.Any(d => d.Matches(desired)))
        {
            Add(Section.ExotelDestination, 0, new ValidationCheck("exotel.destination", ValidationStatus.Failed, $"The trunk has no destination {desired}, so inbound calls do not reach Vapi.", RunSetup));
        }
        else if (stale.Count > 0)
        {
            Add(Section.ExotelDestination, 0, new ValidationCheck("exotel.destination", ValidationStatus.Failed,
                $"Besides {desired}, the trunk points at {string.Join(", ", stale.Select(d => d.Destination))}, which Vapi does not route to its assistants.", RunSetup));
        }
        else if (others > 0)
        {
            Add(Section.ExotelDestination, 0, new ValidationCheck("exotel.destination", ValidationStatus.Warning,
                $"{desired} is present, but the trunk has {others} other destination(s); Exotel may send inbound calls there.",
                "Remove the other destinations in the Exotel console if they are not meant to take these calls."));
        }
        else
        {
            Add(Section.ExotelDestination, 0, new ValidationCheck("exotel.destination", ValidationStatus.Passed, $"The trunk's destination is {desired}."));
        }
    }

    private async Task CheckMappingsAsync(string trunkSid, List<ExotelPhoneNumberMapping> mappings, CancellationToken cancellationToken)
    {
        await Task.WhenAll(_target.Numbers.Select(async (number, order) =>
        {
            var name = $"exotel.mapping:{number}";
            var mapping = mappings.FirstOrDefault(m => PhoneNumberText.Same(m.PhoneNumber, number));
            var others = await read.OtherTrunksOfAsync(number, trunkSid, cancellationToken).ConfigureAwait(false);
            Add(Section.ExotelMapping, order, (mapping, others.Count) switch
            {
                (_, > 0) => new ValidationCheck(name, ValidationStatus.Failed,
                    $"{number} is mapped to trunk {string.Join(", ", others)}{(mapping is null ? string.Empty : " as well as this one")}; a number routes through one trunk only.",
                    $"Remove {number} from trunk {string.Join(", ", others)} in the Exotel console."),
                (null, _) => new ValidationCheck(name, ValidationStatus.Failed, $"{number} is not mapped to trunk {trunkSid}.", RunSetup),
                _ when mapping.EffectiveMode != PhoneNumberMode.Pstn => new ValidationCheck(name, ValidationStatus.Failed,
                    $"{number} is mapped in mode '{mapping.Mode}', which sends calls to Exotel's voicebot instead of SIP.", RunSetup),
                _ => new ValidationCheck(name, ValidationStatus.Passed, $"{number} is mapped to trunk {trunkSid} only."),
            });
        })).ConfigureAwait(false);
    }

    // ---- Vapi ------------------------------------------------------------------------------------------------

    private async Task VapiChecksAsync(CancellationToken cancellationToken)
    {
        var assistants = CheckAssistantsAsync(cancellationToken);
        var addresses = ResolveAsync(cancellationToken);

        IReadOnlyList<ByoSipTrunkCredential> credentials;
        IReadOnlyList<ByoPhoneNumber> numbers;
        try
        {
            credentials = await read.CredentialsAsync(cancellationToken).ConfigureAwait(false);
            numbers = await read.PhoneNumbersAsync(cancellationToken).ConfigureAwait(false);
            Add(Section.VapiAccount, 0, new ValidationCheck("vapi.account", ValidationStatus.Passed, "Vapi accepted the API key."));
        }
        catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
        {
            var error = ErrorAdvice.For(ex, ResourceKind.VapiCredential);
            Add(Section.VapiAccount, 0, new ValidationCheck("vapi.account", ValidationStatus.Failed, error.Message, error.Fix));
            await Task.WhenAll(assistants, addresses).ConfigureAwait(false);
            return;
        }

        var gateway = await addresses.ConfigureAwait(false);
        string? credentialId = null;
        if (credentials.Count != 1)
        {
            Add(Section.VapiCredential, 0, credentials.Count == 0
                ? new ValidationCheck("vapi.credential", ValidationStatus.Failed, $"There is no BYO SIP trunk credential named '{_target.CredentialName}', so Vapi cannot call through Exotel.", RunSetup)
                : new ValidationCheck("vapi.credential", ValidationStatus.Failed,
                    $"{credentials.Count} credentials are named '{_target.CredentialName}' ({string.Join(", ", credentials.Select(c => c.Id))}).",
                    "Delete all but one in the Vapi dashboard (keep the one your phone numbers use)."));
        }
        else
        {
            credentialId = credentials[0].Id;
            var drift = gateway is null ? [] : _target.CredentialDrift(credentials[0], gateway);
            Add(Section.VapiCredential, 0, drift.Count == 0
                ? new ValidationCheck("vapi.credential", gateway is null ? ValidationStatus.Skipped : ValidationStatus.Passed,
                    gateway is null ? $"Credential {credentialId} exists; its gateway could not be compared (see gateway.address)." : $"Credential {credentialId} sends to {_target.GatewayHost}'s current address over {_target.GatewayProtocol}.")
                : new ValidationCheck("vapi.credential", ValidationStatus.Failed, $"Credential {credentialId}: {string.Join("; ", drift)}.", RunSetup));
        }

        var order = 0;
        foreach (var binding in _target.Bindings)
        {
            var number = binding.PhoneNumber!;
            var name = $"vapi.phone-number:{number}";
            var mine = numbers.FirstOrDefault(n => PhoneNumberText.Same(n.Number, number) && credentialId is not null && string.Equals(n.CredentialId, credentialId, StringComparison.Ordinal))
                       ?? numbers.FirstOrDefault(n => PhoneNumberText.Same(n.Number, number));
            var drift = mine is null ? [] : _target.NumberDrift(mine, binding, credentialId);
            Add(Section.VapiPhoneNumber, order++, mine is null
                ? new ValidationCheck(name, ValidationStatus.Failed, $"Vapi has no BYO phone number {number}, so its assistant can neither answer nor call.", RunSetup)
                : drift.Count > 0
                    ? new ValidationCheck(name, ValidationStatus.Failed, $"Phone number {mine.Id}: {string.Join("; ", drift)}.", RunSetup)
                    : new ValidationCheck(name, ValidationStatus.Passed, $"Phone number {mine.Id} is answered by assistant {binding.AssistantId}."));
        }

        await assistants.ConfigureAwait(false);
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
            var error = ErrorAdvice.For(ex, ResourceKind.GatewayAddress);
            Add(Section.GatewayAddress, 0, new ValidationCheck("gateway.address", ValidationStatus.Failed, error.Message, error.Fix));
            return null;
        }
    }

    private Task CheckAssistantsAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_target.Bindings.Select(b => b.AssistantId!).Distinct(StringComparer.Ordinal).Select(async (id, order) =>
        {
            var name = $"vapi.assistant:{id}";
            try
            {
                var assistant = await gate.RunAsync(ct => vapi.Assistants.GetAsync(id, ct), cancellationToken).ConfigureAwait(false);
                Add(Section.VapiAssistant, order, new ValidationCheck(name, ValidationStatus.Passed, $"Assistant '{assistant.Name ?? id}' exists."));
            }
            catch (Exception ex) when (ErrorAdvice.IsKnown(ex))
            {
                var error = ErrorAdvice.For(ex, ResourceKind.VapiAssistant);
                Add(Section.VapiAssistant, order, new ValidationCheck(name, ValidationStatus.Failed, error.Message, error.Fix));
            }
        }));
}
