using System.CommandLine;
using System.Globalization;
using Exotel.VSip;
using Spectre.Console;
using Vapi.Client;
using VapiExotel.Cli.Hosting;
using VapiExotel.Integration;

namespace VapiExotel.Cli.Commands;

/// <summary><c>test-call</c> and <c>call …</c>: the original scripts' call commands, each doing what it says.</summary>
internal static class CallCommands
{
    /// <summary>Polls without pushes (the tool has no webhook server): quick at first, for calls that end in seconds, then every 10 seconds at most.</summary>
    private static readonly CallMonitorOptions FollowPolling = new()
    {
        InitialPollInterval = TimeSpan.FromMilliseconds(500),
        MaxPollInterval = TimeSpan.FromSeconds(10),
    };

    public static Command TestCall(CliEnvironment environment)
    {
        var to = new Option<string?>("--to") { Description = "The phone to ring, E.164 (+919876543210); VapiExotel:TestCallNumber when not given. A real call: there is no other default." };
        var wait = WaitOption();
        var command = new Command("test-call", "Place a real outbound call from the first ExoPhone through Vapi's assistant, to check the outbound path.") { to, wait };
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(parsed, environment, async (session, output, ct) =>
        {
            var number = parsed.GetValue(to);
            if (number is null && string.IsNullOrWhiteSpace(session.Options.TestCallNumber))
            {
                throw new ArgumentException("--to is required: no VapiExotel:TestCallNumber is configured, and a test call rings a real phone, so there is no default.");
            }

            var call = await session.Integrator.PlaceTestCallAsync(number, ct).ConfigureAwait(false);
            return await ReportVapiCallAsync(session, output, call, parsed.GetValue(wait), ct).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }

    public static Command Call(CliEnvironment environment) =>
        new("call", "Place, show and list calls.")
        {
            Connect(environment), Flow(environment), Assistant(environment), Show(environment), List(environment), Follow(environment),
        };

    private static Command Connect(CliEnvironment environment)
    {
        var from = new Argument<string>("FROM") { Description = "Rung first (an agent, say), E.164 or Exotel's national form." };
        var to = new Argument<string>("TO") { Description = "Connected once FROM answers." };
        var options = new ConnectOptions(includeTimings: true);
        var command = new Command("connect", "Connect two numbers through Exotel (click-to-call): FROM is rung, then TO.") { from, to };
        options.AddTo(command);
        var safe = new SafeOptions(command);
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(parsed, environment, async (session, output, ct) =>
        {
            var request = new ConnectCallRequest(parsed.GetValue(from)!, parsed.GetValue(to)!, options.CallerId(parsed, session));
            options.Apply(parsed, request);
            return safe.Requested(parsed)
                ? ReportPlacement(output, await session.Integrator.PlaceConnectCallAsync(request, safe.Options(parsed), ct).ConfigureAwait(false), call => ReportExotelCall(output, call))
                : ReportExotelCall(output, await session.Integrator.ConnectNumbersAsync(request, ct).ConfigureAwait(false));
        }, cancellationToken));
        return command;
    }

    private static Command Flow(CliEnvironment environment)
    {
        var number = new Argument<string>("NUMBER") { Description = "The number to ring." };
        var flowId = new Argument<string>("FLOW_ID") { Description = "The Exotel flow (app) id the call is connected to once answered." };
        var options = new ConnectOptions(includeTimings: true);
        var command = new Command("flow", "Ring a number and connect it to an Exotel flow.") { number, flowId };
        options.AddTo(command);
        var safe = new SafeOptions(command);
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(parsed, environment, async (session, output, ct) =>
        {
            var request = new ConnectToFlowRequest(parsed.GetValue(number)!, options.CallerId(parsed, session), parsed.GetValue(flowId)!);
            options.Apply(parsed, request);
            return safe.Requested(parsed)
                ? ReportPlacement(output, await session.Integrator.PlaceFlowCallAsync(request, safe.Options(parsed), ct).ConfigureAwait(false), call => ReportExotelCall(output, call))
                : ReportExotelCall(output, await session.Integrator.ConnectToFlowAsync(request, ct).ConfigureAwait(false));
        }, cancellationToken));
        return command;
    }

