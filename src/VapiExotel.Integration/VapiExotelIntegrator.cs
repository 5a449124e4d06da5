using Exotel.VSip;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vapi.Client;
using VapiExotel.Integration.Calls;
using VapiExotel.Integration.Internal;
using VapiExotel.Integration.PhoneNumbers;
using VapiExotel.Integration.Planning;
using VapiExotel.Integration.Setup;
using VapiExotel.Integration.Validation;

namespace VapiExotel.Integration;

/// <summary>
/// The integration: composes <see cref="ExotelClient"/> and <see cref="VapiClient"/> to wire Exotel to Vapi both
/// ways. Registered by <c>services.AddVapiExotel(…)</c>; may also be built directly.
/// </summary>
public class VapiExotelIntegrator : IVapiExotelIntegrator
{
    private readonly ExotelClient _exotel;
    private readonly VapiClient _vapi;
    private readonly VapiExotelOptions _options;
    private readonly IntegrationTarget _target;
    private readonly ILogger _logger;
    private readonly CallFollower _calls;
    private readonly SafeCallRunner _safeCalls;
    private readonly CallMonitor _monitor;

    /// <summary>Creates an integrator.</summary>
    /// <param name="exotel">The Exotel client.</param>
    /// <param name="vapi">The Vapi client.</param>
    /// <param name="options">The integration's options; checked here, before any request.</param>
    /// <param name="logger">Logs each step; none when null.</param>
    /// <param name="timeProvider">The clock for call polling; the system's when null.</param>
    /// <param name="monitor">The app's call monitor, which webhooks feed (<c>AddVapiExotel</c> passes the registered one); a polling-only one when null.</param>
    /// <exception cref="ArgumentException">The options break a rule; the message lists every problem by its configuration key.</exception>
    public VapiExotelIntegrator(
        ExotelClient exotel, VapiClient vapi, VapiExotelOptions options, ILogger<VapiExotelIntegrator>? logger = null, TimeProvider? timeProvider = null, CallMonitor? monitor = null)
    {
        _exotel = exotel ?? throw new ArgumentNullException(nameof(exotel));
        _vapi = vapi ?? throw new ArgumentNullException(nameof(vapi));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var problems = VapiExotelOptionsValidator.Problems(options).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The integration's options are invalid: " + string.Join(" ", problems), nameof(options));
        }

        _target = new IntegrationTarget(options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _calls = new CallFollower(timeProvider ?? TimeProvider.System, _logger);
        _safeCalls = new SafeCallRunner(timeProvider ?? TimeProvider.System, _logger);
        _monitor = monitor ?? new CallMonitor(exotel, vapi, timeProvider, logger: null);
    }

    /// <summary>The configuration checks alone, with no request: each problem names its key. What <see cref="ValidateAsync"/> starts with.</summary>
    /// <param name="options">The options to check.</param>
    /// <returns>The checks: one failed check per problem, or one passed check describing the configuration.</returns>
    public static IReadOnlyList<ValidationCheck> ValidateConfiguration(VapiExotelOptions options) =>
        ValidationRun.Offline(options ?? throw new ArgumentNullException(nameof(options)));

