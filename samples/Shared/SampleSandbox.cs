using Microsoft.Extensions.Configuration;
using VapiExotel.Sandbox;

namespace VapiExotel.Samples;

/// <summary>
/// Lets a sample run out of the box: when no Exotel or Vapi credential is configured, it starts the built-in sandbox
/// (both APIs emulated on loopback, so nothing leaves the machine) and points the configuration at it. With
/// credentials configured it does nothing, and the sample talks to your accounts. Shared by every sample: each
/// project links this one file.
/// </summary>
internal static class SampleSandbox
{
    /// <summary>The first line a sample prints when it runs against the sandbox.</summary>
    public const string Notice =
        "Using the built-in sandbox: no Exotel or Vapi credentials are configured, so nothing leaves this machine. "
        + "Set the VapiExotel:Exotel and VapiExotel:Vapi keys to use your accounts.";

    /// <summary>A number the samples call in the sandbox (any number works there; this one is scripted to be quick).</summary>
    public const string CustomerNumber = "+919876543210";

    // Any one of these makes the sample use your accounts: a half-configured account should fail loudly, not fall back.
    private static readonly string[] CredentialKeys =
    [
        "VapiExotel:Exotel:AccountSid", "VapiExotel:Exotel:ApiKey", "VapiExotel:Exotel:ApiToken", "VapiExotel:Vapi:ApiKey",
    ];

    /// <summary>Whether any Exotel or Vapi credential is configured.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>True when the sample should use real accounts.</returns>
    public static bool HasCredentials(IConfiguration configuration) =>
        CredentialKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));

    /// <summary>
    /// When no credential is configured: prints <see cref="Notice"/>, starts a sandbox on real time (so that calls
    /// progress on their own) and adds its accounts and addresses to <paramref name="configuration"/>, with its
    /// ExoPhone bound to its assistant unless numbers are configured. Returns null, and does nothing, otherwise.
    /// </summary>
    /// <param name="configuration">The application's configuration (<c>builder.Configuration</c>).</param>
    /// <param name="options">The sandbox's ExoPhones, assistants and so on; the defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running sandbox (dispose it at the end), or null when credentials are configured.</returns>
    public static async Task<VapiExotelSandbox?> StartIfNoCredentialsAsync(
        IConfigurationManager configuration, VapiExotelSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (HasCredentials(configuration))
        {
            return null;
        }

        Console.WriteLine(Notice);
        options ??= new VapiExotelSandboxOptions();
        options.ClockMode = SandboxClockMode.RealTime;
        var sandbox = await VapiExotelSandbox.StartAsync(options, cancellationToken);
        configuration.AddInMemoryCollection(SettingsFor(sandbox, configuration));
        return sandbox;
    }

    /// <summary>The settings that point the integration at <paramref name="sandbox"/>: its ExoPhone and assistant too, unless numbers are configured.</summary>
    /// <param name="sandbox">The running sandbox.</param>
    /// <param name="configured">The configuration so far.</param>
    /// <returns>The keys and values to add.</returns>
    public static IReadOnlyDictionary<string, string?> SettingsFor(VapiExotelSandbox sandbox, IConfiguration configured)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(configured);
        var numbersConfigured = configured.GetSection("VapiExotel:Numbers").GetChildren().Any()
                                || !string.IsNullOrWhiteSpace(configured["VapiExotel:PhoneNumber"]);
        return sandbox.ConfigurationFor(includeNumber: !numbersConfigured);
    }

    /// <summary>
    /// Makes calls to <paramref name="number"/> short: answered after a second of ringing, then a second of talk
    /// (the sandbox's default rings for 4 seconds and talks for 30), so that a sample follows a call to its end in seconds.
    /// </summary>
    /// <param name="sandbox">The sandbox.</param>
    /// <param name="number">The number called.</param>
    /// <returns>The number.</returns>
    public static string AnswersQuickly(this VapiExotelSandbox sandbox, string number = CustomerNumber)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        sandbox.ScriptCall(number, SandboxCallScript.Answered(TimeSpan.FromSeconds(1)) with
        {
            QueuedFor = TimeSpan.FromMilliseconds(200),
            RingFor = TimeSpan.FromSeconds(1),
        });
        return number;
    }
}
