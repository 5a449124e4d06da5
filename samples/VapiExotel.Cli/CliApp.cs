using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Exotel.VSip;
using Microsoft.Extensions.Options;
using Vapi.Client;
using VapiExotel.Cli.Commands;
using VapiExotel.Cli.Hosting;
using VapiExotel.Integration;

namespace VapiExotel.Cli;

/// <summary>The command tree of <c>vapi-exotel</c> and the one place that turns failures into exit codes.</summary>
public static class CliApp
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>An operation failed (a step, a check, a request).</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or configuration.</summary>
    public const int BadUsage = 2;

    // The global options' names; each run builds its own Option objects (System.CommandLine keeps a parent list per
    // option, so shared instances would grow with every run and race between runs in one process).
    internal const string Json = "--json";
    internal const string Verbose = "--verbose";
    internal const string Settings = "--settings";
    internal const string Set = "--set";

    /// <summary>Runs the tool with <paramref name="args"/>; returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">The console and environment (tests pass their own).</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = Build(environment);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await environment.Error.WriteLineAsync($"Error: {error.Message}").ConfigureAwait(false);
            }

            await environment.Error.WriteLineAsync("Fix: see 'vapi-exotel --help' or 'vapi-exotel <command> --help'.").ConfigureAwait(false);
            return BadUsage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false }, cancellationToken)
            .ConfigureAwait(false);
    }

    private static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand(
            "vapi-exotel: wire an Exotel account to Vapi AI assistants over SIP, both ways, and place calls. " +
            "With no credentials configured it runs against a built-in offline sandbox.")
        {
            new Option<bool>(Json) { Description = "Print one JSON document instead of text.", Recursive = true },
            new Option<bool>(Verbose, "-v") { Description = "Print the SDK's log lines and, on failure, the stack trace.", Recursive = true },
            new Option<string?>(Settings) { Description = "A JSON settings file read after appsettings.json, user secrets and environment variables.", Recursive = true },
            new Option<string[]>(Set)
            {
                Description = "A setting as KEY=VALUE, e.g. --set Exotel:AccountSid=acme1 (keys are under VapiExotel:); repeatable, read last.",
                Recursive = true,
            },
        };

        foreach (var command in new[]
                 {
                     SetupCommands.Setup(environment), SetupCommands.Validate(environment), CallCommands.TestCall(environment),
                     CallCommands.Call(environment), ResourceCommands.Create(environment), SetupCommands.Teardown(environment),
                     ExplainCommand.Create(environment), SandboxCommand.Create(environment),
                 })
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>
    /// Runs one command with a session: the sandbox notice first, then <paramref name="body"/>; every failure becomes a
    /// one- or two-line message and an exit code (the stack trace only with --verbose).
    /// </summary>
    /// <param name="parsed">The command line.</param>
    /// <param name="environment">The console and environment.</param>
    /// <param name="body">The command.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <param name="invalidConfiguration">What the command does with a configuration that does not start; an error (exit 2) when null.</param>
    /// <param name="prepareSandbox">
    /// Set the integration up first when running against the sandbox: each run starts a fresh, empty sandbox, and every
    /// command but <c>setup</c> needs something to work on.
    /// </param>
    internal static async Task<int> WithSessionAsync(
        ParseResult parsed, CliEnvironment environment, Func<CliSession, Output, CancellationToken, Task<int>> body, CancellationToken cancellationToken,
        bool prepareSandbox = true, Func<IConfiguration, Output, int>? invalidConfiguration = null)
    {
        var output = NewOutput(parsed, environment);
        GlobalSettings? global = null;
        try
        {
            global = new GlobalSettings(parsed.GetValue<string?>(Settings), Overrides(parsed.GetValue<string[]>(Set)));
            var session = await CliSession.StartAsync(environment, global, output.Verbose, cancellationToken).ConfigureAwait(false);
            await using var stop = session.ConfigureAwait(false);
            if (session.Sandbox is not null)
            {
                output.Notice(CliSession.SandboxNotice);
                if (prepareSandbox)
                {
                    (await session.Integrator.SetupAsync(SetupScope.All, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
                    output.Notice("Each run starts a fresh sandbox, so the integration was set up in it first.");
                }
            }

            return await body(session, output, cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex) when (invalidConfiguration is not null && global is not null)
        {
            // The command can still report on a configuration that does not start (validate lists each problem),
            // unless a value cannot even be converted ("abc" for a port): then it is the plain configuration error.
            try
            {
                return invalidConfiguration(CliSession.Read(environment, global), output);
            }
            catch (InvalidOperationException)
            {
                return Fail(output, ex, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            return Fail(output, ex, cancellationToken);
        }
    }

    /// <summary>Runs a command that needs no account (explain, sandbox), with the same failure handling as the others.</summary>
    internal static async Task<int> WithoutSessionAsync(
        ParseResult parsed, CliEnvironment environment, Func<Output, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var output = NewOutput(parsed, environment);
        try
        {
            return await body(output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return Fail(output, ex, cancellationToken);
        }
    }

    /// <summary>The output of a command, as --json and --verbose ask.</summary>
    internal static Output NewOutput(ParseResult parsed, CliEnvironment environment) =>
        new(environment, parsed.GetValue<bool>(Json), parsed.GetValue<bool>(Verbose));

    /// <summary>Maps an exception to its message, its fix and its exit code.</summary>
    internal static int Fail(Output output, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OptionsValidationException e:
                output.Error(
                    "the configuration is not valid: " + string.Join(" ", e.Failures),
                    "set the keys in appsettings.json, user secrets, VapiExotel__… environment variables or --set; 'vapi-exotel validate' lists each problem with its fix.",
                    e,
                    BadUsage);
                return BadUsage;
            case FileNotFoundException e:
                output.Error(e.Message, "check the path given to --settings.", e, BadUsage);
                return BadUsage;
            case InvalidDataException or FormatException:
                output.Error(exception.Message, "check the settings file's JSON and the values given to --set.", exception, BadUsage);
                return BadUsage;
            case ArgumentException e:
                // The message without .NET's "(Parameter 'x')" and "Actual value was …" tails: the text already names the field.
                output.Error(PlainMessage(e), "check the command's arguments: vapi-exotel <command> --help.", e, BadUsage);
                return BadUsage;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                output.Error(
                    "cancelled.",
                    "setup, validate, lists and teardown are safe to rerun; a call may already be placed and goes on: look with 'vapi-exotel call list' before calling again.");
                return Failed;
            case ExotelException e:
                output.Error(e.Message, e.IsAuthenticationFailure ? "check VapiExotel:Exotel:ApiKey, ApiToken and AccountSid." : e.IsNotFound ? NotFoundFix : OutcomeFix(e.IsOutcomeUnknown), e);
                return Failed;
            case VapiException e:
                output.Error(e.Message, e.IsAuthenticationFailure ? "check VapiExotel:Vapi:ApiKey (the private key)." : e.IsNotFound ? NotFoundFix : OutcomeFix(e.IsOutcomeUnknown), e);
                return Failed;
            case VapiExotelException e:
                output.Error(e.Message, null, e);
                return Failed;
            default:
                output.Error($"{exception.GetType().Name}: {exception.Message}", "rerun with --verbose for details.", exception);
                return Failed;
        }
    }

    private static string PlainMessage(ArgumentException e)
    {
        var message = e.Message;
        var tail = e.ParamName is null ? -1 : message.IndexOf($" (Parameter '{e.ParamName}')", StringComparison.Ordinal);
        return (tail >= 0 ? message[..tail] : message).Split(Environment.NewLine)[0];
    }

    private const string NotFoundFix = "check the id: 'vapi-exotel resources list --all' shows the resources, 'vapi-exotel call list' the Exotel calls.";

    private static string? OutcomeFix(bool unknown) =>
        unknown ? "do not simply retry: check whether it took effect first (the message says how)." : null;

    private static Dictionary<string, string?> Overrides(string[]? pairs)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentException($"--set '{pair}' must be KEY=VALUE, e.g. --set Exotel:AccountSid=acme1.");
            }

            var key = pair[..equals].Trim().Replace("__", ":", StringComparison.Ordinal);
            overrides[key.StartsWith("VapiExotel:", StringComparison.OrdinalIgnoreCase) ? key : "VapiExotel:" + key] = pair[(equals + 1)..];
        }

        return overrides;
    }
}
