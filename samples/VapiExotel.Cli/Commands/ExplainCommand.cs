using System.CommandLine;
using VapiExotel.Cli.Hosting;
using VapiExotel.Integration;

namespace VapiExotel.Cli.Commands;

/// <summary><c>explain CAUSE</c>: what a SIP cause code, SIP response or Vapi ended reason means, and what to do. Offline.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var cause = new Argument<string>("CAUSE") { Description = "A Q.850 cause (e.g. 21), a SIP response (e.g. 403) or a Vapi ended reason (e.g. customer-busy)." };
        var command = new Command("explain", "Explain a call's failure: which side refused it, why, and the fix. Sends no request.") { cause };
        command.SetAction((parsed, cancellationToken) => CliApp.WithoutSessionAsync(parsed, environment, (output, _) =>
        {
            var explanation = CallDiagnostics.Explain(parsed.GetValue(cause)!);
            output.Line($"{explanation.Code} {explanation.Name}");
            output.Line($"Side:    {explanation.Side}");
            output.Line($"Meaning: {explanation.Meaning}");
            output.Line($"Fix:     {explanation.Fix}");
            output.Result(new { explanation.Code, explanation.Name, side = explanation.Side, explanation.Meaning, explanation.Fix, explanation.IsFailure });
            return Task.FromResult(CliApp.Ok);
        }, cancellationToken));
        return command;
    }
}
