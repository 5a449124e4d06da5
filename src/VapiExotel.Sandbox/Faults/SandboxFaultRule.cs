using System.Text.RegularExpressions;

namespace VapiExotel.Sandbox;

/// <summary>The emulated service a request went to.</summary>
public enum SandboxApi
{
    /// <summary>Exotel (the v2 trunk API and the v1 Voice API).</summary>
    Exotel,

    /// <summary>Vapi.</summary>
    Vapi,
}

/// <summary>
/// Where and when a <see cref="SandboxFault"/> applies: to the requests that match <see cref="Api"/>,
/// <see cref="Method"/> and <see cref="Path"/> (all when unset), from the <see cref="Nth"/> matching request on,
/// <see cref="Times"/> times. Add it with <see cref="SandboxFaults.Add"/>.
/// </summary>
public sealed class SandboxFaultRule
{
    private readonly object _gate = new();
    private Regex? _pattern;
    private int _matched;
    private int _applied;

    /// <summary>The fault.</summary>
    public required SandboxFault Fault { get; init; }

    /// <summary>The service; both when null.</summary>
    public SandboxApi? Api { get; init; }

    /// <summary>The HTTP method (<c>POST</c>); any when null.</summary>
    public string? Method { get; init; }

    /// <summary>
    /// The request path, without the query (<c>/call</c>, <c>/v2/accounts/*/trunks</c>); any when null. <c>*</c>
    /// matches within one segment, <c>**</c> across segments.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>The first matching request the fault applies to: 3 fails the third matching call. 1 by default.</summary>
    public int Nth { get; init; } = 1;

    /// <summary>How many requests the fault applies to; every one from the <see cref="Nth"/> on when null (the default).</summary>
    public int? Times { get; init; }

    /// <summary>
    /// When true, the request is processed first (a resource is created, a call placed) and only then is the answer
    /// replaced by the fault: the outcome the client cannot see. <see cref="SandboxFaultKind.Latency"/> then delays
    /// the answer instead of the processing.
    /// </summary>
    public bool AfterProcessing { get; init; }

    /// <summary>How many requests matched so far.</summary>
    public int Matched
    {
        get
        {
            lock (_gate)
            {
                return _matched;
            }
        }
    }

    /// <summary>How many times the fault was applied so far.</summary>
    public int Applied
    {
        get
        {
            lock (_gate)
            {
                return _applied;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Fault.Kind} on {(Api?.ToString() ?? "any API")} {Method ?? "*"} {Path ?? "**"} from request {Nth}{(Times is { } t ? $", {t} time(s)" : string.Empty)}{(AfterProcessing ? ", after processing" : string.Empty)}";

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Fault, nameof(Fault));
        if (Nth < 1)
        {
            throw new ArgumentException($"Nth must be at least 1; got {Nth}.", nameof(Nth));
        }

        if (Times is < 1)
        {
            throw new ArgumentException($"Times must be at least 1 when set; got {Times}.", nameof(Times));
        }

        if (Path is not null && !Path.StartsWith('/'))
        {
            throw new ArgumentException($"Path must start with '/'; got '{Path}'.", nameof(Path));
        }

        _pattern = Path is null ? null : new Regex(
            "^" + Regex.Escape(Path).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }

    /// <summary>Counts a request that matches, and says whether the fault is due for it.</summary>
    internal bool CountMatch(SandboxApi api, string method, string path)
    {
        if ((Api is { } a && a != api)
            || (Method is not null && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
            || (_pattern is not null && !_pattern.IsMatch(path)))
        {
            return false;
        }

        lock (_gate)
        {
            _matched++;
            return _matched >= Nth && (Times is not { } times || _applied < times);
        }
    }

    internal void MarkApplied()
    {
        lock (_gate)
        {
            _applied++;
        }
    }
}

/// <summary>The faults injected into a sandbox; rules are checked in the order they were added, and the first that applies wins.</summary>
public sealed class SandboxFaults
{
    private readonly object _gate = new();
    private readonly List<SandboxFaultRule> _rules = [];

    internal SandboxFaults()
    {
    }

    /// <summary>The rules in force.</summary>
    public IReadOnlyList<SandboxFaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules];
            }
        }
    }

    /// <summary>Adds a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The rule, to read its counters or remove it later.</returns>
    public SandboxFaultRule Add(SandboxFaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Adds a fault for every request to <paramref name="api"/> (or both APIs when null).</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="api">The service; both when null.</param>
    /// <returns>The rule.</returns>
    public SandboxFaultRule AddGlobal(SandboxFault fault, SandboxApi? api = null) => Add(new SandboxFaultRule { Fault = fault, Api = api });

    /// <summary>Removes a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Whether it was in force.</returns>
    public bool Remove(SandboxFaultRule rule)
    {
        lock (_gate)
        {
            return _rules.Remove(rule);
        }
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    internal SandboxFaultRule? Find(SandboxApi api, string method, string path)
    {
        lock (_gate)
        {
            // Every rule sees the request (so that its counters are right); the first that applies is used.
            SandboxFaultRule? hit = null;
            foreach (var rule in _rules)
            {
                if (rule.CountMatch(api, method, path) && hit is null)
                {
                    hit = rule;
                }
            }

            hit?.MarkApplied();
            return hit;
        }
    }
}
