using Exotel.VSip.Internal;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>Manages a trunk's IP allow-list (<c>…/trunks/{trunk_sid}/whitelisted-ips</c>).</summary>
public class WhitelistedIpsClient
{
    private const string Collection = "trunks/{trunk_sid}/whitelisted-ips";
    private readonly ExotelTransport _transport = null!;

    /// <summary>For mocking.</summary>
    protected WhitelistedIpsClient()
    {
    }

    internal WhitelistedIpsClient(ExotelTransport transport) => _transport = transport;

    /// <summary>
    /// Allows an IPv4 address (one per request; Exotel takes no lists). An address already on the list fails with an
    /// <see cref="ExotelException"/> whose <see cref="ExotelException.IsDuplicate"/> is true, even though Exotel answers HTTP 200.
    /// </summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="ip">An IPv4 address in dotted-quad form.</param>
    /// <param name="mask">The mask length, 16 to 32; default 32 (this address only).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new entry.</returns>
    public virtual Task<ExotelWhitelistedIp> AddAsync(string trunkSid, string ip, int mask = 32, CancellationToken cancellationToken = default)
    {
        Guard.Id(trunkSid, nameof(trunkSid));
        var body = new WhitelistedIpBody(ExotelRules.IPv4(ip, nameof(ip)), ExotelRules.Mask(mask, nameof(mask)));
        return _transport.V2SingleAsync(
            HttpMethod.Post, _transport.V2(Collection, trunkSid), ExotelTransport.Json(body, ExotelJsonContext.Wire.WhitelistedIpBody),
            ExotelJsonContext.Default.ExotelWhitelistedIp, cancellationToken);
    }

    /// <summary>Lists a trunk's allowed addresses, following Exotel's pages to the end.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="options">Paging.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The entries.</returns>
    public virtual IAsyncEnumerable<ExotelWhitelistedIp> ListAsync(string trunkSid, ExotelListOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.V2ListAsync(
            ExotelTransport.WithPaging(_transport.V2(Collection, Guard.Id(trunkSid, nameof(trunkSid))), options),
            ExotelJsonContext.Default.ExotelWhitelistedIp, cancellationToken);

    /// <summary>Changes an entry's address or mask (Exotel requires both).</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="whitelistedIpId">The entry's id.</param>
    /// <param name="ip">The IPv4 address.</param>
    /// <param name="mask">The mask length, 16 to 32.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entry as it is now.</returns>
    public virtual Task<ExotelWhitelistedIp> UpdateAsync(string trunkSid, string whitelistedIpId, string ip, int mask, CancellationToken cancellationToken = default)
    {
        Guard.Id(trunkSid, nameof(trunkSid));
        Guard.Id(whitelistedIpId, nameof(whitelistedIpId));
        var body = new WhitelistedIpBody(ExotelRules.IPv4(ip, nameof(ip)), ExotelRules.Mask(mask, nameof(mask)));
        return _transport.V2SingleAsync(
            HttpMethod.Put, _transport.V2(Collection + "/{id}", trunkSid, whitelistedIpId),
            ExotelTransport.Json(body, ExotelJsonContext.Wire.WhitelistedIpBody), ExotelJsonContext.Default.ExotelWhitelistedIp, cancellationToken);
    }

    /// <summary>Removes an address from the allow-list.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="whitelistedIpId">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when Exotel confirms.</returns>
    public virtual Task DeleteAsync(string trunkSid, string whitelistedIpId, CancellationToken cancellationToken = default) =>
        _transport.V2DeleteAsync(
            _transport.V2Delete(Collection, Guard.Id(trunkSid, nameof(trunkSid)), Guard.Id(whitelistedIpId, nameof(whitelistedIpId))),
            ExotelJsonContext.Default.ExotelWhitelistedIp,
            cancellationToken);
}
