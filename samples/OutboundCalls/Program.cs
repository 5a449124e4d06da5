// OutboundCalls: the three ways to place an outbound call with VapiExotel.Integration, each followed to its end:
//   1. two numbers connected through Exotel (click-to-call)           IVapiExotelIntegrator.ConnectNumbersAsync
//   2. a number connected to an Exotel flow                           IVapiExotelIntegrator.ConnectToFlowAsync
//   3. an AI assistant call through Vapi, out through Exotel          IVapiExotelIntegrator.StartAssistantCallAsync
// then WaitForExotelCallEndAsync / WaitForCallEndAsync until each ends, and Explain(...) of how it ended.
// Exit code 0 when every call was placed and ended without a failure, 1 otherwise.
//
// With no credentials configured, it runs against the built-in sandbox: nothing leaves the machine.
using Exotel.VSip;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VapiExotel.Integration;
using VapiExotel.Samples;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,   // appsettings.json is next to the program
});

// The original Python scripts' variables (EXO_AUTH_KEY, VAPI_PRIVATE_KEY, PHONE_NUMBER, VAPI_ASSISTANT_ID, ...).
builder.Configuration.AddVapiExotelLegacyVariables();

await using var sandbox = await SampleSandbox.StartIfNoCredentialsAsync(builder.Configuration);
if (sandbox is not null)
{
    // In the sandbox every call can go: fill in the numbers left empty with sandbox numbers that answer at once
    // and hang up after a second (the flow id can be anything there).
    var sandboxCalls = new Dictionary<string, string>
    {
        ["OutboundCalls:ConnectNumbers:From"] = sandbox.AnswersQuickly("+919876543210"),
        ["OutboundCalls:ConnectNumbers:To"] = "+919123456789",
        ["OutboundCalls:ConnectToFlow:Number"] = sandbox.AnswersQuickly("+919988776655"),
        ["OutboundCalls:ConnectToFlow:FlowId"] = "219283",
        ["OutboundCalls:AssistantCall:CustomerNumber"] = sandbox.AnswersQuickly("+919900112233"),
    };
    builder.Configuration.AddInMemoryCollection(sandboxCalls
        .Where(setting => string.IsNullOrWhiteSpace(builder.Configuration[setting.Key]))
        .Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));
}

builder.Services.AddVapiExotel(builder.Configuration);
var calls = builder.Configuration.GetSection("OutboundCalls").Get<OutboundCallSettings>() ?? new OutboundCallSettings();

using var host = builder.Build();
if (!await SampleHost.TryStartAsync(host))
{
    return 1;   // every invalid key was listed
}

var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
var integrator = host.Services.GetRequiredService<IVapiExotelIntegrator>();
var options = host.Services.GetRequiredService<IOptions<VapiExotelOptions>>().Value;

// The ExoPhone the called parties see: Exotel accepts only one of the account's own numbers as caller id.
var callerId = Configured(calls.CallerId) ?? options.GetNumberBindings()[0].PhoneNumber!;
var ok = true;

// Follow calls until they end, polling every second at first and less often as they go on.
var waiting = new CallWaitOptions { MaxInterval = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromMinutes(15) };

// Place every call first, then follow them all at once: they progress in parallel, so this takes as long as the
// longest call. Each entry is a call being followed; its ending is printed in order below.
var followed = new List<(string Title, Task<Ending> Ending)>();
try
{
    // 1. Two numbers connected through Exotel: From rings first; when it answers, To is dialled.
    Console.WriteLine();
    Console.WriteLine("1. Connect two numbers through Exotel");
    if (Configured(calls.ConnectNumbers.From) is { } from && Configured(calls.ConnectNumbers.To) is { } to)
    {
        var call = await integrator.ConnectNumbersAsync(new ConnectCallRequest(from, to, callerId) { TimeLimit = 600 }, stopping);
        Console.WriteLine($"   Placed Exotel call {call.Sid}: {call.Status} ({from} is rung, then {to}; caller id {callerId})");
        followed.Add(("Connect two numbers", FollowExotelCallAsync(integrator, call.Sid, waiting, stopping)));
    }
    else
    {
        Console.WriteLine("   Skipped: set OutboundCalls:ConnectNumbers:From and :To (real phones).");
    }

    // 2. A number connected to an Exotel flow: Exotel rings it, then runs the flow (an IVR, a Connect applet...).
    Console.WriteLine();
    Console.WriteLine("2. Connect a number to an Exotel flow");
    if (Configured(calls.ConnectToFlow.Number) is { } number && Configured(calls.ConnectToFlow.FlowId) is { } flowId)
    {
        var call = await integrator.ConnectToFlowAsync(new ConnectToFlowRequest(number, callerId, flowId), stopping);
        Console.WriteLine($"   Placed Exotel call {call.Sid}: {call.Status} ({number} is rung, then connected to flow {flowId})");
        followed.Add(("Connect to a flow", FollowExotelCallAsync(integrator, call.Sid, waiting, stopping)));
    }
    else
    {
        Console.WriteLine("   Skipped: set OutboundCalls:ConnectToFlow:Number and :FlowId.");
    }

    // 3. An AI call: Vapi's assistant calls the customer from the BYO ExoPhone, through Exotel's gateway. This needs
    //    the integration set up (the Vapi credential and phone number); setup is idempotent, so make sure of it.
    Console.WriteLine();
    Console.WriteLine("3. An AI assistant call through Vapi");
    if (Configured(calls.AssistantCall.CustomerNumber) is { } customer)
    {
        var setup = await integrator.SetupAsync(SetupScope.All, stopping);
        Console.WriteLine($"   Setup checked: {setup.Steps.Count(s => s.IsChange)} change(s), {(setup.Succeeded ? "succeeded" : "FAILED")}.");
        setup.EnsureSuccess();   // throws VapiExotelException, naming the failed steps

        var call = await integrator.StartAssistantCallAsync(
            new AssistantCallRequest(customer) { FromNumber = callerId, Name = "OutboundCalls sample" }, stopping);
        Console.WriteLine($"   Placed Vapi call {call.Id}: {call.Status} ({callerId} calls {customer}; assistant {call.AssistantId})");
        followed.Add(("Assistant call", FollowVapiCallAsync(integrator, call.Id, waiting, stopping)));
    }
    else
    {
        Console.WriteLine("   Skipped: set OutboundCalls:AssistantCall:CustomerNumber (a real phone).");
    }
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Console.WriteLine("Stopped.");
    ok = false;
}
catch (Exception e) when (e is VapiExotelException or ExotelException or Vapi.Client.VapiException or ArgumentException)
{
    // Placing a call is never retried by the SDK: when e is an ExotelException or VapiException whose
    // IsOutcomeUnknown is true, the call may have been placed anyway; look it up before placing it again.
    Console.WriteLine($"   Failed: {e.Message}");
    ok = false;
}

