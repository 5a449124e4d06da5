using Vapi.Client.Internal;
using VapiExotel.Shared;
using VapiExotel.Shared.Http;

namespace Vapi.Client;

/// <summary>Assistants (<c>/assistant</c>), read-only: enough to check that an assistant exists and read its name.</summary>
public class VapiAssistantsClient
{
    private readonly VapiTransport _transport;

    /// <summary>For mocking.</summary>
    protected VapiAssistantsClient() => _transport = null!;

    internal VapiAssistantsClient(VapiTransport transport) => _transport = transport;

    /// <summary>Gets an assistant.</summary>
    /// <param name="id">The assistant's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="VapiException">Not found (<see cref="VapiException.IsNotFound"/>), or another failure.</exception>
    public virtual Task<VapiAssistant> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        return _transport.SendAsync(HttpMethod.Get, ApiPath.Build("assistant/{id}", id), null, VapiJsonContext.Default.VapiAssistant, cancellationToken);
    }

    /// <summary>Lists assistants, newest first, one request per <see cref="VapiListFilter.PageSize"/> items as you enumerate.</summary>
    /// <param name="filter">Optional page size and time filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentOutOfRangeException">The page size is outside 1–1000.</exception>
    /// <exception cref="VapiException">A request failed.</exception>
    public virtual IAsyncEnumerable<VapiAssistant> ListAsync(VapiListFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var path = ApiPath.Build("assistant");
        var snapshot = VapiTransport.Snapshot(filter);   // checked and copied now, not at the first MoveNext
        return _transport.ListAsync(
            path, snapshot, [], static (raw, e) => VapiTransport.Deserialize(raw, e, VapiJsonContext.Default.VapiAssistant),
            static a => a.Id, static a => a.CreatedAt, cancellationToken);
    }
}
