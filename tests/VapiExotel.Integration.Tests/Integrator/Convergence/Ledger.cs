using System.Diagnostics;
using VapiExotel.Sandbox;

namespace VapiExotel.Integration.Tests.Integrator.Convergence;

/// <summary>
/// What the sandbox holds and received, in the report's terms: the resources of each kind as (id, target) pairs, and
/// the creating requests by endpoint, so that a report can be checked against the state it describes.
/// </summary>
internal static class Ledger
{
    public const string ExotelTrunks = "Exotel trunks";
    public const string ExotelIps = "Exotel whitelisted-ips";
    public const string ExotelDestinations = "Exotel destination-uris";
    public const string ExotelMappings = "Exotel phone-numbers";
    public const string VapiCredentials = "Vapi credential";
    public const string VapiPhoneNumbers = "Vapi phone-number";

    /// <summary>The kinds a setup creates, in report order.</summary>
    public static readonly ResourceKind[] SetupKinds =
    [
        ResourceKind.ExotelTrunk, ResourceKind.ExotelWhitelistedIp, ResourceKind.ExotelDestination, ResourceKind.ExotelNumberMapping,
        ResourceKind.VapiCredential, ResourceKind.VapiPhoneNumber,
    ];

    /// <summary>A fresh setup's steps for one number, each with its outcome, in report order.</summary>
    public static (ResourceKind Kind, StepOutcome Outcome)[] Steps(
        StepOutcome trunk, StepOutcome ip1, StepOutcome ip2, StepOutcome destination, StepOutcome mapping, StepOutcome credential, StepOutcome phoneNumber) =>
    [
        (ResourceKind.ExotelTrunk, trunk),
        (ResourceKind.ExotelWhitelistedIp, ip1),
        (ResourceKind.ExotelWhitelistedIp, ip2),
        (ResourceKind.ExotelDestination, destination),
        (ResourceKind.ExotelNumberMapping, mapping),
        (ResourceKind.VapiCredential, credential),
        (ResourceKind.VapiPhoneNumber, phoneNumber),
    ];

    public static IEnumerable<(ResourceKind Kind, StepOutcome Outcome)> Outcomes(IntegrationReport report) => report.Steps.Select(s => (s.Kind, s.Outcome));

    /// <summary>The endpoint a request went to, named by service and collection (<c>Exotel whitelisted-ips</c>, <c>Vapi credential</c>).</summary>
    public static string Endpoint(SandboxRequest request)
    {
        // Vapi: /credential/{id}. Exotel: /v2/accounts/{sid}/trunks[/{trunk}/whitelisted-ips[/{id}]], /v2/accounts/{sid}/trunk-maps.
        var segments = request.Path.Trim('/').Split('/');
        return request.Api == SandboxApi.Vapi
            ? "Vapi " + segments[0]
            : "Exotel " + (segments.Length > 5 ? segments[5] : segments[Math.Min(3, segments.Length - 1)]);
    }

    /// <summary>The endpoint of each POST, one entry per request (compare as a multiset).</summary>
    public static IReadOnlyList<string> Posts(IEnumerable<SandboxRequest> requests) =>
        requests.Where(r => r.Method == "POST").Select(Endpoint).ToList();

    /// <summary>The endpoint that creates resources of <paramref name="kind"/>.</summary>
    public static string EndpointOf(ResourceKind kind) => kind switch
    {
        ResourceKind.ExotelTrunk => ExotelTrunks,
        ResourceKind.ExotelWhitelistedIp => ExotelIps,
        ResourceKind.ExotelDestination => ExotelDestinations,
        ResourceKind.ExotelNumberMapping => ExotelMappings,
        ResourceKind.VapiCredential => VapiCredentials,
        ResourceKind.VapiPhoneNumber => VapiPhoneNumbers,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Setup creates no such resource."),
    };

