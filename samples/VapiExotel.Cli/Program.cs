using System.Runtime.InteropServices;
using VapiExotel.Cli;
using VapiExotel.Cli.Hosting;

// Ctrl+C cancels the running operation (every one is safe to rerun); a second Ctrl+C ends the process.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

// SIGTERM (docker stop, systemd, kill) stops the tool as Ctrl+C does: the sandbox command ends with 0, others cancel.
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
});

return await CliApp.RunAsync(args, CliEnvironment.FromProcess(), stop.Token);
