using Exotel.VSip.Internal;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>Creates, reads, changes and deletes vSIP trunks (<c>/v2/accounts/{sid}/trunks</c>).</summary>
public class TrunksClient
{
    private readonly ExotelTransport _transport = null!;

    /// <summary>For mocking.</summary>
    protected TrunksClient()
    {
    }

    internal TrunksClient(ExotelTransport transport) => _transport = transport;

    /// <summary>Creates a trunk. A name already in use fails with an <see cref="ExotelException"/> whose <see cref="ExotelException.IsDuplicate"/> is true.</summary>
    /// <param name="request">The trunk's name and options.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new trunk.</returns>
    /// <exception cref="ArgumentException">The name breaks Exotel's rule (1 to 16 letters, digits or '_').</exception>
    /// <exception cref="ExotelException">Exotel refused the request or could not be reached.</exception>
    public virtual Task<ExotelTrunk> CreateAsync(CreateTrunkRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        var body = new CreateTrunkBody(
            ExotelRules.TrunkName(request.TrunkName, nameof(request.TrunkName)),
            Guard.NotEmpty(request.NsoCode, nameof(request.NsoCode)),
            request.DomainName is null ? $"{_transport.Options.AccountSid}.pstn.exotel.com" : Guard.NotEmpty(request.DomainName, nameof(request.DomainName)));

        return _transport.V2SingleAsync(
            HttpMethod.Post, _transport.V2("trunks"), ExotelTransport.Json(body, ExotelJsonContext.Wire.CreateTrunkBody),
            ExotelJsonContext.Default.ExotelTrunk, cancellationToken);
    }

    /// <summary>Lists every trunk of the account, following Exotel's pages to the end.</summary>
    /// <param name="options">Paging; by default Exotel's page size of 50 from the start.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The trunks.</returns>
    public virtual IAsyncEnumerable<ExotelTrunk> ListAsync(ExotelListOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.V2ListAsync(ExotelTransport.WithPaging(_transport.V2("trunks"), options), ExotelJsonContext.Default.ExotelTrunk, cancellationToken);

    /// <summary>Reads one trunk (Exotel has no get-by-id path; this filters the list by <c>trunk_sid</c>).</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The trunk, or <see langword="null"/> when the account has no such trunk.</returns>
    public virtual async Task<ExotelTrunk?> GetAsync(string trunkSid, CancellationToken cancellationToken = default)
    {
        var path = _transport.V2("trunks").WithQuery(("trunk_sid", Guard.Id(trunkSid, nameof(trunkSid))));
        try
        {
            var page = await _transport.V2PageAsync(path, ExotelJsonContext.Default.ExotelTrunk, cancellationToken).ConfigureAwait(false);

            // Match exactly: a server that ignores the filter must not hand back another trunk.
            return page.Items.FirstOrDefault(t => string.Equals(t.Sid, trunkSid, StringComparison.Ordinal));
        }
        catch (ExotelException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Changes a trunk's name, authentication type or NSO code.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="request">The fields to change; at least one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The trunk as it is now.</returns>
    public virtual Task<ExotelTrunk> UpdateAsync(string trunkSid, UpdateTrunkRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(trunkSid, nameof(trunkSid));
        Guard.NotNull(request, nameof(request));
        if (request.TrunkName is null && request.AuthType is null && request.NsoCode is null)
        {
            throw new ArgumentException("Set at least one of TrunkName, AuthType or NsoCode to update.", nameof(request));
        }

        var body = new UpdateTrunkBody(
            request.TrunkName is null ? null : ExotelRules.TrunkName(request.TrunkName, nameof(request.TrunkName)),
            request.AuthType?.Value,
            request.NsoCode is null ? null : Guard.NotEmpty(request.NsoCode, nameof(request.NsoCode)));

        return _transport.V2SingleAsync(
            HttpMethod.Put, _transport.V2("trunks/{trunk_sid}", trunkSid), ExotelTransport.Json(body, ExotelJsonContext.Wire.UpdateTrunkBody),
            ExotelJsonContext.Default.ExotelTrunk, cancellationToken);
    }

    /// <summary>
    /// Deletes a trunk and, irreversibly, everything on it: phone mappings, whitelisted IPs, destination URIs and
    /// credentials. <paramref name="confirm"/> must be true, so that the cascade is never triggered by accident.
    /// </summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="confirm">Must be <see langword="true"/>: the caller acknowledges the cascade.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The trunk as it was when deleted, when Exotel returns it.</returns>
    public virtual Task<ExotelTrunk?> DeleteAsync(string trunkSid, bool confirm, CancellationToken cancellationToken = default)
    {
        Guard.Id(trunkSid, nameof(trunkSid));
        if (!confirm)
        {
            throw new ArgumentException(
                "Deleting a trunk also deletes its phone mappings, whitelisted IPs, destination URIs and credentials, irreversibly; pass confirm: true to proceed.",
                nameof(confirm));
        }

        return _transport.V2DeleteAsync(
            _transport.V2("trunks").WithQuery(("trunk_sid", trunkSid)),
            ExotelJsonContext.Default.ExotelTrunk,
            cancellationToken);
    }
}
