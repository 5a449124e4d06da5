using VapiExotel.Shared;

namespace VapiExotel.Sandbox;

/// <summary>How the sandbox's clock moves.</summary>
public enum SandboxClockMode
{
    /// <summary>Time stands still until the test moves it with <see cref="VapiExotelSandbox.AdvanceTimeAsync"/>; nothing sleeps.</summary>
    Manual,

    /// <summary>Time follows the system clock; calls progress and callbacks go out on their own (samples, the standalone server).</summary>
    RealTime,
}

/// <summary>The accounts, seeds and behaviour of a <see cref="VapiExotelSandbox"/>.</summary>
public sealed class VapiExotelSandboxOptions
{
    /// <summary>The Exotel account SID the sandbox serves (<c>/v2/accounts/{sid}</c>, <c>/v1/Accounts/{sid}</c>).</summary>
    public string ExotelAccountSid { get; set; } = "sandbox1";

    /// <summary>The Exotel API key accepted (the Basic user name).</summary>
    public string ExotelApiKey { get; set; } = "sandbox-exotel-key";

    /// <summary>The Exotel API token accepted (the Basic password).</summary>
    public string ExotelApiToken { get; set; } = "sandbox-exotel-token";

    /// <summary>The Vapi private API key accepted (the Bearer token).</summary>
    public string VapiApiKey { get; set; } = "sandbox-vapi-key";

    /// <summary>
    /// The ExoPhones of the Exotel account: a Voice API call's <c>CallerId</c> must be one of them, as Exotel
    /// requires. Empty accepts any caller id.
    /// </summary>
    public IList<string> ExoPhones { get; set; } = ["+918047490924"];

    /// <summary>
    /// The names of the Vapi assistants the sandbox starts with, in order (at least one, so that calls can be placed
    /// at once). Assign a new list to replace the default one (<c>Assistants = ["Mine"]</c>); a collection
    /// initializer adds to it.
    /// </summary>
    public IList<string> Assistants { get; set; } = ["Sandbox Assistant"];

    /// <summary>The SIP domain of the emulated Vapi region (<c>sip.vapi.ai</c>; <c>sip.eu.vapi.ai</c> for EU), which Vapi SIP URIs must use.</summary>
    public string VapiSipDomain { get; set; } = "sip.vapi.ai";

    /// <summary>Whether time is manual (the default: tests move it) or real.</summary>
    public SandboxClockMode ClockMode { get; set; } = SandboxClockMode.Manual;

    /// <summary>Where a manual clock starts; the current time (to the second) when null.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>
    /// Whether Exotel's documented limit of <see cref="ExotelRequestsPerMinute"/> requests per
    /// <see cref="ExotelRateLimitWindow"/> (a minute) per account is enforced (HTTP 429 with <c>Retry-After</c> beyond it).
    /// </summary>
    public bool EnforceExotelRateLimit { get; set; }

    /// <summary>
    /// Exotel's request limit per rolling <see cref="ExotelRateLimitWindow"/>, for the vSIP config API and for the Voice
    /// API each, when <see cref="EnforceExotelRateLimit"/> is on: 200, as documented for a minute. Despite its name it
    /// counts per window, whatever <see cref="ExotelRateLimitWindow"/> is.
    /// </summary>
    public int ExotelRequestsPerMinute { get; set; } = 200;

    /// <summary>
    /// The rolling window <see cref="ExotelRequestsPerMinute"/> counts over, on the sandbox clock: a minute, as
    /// documented. Shorten it (with <see cref="ExotelRequestsPerMinute"/> scaled down alike) to exercise a client's rate
    /// limiter in real time within seconds. A request counts from when it is let through until one window later; the
    /// <c>Retry-After</c> of a refusal is the time until the oldest counted request leaves the window, in whole seconds (at least 1).
    /// </summary>
    public TimeSpan ExotelRateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Vapi's concurrent-call limit for the org (10 by default, as documented); calls beyond it end at once with a concurrency ended reason.</summary>
    public int VapiConcurrencyLimit { get; set; } = 10;

