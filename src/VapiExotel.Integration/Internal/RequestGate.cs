namespace VapiExotel.Integration.Internal;

/// <summary>Bounds how many of one operation's requests are in flight at once, across both services.</summary>
internal sealed class RequestGate(int maxConcurrency) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(maxConcurrency, maxConcurrency);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await request(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public Task RunAsync(Func<CancellationToken, Task> request, CancellationToken cancellationToken) =>
        RunAsync(async ct =>
        {
            await request(ct).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Reads a whole list in one slot: its pages come one after another anyway.</summary>
    public Task<List<T>> ListAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> list, CancellationToken cancellationToken) =>
        RunAsync(async ct =>
        {
            var items = new List<T>();
            await foreach (var item in list(ct).WithCancellation(ct).ConfigureAwait(false))
            {
                items.Add(item);
            }

            return items;
        }, cancellationToken);

    public void Dispose() => _slots.Dispose();
}
