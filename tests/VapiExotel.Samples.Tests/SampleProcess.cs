using System.Diagnostics;
using System.Reflection;

namespace VapiExotel.Samples.Tests;

/// <summary>What a sample printed and returned.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Its standard output.</param>
/// <param name="Error">Its standard error.</param>
internal sealed record SampleRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> Lines { get; } = Output.ReplaceLineEndings("\n").Split('\n');

    /// <summary>The output, to show when an assertion fails (it holds no secret: the samples print none).</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Runs a built sample (samples/X/bin/{Configuration}/net10.0/X.dll, the configuration these tests were built in) as
/// a child process, with a clean environment: none of the developer's VapiExotel__*, EXO_* or VAPI_* variables (nor
/// the other original scripts' ones), and the Production environment, so that no user secret is read either.
/// </summary>
internal static class SampleProcess
{
    /// <summary>The line every sample prints first when it uses the sandbox (samples/Shared/SampleSandbox.cs).</summary>
    public const string SandboxNotice = "Using the built-in sandbox: no Exotel or Vapi credentials are configured, so nothing leaves this machine.";

    private static readonly string[] RemovedPrefixes = ["VapiExotel__", "EXO_", "EXOTEL_", "VAPI_", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT"];
    private static readonly string[] RemovedNames = ["PHONE_NUMBER", "TRANSPORT_TYPE"];

    private static string Configuration =>
        typeof(SampleProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string PathOf(string sample) =>
        Path.Combine(RepositoryRoot(), "samples", sample, "bin", Configuration, "net10.0", sample + ".dll");

    /// <summary>Runs a sample to its end (at most 30 seconds), from an unrelated working directory.</summary>
    /// <param name="sample">The sample's folder and assembly name.</param>
    /// <param name="environment">Variables to set (configuration such as VapiExotel__Exotel__ApiKey).</param>
    /// <returns>What it printed and returned.</returns>
    public static async Task<SampleRun> RunAsync(string sample, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var dll = PathOf(sample);
        Assert.That(File.Exists(dll), Is.True, $"The sample is not built: {dll}");

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Not the sample's folder: it must find its appsettings.json by itself.
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(dll);
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (RemovedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                || RemovedNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The sample did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));   // generous: a loaded CI machine, not the expected time
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{sample} did not end within 30 seconds. Output so far:\n{await output}");
        }

        return new SampleRun(process.ExitCode, await output, await error);
    }

    /// <summary>Configuration keys as environment variables: VapiExotel:Exotel:ApiKey → VapiExotel__Exotel__ApiKey.</summary>
    public static Dictionary<string, string?> AsEnvironment(IEnumerable<KeyValuePair<string, string?>> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value, StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VapiExotel.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No VapiExotel.sln above {AppContext.BaseDirectory}.");
    }
}
