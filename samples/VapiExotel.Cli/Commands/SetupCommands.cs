using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using VapiExotel.Cli.Hosting;
using VapiExotel.Integration;

namespace VapiExotel.Cli.Commands;

/// <summary><c>setup</c>, <c>validate</c>, <c>resources list</c> and <c>teardown</c>: the integration's lifecycle.</summary>
internal static class SetupCommands
{
    public static Command Setup(CliEnvironment environment)
    {
        var inboundOnly = new Option<bool>("--inbound-only") { Description = "Only the Exotel side: trunk, Vapi's addresses, destination, number mappings." };
        var outboundOnly = new Option<bool>("--outbound-only") { Description = "Only the Vapi side: the BYO SIP trunk credential and the phone numbers." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the plan: what setup would create or repair, changing nothing." };
        var command = new Command("setup", "Set up both directions idempotently: inbound (Exotel trunk to Vapi) and outbound (Vapi BYO trunk to Exotel).")
        {
            inboundOnly, outboundOnly, dryRun,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(inboundOnly) && result.GetValue(outboundOnly))
            {
                result.AddError("--inbound-only and --outbound-only cannot be combined; give neither for both directions.");
            }
        });
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(parsed, environment, async (session, output, ct) =>
        {
            var scope = parsed.GetValue(inboundOnly) ? SetupScope.Inbound : parsed.GetValue(outboundOnly) ? SetupScope.Outbound : SetupScope.All;
            var apply = !parsed.GetValue(dryRun);
            var direction = scope switch { SetupScope.Inbound => "inbound only", SetupScope.Outbound => "outbound only", _ => "inbound and outbound" };
            output.Markup($"[bold]{(apply ? "Setting up" : "Planning")}[/] {direction} for {Markup.Escape(string.Join(", ", session.Options.GetNumberBindings().Select(b => b.PhoneNumber)))}");

            if (session.Sandbox is not null && scope == SetupScope.Inbound)
            {
                // The destination's host is the Vapi credential's id, and each run starts a fresh sandbox.
                (await session.Integrator.SetupAsync(SetupScope.Outbound, ct).ConfigureAwait(false)).EnsureSuccess();
                output.Notice("Inbound setup needs the Vapi credential (the destination's host is its id): the sandbox's outbound side was set up first.");
            }

            var progress = new StepPrinter(output);
            IntegrationReport report;
            if (apply)
            {
                // The plan lists each step before it starts; each is printed again as it ends.
                var plan = await session.Integrator.PlanAsync(scope, ct).ConfigureAwait(false);
                foreach (var step in plan.Steps.Where(s => s.Outcome is StepOutcome.WouldCreate or StepOutcome.WouldUpdate))
                {
                    output.Markup($"  [grey]… {Markup.Escape(Describe(step.Outcome))} {Markup.Escape(Name(step.Kind))} {Markup.Escape(step.Target)}[/]");
                }

                report = await session.Integrator.SetupAsync(scope, progress, ct).ConfigureAwait(false);
            }
            else
            {
                report = await session.Integrator.PlanAsync(scope, progress, ct).ConfigureAwait(false);
            }

            Summarize(output, session, report);
            if (report.DigestCredential is { } digest)
            {
                // Returned once: neither service gives the password back, so this is the only time it can be stored.
                output.Markup($"[yellow]SIP digest credential[/] (shown once; store it now): user [bold]{Markup.Escape(digest.UserName)}[/], password [bold]{Markup.Escape(digest.Password)}[/]");
            }

            output.Result(ReportJson(report, session));
            return report.Succeeded ? CliApp.Ok : CliApp.Failed;
        }, cancellationToken, prepareSandbox: false));
        return command;
    }

    public static Command Validate(CliEnvironment environment)
    {
        var offline = new Option<bool>("--offline") { Description = "Only the configuration checks; send no request." };
        var command = new Command("validate", "Check the configuration, then both accounts online; exits 1 when a check fails.") { offline };
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(
            parsed,
            environment,
            async (session, output, ct) => PrintChecks(output, parsed.GetValue(offline)
                ? new ValidationReport(VapiExotelIntegrator.ValidateConfiguration(session.Options))
                : await session.Integrator.ValidateAsync(ct).ConfigureAwait(false)),
            cancellationToken,
            prepareSandbox: !parsed.GetValue(offline),
            invalidConfiguration: (configuration, output) =>
            {
                // A configuration that cannot start is what validate is for: the offline checks, each with its fix.
                var options = new VapiExotelOptions();
                configuration.GetSection(VapiExotelOptions.SectionName).Bind(options);
                return PrintChecks(output, new ValidationReport(VapiExotelIntegrator.ValidateConfiguration(options)));
            }));
        return command;
    }

    private static int PrintChecks(Output output, ValidationReport checks)
    {
        foreach (var check in checks.Checks)
        {
            var (symbol, colour) = check.Status switch
            {
                ValidationStatus.Passed => ("✓", "green"),
                ValidationStatus.Warning => ("!", "yellow"),
                ValidationStatus.Failed => ("✗", "red"),
                ValidationStatus.ManualStepPending => ("→", "cyan"),
                _ => ("-", "grey"),
            };
            output.Markup($"  [{colour}]{symbol} {Markup.Escape(check.Name)}[/]: {Markup.Escape(check.Message)}");
            if (check.Fix is { } fix && check.Status is ValidationStatus.Failed or ValidationStatus.Warning)
            {
                output.Markup($"      [grey]Fix: {Markup.Escape(fix)}[/]");
            }
            else if (check.Fix is { } todo && check.Status is ValidationStatus.ManualStepPending && !checks.ManualSteps.Contains(todo, StringComparer.Ordinal))
            {
                output.Markup($"      [grey]To do: {Markup.Escape(todo)}[/]");
            }
        }

        foreach (var manual in checks.ManualSteps)
        {
            output.Markup($"  [yellow]Manual step:[/] {Markup.Escape(manual)}");
        }

        var failed = checks.Failures.Count();
        var pending = Math.Max(checks.ManualSteps.Count, checks.PendingManualSteps.Count());
        output.Line(failed > 0 ? $"{failed} check(s) failed." : pending > 0 ? $"Valid; {pending} manual step(s) pending." : "Valid.");
        output.Result(new
        {
            valid = checks.IsValid,
            manualStepsPending = checks.HasPendingManualSteps,
            checks = checks.Checks.Select(c => new { c.Name, status = c.Status, c.Message, c.Fix }),
            manualSteps = checks.ManualSteps,
        });
        return checks.IsValid ? CliApp.Ok : CliApp.Failed;
    }

    public static Command Teardown(CliEnvironment environment)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be removed, changing nothing." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (for scripts)." };
        var command = new Command("teardown", "Remove what the integration created (children first); asks for confirmation.") { dryRun, yes };
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(parsed, environment, async (session, output, ct) =>
        {
            var plan = await session.Integrator.TeardownAsync(dryRun: true, ct).ConfigureAwait(false);
            if (parsed.GetValue(dryRun) || !plan.HasChanges && plan.Steps.All(s => s.Outcome != StepOutcome.WouldDelete))
            {
                PrintSteps(output, plan);
                output.Line(plan.Steps.Any(s => s.Outcome == StepOutcome.WouldDelete) ? "Dry run: nothing was removed." : "Nothing to remove.");
                output.Result(ReportJson(plan, session));
                return plan.Succeeded ? CliApp.Ok : CliApp.Failed;
            }

            if (!parsed.GetValue(yes))
            {
                PrintSteps(output, plan);
                if (!environment.IsInteractive || output.Json)
                {
                    throw new ArgumentException("teardown removes resources and needs confirmation: rerun with --yes (or in a terminal to be asked).");
                }

                await environment.Out.WriteAsync("Remove these resources? Type 'yes' to continue: ").ConfigureAwait(false);
                var answer = await environment.In.ReadLineAsync(ct).ConfigureAwait(false);
                if (!string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase))
                {
                    output.Line("Nothing was removed.");
                    return CliApp.Ok;
                }
            }

            var report = await session.Integrator.TeardownAsync(dryRun: false, new StepPrinter(output), ct).ConfigureAwait(false);
            output.Line(report.Succeeded ? "Teardown complete." : $"{report.Failures.Count()} step(s) failed; rerun teardown to finish.");
            output.Result(ReportJson(report, session));
            return report.Succeeded ? CliApp.Ok : CliApp.Failed;
        }, cancellationToken));
        return command;
    }

    /// <summary>Prints each step as it lands.</summary>
    private sealed class StepPrinter(Output output) : IProgress<IntegrationStep>
    {
        public void Report(IntegrationStep value) => PrintStep(output, value);
    }

    private static void PrintSteps(Output output, IntegrationReport report)
    {
        foreach (var step in report.Steps)
        {
            PrintStep(output, step);
        }
    }

    private static void PrintStep(Output output, IntegrationStep step)
    {
        var colour = step.Outcome switch
        {
            StepOutcome.Failed => "red",
            StepOutcome.Skipped => "yellow",
            StepOutcome.AlreadyPresent => "grey",
            _ => "green",
        };
        var symbol = step.Outcome switch { StepOutcome.Failed => "✗", StepOutcome.Skipped => "-", _ => "✓" };
        var id = step.ResourceId is { } resourceId ? $" [grey]({Markup.Escape(resourceId)})[/]" : string.Empty;
        output.Markup($"  [{colour}]{symbol} {Markup.Escape(Describe(step.Outcome)),-15}[/] {Markup.Escape(Name(step.Kind))} {Markup.Escape(step.Target)}{id}");
        if (step.Error is { } error)
        {
            output.Markup($"      [red]{Markup.Escape(error.Message)}[/]");
            output.Markup($"      [grey]Fix: {Markup.Escape(error.Fix)}[/]");
        }
        else if (step.Outcome == StepOutcome.Skipped && step.Message is { } reason)
        {
            output.Markup($"      [grey]{Markup.Escape(reason)}[/]");
        }
    }

    /// <summary>The summary after setup: a table of resources and the call path both ways, with the real ids.</summary>
    private static void Summarize(Output output, CliSession session, IntegrationReport report)
    {
        output.Line();
        var table = new Table().AddColumns("Resource", "Target", "Outcome", "Id");
        foreach (var step in report.Steps)
        {
            table.AddRow(Markup.Escape(Name(step.Kind)), Markup.Escape(step.Target), Markup.Escape(Describe(step.Outcome)), Markup.Escape(step.ResourceId ?? "-"));
        }

        output.Write(table);
        foreach (var path in CallPaths(session, report))
        {
            output.Line(path);
        }

        foreach (var manual in report.ManualSteps)
        {
            output.Markup($"[yellow]Manual step:[/] {Markup.Escape(manual)}");
        }

        var failures = report.Failures.Count();
        output.Markup(failures == 0
            ? $"[green]{(report.Operation == "plan" ? "Plan complete" : "Setup complete")}[/]: {report.Steps.Count(s => s.IsChange)} change(s), {report.Steps.Count} step(s)."
            : $"[red]{failures} step(s) failed[/]; what exists is listed above. Fix the cause and rerun: nothing is duplicated.");
    }

    private static IEnumerable<string> CallPaths(CliSession session, IntegrationReport report)
    {
        var trunk = report.TrunkSid ?? "(trunk)";
        var destination = report.StepsFor(ResourceKind.ExotelDestination).Select(s => s.Target).FirstOrDefault() ?? "(destination)";
        var gateway = session.Options.Gateway;
        foreach (var binding in session.Options.GetNumberBindings())
        {
            var vapiNumber = report.StepsFor(ResourceKind.VapiPhoneNumber).FirstOrDefault(s => s.Target == binding.PhoneNumber)?.ResourceId ?? "(number)";
            if (report.Scope != SetupScope.Outbound)
            {
                yield return $"Inbound:  caller → {binding.PhoneNumber} → Exotel trunk {trunk} → sip:{destination} → Vapi assistant {binding.AssistantId}";
            }

            if (report.Scope != SetupScope.Inbound)
            {
                yield return $"Outbound: Vapi assistant {binding.AssistantId} → Vapi number {vapiNumber} (credential {report.CredentialId ?? "(credential)"}) → Exotel gateway {gateway.Host}:{gateway.GetPort(session.Options.Trunk.Transport)} → callee";
            }
        }
    }

    internal static object ReportJson(IntegrationReport report, CliSession session) => new
    {
        operation = report.Operation,
        scope = report.Scope,
        succeeded = report.Succeeded,
        sandbox = session.Sandbox is not null,
        trunkSid = report.TrunkSid,
        credentialId = report.CredentialId,
        steps = report.Steps.Select(s => new
        {
            kind = s.Kind,
            s.Target,
            outcome = s.Outcome,
            s.ResourceId,
            s.Message,
            error = s.Error is { } e ? new { e.Service, e.Message, e.Fix, e.HttpStatus, e.ErrorCode, e.RequestId, e.IsOutcomeUnknown, e.IsConflict } : null,
        }),
        manualSteps = report.ManualSteps,
        digestCredential = report.DigestCredential is { } digest ? new { digest.UserName, digest.Password } : null,   // returned once
    };

    internal static string Describe(StepOutcome outcome) => outcome switch
    {
        StepOutcome.AlreadyPresent => "already present",
        StepOutcome.WouldCreate => "would create",
        StepOutcome.WouldUpdate => "would update",
        StepOutcome.WouldDelete => "would delete",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    internal static string Name(ResourceKind kind) => kind switch
    {
        ResourceKind.ExotelTrunk => "Exotel trunk",
        ResourceKind.ExotelWhitelistedIp => "Exotel whitelisted IP",
        ResourceKind.ExotelDestination => "Exotel destination",
        ResourceKind.ExotelNumberMapping => "Exotel number mapping",
        ResourceKind.ExotelTrunkCredential => "Exotel trunk digest credential",
        ResourceKind.VapiCredential => "Vapi SIP trunk credential",
        ResourceKind.VapiPhoneNumber => "Vapi phone number",
        ResourceKind.GatewayAddress => "Exotel gateway address",
        _ => kind.ToString(),
    };
}
