using System.Collections;

namespace VapiExotel.Cli.Hosting;

/// <summary>
/// What the tool reads from the machine: its console, environment variables, working directory and user secrets.
/// Tests pass their own, so that a developer's real credentials can never leak into a test run.
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>Where normal output goes.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Where errors and the sandbox notice (in JSON mode) go.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Where the teardown confirmation is read from.</summary>
    public required TextReader In { get; init; }

    /// <summary>True when <see cref="In"/> is an interactive terminal (a prompt can be answered).</summary>
    public bool IsInteractive { get; init; }

    /// <summary>Environment variables (<c>VapiExotel__…</c>, the original scripts' names).</summary>
    public required IReadOnlyDictionary<string, string?> Variables { get; init; }

    /// <summary>Where <c>appsettings.json</c> is looked for besides the tool's own folder.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Whether .NET user secrets are read (<c>dotnet user-secrets</c>, id <c>vapi-exotel-cli</c>).</summary>
    public bool UseUserSecrets { get; init; }

    /// <summary>Whether output may use colours and Unicode symbols.</summary>
    public bool Ansi { get; init; }

    /// <summary>The real console and process environment.</summary>
    public static CliEnvironment FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        IsInteractive = !Console.IsInputRedirected,
        Variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal),
        WorkingDirectory = Directory.GetCurrentDirectory(),
        UseUserSecrets = true,
        Ansi = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
    };
}
