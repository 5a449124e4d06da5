using System.Text;
using VapiExotel.Cli.Hosting;

namespace VapiExotel.Cli.Tests;

/// <summary>What one run of the tool left behind: its exit code and both streams.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>The lines of standard output, without line ends.</summary>
    public IReadOnlyList<string> OutLines => Lines(Out);

    /// <summary>The lines of the error stream, without line ends.</summary>
    public IReadOnlyList<string> ErrorLines => Lines(Error);

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n', '\r').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>A thread-safe text writer that a test can read while the tool writes, and wait on.</summary>
public sealed class CapturingWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_lock)
        {
            _text.Append(buffer, index, count);
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }

    /// <summary>Waits until the text written so far contains <paramref name="expected"/>.</summary>
    public async Task WaitForAsync(string expected, Task running, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!ToString().Contains(expected, StringComparison.Ordinal))
        {
            if (running.IsCompleted || DateTime.UtcNow > deadline)
            {
                Assert.Fail($"'{expected}' was not written (the command {(running.IsCompleted ? "ended" : "timed out")}). Written: {this}");
            }

            await Task.Delay(20);
        }
    }
}

/// <summary>
/// Runs the tool in-process through <see cref="CliApp.RunAsync"/> with a test environment: captured streams, only the
/// variables the test sets, a temporary working directory, no user secrets and no colours.
/// </summary>
public abstract class CliTest
{
    /// <summary>The line the tool prints first when it runs against its built-in sandbox starts so.</summary>
    protected const string SandboxNoticeStart = "Using the built-in sandbox:";

    /// <summary>The environment variables the next run sees.</summary>
    protected Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>A fresh, empty working directory for each test.</summary>
    protected string WorkingDirectory { get; private set; } = null!;

    [SetUp]
    public void CreateWorkingDirectory()
    {
        Variables.Clear();
        WorkingDirectory = Directory.CreateTempSubdirectory("vapi-exotel-cli-tests-").FullName;
    }

    [TearDown]
    public void DeleteWorkingDirectory()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }

    /// <summary>Runs the tool with <paramref name="args"/>, non-interactively, with nothing on its input.</summary>
    protected Task<CliRun> RunAsync(params string[] args) => RunAsync(args, input: null, interactive: false);

    /// <summary>Runs the tool with <paramref name="args"/>; <paramref name="input"/> is what the user types.</summary>
    protected async Task<CliRun> RunAsync(string[] args, string? input, bool interactive, CancellationToken cancellationToken = default)
    {
        var (run, output, error) = Start(args, input, interactive, cancellationToken);
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Starts the tool and returns at once, for commands that run until cancelled.</summary>
    protected (Task<int> Run, CapturingWriter Out, CapturingWriter Error) Start(string[] args, string? input, bool interactive, CancellationToken cancellationToken)
    {
        var output = new CapturingWriter();
        var error = new CapturingWriter();
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            In = new StringReader(input ?? string.Empty),
            IsInteractive = interactive,
            Variables = new Dictionary<string, string?>(Variables, StringComparer.Ordinal),
            WorkingDirectory = WorkingDirectory,
            UseUserSecrets = false,
            Ansi = false,
        };
        return (Task.Run(() => CliApp.RunAsync(args, environment, cancellationToken), CancellationToken.None), output, error);
    }
}