    private static Command Assistant(CliEnvironment environment)
    {
        var number = new Argument<string>("NUMBER") { Description = "The customer to call, E.164." };
        var assistant = new Option<string?>("--assistant") { Description = "The Vapi assistant that talks; the one bound to the FROM number by default." };
        var from = new Option<string?>("--from") { Description = "The ExoPhone to call from (a configured number); the first by default." };
        var name = new Option<string?>("--name") { Description = "A name for the call in Vapi (at most 40 characters)." };
        var wait = WaitOption();
        var command = new Command("assistant", "A real AI call: Vapi's assistant calls NUMBER through the BYO trunk and Exotel.") { number, assistant, from, name, wait };
        var safe = new SafeOptions(command);
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(parsed, environment, async (session, output, ct) =>
        {
            var request = new AssistantCallRequest(parsed.GetValue(number)!)
            {
                AssistantId = parsed.GetValue(assistant),
                FromNumber = parsed.GetValue(from),
                Name = parsed.GetValue(name),
            };
            if (safe.Requested(parsed))
            {
                var placement = await session.Integrator.PlaceAssistantCallAsync(request, safe.Options(parsed), ct).ConfigureAwait(false);
                if (placement is { IsPlaced: true, Call: { } placed })
                {
                    output.Line(PlacementLine(placement));
                    return await ReportVapiCallAsync(session, output, placed, parsed.GetValue(wait), ct).ConfigureAwait(false);
                }

                return ReportPlacement(output, placement, _ => CliApp.Ok);
            }

            var call = await session.Integrator.StartAssistantCallAsync(request, ct).ConfigureAwait(false);
            return await ReportVapiCallAsync(session, output, call, parsed.GetValue(wait), ct).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }

    private static Command Show(CliEnvironment environment)
    {
        var id = new Argument<string>("SID") { Description = "An Exotel call SID, or a Vapi call id (a UUID)." };
        var command = new Command("show", "Show one call: its status, times and, once ended, what its end means.") { id };
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(parsed, environment, async (session, output, ct) =>
        {
            var value = parsed.GetValue(id)!;
            // Vapi ids are hyphenated UUIDs; an Exotel call SID is 32 hex digits, which Guid.TryParse also accepts.
            if (Guid.TryParseExact(value, "D", out _))
            {
                var call = await session.Vapi.Calls.GetAsync(value, ct).ConfigureAwait(false);
                return await ReportVapiCallAsync(session, output, call, wait: false, ct).ConfigureAwait(false);
            }

            return ReportExotelCall(output, await session.Exotel.Calls.GetAsync(value, cancellationToken: ct).ConfigureAwait(false));
        }, cancellationToken));
        return command;
    }

    private static Command List(CliEnvironment environment)
    {
        var limit = new Option<int>("--limit") { Description = "At most this many calls, newest first.", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "List the account's recent Exotel calls.") { limit };
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(parsed, environment, async (session, output, ct) =>
        {
            var max = parsed.GetValue(limit);
            if (max < 1)
            {
                throw new ArgumentException($"--limit must be at least 1; got {max}.");
            }

            var calls = new List<ExotelCall>();
            await foreach (var call in session.Exotel.Calls.ListAsync(new ExotelCallListFilter { PageSize = Math.Min(max, 100) }, ct).ConfigureAwait(false))
            {
                calls.Add(call);
                if (calls.Count == max)
                {
                    break;
                }
            }

            var table = new Table().AddColumns("SID", "Status", "From", "To", "Created", "Duration");
            foreach (var call in calls)
            {
                table.AddRow(
                    Markup.Escape(call.Sid), Markup.Escape(call.Status?.Value ?? "-"), Markup.Escape(call.From ?? "-"), Markup.Escape(call.To ?? "-"),
                    call.DateCreated?.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) ?? "-", call.Duration?.ToString() ?? "-");
            }

            output.Write(table);
            output.Line($"{calls.Count} call(s).");
            output.Result(calls.Select(ExotelCallJson));
            return CliApp.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Follow(CliEnvironment environment)
    {
        var id = new Argument<string?>("SID|ID") { Description = "An Exotel call SID, or a Vapi call id (a UUID).", Arity = ArgumentArity.ZeroOrOne };
        var both = new Option<string[]>("--both")
        {
            Description = "Follow one conversation on both sides: its Exotel call SID, then its Vapi call id; it ends when both have ended.",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("follow", "Follow a call to its end (by polling), printing each status as it changes, then how it ended: the side, likely cause, code and fix.") { id, both };
        command.Validators.Add(result =>
        {
            var hasId = result.GetResult(id) is { Tokens.Count: > 0 };
            var hasBoth = result.GetResult(both) is { Tokens.Count: > 0 };
            if (hasId == hasBoth)
            {
                result.AddError("give one call: an Exotel call SID or a Vapi call id, or --both EXOTEL_SID VAPI_ID.");
            }
        });
        command.SetAction((parsed, cancellationToken) => CliApp.WithSessionAsync(parsed, environment, async (session, output, ct) =>
        {
            var reference = parsed.GetValue(both) is [var sid, var callId]
                ? new CallReference(sid, callId)
                : Guid.TryParseExact(parsed.GetValue(id)!, "D", out _) ? CallReference.ForVapi(parsed.GetValue(id)!) : CallReference.ForExotel(parsed.GetValue(id)!);
            return await FollowCallAsync(session, output, reference, ct).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }

    private static async Task<int> FollowCallAsync(CliSession session, Output output, CallReference reference, CancellationToken cancellationToken)
    {
        var names = string.Join(" and ", new[]
        {
            reference.ExotelCallSid is { } sid ? $"Exotel call {sid}" : null,
            reference.VapiCallId is { } callId ? $"Vapi call {callId}" : null,
        }.Where(n => n is not null));
        output.Line($"Following {names} until it ends (Ctrl+C stops following; the call goes on)…");
        var events = new List<object>();
        CallOutcome? outcome = null;
        await foreach (var e in session.Integrator.FollowCallAsync(reference, FollowPolling, cancellationToken).ConfigureAwait(false))
        {
            var side = SideName(e.Side);
            switch (e)
            {
                case CallStatusChanged changed:
                    output.Line($"[{side}] {changed.Status}");
                    events.Add(new { type = "status", side, source = e.Source, at = e.At, status = changed.Status, terminal = changed.IsTerminal });
                    break;
                case CallLegUpdate leg:
                    var duration = leg.OnCallDuration is { } d ? $", {d.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s on the call" : string.Empty;
                    output.Line($"[{side}] leg {leg.Leg.ToString(CultureInfo.InvariantCulture)}: {leg.Status?.Value ?? "no status yet"}{duration}");
                    events.Add(new { type = "leg", side, source = e.Source, at = e.At, leg = leg.Leg, status = leg.Status?.Value, onCallSeconds = leg.OnCallDuration?.TotalSeconds });
                    break;
                case CallEnded ended:
                    outcome = ended.Outcome;
                    events.Add(new { type = "ended", side, source = e.Source, at = e.At });
                    break;
            }
        }

        if (outcome is null)
        {
            // The monitor ends its stream only with CallEnded, or by throwing; this is a defect if reached.
            throw new InvalidOperationException("The call monitor stopped before the call ended.");
        }

        var verdict = outcome.Classification;
        output.Line($"Ended: {verdict.Meaning}");
        output.Line($"Side: {SideText(verdict.Side)}. Likely cause: {CauseText(verdict.LikelyCause)}. Code: {verdict.Code}.");
        output.Line($"Fix: {verdict.Fix}");
        output.Result(new
        {
            call = new { exotelCallSid = reference.ExotelCallSid, vapiCallId = reference.VapiCallId },
            events,
            outcome = new
            {
                isFailure = outcome.IsFailure,
                side = verdict.Side,
                likelyCause = verdict.LikelyCause,
                code = verdict.Code,
                meaning = verdict.Meaning,
                fix = verdict.Fix,
                exotelStatus = outcome.ExotelStatus?.Value,
                vapiEndedReason = outcome.VapiEndedReason?.Value,
            },
        });
        return outcome.IsFailure ? CliApp.Failed : CliApp.Ok;
    }

    private static string SideName(CallSide side) => side == CallSide.Exotel ? "exotel" : "vapi";

    private static string SideText(FailureSide side) => side switch
    {
        FailureSide.None => "none (not a failure)",
        FailureSide.SipPath => "the SIP path between Vapi and Exotel",
        _ => side.ToString(),
    };

    private static string CauseText(LikelyCause cause) => cause switch
    {
        LikelyCause.None => "none",
        LikelyCause.NoAnswer => "no answer",
        LikelyCause.IpAllowlist => "IP allowlist",
        LikelyCause.NumberFormat => "number format",
        LikelyCause.NumberMapping => "number mapping",
        LikelyCause.ServiceFault => "service fault",
        LikelyCause.Busy => "busy",
        LikelyCause.Credentials => "credentials",
        LikelyCause.Capacity => "capacity",
        LikelyCause.Assistant => "assistant",
        LikelyCause.Transport => "transport",
        LikelyCause.Media => "media",
        LikelyCause.Carrier => "carrier",
        _ => "unknown",
    };

    /// <summary>Prints a safe call's outcome: placed (then the call), not placed, or unknown (with how to look).</summary>
    private static int ReportPlacement<TCall>(Output output, CallPlacement<TCall> placement, Func<TCall, int> placed)
        where TCall : class
    {
        output.Line(PlacementLine(placement));
        if (placement.Call is { } call && placement.IsPlaced)
        {
            return placed(call);
        }

        output.Result(new { outcome = placement.Outcome, placement.CorrelationId, placement.Attempts, placement.Message });
        return CliApp.Failed;
    }

    private static string PlacementLine<TCall>(CallPlacement<TCall> placement)
        where TCall : class =>
        $"Correlation id {placement.CorrelationId}: {placement.Outcome} after {placement.Attempts} attempt(s). {placement.Message}";

    /// <summary>--safe and --retry-if-not-placed: place the call through the integrator's safe-call methods.</summary>
    private sealed class SafeOptions
    {
        private readonly Option<bool> _safe = new("--safe")
        {
            Description = "Tag the call with a correlation id and, if the request's outcome is unknown, look the call up and say placed, not placed or unknown.",
        };

        private readonly Option<bool> _retry = new("--retry-if-not-placed") { Description = "With --safe: send once more only when the call is proven not placed." };

        public SafeOptions(Command command)
        {
            command.Options.Add(_safe);
            command.Options.Add(_retry);
        }

        public bool Requested(ParseResult parsed) => parsed.GetValue(_safe) || parsed.GetValue(_retry);

        public SafeCallOptions Options(ParseResult parsed) => new() { RetryWhenProvenNotPlaced = parsed.GetValue(_retry) };
    }

    private static Option<bool> WaitOption() => new("--wait") { Description = "Follow the call until it ends and explain how it ended." };

    private static async Task<int> ReportVapiCallAsync(CliSession session, Output output, VapiCall call, bool wait, CancellationToken cancellationToken)
    {
        output.Markup($"Vapi call [bold]{Markup.Escape(call.Id)}[/]: {Markup.Escape(call.Status?.Value ?? "unknown")}");
        if (wait && call.EndedReason is null)
        {
            output.Line("Following the call until it ends (Ctrl+C stops following; the call goes on)…");
            call = await session.Integrator.WaitForCallEndAsync(call.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            output.Markup($"Vapi call [bold]{Markup.Escape(call.Id)}[/]: {Markup.Escape(call.Status?.Value ?? "unknown")}");
        }

        CallFailureExplanation? explanation = null;
        if (call.EndedReason is { } reason)
        {
            explanation = session.Integrator.Explain(reason.Value);
            output.Line($"Ended: {reason.Value}. {explanation.Meaning}");
            if (explanation.IsFailure)
            {
                output.Line($"Fix: {explanation.Fix}");
            }
        }

        output.Result(new
        {
            id = call.Id,
            status = call.Status?.Value,
            endedReason = call.EndedReason?.Value,
            call.AssistantId,
            call.PhoneNumberId,
            customer = call.Customer?.Number,
            call.StartedAt,
            call.EndedAt,
            explanation = explanation is null ? null : new { explanation.Meaning, explanation.Fix, side = explanation.Side, explanation.IsFailure },
        });
        return explanation?.IsFailure == true ? CliApp.Failed : CliApp.Ok;
    }

    private static int ReportExotelCall(Output output, ExotelCall call)
    {
        output.Markup($"Exotel call [bold]{Markup.Escape(call.Sid)}[/]: {Markup.Escape(call.Status?.Value ?? "unknown")} ({Markup.Escape(call.From ?? "?")} → {Markup.Escape(call.To ?? "?")})");
        output.Result(ExotelCallJson(call));
        return CliApp.Ok;
    }

    private static object ExotelCallJson(ExotelCall call) => new
    {
        sid = call.Sid,
        status = call.Status?.Value,
        call.From,
        call.To,
        direction = call.Direction?.Value,
        call.DateCreated,
        call.StartTime,
        call.EndTime,
        durationSeconds = call.Duration?.TotalSeconds,
    };

    /// <summary>The options the original script's connect commands had, for both connect forms.</summary>
    private sealed class ConnectOptions(bool includeTimings)
    {
        private readonly Option<string?> _callerId = new("--caller-id")
        {
            Description = "The ExoPhone shown to the callee; EXO_CALLER_ID or the first configured number by default.",
        };

        private readonly Option<bool> _record = new("--record") { Description = "Record the call." };
        private readonly Option<int?> _timeout = new("--timeout") { Description = "Seconds to let each leg ring (Exotel's TimeOut)." };
        private readonly Option<int?> _timeLimit = new("--time-limit") { Description = "The longest the call may last, in seconds (Exotel's TimeLimit)." };
        private readonly Option<string?> _customField = new("--custom-field") { Description = "A value Exotel keeps with the call and returns in callbacks." };
        private readonly Option<Uri?> _statusCallback = new("--status-callback")
        {
            Description = "Where Exotel posts the call's status (https).",

            // System.CommandLine has no converter for Uri: without this parser every value failed when read (exit 1).
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
                {
                    return uri;
                }

                result.AddError($"--status-callback must be an absolute URL, e.g. https://example.com/exotel/status; got '{text}'.");
                return null;
            },
        };
        private readonly Option<string[]> _events = CallbackEvents();

        private static Option<string[]> CallbackEvents()
        {
            var option = new Option<string[]>("--status-callback-event") { Description = "Which events to post: terminal, answered (repeatable; needs --status-callback)." };
            option.AcceptOnlyFromAmong("terminal", "answered");
            return option;
        }

        public void AddTo(Command command)
        {
            command.Validators.Add(result =>
            {
                // By the tokens, not the values: a value that fails to convert has its own error already.
                if (result.GetResult(_events) is { Tokens.Count: > 0 } && result.GetResult(_statusCallback) is null)
                {
                    result.AddError("--status-callback-event needs --status-callback: the address Exotel posts the events to.");
                }
            });
            command.Options.Add(_callerId);
            command.Options.Add(_record);
            if (includeTimings)
            {
                command.Options.Add(_timeout);
                command.Options.Add(_timeLimit);
            }

            command.Options.Add(_customField);
            command.Options.Add(_statusCallback);
            command.Options.Add(_events);
        }

        public string CallerId(ParseResult parsed, CliSession session) =>
            parsed.GetValue(_callerId)
            ?? session.Variable("EXO_CALLER_ID")
            ?? session.Options.GetNumberBindings().Select(b => b.PhoneNumber).FirstOrDefault()
            ?? throw new ArgumentException("--caller-id is required: no ExoPhone is configured (VapiExotel:Numbers).");

        public void Apply(ParseResult parsed, ExotelConnectRequest request)
        {
            request.Record = parsed.GetValue(_record) ? true : null;
            request.TimeOut = parsed.GetValue(_timeout);
            request.TimeLimit = parsed.GetValue(_timeLimit);
            request.CustomField = parsed.GetValue(_customField);
            request.StatusCallback = parsed.GetValue(_statusCallback);
            foreach (var name in parsed.GetValue(_events) ?? [])
            {
                request.StatusCallbackEvents.Add(new ExotelStatusCallbackEvent(name));
            }
        }
    }
}