    /// <summary>Every resource of <paramref name="kind"/> the sandbox holds, as (id, what a step names it by).</summary>
    public static IReadOnlyList<(string Id, string Target)> Held(VapiExotelSandbox sandbox, ResourceKind kind)
    {
        var trunks = sandbox.Exotel.Trunks;
        IEnumerable<(string, string)> held = kind switch
        {
            ResourceKind.ExotelTrunk => trunks.Select(t => ((string)t["trunk_sid"]!, (string)t["trunk_name"]!)),
            ResourceKind.ExotelWhitelistedIp => trunks.SelectMany(t => sandbox.Exotel.WhitelistedIps((string)t["trunk_sid"]!))
                .Select(i => ((string)i["id"]!, (string)i["ip"]!)),
            ResourceKind.ExotelDestination => trunks.SelectMany(t => sandbox.Exotel.DestinationUris((string)t["trunk_sid"]!))
                .Select(d => ((string)d["id"]!, Destination((string)d["destination"]!))),
            ResourceKind.ExotelNumberMapping => trunks.SelectMany(t => sandbox.Exotel.PhoneNumbers((string)t["trunk_sid"]!))
                .Select(m => ((string)m["id"]!, (string)m["phone_number"]!)),
            ResourceKind.VapiCredential => sandbox.Vapi.Credentials.Select(c => ((string)c["id"]!, (string)c["name"]!)),
            ResourceKind.VapiPhoneNumber => sandbox.Vapi.PhoneNumbers.Select(p => ((string)p["id"]!, (string)p["number"]!)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Setup creates no such resource."),
        };
        return held.ToList();
    }

    /// <summary>A destination as Exotel lists it (<c>sip:host:port;transport=…</c>), in the form a step names it (without <c>sip:</c>).</summary>
    public static string Destination(string listed) => listed.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? listed[4..] : listed;

    /// <summary>
    /// Asserts that, for every kind the report covers, the sandbox holds exactly the resources its successful steps
    /// name (same id, same target) and nothing for a failed or skipped step, except <paramref name="lost"/>: a
    /// resource a request created although its answer was lost, held once and named by no successful step; and the
    /// <paramref name="unread"/> kinds, whose list could not be read, so that the report cannot say what exists.
    /// </summary>
    public static void AssertMatches(IntegrationReport report, VapiExotelSandbox sandbox, IntegrationStep? lost = null, params ResourceKind[] unread)
    {
        Assert.Multiple(() =>
        {
            foreach (var kind in SetupKinds.Where(k => report.StepsFor(k).Any() && !unread.Contains(k)))
            {
                var done = report.StepsFor(kind).Where(s => s.Outcome is StepOutcome.Created or StepOutcome.AlreadyPresent or StepOutcome.Updated).ToList();
                Assert.That(done.Select(s => s.ResourceId), Has.None.Null, $"{kind}: a step that succeeded names its resource");
                var held = Held(sandbox, kind);
                var expected = done.Select(s => (s.ResourceId!, s.Target)).ToList();
                if (lost is not null && lost.Kind == kind)
                {
                    Assert.That(held.Count(h => h.Target == lost.Target), Is.EqualTo(1), $"{kind} {lost.Target}: the resource whose answer was lost exists once");
                    held = held.Where(h => h.Target != lost.Target).ToList();
                }

                Assert.That(held, Is.EquivalentTo(expected), $"{kind}: the sandbox holds what the report's successful steps name, and nothing else");
            }
        });
    }

    /// <summary>Asserts that no log line and no step text carries one of the accounts' secrets (without printing them).</summary>
    public static void AssertNoSecret(IntegrationReport report, VapiExotelSandbox sandbox, IEnumerable<string> logLines)
    {
        var secrets = new[] { sandbox.Options.ExotelApiKey, sandbox.Options.ExotelApiToken, sandbox.Options.VapiApiKey };
        var text = report + string.Join("\n", logLines);
        Assert.That(secrets.Any(s => text.Contains(s, StringComparison.Ordinal)), Is.False, "a secret appears in the report or the log");
    }

    /// <summary>Waits (polling, bounded by real time) until <paramref name="condition"/> holds; fails when it never does.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(5))
            {
                Assert.Fail($"Gave up waiting for: {what}");
            }

            await Task.Delay(5);
        }
    }
}
