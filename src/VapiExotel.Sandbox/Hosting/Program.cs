namespace VapiExotel.Sandbox.Hosting;

/// <summary>The standalone server: prints the addresses and accounts, serves until Ctrl+C.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int exotelPort = 0, vapiPort = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--exotel-port" when i + 1 < args.Length && int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var e):
                    exotelPort = e;
                    i++;
                    break;
                case "--vapi-port" when i + 1 < args.Length && int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var v):
                    vapiPort = v;
                    i++;
                    break;
                case "-h" or "--help":
                    await Console.Out.WriteLineAsync("Usage: VapiExotel.Sandbox [--exotel-port N] [--vapi-port N]   (0 or none: a free port)").ConfigureAwait(false);
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"Unknown argument '{args[i]}'. Try --help.").ConfigureAwait(false);
                    return 2;
            }
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;   // stop the sandbox cleanly, as on Ctrl+C
            stop.Cancel();
        });

        var options = new VapiExotelSandboxOptions { ClockMode = SandboxClockMode.RealTime };
        var sandbox = await VapiExotelSandbox.StartAsync(options, exotelPort, vapiPort, stop.Token).ConfigureAwait(false);
        await using var stopSandbox = sandbox.ConfigureAwait(false);
        var settings = sandbox.Options;
        await Console.Out.WriteLineAsync($"""
            Vapi-Exotel sandbox (offline emulation; nothing leaves this machine)
              Exotel  {sandbox.ExotelBaseAddress}  account {settings.ExotelAccountSid}, key {settings.ExotelApiKey}, token {settings.ExotelApiToken}
              Vapi    {sandbox.VapiBaseAddress}  key {settings.VapiApiKey}
              ExoPhone {string.Join(", ", settings.ExoPhones)}; assistant {sandbox.Vapi.Assistants[0]["id"]}
            Press Ctrl+C to stop.
            """).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }

        return 0;
    }
}
