using System.Collections.Concurrent;
using System.Diagnostics;

namespace VapiExotel.Benchmarks.Runs;

/// <summary>
/// Records when each HTTP attempt started and ended on the client (a handler inside the SDK's resilience handler, so
/// once per attempt), to find the critical path: the longest chain of requests each of which started only after the
/// previous one had ended. With a fixed latency per request that chain is what the wall time is made of.
/// </summary>
internal sealed class RequestTimeline
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public void Clear() => _entries.Clear();

    public DelegatingHandler CreateHandler() => new Recorder(this);

    /// <summary>The number of requests on the longest chain of requests that do not overlap in time.</summary>
    public int CriticalPathDepth() => CriticalPathDepth(Entries);

    public static int CriticalPathDepth(IReadOnlyList<Entry> entries)
    {
        // Longest chain in the interval order: sort by start; depth(i) = 1 + max depth(j) over j that ended before i started.
        var sorted = entries.OrderBy(e => e.Start).ToArray();
        var depth = new int[sorted.Length];
        var best = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            depth[i] = 1;
            for (var j = 0; j < i; j++)
            {
                if (sorted[j].End <= sorted[i].Start && depth[j] + 1 > depth[i])
                {
                    depth[i] = depth[j] + 1;
                }
            }

            best = Math.Max(best, depth[i]);
        }

        return best;
    }

    internal readonly record struct Entry(long Start, long End, string Method, string Path);

    private sealed class Recorder(RequestTimeline timeline) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                timeline._entries.Enqueue(new Entry(start, Stopwatch.GetTimestamp(), request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty));
            }
        }
    }
}
