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
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var output = CliApp.NewOutput(parsed, environment);
            try
            {
                var options = new VapiExotelSandboxOptions { ClockMode = SandboxClockMode.RealTime };
                await using var sandbox = await VapiExotelSandbox.StartAsync(options, parsed.GetValue(exotelPort), parsed.GetValue(vapiPort), cancellationToken).ConfigureAwait(false);
                var settings = sandbox.Options;
                var assistant = (string?)sandbox.Vapi.Assistants[0]["id"];
                output.Line("Vapi-Exotel sandbox: both APIs emulated on loopback; nothing leaves this machine.");
                output.Line($"  Exotel   {sandbox.ExotelBaseAddress}  (account {settings.ExotelAccountSid})");
                output.Line($"  Vapi     {sandbox.VapiBaseAddress}");
                output.Line($"  ExoPhone {string.Join(", ", settings.ExoPhones)}; assistant {assistant}");
                output.Line("Point the tool (or your app) at it from another terminal:");
                output.Line($"  export VapiExotel__Exotel__BaseAddress={sandbox.ExotelBaseAddress} VapiExotel__Exotel__AccountSid={settings.ExotelAccountSid} VapiExotel__Exotel__ApiKey={settings.ExotelApiKey} VapiExotel__Exotel__ApiToken={settings.ExotelApiToken}");
                output.Line($"  export VapiExotel__Vapi__BaseAddress={sandbox.VapiBaseAddress} VapiExotel__Vapi__ApiKey={settings.VapiApiKey}");
                output.Line($"  export VapiExotel__Numbers__0__PhoneNumber={settings.ExoPhones[0]} VapiExotel__Numbers__0__AssistantId={assistant}");
                output.Line("Press Ctrl+C to stop.");
                output.Result(new
                {
                    exotel = sandbox.ExotelBaseAddress,
                    vapi = sandbox.VapiBaseAddress,
                    accountSid = settings.ExotelAccountSid,
                    exoPhones = settings.ExoPhones,
                    assistantId = assistant,
                });
                await environment.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: the sandbox stops.
                }

                return CliApp.Ok;
            }
            catch (Exception ex)
            {
                return CliApp.Fail(output, ex, cancellationToken);
            }
        });
        return command;
    }
}
