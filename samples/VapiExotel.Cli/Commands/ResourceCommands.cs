using System.CommandLine;
using Spectre.Console;
using Vapi.Client;
using VapiExotel.Cli.Hosting;
using VapiExotel.Integration;

namespace VapiExotel.Cli.Commands;

/// <summary>
/// <c>resources list [--all]</c> and <c>resources remove KIND ID</c>: the original cleanup script's listing and removal,
/// including what earlier runs or other tools left behind (which <c>teardown</c> deliberately leaves alone).
/// </summary>
internal static class ResourceCommands
{
    private static readonly string[] Kinds = ["trunk", "destination", "phone-mapping", "whitelisted-ip", "trunk-credential", "vapi-credential", "vapi-phone-number"];

    public static Command Create(CliEnvironment environment) =>
        new("resources", "List and remove resources on both sides.") { List(environment), Remove(environment) };

    private static Command List(CliEnvironment environment)
    {
        var all = new Option<bool>("--all") { Description = "Also list what the integration does not manage: every trunk and its entries, every BYO SIP trunk credential and BYO number, with ids." };
        var command = new Command("list", "List what the integration manages on both sides (--all: everything, with ids to remove).") { all };
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(parsed, environment, async (session, output, ct) =>
        {
            var inventory = await session.Integrator.ListAsync(ct).ConfigureAwait(false);
            var managed = inventory.Resources.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var rows = parsed.GetValue(all)
                ? await EverythingAsync(session, ct).ConfigureAwait(false)
                : inventory.Resources.Select(r => new Row(KindName(r.Kind), r.Id, r.Description, r.ParentId)).ToList();

            var table = new Table().AddColumns("Kind", "Id", "Description", "Trunk", "Managed");
            foreach (var row in rows)
            {
                table.AddRow(Markup.Escape(row.Kind), Markup.Escape(row.Id), Markup.Escape(row.Description), Markup.Escape(row.Trunk ?? "-"), managed.Contains(row.Id) ? "yes" : "no");
            }

            output.Write(table);
            output.Line(parsed.GetValue(all)
                ? $"{rows.Count} resource(s), {rows.Count(r => managed.Contains(r.Id))} managed by the integration. Remove others with 'vapi-exotel resources remove KIND ID'."
                : $"{inventory.Resources.Count} managed resource(s); {inventory.UnmanagedOnTrunk} other item(s) on the trunk and {inventory.UnmanagedOnCredential} other number(s) on the credential are left alone ('--all' lists them).");
            output.Result(rows.Select(r => new { r.Kind, r.Id, r.Description, trunk = r.Trunk, managed = managed.Contains(r.Id) }));
            return CliApp.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Remove(CliEnvironment environment)
    {
        var kind = new Argument<string>("KIND") { Description = "trunk, destination, phone-mapping, whitelisted-ip, trunk-credential, vapi-credential or vapi-phone-number." };
        kind.AcceptOnlyFromAmong(Kinds);
        var id = new Argument<string>("ID") { Description = "The resource's id, as 'resources list --all' shows it." };
        var trunk = new Option<string?>("--trunk") { Description = "The trunk SID, for a destination, phone mapping, whitelisted IP or trunk credential." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (for scripts)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Say what would be removed, and remove nothing." };
        var command = new Command("remove", "Remove one resource by id, on either side (asks for confirmation).") { kind, id, trunk, yes, dryRun };
        command.Validators.Add(result =>
        {
            var k = result.GetValue(kind);
            if (k is "destination" or "phone-mapping" or "whitelisted-ip" or "trunk-credential" && string.IsNullOrWhiteSpace(result.GetValue(trunk)))
            {
                result.AddError($"--trunk is required to remove a {k}: the trunk SID it belongs to ('resources list --all' shows it).");
            }
        });
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(parsed, environment, async (session, output, ct) =>
        {
            var (what, target, trunkSid) = (parsed.GetValue(kind)!, parsed.GetValue(id)!, parsed.GetValue(trunk));
            var description = trunkSid is null ? $"{what} {target}" : $"{what} {target} on trunk {trunkSid}";
            if (parsed.GetValue(dryRun))
            {
                output.Line($"Would remove {description}. Nothing was removed.");
                output.Result(new { removed = false, kind = what, id = target, trunk = trunkSid });
                return CliApp.Ok;
            }

            if (!parsed.GetValue(yes))
            {
                if (!environment.IsInteractive || output.Json)
                {
                    throw new ArgumentException($"removing {description} needs confirmation: rerun with --yes (or in a terminal to be asked).");
                }

                await environment.Out.WriteAsync($"Remove {description}? Type 'yes' to continue: ").ConfigureAwait(false);
                if (!string.Equals((await environment.In.ReadLineAsync(ct).ConfigureAwait(false))?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
                {
                    output.Line("Nothing was removed.");
                    return CliApp.Ok;
                }
            }

            await RemoveAsync(session, what, target, trunkSid, ct).ConfigureAwait(false);
            output.Line($"Removed {description}.");
            output.Result(new { removed = true, kind = what, id = target, trunk = trunkSid });
            return CliApp.Ok;
        }, cancellationToken));
        return command;
    }

    private static Task RemoveAsync(CliSession session, string kind, string id, string? trunk, CancellationToken cancellationToken) => kind switch
    {
        "trunk" => session.Exotel.Trunks.DeleteAsync(id, confirm: true, cancellationToken),
        "destination" => session.Exotel.DestinationUris.DeleteAsync(trunk!, id, cancellationToken),
        "phone-mapping" => session.Exotel.PhoneNumbers.DeleteAsync(trunk!, id, cancellationToken),
        "whitelisted-ip" => session.Exotel.WhitelistedIps.DeleteAsync(trunk!, id, cancellationToken),
        "trunk-credential" => session.Exotel.Credentials.DeleteAsync(trunk!, id, cancellationToken),
        "vapi-credential" => session.Vapi.Credentials.DeleteAsync(id, cancellationToken),
        "vapi-phone-number" => session.Vapi.PhoneNumbers.DeleteAsync(id, cancellationToken),
        _ => throw new ArgumentException($"KIND must be one of {string.Join(", ", Kinds)}; got '{kind}'."),
    };

    /// <summary>Every trunk with its entries, and every BYO SIP trunk credential and BYO number.</summary>
    private static async Task<List<Row>> EverythingAsync(CliSession session, CancellationToken cancellationToken)
    {
        var exotel = session.Exotel;
        var rows = new List<Row>();
        await foreach (var trunk in exotel.Trunks.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new Row("trunk", trunk.Sid, $"'{trunk.Name}' ({trunk.Status?.Value ?? "unknown"})", null));
            await foreach (var d in exotel.DestinationUris.ListAsync(trunk.Sid, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new Row("destination", d.Id, d.Destination ?? "-", trunk.Sid));
            }

            await foreach (var m in exotel.PhoneNumbers.ListAsync(trunk.Sid, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new Row("phone-mapping", m.Id, $"{m.PhoneNumber} ({m.Mode?.Value ?? "-"})", trunk.Sid));
            }

            await foreach (var ip in exotel.WhitelistedIps.ListAsync(trunk.Sid, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new Row("whitelisted-ip", ip.Id, $"{ip.Ip}/{ip.Mask}", trunk.Sid));
            }

            await foreach (var c in exotel.Credentials.ListAsync(trunk.Sid, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new Row("trunk-credential", c.Id, c.FriendlyName ?? c.UserName ?? "-", trunk.Sid));
            }
        }

        await foreach (var credential in session.Vapi.Credentials.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (credential.Provider == VapiCredentialProvider.ByoSipTrunk)
            {
                rows.Add(new Row("vapi-credential", credential.Id, $"'{credential.Name}' (BYO SIP trunk)", null));
            }
        }

        await foreach (var number in session.Vapi.PhoneNumbers.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (number is ByoPhoneNumber byo)
            {
                rows.Add(new Row("vapi-phone-number", byo.Id, $"{byo.Number} → assistant {byo.AssistantId ?? "-"} (credential {byo.CredentialId ?? "-"})", null));
            }
        }

        return rows;
    }

    private static string KindName(ResourceKind kind) => kind switch
    {
        ResourceKind.ExotelTrunk => "trunk",
        ResourceKind.ExotelDestination => "destination",
        ResourceKind.ExotelNumberMapping => "phone-mapping",
        ResourceKind.ExotelWhitelistedIp => "whitelisted-ip",
        ResourceKind.ExotelTrunkCredential => "trunk-credential",
        ResourceKind.VapiCredential => "vapi-credential",
        ResourceKind.VapiPhoneNumber => "vapi-phone-number",
        _ => kind.ToString(),
    };

    private sealed record Row(string Kind, string Id, string Description, string? Trunk);
}
