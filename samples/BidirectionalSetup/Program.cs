// BidirectionalSetup: wires an Exotel account to Vapi assistants in both directions, as an application would do it:
// a Generic Host, configuration from appsettings.json, user secrets and environment variables, and
// IVapiExotelIntegrator from dependency injection. It plans, sets up, validates and places a test call, printing
// what each step found. Exit code 0 when every step and check passed, 1 otherwise.
//
// With no credentials configured, it runs against the built-in sandbox: nothing leaves the machine.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VapiExotel.Integration;
using VapiExotel.Samples;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    // appsettings.json is copied next to the program: find it wherever the program is started from.
    ContentRootPath = AppContext.BaseDirectory,
});

// The original Python scripts' variables (EXO_AUTH_KEY, VAPI_PRIVATE_KEY, PHONE_NUMBER, VAPI_ASSISTANT_ID, ...).
builder.Configuration.AddVapiExotelLegacyVariables();

// No credentials anywhere: run against an in-process sandbox instead (see samples/Shared/SampleSandbox.cs).
await using var sandbox = await SampleSandbox.StartIfNoCredentialsAsync(builder.Configuration);
if (sandbox is not null && string.IsNullOrWhiteSpace(builder.Configuration["VapiExotel:TestCallNumber"]))
{
    // The sandbox rings no real phone, so the test call can always go: to a number that answers at once.
    builder.Configuration.AddInMemoryCollection([new("VapiExotel:TestCallNumber", sandbox.AnswersQuickly())]);
}

// The one line an application needs: binds the "VapiExotel" section and validates it when the host starts.
builder.Services.AddVapiExotel(builder.Configuration);

using var host = builder.Build();
if (!await SampleHost.TryStartAsync(host))
{
    return 1;   // every invalid key was listed
}

// Ctrl+C stops the host, which cancels this token: every operation below honours it.
var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
var integrator = host.Services.GetRequiredService<IVapiExotelIntegrator>();
var options = host.Services.GetRequiredService<IOptions<VapiExotelOptions>>().Value;
var ok = true;

try
{
    // 1. Plan: read both accounts and say what setup would do. Nothing changes.
    Console.WriteLine();
    Console.WriteLine("1. Plan: what setup would do (nothing is changed yet)");
    var plan = await integrator.PlanAsync(SetupScope.All, stopping);
    ok &= Print(plan);

    // 2. Setup: create what is missing and repair what drifted, on both sides. Safe to run again: a second run finds
    //    everything AlreadyPresent and sends no creating request.
    Console.WriteLine();
    Console.WriteLine("2. Setup: inbound (Exotel trunk, whitelist, destination, number mappings) and outbound (Vapi credential, phone numbers)");
    var setup = await integrator.SetupAsync(SetupScope.All, stopping);
    ok &= Print(setup);
    if (setup.Succeeded)
    {
        Console.WriteLine($"   Trunk {setup.TrunkSid}, Vapi credential {setup.CredentialId}");
    }

    // 3. Validate: the configuration, both accounts and every resource setup manages, each check with its fix.
    Console.WriteLine();
    Console.WriteLine("3. Validate: every check, with the fix for any that did not pass");
    var validation = await integrator.ValidateAsync(stopping);
    foreach (var check in validation.Checks)
    {
        Console.WriteLine($"   [{check.Status}] {check.Name}: {check.Message}");
        if (check.Fix is { } fix && check.Status is not ValidationStatus.Passed)
        {
            Console.WriteLine($"       Fix: {fix}");
        }
    }

    Console.WriteLine(validation.IsValid
        ? $"   Validation passed ({validation.Checks.Count} checks)."
        : $"   Validation FAILED: {validation.Failures.Count()} of {validation.Checks.Count} checks.");
    ok &= validation.IsValid;

    // 4. Test call: the assistant bound to the first ExoPhone calls TestCallNumber, out through Exotel. A real call,
    //    so it never happens by default: set VapiExotel:TestCallNumber to the phone you want rung.
    Console.WriteLine();
    Console.WriteLine("4. Test call: Vapi's assistant calls out through Exotel");
    if (string.IsNullOrWhiteSpace(options.TestCallNumber))
    {
        Console.WriteLine("   Skipped: set VapiExotel:TestCallNumber (E.164) to the phone to ring. It is a real call.");
    }
    else if (!setup.Succeeded)
    {
        Console.WriteLine("   Skipped: setup failed, so the call could not go out.");
    }
    else
    {
        var call = await integrator.PlaceTestCallAsync(cancellationToken: stopping);
        Console.WriteLine($"   Placed Vapi call {call.Id} to {options.TestCallNumber}: {call.Status}");

        // Poll until it ends (every second at first, then less often), then explain how it ended.
        var ended = await integrator.WaitForCallEndAsync(
            call.Id, new CallWaitOptions { MaxInterval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMinutes(15) }, stopping);
        var reason = ended.EndedReason?.Value ?? "unknown";
        var explanation = integrator.Explain(reason);
        Console.WriteLine($"   Call ended: {reason}. {explanation.Meaning}");
        if (explanation.IsFailure)
        {
            Console.WriteLine($"   Fix: {explanation.Fix}");
            ok = false;
        }
    }
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Console.WriteLine("Stopped.");
    ok = false;
}
catch (Exception e) when (e is VapiExotelException or Exotel.VSip.ExotelException or Vapi.Client.VapiException or ArgumentException)
{
    // The SDK's messages never hold a secret, so they are safe to print.
    Console.WriteLine($"Failed: {e.Message}");
    ok = false;
}

Console.WriteLine();
Console.WriteLine(ok ? "Done: every step succeeded." : "Done, with failures: see above.");
await host.StopAsync();
return ok ? 0 : 1;

// Prints a plan's or setup's steps, and what is left to do by hand; returns whether no step failed.
static bool Print(IntegrationReport report)
{
    foreach (var step in report.Steps)
    {
        var id = step.ResourceId is null ? string.Empty : $" ({step.ResourceId})";
        Console.WriteLine($"   {step.Outcome,-14} {step.Kind,-20} {step.Target}{id}");
        if (step.Error is { } error)
        {
            Console.WriteLine($"       {error.Message} Fix: {error.Fix}");
        }
    }

    foreach (var manual in report.ManualSteps)
    {
        Console.WriteLine($"   By hand: {manual}");
    }

    var changes = report.Steps.Count(s => s.IsChange);
    Console.WriteLine(report.Succeeded
        ? $"   {report.Operation}: {report.Steps.Count} steps, {changes} change(s)."
        : $"   {report.Operation} FAILED at {report.Failures.Count()} of {report.Steps.Count} steps.");
    return report.Succeeded;
}
