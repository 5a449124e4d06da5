using Exotel.VSip;
using Vapi.Client;

namespace VapiExotel.Integration;

/// <summary>
/// Wires an Exotel account to Vapi assistants over SIP, both ways, and keeps it wired: plan, setup, validate,
/// list, teardown and calls. Every operation is safe to repeat. Implemented by <see cref="VapiExotelIntegrator"/>;
/// mock this interface in tests of your own code.
/// </summary>
public interface IVapiExotelIntegrator
{
    /// <summary>Reads both sides and says what <see cref="SetupAsync(SetupScope, CancellationToken)"/> would do, changing nothing.</summary>
    /// <param name="scope">Both directions, inbound only or outbound only.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The plan: each step's <see cref="StepOutcome.WouldCreate"/>, <see cref="StepOutcome.WouldUpdate"/> or <see cref="StepOutcome.AlreadyPresent"/>.</returns>
    Task<IntegrationReport> PlanAsync(SetupScope scope = SetupScope.All, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="PlanAsync(SetupScope, CancellationToken)"/>, reporting each step to <paramref name="progress"/> as it lands.</summary>
    /// <param name="scope">Both directions, inbound only or outbound only.</param>
    /// <param name="progress">Receives each step as soon as it is decided, from any thread; null for none.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The plan.</returns>
    Task<IntegrationReport> PlanAsync(SetupScope scope, IProgress<IntegrationStep>? progress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates what is missing and repairs what drifted, on both sides at once: inbound, the trunk, Vapi's addresses
    /// on its whitelist, its destination and the number mappings; outbound, the BYO SIP trunk credential and one BYO
    /// phone number per ExoPhone, bound to its assistant. Finds before it creates, so a second run sends no creating
    /// request. A failed step does not stop the independent ones; the report says what exists now.
    /// </summary>
    /// <param name="scope">Both directions, inbound only or outbound only.</param>
    /// <param name="cancellationToken">Cancels the setup; a rerun resumes where it stopped.</param>
    /// <returns>The report; call <see cref="IntegrationReport.EnsureSuccess"/> to throw when a step failed.</returns>
    Task<IntegrationReport> SetupAsync(SetupScope scope = SetupScope.All, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="SetupAsync(SetupScope, CancellationToken)"/>, reporting each step to <paramref name="progress"/> as it lands.</summary>
    /// <param name="scope">Both directions, inbound only or outbound only.</param>
    /// <param name="progress">Receives each step as soon as it is done, from any thread; null for none.</param>
    /// <param name="cancellationToken">Cancels the setup; a rerun resumes where it stopped.</param>
    /// <returns>The report.</returns>
    Task<IntegrationReport> SetupAsync(SetupScope scope, IProgress<IntegrationStep>? progress, CancellationToken cancellationToken = default);

    /// <summary>Checks the configuration offline, then both sides online: every check with its status and fix.</summary>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>The checks.</returns>
    Task<ValidationReport> ValidateAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists what the integration manages on both sides (see <see cref="IntegrationInventory"/> for the rule).</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="VapiExotelException">The trunk's name is ambiguous.</exception>
    Task<IntegrationInventory> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes what the integration manages, and nothing else: numbers before the credential, trunk entries before
    /// the trunk. A trunk given by SID, or holding entries the integration does not manage, is kept, as is a credential
    /// other numbers use.
    /// </summary>
    /// <param name="dryRun">When true, only says what would be removed (<see cref="StepOutcome.WouldDelete"/>).</param>
    /// <param name="cancellationToken">Cancels the teardown; a rerun finishes it.</param>
    /// <returns>The report.</returns>
    /// <exception cref="VapiExotelException">The trunk's name is ambiguous.</exception>
    Task<IntegrationReport> TeardownAsync(bool dryRun = false, CancellationToken cancellationToken = default);

    /// <summary>As <see cref="TeardownAsync(bool, CancellationToken)"/>, reporting each step to <paramref name="progress"/> as it lands.</summary>
    /// <param name="dryRun">When true, only says what would be removed.</param>
    /// <param name="progress">Receives each step as soon as it is done, from any thread; null for none.</param>
    /// <param name="cancellationToken">Cancels the teardown; a rerun finishes it.</param>
    /// <returns>The report.</returns>
    /// <exception cref="VapiExotelException">The trunk's name is ambiguous.</exception>
    Task<IntegrationReport> TeardownAsync(bool dryRun, IProgress<IntegrationStep>? progress, CancellationToken cancellationToken = default);

    /// <summary>Explains a SIP cause code (<c>21</c>), a SIP response (<c>SIP 403</c>) or a Vapi ended reason.</summary>
    /// <param name="codeOrReason">The code or reason.</param>
    /// <returns>Its meaning and fix.</returns>
    CallFailureExplanation Explain(string codeOrReason);

    /// <summary>Connects two numbers through Exotel (<c>From</c> rings first). Never replayed.</summary>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The call as Exotel created it.</returns>
    Task<ExotelCall> ConnectNumbersAsync(ConnectCallRequest request, CancellationToken cancellationToken = default);

    /// <summary>Connects a number to an Exotel flow (App Bazaar). Never replayed.</summary>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The call as Exotel created it.</returns>
    Task<ExotelCall> ConnectToFlowAsync(ConnectToFlowRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Has a Vapi assistant call a customer from a BYO ExoPhone, out through Exotel's gateway: the real outbound path.
    /// Never replayed: a failure with an unknown outcome says so, and the call may have been placed.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The call as Vapi created it.</returns>
    /// <exception cref="ArgumentException">A number is not a phone number (E.164 or an Indian form), or no assistant is known for the number; nothing was sent.</exception>
    /// <exception cref="VapiExotelException">The ExoPhone has no BYO phone number on the integration's credential: run setup first.</exception>
    Task<VapiCall> StartAssistantCallAsync(AssistantCallRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// A safe <see cref="StartAssistantCallAsync"/>: the call carries a new correlation id at the end of its name
    /// (<c>"{Name} [vx-…]"</c>, see <see cref="CallCorrelation"/>). When the create fails with an unknown outcome (a
    /// timeout, a dropped connection, a 5xx), the SDK waits <see cref="SafeCallOptions.SettleDelay"/>, lists the
    /// number's calls since just before the attempt and reports the call placed (found by its id), proven not placed
    /// (the lookup succeeded and found none) or unknown (the lookup failed), instead of guessing. It is sent again only
    /// when proven not placed and <see cref="SafeCallOptions.RetryWhenProvenNotPlaced"/> is set, once, with the same id.
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="options">Settle delay, clock allowance and retry; the defaults when null (no retry).</param>
    /// <param name="cancellationToken">Cancels the request and the lookup (a cancelled call's outcome is not looked up).</param>
    /// <returns>The placement: outcome, correlation id, the call when placed, the ambiguous failure when there was one.</returns>
    /// <exception cref="ArgumentException">A number is not a phone number (E.164 or an Indian form), no assistant is known for the number, or an option is out of range; nothing was sent.</exception>
    /// <exception cref="VapiExotelException">The ExoPhone has no BYO phone number on the integration's credential: run setup first.</exception>
    /// <exception cref="VapiException">Vapi refused the call (the outcome is known: not placed).</exception>
    Task<CallPlacement<VapiCall>> PlaceAssistantCallAsync(AssistantCallRequest request, SafeCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A safe <see cref="ConnectNumbersAsync"/>: the call carries a new correlation id at the end of its
    /// <c>CustomField</c> (<c>"{CustomField} [vx-…]"</c>, echoed by the status callback; your request is not changed).
    /// After an unknown outcome the SDK lists the calls from <c>From</c> to <c>To</c> since just before the attempt:
    /// none is proof of not placed, exactly one is the call, several are unknown (Exotel's call records do not show
    /// <c>CustomField</c>). Retry as for <see cref="PlaceAssistantCallAsync"/>.
    /// </summary>
    /// <param name="request">The call; its <c>CustomField</c> at most <see cref="CallCorrelation.MaxCustomFieldLength"/> characters.</param>
    /// <param name="options">Settle delay, clock allowance and retry; the defaults when null (no retry).</param>
    /// <param name="cancellationToken">Cancels the request and the lookup.</param>
    /// <returns>The placement.</returns>
    /// <exception cref="ArgumentException">The request or an option breaks a rule; nothing was sent.</exception>
    /// <exception cref="ExotelException">Exotel refused the call (the outcome is known: not placed).</exception>
    Task<CallPlacement<ExotelCall>> PlaceConnectCallAsync(ConnectCallRequest request, SafeCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>A safe <see cref="ConnectToFlowAsync"/>, as <see cref="PlaceConnectCallAsync"/>; the lookup matches the calls from <c>From</c>.</summary>
    /// <param name="request">The call; its <c>CustomField</c> at most <see cref="CallCorrelation.MaxCustomFieldLength"/> characters.</param>
    /// <param name="options">Settle delay, clock allowance and retry; the defaults when null (no retry).</param>
    /// <param name="cancellationToken">Cancels the request and the lookup.</param>
    /// <returns>The placement.</returns>
    /// <exception cref="ArgumentException">The request or an option breaks a rule; nothing was sent.</exception>
    /// <exception cref="ExotelException">Exotel refused the call (the outcome is known: not placed).</exception>
    Task<CallPlacement<ExotelCall>> PlaceFlowCallAsync(ConnectToFlowRequest request, SafeCallOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>An assistant call from the first configured number to <paramref name="number"/>, or to <c>TestCallNumber</c>. It rings a real phone.</summary>
    /// <param name="number">The number to call, in E.164; <see cref="VapiExotelOptions.TestCallNumber"/> when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The call as Vapi created it.</returns>
    /// <exception cref="ArgumentException">No number was given or configured; nothing was sent.</exception>
    Task<VapiCall> PlaceTestCallAsync(string? number = null, CancellationToken cancellationToken = default);

    /// <summary>Follows a Vapi call until it ends, polling with back-off; see <see cref="Explain"/> for its ended reason.</summary>
    /// <param name="callId">The call's id.</param>
    /// <param name="options">Polling intervals and the longest wait.</param>
    /// <param name="cancellationToken">Stops following (the call goes on).</param>
    /// <returns>The ended call.</returns>
    /// <exception cref="VapiExotelException">It had not ended within <see cref="CallWaitOptions.Timeout"/>.</exception>
    Task<VapiCall> WaitForCallEndAsync(string callId, CallWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Follows an Exotel call until it ends, polling its details with back-off.</summary>
    /// <param name="callSid">The call's SID.</param>
    /// <param name="options">Polling intervals and the longest wait.</param>
    /// <param name="cancellationToken">Stops following (the call goes on).</param>
    /// <returns>The ended call, with its details.</returns>
    /// <exception cref="VapiExotelException">It had not ended within <see cref="CallWaitOptions.Timeout"/>.</exception>
    Task<ExotelCall> WaitForExotelCallEndAsync(string callSid, CallWaitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Follows one conversation on Exotel, Vapi or both as a stream of events that ends with a classified
    /// <see cref="CallEnded"/>, polling with back-off. This integrator's monitor gets no pushes: to have Exotel status
    /// callbacks and Vapi server messages arrive at once, follow the call with the app's <see cref="CallMonitor"/>
    /// (<c>AddVapiExotelCallMonitor</c>, or <c>AddVapiExotelWebhooks</c> in VapiExotel.AspNetCore) instead.
    /// </summary>
    /// <param name="reference">The call: an Exotel SID, a Vapi call id, or both.</param>
    /// <param name="options">Polling intervals; the defaults when null.</param>
    /// <param name="cancellationToken">Ends the stream (the call goes on).</param>
    /// <returns>The call's events.</returns>
    IAsyncEnumerable<CallEvent> FollowCallAsync(CallReference reference, CallMonitorOptions? options = null, CancellationToken cancellationToken = default);
}
