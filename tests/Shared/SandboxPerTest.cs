using VapiExotel.Sandbox;

namespace VapiExotel.Tests.Shared;

/// <summary>A fresh sandbox for each test, on a manual clock that starts at <see cref="Start"/>.</summary>
public abstract class SandboxPerTest
{
    /// <summary>Where the manual clock starts: 2026-01-23 10:00:00 UTC (15:30 IST).</summary>
    protected static readonly DateTimeOffset Start = new(2026, 1, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The sandbox account's ExoPhone (the default of <see cref="VapiExotelSandboxOptions.ExoPhones"/>).</summary>
    protected const string ExoPhone = "+918047490924";

    protected VapiExotelSandbox Sandbox { get; private set; } = null!;

    /// <summary>Options for the sandbox of each test; override to change them.</summary>
    protected virtual void Configure(VapiExotelSandboxOptions options)
    {
    }

    [SetUp]
    public async Task StartSandboxAsync()
    {
        var options = new VapiExotelSandboxOptions { StartTime = Start };
        Configure(options);
        Sandbox = await VapiExotelSandbox.StartAsync(options);
    }

    [TearDown]
    public async Task StopSandboxAsync() => await Sandbox.DisposeAsync();
}
