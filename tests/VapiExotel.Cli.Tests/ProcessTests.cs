using System.Diagnostics;
using System.Reflection;

namespace VapiExotel.Cli.Tests;

/// <summary>The built tool as a process, in a clean environment: it must find no credentials and use its sandbox.</summary>
public sealed class ProcessTests
{
    [Test]
    public async Task The_built_tool_runs_setup_in_its_sandbox_with_no_credentials_in_the_environment()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("vapi-exotel-cli-process-").FullName;
        try
        {
            var start = CleanStart(workingDirectory, "setup");
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the tool did not finish within 60 s");
            }

            var text = await output;
            Assert.That(process.ExitCode, Is.Zero, await error);
            Assert.That(text.Split('\n')[0].TrimEnd('\r'), Does.StartWith("Using the built-in sandbox: no Exotel or Vapi credentials are configured"));
            Assert.That(text, Does.Contain("Setup complete: 7 change(s), 7 step(s)."));
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "sends SIGTERM with kill(1)")]
    public async Task The_sandbox_command_stops_cleanly_on_SIGTERM()
    {
        var workingDirectory = Directory.CreateTempSubdirectory("vapi-exotel-cli-process-").FullName;
        try
        {
            var start = CleanStart(workingDirectory, "sandbox");
            using var process = Process.Start(start)!;
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.Contains("Press Ctrl+C", StringComparison.Ordinal) == true)
                {
                    ready.TrySetResult();
                }
            };
            process.BeginOutputReadLine();
            var error = process.StandardError.ReadToEndAsync();
            try
            {
                await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
                using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync();
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the sandbox command did not " + (ready.Task.IsCompleted ? "stop on SIGTERM" : "start"));
            }

            Assert.That(process.ExitCode, Is.Zero, await error);
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    /// <summary>Starts the built tool with <paramref name="args"/> in a clean environment and an empty working directory.</summary>
    private static ProcessStartInfo CleanStart(string workingDirectory, params string[] args)
    {
        var tool = ToolPath();
        Assert.That(File.Exists(tool), Is.True, $"the tool is not built at {tool}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(IsConfiguration).ToList())
        {
            start.Environment.Remove(name);
        }

        // User secrets are looked for under APPDATA when it is set: point it at an empty folder.
        start.Environment["APPDATA"] = workingDirectory;
        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    /// <summary>Variables that configure the tool: its own, the original scripts' and .NET's user-secrets location.</summary>
    private static bool IsConfiguration(string name) =>
        name.StartsWith("VapiExotel__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("EXO_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("EXOTEL_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VAPI_", StringComparison.OrdinalIgnoreCase)
        || name is "PHONE_NUMBER" or "TRANSPORT_TYPE";

    /// <summary>samples/VapiExotel.Cli/bin/{this assembly's configuration}/net10.0/vapi-exotel.dll, found from this assembly's folder.</summary>
    private static string ToolPath()
    {
        var configuration = typeof(ProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VapiExotel.sln")))
        {
            directory = directory.Parent;
        }

        Assert.That(directory, Is.Not.Null, "the repository root (VapiExotel.sln) is not above " + AppContext.BaseDirectory);
        return Path.Combine(directory!.FullName, "samples", "VapiExotel.Cli", "bin", configuration, "net10.0", "vapi-exotel.dll");
    }

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else dotnet on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? current : "dotnet";
    }
}
