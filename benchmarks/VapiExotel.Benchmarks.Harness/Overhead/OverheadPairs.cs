using Exotel.VSip;
using Vapi.Client;

namespace VapiExotel.Benchmarks.Overhead;

/// <summary>
/// The four requests, each made three ways against the same server: by hand (<see cref="BareClient"/>), through the
/// SDK with its defaults except Exotel's rate limiter (which would hold a benchmark to 200 requests a minute), and
/// through the SDK with the limiter on at a limit never reached, to show what the limiter itself costs.
/// </summary>
public sealed class OverheadPairs
{
    public OverheadPairs(Uri server)
    {
        Server = server;
        Bare = new BareClient(server);
        Exotel = new ExotelClient(ExotelOptions(server, limiter: false));
        ExotelLimited = new ExotelClient(ExotelOptions(server, limiter: true));
        Vapi = new VapiClient(VapiOptions(server, limiter: false));
        VapiLimited = new VapiClient(VapiOptions(server, limiter: true));
    }

    public Uri Server { get; }

    public BareClient Bare { get; }

    public ExotelClient Exotel { get; }

    public ExotelClient ExotelLimited { get; }

    public VapiClient Vapi { get; }

    public VapiClient VapiLimited { get; }

    public static CreateCallRequest NewCall() => new()
    {
        AssistantId = CannedBodies.AssistantId,
        PhoneNumberId = CannedBodies.PhoneNumberId,
        Customer = new VapiCustomer { Number = CannedBodies.Number },
    };

    public static ExotelClientOptions ExotelOptions(Uri server, bool limiter)
    {
        var options = new ExotelClientOptions
        {
            AccountSid = CannedBodies.AccountSid,
            ApiKey = CannedBodies.ExotelApiKey,
            ApiToken = CannedBodies.ExotelApiToken,
            BaseAddress = server,
        };
        options.Resilience.RateLimit.Enabled = limiter;
        if (limiter)
        {
            // On, at a limit no benchmark reaches: the cost of the bookkeeping, never a wait.
            options.Resilience.RateLimit.PermitLimit = 1_000_000;
            options.Resilience.RateLimit.Window = TimeSpan.FromSeconds(1);
            options.Resilience.RateLimit.ConcurrencyLimit = 10_000;
        }

        return options;
    }

    public static VapiClientOptions VapiOptions(Uri server, bool limiter)
    {
        var options = new VapiClientOptions { ApiKey = CannedBodies.VapiApiKey, BaseAddress = server };
        options.Resilience.RateLimit.Enabled = limiter;
        if (limiter)
        {
            options.Resilience.RateLimit.PermitLimit = 1_000_000;
            options.Resilience.RateLimit.Window = TimeSpan.FromSeconds(1);
            options.Resilience.RateLimit.ConcurrencyLimit = 10_000;
        }

        return options;
    }

    /// <summary>Runs every request each way once and lists where the SDK and the bare client read different values (empty when they agree).</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        void Same(string what, object? sdk, object? bare)
        {
            if (!Equals(sdk, bare))
            {
                problems.Add($"{what}: SDK {sdk ?? "null"} vs bare {bare ?? "null"}");
            }
        }

        foreach (var exotel in new[] { Exotel, ExotelLimited })
        {
            var trunk = await exotel.Trunks.GetAsync(CannedBodies.TrunkSid, cancellationToken) ?? throw new InvalidOperationException("SDK: no trunk");
            var bareTrunk = await Bare.GetTrunkAsync(CannedBodies.TrunkSid, cancellationToken) ?? throw new InvalidOperationException("bare: no trunk");
            Same("trunk sid", trunk.Sid, bareTrunk.Sid);
            Same("trunk name", trunk.Name, bareTrunk.Name);
            Same("trunk status", trunk.Status?.Value, bareTrunk.Status);
            Same("trunk domain", trunk.DomainName, bareTrunk.DomainName);
            Same("trunk created", trunk.DateCreated, bareTrunk.DateCreated);

            var mapping = await exotel.PhoneNumbers.MapAsync(CannedBodies.TrunkSid, CannedBodies.Number, PhoneNumberMode.Pstn, cancellationToken);
            var bareMapping = await Bare.MapNumberAsync(CannedBodies.TrunkSid, CannedBodies.Number, cancellationToken);
            Same("mapping id", mapping.Id, bareMapping.Id);
            Same("mapping number", mapping.PhoneNumber, bareMapping.PhoneNumber);
            Same("mapping mode", mapping.Mode?.Value, bareMapping.Mode);
        }

        foreach (var vapi in new[] { Vapi, VapiLimited })
        {
            var call = await vapi.Calls.GetAsync(CannedBodies.CallId, cancellationToken);
            var bareCall = await Bare.GetCallAsync(CannedBodies.CallId, cancellationToken);
            Same("call id", call.Id, bareCall.Id);
            Same("call status", call.Status?.Value, bareCall.Status);
            Same("call ended reason", call.EndedReason?.Value, bareCall.EndedReason);
            Same("call cost", call.Cost, bareCall.Cost);
            Same("call ended at", call.EndedAt, bareCall.EndedAt);

            var created = await vapi.Calls.CreateAsync(NewCall(), cancellationToken);
            var bareCreated = await Bare.CreateCallAsync(CannedBodies.AssistantId, CannedBodies.PhoneNumberId, CannedBodies.Number, cancellationToken);
            Same("created id", created.Id, bareCreated.Id);
            Same("created status", created.Status?.Value, bareCreated.Status);
            Same("created control URL", created.Monitor?.ControlUrl, bareCreated.Monitor?.ControlUrl);
        }

        return problems;
    }
}
