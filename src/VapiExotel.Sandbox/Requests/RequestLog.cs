namespace VapiExotel.Sandbox.Requests;

/// <summary>The bounded, thread-safe log of requests received.</summary>
internal sealed class RequestLog(int capacity)
{
    private readonly object _gate = new();
    private readonly Queue<SandboxRequest> _entries = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(SandboxRequest request)
    {
        lock (_gate)
        {
            _entries.Enqueue(request);
            while (_entries.Count > capacity)
            {
                _entries.Dequeue();
            }
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
