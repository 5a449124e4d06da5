using System.Text.Json;
using Exotel.VSip.Internal;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>Maps phone numbers (ExoPhones) to a trunk (<c>…/trunks/{trunk_sid}/phone-numbers</c>) and finds where a number is mapped.</summary>
public class PhoneNumberMappingsClient
{
    private const string Collection = "trunks/{trunk_sid}/phone-numbers";
    private readonly ExotelTransport _transport = null!;

    /// <summary>For mocking.</summary>
    protected PhoneNumberMappingsClient()
    {
    }

    internal PhoneNumberMappingsClient(ExotelTransport transport) => _transport = transport;

    /// <summary>
    /// Maps a number to a trunk. A number already mapped fails with an <see cref="ExotelException"/> whose
    /// <see cref="ExotelException.IsDuplicate"/> is true, even though Exotel answers HTTP 200; read the mapping back
    /// to check its trunk and mode.
    /// </summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="phoneNumber">The number in E.164 (<c>+919876543210</c>).</param>
    /// <param name="mode">The mode; when null none is sent, and Exotel treats the number as <c>pstn</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new mapping.</returns>
    public virtual Task<ExotelPhoneNumberMapping> MapAsync(
        string trunkSid, string phoneNumber, PhoneNumberMode? mode = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(trunkSid, nameof(trunkSid));
        var body = new PhoneNumberBody(ExotelRules.E164(phoneNumber, nameof(phoneNumber)), Mode(mode));
        return _transport.V2SingleAsync(
            HttpMethod.Post, _transport.V2(Collection, trunkSid), ExotelTransport.Json(body, ExotelJsonContext.Wire.PhoneNumberBody),
            ExotelJsonContext.Default.ExotelPhoneNumberMapping, cancellationToken);
    }

    /// <summary>Lists the numbers mapped to a trunk, following Exotel's pages to the end.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="options">Paging.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The mappings.</returns>
    public virtual IAsyncEnumerable<ExotelPhoneNumberMapping> ListAsync(string trunkSid, ExotelListOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.V2ListAsync(
            ExotelTransport.WithPaging(_transport.V2(Collection, Guard.Id(trunkSid, nameof(trunkSid))), options),
            ExotelJsonContext.Default.ExotelPhoneNumberMapping, cancellationToken);

    /// <summary>Changes a mapping's mode. Exotel requires the number too, and it must be the mapping's own.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="mappingId">The mapping's id.</param>
    /// <param name="phoneNumber">The mapping's number in E.164.</param>
    /// <param name="mode">The new mode.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The mapping as it is now.</returns>
    public virtual Task<ExotelPhoneNumberMapping> UpdateModeAsync(
        string trunkSid, string mappingId, string phoneNumber, PhoneNumberMode mode, CancellationToken cancellationToken = default)
    {
        Guard.Id(trunkSid, nameof(trunkSid));
        Guard.Id(mappingId, nameof(mappingId));
        var body = new PhoneNumberBody(ExotelRules.E164(phoneNumber, nameof(phoneNumber)), Mode(mode) ?? throw new ArgumentException("mode is required.", nameof(mode)));
        return _transport.V2SingleAsync(
            HttpMethod.Put, _transport.V2(Collection + "/{id}", trunkSid, mappingId), ExotelTransport.Json(body, ExotelJsonContext.Wire.PhoneNumberBody),
            ExotelJsonContext.Default.ExotelPhoneNumberMapping, cancellationToken);
    }

    /// <summary>Removes a number from a trunk.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="mappingId">The mapping's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when Exotel confirms.</returns>
    public virtual Task DeleteAsync(string trunkSid, string mappingId, CancellationToken cancellationToken = default) =>
        _transport.V2DeleteAsync(
            _transport.V2Delete(Collection, Guard.Id(trunkSid, nameof(trunkSid)), Guard.Id(mappingId, nameof(mappingId))),
            ExotelJsonContext.Default.ExotelPhoneNumberMapping,
            cancellationToken);

    /// <summary>
    /// Finds the trunks a number is mapped to (<c>GET /trunk-maps</c>). More than one means the number's routing is
    /// broken ("Multiple accounts attempting to default route"), so check before mapping it.
    /// </summary>
    /// <param name="phoneNumber">The number in E.164.</param>
    /// <param name="trunkSid">Limits the lookup to one trunk, when given.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number's mappings; empty when it is not mapped.</returns>
    public virtual async Task<IReadOnlyList<ExotelTrunkMap>> LookupAsync(string phoneNumber, string? trunkSid = null, CancellationToken cancellationToken = default)
    {
        ExotelRules.E164(phoneNumber, nameof(phoneNumber));
        if (trunkSid is not null)
        {
            Guard.Id(trunkSid, nameof(trunkSid));
        }

        var path = _transport.V2("trunk-maps").WithQuery(("exophone", phoneNumber), ("trunk_sid", trunkSid));
        var raw = await _transport.SendAsync(HttpMethod.Get, path, null, _transport.Redactor, cancellationToken).ConfigureAwait(false);
        try
        {
            // Whether this answer comes bare or inside the usual envelope is not documented; both are read.
            using var document = ExotelTransport.ParseJson(raw);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response", out _))
            {
                return ExotelTransport.ReadPage(raw, root, ExotelJsonContext.Default.ExotelTrunkMap).Items.Where(m => m.TrunkSid is not null).ToList();
            }

            if (!raw.IsHttpSuccess)
            {
                throw ExotelErrors.FromHttp(raw);
            }

            return root.ValueKind switch
            {
                JsonValueKind.Object when root.TryGetProperty("trunk_sid", out _) => [ExotelTransport.Deserialize(raw, root, ExotelJsonContext.Default.ExotelTrunkMap, null)],
                JsonValueKind.Array => root.EnumerateArray().Select(e => ExotelTransport.Deserialize(raw, e, ExotelJsonContext.Default.ExotelTrunkMap, null)).ToList(),
                _ => [],
            };
        }
        catch (ExotelException e) when (e.ErrorCode == ExotelErrorCode.NotFound || e.ResponseCode == 404)
        {
            // Exotel's own "not found" envelope; a bare 404 (a proxy, a wrong path) is an error, not "not mapped".
            return [];
        }
    }

    private static string? Mode(PhoneNumberMode? mode) => mode is { Value.Length: > 0 } m ? m.Value.ToLowerInvariant() : null;
}