    /// <inheritdoc />
    public virtual Task<IntegrationReport> PlanAsync(SetupScope scope = SetupScope.All, CancellationToken cancellationToken = default) =>
        PlanAsync(scope, progress: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IntegrationReport> PlanAsync(SetupScope scope, IProgress<IntegrationStep>? progress, CancellationToken cancellationToken = default) =>
        RunSetupAsync(scope, apply: false, progress, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IntegrationReport> SetupAsync(SetupScope scope = SetupScope.All, CancellationToken cancellationToken = default) =>
        SetupAsync(scope, progress: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IntegrationReport> SetupAsync(SetupScope scope, IProgress<IntegrationStep>? progress, CancellationToken cancellationToken = default) =>
        RunSetupAsync(scope, apply: true, progress, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ValidationReport> ValidateAsync(CancellationToken cancellationToken = default) =>
        IntegrationTelemetry.RunAsync(
            "validate",
            async () =>
            {
                using var gate = new RequestGate(_options.MaxConcurrency);
                return await new ValidationRun(_vapi, Reader(gate), gate).RunAsync(_options, cancellationToken).ConfigureAwait(false);
            },
            static report => !report.IsValid);

    /// <inheritdoc />
    public virtual Task<IntegrationInventory> ListAsync(CancellationToken cancellationToken = default) =>
        IntegrationTelemetry.RunAsync(
            "list",
            async () =>
            {
                using var gate = new RequestGate(_options.MaxConcurrency);
                return await new TeardownRun(_exotel, _vapi, Reader(gate), gate).InventoryAsync(cancellationToken).ConfigureAwait(false);
            });

    /// <inheritdoc />
    public virtual Task<IntegrationReport> TeardownAsync(bool dryRun = false, CancellationToken cancellationToken = default) =>
        TeardownAsync(dryRun, progress: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IntegrationReport> TeardownAsync(bool dryRun, IProgress<IntegrationStep>? progress, CancellationToken cancellationToken = default) =>
        IntegrationTelemetry.RunAsync(
            dryRun ? "teardown_dry_run" : "teardown",
            async () =>
            {
                using var gate = new RequestGate(_options.MaxConcurrency);
                var log = new StepLog(dryRun ? "teardown (dry run)" : "teardown", _logger, dryRun ? "teardown_dry_run" : "teardown", progress);
                return await new TeardownRun(_exotel, _vapi, Reader(gate), gate).RunAsync(dryRun, log, cancellationToken).ConfigureAwait(false);
            },
            static report => !report.Succeeded);

    /// <inheritdoc />
    public virtual CallFailureExplanation Explain(string codeOrReason) => CallDiagnostics.Explain(codeOrReason);

    /// <inheritdoc />
    public virtual Task<ExotelCall> ConnectNumbersAsync(ConnectCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _exotel.Calls.ConnectAsync((ConnectCallRequest)Tagged(request), cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ExotelCall> ConnectToFlowAsync(ConnectToFlowRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _exotel.Calls.ConnectToFlowAsync((ConnectToFlowRequest)Tagged(request), cancellationToken);
    }

    // Every call the integrator starts carries a correlation id: in an empty CustomField here. A CustomField of yours
    // is left exactly as it is (it may be JSON your callback handler parses); the Place…Async methods always tag.
    private static ExotelConnectRequest Tagged(ExotelConnectRequest request) =>
        string.IsNullOrEmpty(request.CustomField) ? ConnectRequestCopy.WithCorrelation(request, CallCorrelation.NewId()) : request;

    /// <inheritdoc />
    public virtual Task<VapiCall> StartAssistantCallAsync(AssistantCallRequest request, CancellationToken cancellationToken = default) =>
        IntegrationTelemetry.RunAsync("assistant_call", () => StartAssistantCallCoreAsync(request, cancellationToken));

    private async Task<VapiCall> StartAssistantCallCoreAsync(AssistantCallRequest request, CancellationToken cancellationToken)
    {
        var call = await PrepareAssistantCallAsync(request, cancellationToken).ConfigureAwait(false);
        call.Name = CallCorrelation.VapiName(call.Name, CallCorrelation.NewId());   // every call the SDK starts can be found by its id
        return await _vapi.Calls.CreateAsync(call, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public virtual Task<CallPlacement<VapiCall>> PlaceAssistantCallAsync(AssistantCallRequest request, SafeCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SafeCallOptions();
        options.Check();
        return IntegrationTelemetry.RunAsync(
            "safe_assistant_call",
            async () =>
            {
                var call = await PrepareAssistantCallAsync(request, cancellationToken).ConfigureAwait(false);
                var correlationId = options.CorrelationId ?? CallCorrelation.NewId();
                call.Name = CallCorrelation.VapiName(call.Name, correlationId);
                return await _safeCalls.PlaceAsync(_vapi, call, correlationId, options, cancellationToken).ConfigureAwait(false);
            },
            static result => !result.IsPlaced);
    }

    /// <inheritdoc />
    public virtual Task<CallPlacement<ExotelCall>> PlaceConnectCallAsync(ConnectCallRequest request, SafeCallOptions? options = null, CancellationToken cancellationToken = default) =>
        PlaceExotelCallAsync("safe_connect_call", request, options, cancellationToken);

    /// <inheritdoc />
    public virtual Task<CallPlacement<ExotelCall>> PlaceFlowCallAsync(ConnectToFlowRequest request, SafeCallOptions? options = null, CancellationToken cancellationToken = default) =>
        PlaceExotelCallAsync("safe_flow_call", request, options, cancellationToken);

    private Task<CallPlacement<ExotelCall>> PlaceExotelCallAsync(string operation, ExotelConnectRequest request, SafeCallOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= new SafeCallOptions();
        options.Check();
        var correlationId = options.CorrelationId ?? CallCorrelation.NewId();
        var tagged = ConnectRequestCopy.WithCorrelation(request, correlationId);
        return IntegrationTelemetry.RunAsync(
            operation,
            () => _safeCalls.PlaceAsync(_exotel, tagged, correlationId, options, cancellationToken),
            static result => !result.IsPlaced);
    }

    private async Task<CreateCallRequest> PrepareAssistantCallAsync(AssistantCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Any accepted form (E.164, or an Indian form such as 09876543210); Vapi is sent the E.164.
        if (!PhoneNumber.TryParse(request.CustomerNumber, out var customerNumber, out var customerReason))
        {
            throw new ArgumentException($"request.CustomerNumber must be a phone number (E.164, such as +919876543210, or an Indian form); got '{request.CustomerNumber}': {customerReason}", nameof(request));
        }

        var customer = customerNumber.E164;

        if (request.Name is { Length: > 40 })
        {
            throw new ArgumentException($"request.Name must be at most 40 characters (Vapi's limit); got {request.Name.Length}.", nameof(request));
        }

        if (!PhoneNumber.TryParse(request.FromNumber ?? _target.Bindings[0].PhoneNumber, out var fromNumber, out var fromReason))
        {
            throw new ArgumentException($"request.FromNumber must be a phone number (E.164, or an Indian form); got '{request.FromNumber}': {fromReason}", nameof(request));
        }

        var from = fromNumber.E164;

        var assistantId = request.AssistantId ?? _target.Bindings.FirstOrDefault(b => PhoneNumberText.Same(b.PhoneNumber, from))?.AssistantId
            ?? throw new ArgumentException($"request.AssistantId is required: {from} is not a configured number, so its assistant is not known.", nameof(request));

        using var gate = new RequestGate(_options.MaxConcurrency);
        var reader = Reader(gate);
        var credentials = reader.CredentialsAsync(cancellationToken);
        var numbers = reader.AllPhoneNumbersAsync(cancellationToken);
        await Task.WhenAll(credentials, numbers).ConfigureAwait(false);
        var credentialIds = (await credentials.ConfigureAwait(false)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var phoneNumber = (await numbers.ConfigureAwait(false)).FirstOrDefault(n => PhoneNumberText.Same(n.Number, from) && n.CredentialId is not null && credentialIds.Contains(n.CredentialId))
            ?? throw new VapiExotelException(
                $"Vapi has no BYO phone number {from} on credential '{_target.CredentialName}', so it cannot call out through Exotel. Run setup (outbound) first.");

        return new CreateCallRequest
        {
            AssistantId = assistantId,
            PhoneNumberId = phoneNumber.Id,
            Customer = new VapiCustomer { Number = customer },
            Name = request.Name,
        };
    }

    /// <inheritdoc />
    public virtual Task<VapiCall> PlaceTestCallAsync(string? number = null, CancellationToken cancellationToken = default)
    {
        var to = number ?? (string.IsNullOrWhiteSpace(_options.TestCallNumber) ? null : _options.TestCallNumber)
            ?? throw new ArgumentException("No number to call: pass one, or set VapiExotel:TestCallNumber. A test call rings a real phone, so there is no default.", nameof(number));
        return StartAssistantCallAsync(new AssistantCallRequest(to) { Name = "vapi-exotel test call" }, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<VapiCall> WaitForCallEndAsync(string callId, CallWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callId);
        return _calls.FollowAsync(_vapi, callId, options, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ExotelCall> WaitForExotelCallEndAsync(string callSid, CallWaitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callSid);
        return _calls.FollowAsync(_exotel, callSid, options, cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<CallEvent> FollowCallAsync(CallReference reference, CallMonitorOptions? options = null, CancellationToken cancellationToken = default) =>
        _monitor.FollowAsync(reference, options, cancellationToken);

    private async Task<IntegrationReport> RunSetupAsync(SetupScope scope, bool apply, IProgress<IntegrationStep>? progress, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(scope))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "scope must be All, Inbound or Outbound.");
        }

        return await IntegrationTelemetry.RunAsync(
            apply ? "setup" : "plan",
            async () =>
            {
                using var gate = new RequestGate(_options.MaxConcurrency);
                var log = new StepLog(apply ? "setup" : "plan", _logger, progress: progress);
                return await new SetupRun(_exotel, _vapi, Reader(gate), gate, log, apply).RunAsync(scope, cancellationToken).ConfigureAwait(false);
            },
            static report => !report.Succeeded).ConfigureAwait(false);
    }

    private StateReader Reader(RequestGate gate) => new(_exotel, _vapi, _target, gate);
}
