using System.CommandLine;
using VapiExotel.Cli.Hosting;
using VapiExotel.Sandbox;

namespace VapiExotel.Cli.Commands;

/// <summary><c>sandbox</c>: runs the built-in emulation of both APIs in the foreground and prints how to use it.</summary>
internal static class SandboxCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var exotelPort = new Option<int>("--exotel-port") { Description = "The Exotel emulation's port on 127.0.0.1; a free one by default." };
        var vapiPort = new Option<int>("--vapi-port") { Description = "The Vapi emulation's port on 127.0.0.1; a free one by default." };
        var command = new Command("sandbox", "Run the offline sandbox (Exotel and Vapi on loopback) until Ctrl+C, and print its addresses and keys.") { exotelPort, vapiPort };
        command.SetAction((parsed, cancellationToken) => CliApp.WithoutSessionAsync(parsed, environment, async (output, ct) =>
        {
            var options = new VapiExotelSandboxOptions { ClockMode = SandboxClockMode.RealTime };
            await using var sandbox = await VapiExotelSandbox.StartAsync(options, parsed.GetValue(exotelPort), parsed.GetValue(vapiPort), ct).ConfigureAwait(false);
            var settings = sandbox.Options;
            var assistant = (string?)sandbox.Vapi.Assistants[0]["id"];
            output.Line("Vapi-Exotel sandbox: both APIs emulated on loopback; nothing leaves this machine.");
            output.Line($"  Exotel   {sandbox.ExotelBaseAddress}  (account {settings.ExotelAccountSid})");
            output.Line($"  Vapi     {sandbox.VapiBaseAddress}");
            output.Line($"  ExoPhone {string.Join(", ", settings.ExoPhones)}; assistant {assistant}");
            output.Line("Point the tool (or your app) at it from another terminal:");
            output.Line("  export " + string.Join(' ', sandbox.ConfigurationFor().Select(s => $"{s.Key.Replace(":", "__", StringComparison.Ordinal)}={s.Value}")));
            output.Line("Press Ctrl+C to stop.");
            output.Result(new
            {
                exotel = sandbox.ExotelBaseAddress,
                vapi = sandbox.VapiBaseAddress,
                accountSid = settings.ExotelAccountSid,
                exoPhones = settings.ExoPhones,
                assistantId = assistant,
            });
            await environment.Out.FlushAsync(ct).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: the sandbox stops.
            }

            return CliApp.Ok;
        }, cancellationToken));
        return command;
    }
}
