using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace VapiExotel.Cli.Hosting;

/// <summary>
/// Everything the tool prints: readable text with colour when the console allows it, or one JSON document with
/// <c>--json</c> (notices then go to the error stream, so that standard output stays machine-readable).
/// </summary>
internal sealed class Output
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // "+91…" and "'" as they are; output is not HTML
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly CliEnvironment _environment;
    private readonly Lock _lock = new();

    public Output(CliEnvironment environment, bool json, bool verbose)
    {
        _environment = environment;
        Json = json;
        Verbose = verbose;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Out),
            Ansi = environment.Ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = environment.Ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Redirected output is read by programs and people grepping ids: wide enough that no id or SIP address wraps.
        Console.Profile.Width = environment.Ansi ? Math.Max(Console.Profile.Width, 120) : 400;
    }

    /// <summary>True with <c>--json</c>.</summary>
    public bool Json { get; }

    /// <summary>True with <c>--verbose</c>.</summary>
    public bool Verbose { get; }

    /// <summary>The console for text output.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>A notice about how the tool runs (the sandbox): the first line of text output, or on the error stream with --json.</summary>
    public void Notice(string text)
    {
        if (Json)
        {
            _environment.Error.WriteLine(text);
        }
        else
        {
            Line(text);
        }
    }

    /// <summary>A line of text (no markup); nothing with --json.</summary>
    public void Line(string text = "")
    {
        if (!Json)
        {
            lock (_lock)
            {
                _environment.Out.WriteLine(text);
            }
        }
    }

    /// <summary>A line with Spectre markup (values escaped by the caller); nothing with --json.</summary>
    public void Markup(string markup)
    {
        if (!Json)
        {
            lock (_lock)
            {
                Console.MarkupLine(markup);
            }
        }
    }

    /// <summary>A table; nothing with --json.</summary>
    public void Write(Table table)
    {
        if (!Json)
        {
            Console.Write(table);
        }
    }

    /// <summary>The JSON document of the result (only with --json).</summary>
    public void Result(object value)
    {
        if (Json)
        {
            _environment.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        }
    }

    /// <summary>An error in one or two lines: what went wrong, and what to do (with --json, also a JSON document on standard output).</summary>
    public void Error(string what, string? fix = null, Exception? exception = null, int exitCode = 1)
    {
        if (Json)
        {
            _environment.Out.WriteLine(JsonSerializer.Serialize(new { error = what, fix, exitCode }, JsonOptions));
        }

        _environment.Error.WriteLine($"Error: {what}");
        if (fix is not null)
        {
            _environment.Error.WriteLine($"Fix: {fix}");
        }

        if (Verbose && exception is not null)
        {
            _environment.Error.WriteLine(exception.ToString());
        }
    }
}