    /// <summary>How long after a Voice API call ends Exotel fills in its duration, price, end time and recording (about 2 minutes, as documented).</summary>
    public TimeSpan ExotelLateFieldsDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How calls progress when no script was set for the number called.</summary>
    public SandboxCallScript DefaultCallScript { get; set; } = SandboxCallScript.Answered();

    /// <summary>How long each attempt to deliver a callback may take: 15 seconds, the time Exotel gives a receiver to answer.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many requests the request log keeps (the oldest go first).</summary>
    public int RequestLogCapacity { get; set; } = 10_000;

    /// <summary>Checks every setting, naming the one that is wrong.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        Require(ExotelAccountSid, nameof(ExotelAccountSid));
        if (!ExotelAccountSid.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("ExotelAccountSid must hold only letters and digits.", nameof(ExotelAccountSid));
        }

        Require(ExotelApiKey, nameof(ExotelApiKey));
        Require(ExotelApiToken, nameof(ExotelApiToken));
        Require(VapiApiKey, nameof(VapiApiKey));
        Require(VapiSipDomain, nameof(VapiSipDomain));
        if (ExoPhones is null)
        {
            throw new ArgumentException("ExoPhones must not be null (an empty list accepts any caller id).", nameof(ExoPhones));
        }

        foreach (var phone in ExoPhones)
        {
            if (phone is null || !AddressRules.IsE164(phone))
            {
                throw new ArgumentException($"ExoPhones must hold E.164 numbers (+919876543210); got '{phone}'.", nameof(ExoPhones));
            }
        }

        if (Assistants is null || Assistants.Count == 0 || Assistants.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Assistants must hold at least one name, and no empty ones.", nameof(Assistants));
        }

        Positive(ExotelRequestsPerMinute, nameof(ExotelRequestsPerMinute));
        if (ExotelRateLimitWindow <= TimeSpan.Zero)
        {
            throw new ArgumentException($"ExotelRateLimitWindow must be more than zero; got {ExotelRateLimitWindow}.", nameof(ExotelRateLimitWindow));
        }

        Positive(VapiConcurrencyLimit, nameof(VapiConcurrencyLimit));
        Positive(RequestLogCapacity, nameof(RequestLogCapacity));
        if (CallbackTimeout <= TimeSpan.Zero || CallbackTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException($"CallbackTimeout must be more than zero and at most 5 minutes; got {CallbackTimeout}.", nameof(CallbackTimeout));
        }

        if (ExotelLateFieldsDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("ExotelLateFieldsDelay must not be negative.", nameof(ExotelLateFieldsDelay));
        }

        (DefaultCallScript ?? throw new ArgumentException("DefaultCallScript is required.", nameof(DefaultCallScript))).Validate(nameof(DefaultCallScript));
    }

    /// <summary>The options with the secrets masked.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"VapiExotelSandboxOptions {{ ExotelAccountSid = {ExotelAccountSid}, ExotelApiKey = ***, ExotelApiToken = ***, VapiApiKey = ***, ClockMode = {ClockMode} }}";

    internal VapiExotelSandboxOptions Snapshot()
    {
        return new VapiExotelSandboxOptions
        {
            ExotelAccountSid = ExotelAccountSid,
            ExotelApiKey = ExotelApiKey,
            ExotelApiToken = ExotelApiToken,
            VapiApiKey = VapiApiKey,
            VapiSipDomain = VapiSipDomain,
            ClockMode = ClockMode,
            StartTime = StartTime,
            EnforceExotelRateLimit = EnforceExotelRateLimit,
            ExotelRequestsPerMinute = ExotelRequestsPerMinute,
            ExotelRateLimitWindow = ExotelRateLimitWindow,
            VapiConcurrencyLimit = VapiConcurrencyLimit,
            ExotelLateFieldsDelay = ExotelLateFieldsDelay,
            DefaultCallScript = DefaultCallScript,
            RequestLogCapacity = RequestLogCapacity,
            CallbackTimeout = CallbackTimeout,
            ExoPhones = ExoPhones is null ? null! : [.. ExoPhones],
            Assistants = Assistants is null ? null! : [.. Assistants],
        };
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{name} must be at least 1; got {value}.", name);
        }
    }
}
