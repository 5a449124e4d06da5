using VapiExotel.Sandbox.Hosting;

namespace VapiExotel.Sandbox;

/// <summary>
/// Exotel and Vapi, emulated on loopback over real HTTP: point the SDK's clients at <see cref="ExotelBaseAddress"/>
/// and <see cref="VapiBaseAddress"/> with the accounts in <see cref="Options"/>, and they can do what the real
/// services allow, with the real services' errors.
/// </summary>
/// <example>
/// <code>
/// await using var sandbox = await VapiExotelSandbox.StartAsync();
/// var exotel = new ExotelClient(new ExotelClientOptions
/// {
///     AccountSid = sandbox.Options.ExotelAccountSid, ApiKey = sandbox.Options.ExotelApiKey,
///     ApiToken = sandbox.Options.ExotelApiToken, BaseAddress = sandbox.ExotelBaseAddress,
/// });
/// </code>
/// </example>
public sealed class VapiExotelSandbox : IAsyncDisposable
{
    private readonly SandboxEngine _engine;
    private int _disposed;

    private VapiExotelSandbox(SandboxEngine engine)
    {
        _engine = engine;
        Exotel = new ExotelSandbox(engine);
        Vapi = new VapiSandbox(engine);
    }

    /// <summary>The base address of the emulated Exotel API (v2 and v1 alike), <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri ExotelBaseAddress => _engine.ExotelBaseAddress;

    /// <summary>The base address of the emulated Vapi API, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri VapiBaseAddress => _engine.VapiBaseAddress;

    /// <summary>A copy of the options the sandbox runs with: the accounts it accepts, among others. Changing it changes nothing.</summary>
    public VapiExotelSandboxOptions Options => _engine.Options.Snapshot();

    /// <summary>The Exotel account's state, for the test to inspect.</summary>
    public ExotelSandbox Exotel { get; }

    /// <summary>The Vapi org's state, for the test to inspect, and to add assistants to.</summary>
    public VapiSandbox Vapi { get; }

    /// <summary>The faults injected into requests.</summary>
    public SandboxFaults Faults => _engine.Faults;

    /// <summary>The sandbox's time.</summary>
    public SandboxClock Clock => _engine.Clock;

    /// <summary>Every request received, oldest first (up to <see cref="VapiExotelSandboxOptions.RequestLogCapacity"/>).</summary>
    public IReadOnlyList<SandboxRequest> Requests => _engine.Log.Snapshot();

    /// <summary>Every callback sent or skipped, in the order they became due.</summary>
    public IReadOnlyList<SandboxCallback> Callbacks => _engine.Callbacks.All;

    /// <summary>Starts a sandbox on two ephemeral loopback ports.</summary>
    /// <param name="options">Accounts, seeds and behaviour; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static Task<VapiExotelSandbox> StartAsync(VapiExotelSandboxOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(options, exotelPort: 0, vapiPort: 0, cancellationToken);

    /// <summary>Starts a sandbox on the given loopback ports (0 picks a free one).</summary>
    /// <param name="options">Accounts, seeds and behaviour; the defaults when null.</param>
    /// <param name="exotelPort">The Exotel port.</param>
    /// <param name="vapiPort">The Vapi port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option or port is invalid.</exception>
    public static async Task<VapiExotelSandbox> StartAsync(VapiExotelSandboxOptions? options, int exotelPort, int vapiPort, CancellationToken cancellationToken = default)
    {
        var snapshot = (options ?? new VapiExotelSandboxOptions()).Snapshot();
        snapshot.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(exotelPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exotelPort, 65535);
        ArgumentOutOfRangeException.ThrowIfNegative(vapiPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vapiPort, 65535);
        var engine = new SandboxEngine(snapshot);
        try
        {
            await engine.StartAsync(exotelPort, vapiPort, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await engine.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new VapiExotelSandbox(engine);
    }

    /// <summary>
    /// Moves a manual clock on by <paramref name="by"/>: calls progress, and the callbacks that became due are sent
    /// (to loopback receivers) before this returns. <see cref="TimeSpan.Zero"/> just sends what is due.
    /// </summary>
    /// <param name="by">How far to move; not negative.</param>
    /// <param name="cancellationToken">Stops waiting for callbacks (they still complete).</param>
    /// <returns>A task that completes when every callback due has been sent.</returns>
    /// <exception cref="InvalidOperationException">The clock runs on real time.</exception>
    public async Task AdvanceTimeAsync(TimeSpan by, CancellationToken cancellationToken = default)
    {
        _engine.Clock.Advance(by);
        _engine.Progress();
        await _engine.Callbacks.DrainAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets how calls to <paramref name="number"/> (Vapi's customer, Exotel's <c>From</c> or <c>To</c>) progress; numbers match on their last ten digits.</summary>
    /// <param name="number">The number called.</param>
    /// <param name="script">How the call goes.</param>
    public void ScriptCall(string number, SandboxCallScript script)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentNullException.ThrowIfNull(script);
        script.Validate(nameof(script));
        _engine.Scripts.Set(number, script);
    }

    /// <summary>
    /// The configuration keys that point <c>AddVapiExotel</c> (or <c>AddExotelVSip</c> and <c>AddVapiClient</c>) at this
    /// sandbox: both accounts and addresses, and the first ExoPhone bound to the seeded assistant. Add them to your
    /// configuration (<c>AddInMemoryCollection</c>) to run an app offline.
    /// </summary>
    /// <param name="section">The integration's section; <c>VapiExotel</c> by default.</param>
    /// <param name="includeNumber">Whether to bind the sandbox's first ExoPhone to its seeded assistant (as number 0).</param>
    /// <returns>The keys and values.</returns>
    public IReadOnlyDictionary<string, string?> ConfigurationFor(string section = "VapiExotel", bool includeNumber = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        var options = Options;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{section}:Exotel:AccountSid"] = options.ExotelAccountSid,
            [$"{section}:Exotel:ApiKey"] = options.ExotelApiKey,
            [$"{section}:Exotel:ApiToken"] = options.ExotelApiToken,
            [$"{section}:Exotel:BaseAddress"] = ExotelBaseAddress.ToString(),
            [$"{section}:Vapi:ApiKey"] = options.VapiApiKey,
            [$"{section}:Vapi:BaseAddress"] = VapiBaseAddress.ToString(),
        };
        if (includeNumber && options.ExoPhones.Count > 0 && Vapi.Assistants.Count > 0)
        {
            settings[$"{section}:Numbers:0:PhoneNumber"] = options.ExoPhones[0];
            settings[$"{section}:Numbers:0:AssistantId"] = (string?)Vapi.Assistants[0]["id"];
        }

        return settings;
    }

    /// <summary>Empties the request log.</summary>
    public void ClearRequests() => _engine.Log.Clear();

    /// <summary>Stops the servers; requests held by a timeout fault are closed.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _engine.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"VapiExotelSandbox {{ Exotel = {ExotelBaseAddress}, Vapi = {VapiBaseAddress} }}";
}
