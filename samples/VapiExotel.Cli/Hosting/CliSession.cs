using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VapiExotel.Integration;
using VapiExotel.Sandbox;

namespace VapiExotel.Cli.Hosting;

/// <summary>
/// One run of the tool: the configuration from every source, the built-in sandbox when no credentials are set, and
/// the integrator built through <c>AddVapiExotel</c> exactly as an application would build it.
/// </summary>
internal sealed class CliSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly VapiExotelSandbox? _sandbox;
    private readonly CliEnvironment _environment;

    private CliSession(ServiceProvider services, VapiExotelSandbox? sandbox, IConfiguration configuration, CliEnvironment environment)
    {
        _services = services;
        _sandbox = sandbox;
        _environment = environment;
        Configuration = configuration;
    }

    /// <summary>The configuration every command reads.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The integrator.</summary>
    public IVapiExotelIntegrator Integrator => _services.GetRequiredService<IVapiExotelIntegrator>();

    /// <summary>The bound and validated options.</summary>
    public VapiExotelOptions Options => _services.GetRequiredService<IOptions<VapiExotelOptions>>().Value;

    /// <summary>The Exotel client, for operations the integrator does not wrap (call details and lists).</summary>
    public Exotel.VSip.ExotelClient Exotel => _services.GetRequiredService<Exotel.VSip.ExotelClient>();

    /// <summary>The Vapi client.</summary>
    public Vapi.Client.VapiClient Vapi => _services.GetRequiredService<Vapi.Client.VapiClient>();

    /// <summary>An environment variable (such as the original scripts' <c>EXO_CALLER_ID</c>), or null.</summary>
    public string? Variable(string name) => _environment.Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The running sandbox, when the tool uses it.</summary>
    public VapiExotelSandbox? Sandbox => _sandbox;

    /// <summary>The line the tool prints first when it runs against the sandbox (the samples print the same).</summary>
    public const string SandboxNotice = VapiExotel.Samples.SampleSandbox.Notice;

    /// <summary>Reads the configuration and builds the services; starts the sandbox when no credential is set.</summary>
    /// <exception cref="OptionsValidationException">A setting is missing or invalid.</exception>
    public static async Task<CliSession> StartAsync(CliEnvironment environment, GlobalSettings global, bool verbose, CancellationToken cancellationToken)
    {
        var configuration = Read(environment, global);
        VapiExotelSandbox? sandbox = null;
        if (!VapiExotel.Samples.SampleSandbox.HasCredentials(configuration))
        {
            sandbox = await VapiExotelSandbox.StartAsync(new VapiExotelSandboxOptions { ClockMode = SandboxClockMode.RealTime }, cancellationToken).ConfigureAwait(false);
            configuration = new ConfigurationBuilder().AddConfiguration(configuration)
                .AddInMemoryCollection(VapiExotel.Samples.SampleSandbox.SettingsFor(sandbox, configuration)).Build();
        }

        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
            if (verbose)
            {
                logging.AddProvider(new ErrorWriterLoggerProvider(environment.Error));
            }
        });
        services.AddVapiExotel(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var session = new CliSession(provider, sandbox, configuration, environment);
        try
        {
            // The options are validated here (what ValidateOnStart does in a host), naming every bad key at once.
            _ = provider.GetRequiredService<IOptions<VapiExotelOptions>>().Value;
            _ = session.Integrator;
            return session;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // A value the binder cannot convert ('abc' for a port, an unknown region) is bad configuration too (exit 2).
            await session.DisposeAsync().ConfigureAwait(false);
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(VapiExotelOptions), [ex.Message]);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>appsettings.json (the tool's folder, then the working directory), user secrets, environment variables, the original scripts' variables, --settings, --set.</summary>
    internal static IConfiguration Read(CliEnvironment environment, GlobalSettings global)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(environment.WorkingDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (environment.UseUserSecrets)
        {
            builder.AddUserSecrets(typeof(CliSession).Assembly, optional: true, reloadOnChange: false);
        }

        // The original scripts' names first, then VapiExotel__ variables ("__" is a section separator), so that a new
        // name always wins over a stale old one.
        builder.AddVapiExotelLegacyVariables(environment.Variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal));
        builder.AddInMemoryCollection(environment.Variables
            .Where(v => v.Key.StartsWith("VapiExotel__", StringComparison.OrdinalIgnoreCase))
            .Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)));
        if (global.SettingsFile is { } file)
        {
            builder.AddJsonFile(Path.GetFullPath(file, environment.WorkingDirectory), optional: false, reloadOnChange: false);
        }

        builder.AddInMemoryCollection(global.Overrides);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>With --verbose: the SDK's log lines on the error stream (they never hold a secret).</summary>
    private sealed class ErrorWriterLoggerProvider(TextWriter writer) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(writer);

        public void Dispose()
        {
        }

        private sealed class Logger(TextWriter writer) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (writer)
                {
                    writer.WriteLine($"  [{logLevel.ToString().ToLowerInvariant()}] {formatter(state, exception)}");
                }
            }
        }
    }
}

/// <summary>The options every command takes.</summary>
internal sealed record GlobalSettings(string? SettingsFile, IReadOnlyDictionary<string, string?> Overrides);
