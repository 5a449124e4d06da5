namespace VapiExotel.Sandbox.Requests;

/// <summary>The bounded, thread-safe log of requests received.</summary>
internal sealed class RequestLog(int capacity)
{
    private readonly object _gate = new();
    private readonly Queue<SandboxRequest> _entries = new();
    private long _sequence;

    /// <summary>Numbers and appends an entry in one step, so that the log is always in sequence order.</summary>
    public SandboxRequest Add(Func<long, SandboxRequest> create)
    {
        lock (_gate)
        {
            var request = create(++_sequence);
            _entries.Enqueue(request);
            while (_entries.Count > capacity)
            {
                _entries.Dequeue();
            }

            return request;
        }
    }

    public IReadOnlyList<SandboxRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