// How each call ended, in the order they were placed.
if (followed.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("Following the calls to their end...");
}

foreach (var (title, ending) in followed)
{
    try
    {
        var end = await ending;
        Console.WriteLine($"   {title}: {end.Summary}");
        if (end.Explanation is { } explanation)
        {
            // A cause code has a name (16 NORMAL_CLEARING); a Vapi ended reason is its own name.
            var code = explanation.Name == explanation.Code ? explanation.Code : $"{explanation.Code} {explanation.Name}";
            Console.WriteLine($"      {code}: {explanation.Meaning}");
            if (explanation.IsFailure)
            {
                Console.WriteLine($"      Fix: {explanation.Fix}");
            }
        }

        ok &= !end.Failed;
    }
    catch (Exception e) when (e is VapiExotelException or OperationCanceledException)
    {
        // Not ended within the wait's Timeout, or Ctrl+C: the call itself goes on.
        Console.WriteLine($"   {title}: not followed to its end: {e.Message}");
        ok = false;
    }
}

Console.WriteLine();
Console.WriteLine(!ok ? "Done, with failures: see above."
    : followed.Count == 0 ? "Done: no call was placed. Set the numbers under OutboundCalls to place some."
    : "Done: every call ended without a failure.");
await host.StopAsync();
return ok ? 0 : 1;

static string? Configured(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

// An Exotel call, until its status is terminal. Exotel reports how a call ended as a status, not a cause code:
// the statuses of a normal end stand for the Q.850 causes that Explain knows.
static async Task<Ending> FollowExotelCallAsync(IVapiExotelIntegrator integrator, string sid, CallWaitOptions waiting, CancellationToken cancellationToken)
{
    var call = await integrator.WaitForExotelCallEndAsync(sid, waiting, cancellationToken);
    var status = call.Status ?? ExotelCallStatus.Failed;
    string? cause = status.Value switch
    {
        "completed" => "16",   // NORMAL_CLEARING
        "busy" => "17",        // USER_BUSY
        "no-answer" => "19",   // NO_ANSWER
        _ => null,
    };
    var legs = call.Details is { } details ? $"; legs {details.Leg1Status}/{details.Leg2Status?.Value ?? "-"}" : string.Empty;
    var talked = call.Details?.ConversationDuration is { } talk ? $", {talk.TotalSeconds:0} s of conversation" : string.Empty;

    // Duration and price arrive about two minutes after the end (Exotel's late fields); they are not waited for here.
    return new Ending(
        $"Exotel call {call.Sid} ended: {status}{legs}{talked}",
        cause is null ? null : integrator.Explain(cause),
        Failed: status == ExotelCallStatus.Failed);
}

// A Vapi call, until its status is ended; its ended reason says how, and Explain says what that means.
static async Task<Ending> FollowVapiCallAsync(IVapiExotelIntegrator integrator, string id, CallWaitOptions waiting, CancellationToken cancellationToken)
{
    var call = await integrator.WaitForCallEndAsync(id, waiting, cancellationToken);
    var reason = call.EndedReason?.Value;
    var explanation = reason is null ? null : integrator.Explain(reason);
    return new Ending($"Vapi call {call.Id} ended: {reason ?? "no ended reason"}", explanation, Failed: explanation?.IsFailure ?? true);
}

/// <summary>How a call ended, ready to print.</summary>
/// <param name="Summary">One line: the call, its final status, what is known of it.</param>
/// <param name="Explanation">What the end means, when its code is known.</param>
/// <param name="Failed">Whether the call failed (busy or unanswered is not a failure).</param>
internal sealed record Ending(string Summary, CallFailureExplanation? Explanation, bool Failed);

/// <summary>The "OutboundCalls" section: which calls to place.</summary>
internal sealed class OutboundCallSettings
{
    public string? CallerId { get; set; }

    public ConnectNumbersSettings ConnectNumbers { get; set; } = new();

    public ConnectToFlowSettings ConnectToFlow { get; set; } = new();

    public AssistantCallSettings AssistantCall { get; set; } = new();
}

internal sealed class ConnectNumbersSettings
{
    public string? From { get; set; }

    public string? To { get; set; }
}

internal sealed class ConnectToFlowSettings
{
    public string? Number { get; set; }

    public string? FlowId { get; set; }
}

internal sealed class AssistantCallSettings
{
    public string? CustomerNumber { get; set; }
}
