// MultiAssistant: several ExoPhones, each answered by its own Vapi assistant, all sharing ONE Vapi BYO SIP trunk
// credential and ONE Exotel trunk. Setup creates a Vapi phone number per ExoPhone, bound to its assistant, on the
// shared credential; Vapi then routes each call by the number dialled. This sample runs setup and reads the result
// back from Vapi: which number goes to which assistant, and the credential each one uses.
// Exit code 0 when setup succeeded and every number is bound as configured on the shared credential, 1 otherwise.
//
// With no credentials configured, it runs against the built-in sandbox: nothing leaves the machine.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Vapi.Client;
using VapiExotel.Integration;
using VapiExotel.Sandbox;
using VapiExotel.Samples;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,   // appsettings.json is next to the program
});

// The original Python scripts' variables (EXO_AUTH_KEY, VAPI_PRIVATE_KEY, PHONE_NUMBER, VAPI_ASSISTANT_ID, ...).
builder.Configuration.AddVapiExotelLegacyVariables();

// In the sandbox, the account owns three ExoPhones (a caller id must be one of them, as on Exotel).
string[] sandboxPhones = ["+918047490901", "+918047490902", "+918047490903"];
var numbersConfigured = builder.Configuration.GetSection("VapiExotel:Numbers").GetChildren().Any();
await using var sandbox = await SampleSandbox.StartIfNoCredentialsAsync(
    builder.Configuration, new VapiExotelSandboxOptions { ExoPhones = sandboxPhones });
if (sandbox is not null && !numbersConfigured)
{
    // Two assistants for three numbers: sales answers two of them, support the third.
    var sales = sandbox.Vapi.AddAssistant("Sales");
    var support = sandbox.Vapi.AddAssistant("Support");
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["VapiExotel:Numbers:0:PhoneNumber"] = sandboxPhones[0],
        ["VapiExotel:Numbers:0:AssistantId"] = sales,
        ["VapiExotel:Numbers:1:PhoneNumber"] = sandboxPhones[1],
        ["VapiExotel:Numbers:1:AssistantId"] = support,
        ["VapiExotel:Numbers:2:PhoneNumber"] = sandboxPhones[2],
        ["VapiExotel:Numbers:2:AssistantId"] = sales,
    });
}

builder.Services.AddVapiExotel(builder.Configuration);

using var host = builder.Build();
if (!await SampleHost.TryStartAsync(host))
{
    return 1;   // every invalid key was listed
}

var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
var integrator = host.Services.GetRequiredService<IVapiExotelIntegrator>();
var options = host.Services.GetRequiredService<IOptions<VapiExotelOptions>>().Value;

// AddVapiExotel registers the Vapi client too: use it to read what setup left, as Vapi holds it.
var vapi = host.Services.GetRequiredService<VapiClient>();
var bindings = options.GetNumberBindings();

try
{
    Console.WriteLine();
    Console.WriteLine($"Setting up {bindings.Count} ExoPhone(s) for {bindings.Select(b => b.AssistantId).Distinct(StringComparer.Ordinal).Count()} assistant(s)");
    var setup = await integrator.SetupAsync(SetupScope.All, stopping);
    foreach (var step in setup.Steps)
    {
        Console.WriteLine($"   {step.Outcome,-14} {step.Kind,-20} {step.Target}");
    }

    if (!setup.Succeeded)
    {
        foreach (var failure in setup.Failures)
        {
            Console.WriteLine($"   FAILED {failure.Kind} {failure.Target}: {failure.Error?.Message ?? failure.Message} Fix: {failure.Error?.Fix}");
        }

        return 1;
    }

    // One Exotel trunk with one destination, {credential id}.sip.vapi.ai, serves every number.
    Console.WriteLine($"   One Exotel trunk for all numbers: {setup.TrunkSid}");

    // Each number's Vapi phone number, read back from Vapi: its assistant and its credential.
    Console.WriteLine();
    Console.WriteLine("Which number goes to which assistant:");
    var ok = true;
    var credentials = new HashSet<string>(StringComparer.Ordinal);
    foreach (var binding in bindings)
    {
        var phoneNumberId = setup.StepsFor(ResourceKind.VapiPhoneNumber).FirstOrDefault(step => step.Target == binding.PhoneNumber)?.ResourceId;
        if (phoneNumberId is null || await vapi.PhoneNumbers.GetAsync(phoneNumberId, stopping) is not ByoPhoneNumber phoneNumber)
        {
            Console.WriteLine($"   {binding.PhoneNumber}: no BYO phone number on Vapi.");
            ok = false;
            continue;
        }

        var assistant = await vapi.Assistants.GetAsync(phoneNumber.AssistantId!, stopping);
        Console.WriteLine($"   {phoneNumber.Number} -> assistant '{assistant.Name}' ({assistant.Id}), Vapi phone number {phoneNumber.Id}, credential {phoneNumber.CredentialId}");

        ok &= phoneNumber.AssistantId == binding.AssistantId;
        credentials.Add(phoneNumber.CredentialId ?? "none");
    }

    // The point of it all: however many numbers and assistants, one credential (one SIP trunk on Vapi's side).
    Console.WriteLine();
    if (credentials.Count == 1 && credentials.Single() == setup.CredentialId)
    {
        Console.WriteLine($"All {bindings.Count} numbers share one Vapi credential: {setup.CredentialId} ('{options.GetCredentialName()}').");
    }
    else
    {
        Console.WriteLine($"The numbers use {credentials.Count} credentials ({string.Join(", ", credentials)}), not the integration's one ({setup.CredentialId}).");
        ok = false;
    }

    if (!ok)
    {
        Console.WriteLine("Some numbers are not bound as configured: run setup again, or see validate's fixes.");
    }

    await host.StopAsync();
    return ok ? 0 : 1;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Console.WriteLine("Stopped.");
    return 1;
}
catch (Exception e) when (e is VapiExotelException or Exotel.VSip.ExotelException or VapiException)
{
    // The SDK's messages never hold a secret, so they are safe to print.
    Console.WriteLine($"Failed: {e.Message}");
    return 1;
}
