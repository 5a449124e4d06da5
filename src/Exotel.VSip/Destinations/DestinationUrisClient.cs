using VapiExotel.Shared.Http;
using Exotel.VSip.Internal;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>Manages a trunk's destination URIs (<c>…/trunks/{trunk_sid}/destination-uris</c>), where inbound calls go.</summary>
public class DestinationUrisClient
{
    private const string Collection = "trunks/{trunk_sid}/destination-uris";
    private readonly ExotelTransport _transport = null!;

    /// <summary>For mocking.</summary>
    protected DestinationUrisClient()
    {
    }

    internal DestinationUrisClient(ExotelTransport transport) => _transport = transport;

    /// <summary>
    /// Adds one destination. An IP destination must be whitelisted on the trunk first, or Exotel refuses it with
    /// <c>Destination not whitelisted</c>.
    /// </summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="destination">The destination.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The destination URI Exotel created.</returns>
    /// <exception cref="ExotelException">Exotel refused the destination (the message carries its reason) or could not be reached.</exception>
    public virtual async Task<ExotelDestinationUri> AddAsync(string trunkSid, SipDestination destination, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(destination, nameof(destination));
        var (result, raw) = await AddCoreAsync(trunkSid, [destination], cancellationToken).ConfigureAwait(false);
        var item = result.Items.Count == 1 ? result.Items[0] : throw ExotelErrors.Unreadable(raw, $"expected 1 result, got {result.Items.Count}", result.RequestId);
        if (item.Error is { } error)
        {
            throw ExotelErrors.FromService(raw, error.Code, error.ErrorCode, error.Message, error.Description, result.RequestId);
        }

        return item.Value ?? throw ExotelErrors.Unreadable(raw, "the result has no data", result.RequestId);
    }

    /// <summary>
    /// Adds several destinations in one request. Exotel judges each one separately and answers HTTP 207 when some
    /// failed; the result says which, in the order given.
    /// </summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="destinations">One or more destinations.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One result per destination.</returns>
    public virtual async Task<ExotelBatchResult<ExotelDestinationUri>> AddManyAsync(
        string trunkSid, IEnumerable<SipDestination> destinations, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(destinations, nameof(destinations));
        var list = destinations.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("destinations must contain at least one destination.", nameof(destinations));
        }

        return (await AddCoreAsync(trunkSid, list, cancellationToken).ConfigureAwait(false)).Result;
    }

    /// <summary>Lists a trunk's destination URIs, following Exotel's pages to the end.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="options">Paging.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The destination URIs.</returns>
    public virtual IAsyncEnumerable<ExotelDestinationUri> ListAsync(string trunkSid, ExotelListOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.V2ListAsync(
            ExotelTransport.WithPaging(_transport.V2(Collection, Guard.Id(trunkSid, nameof(trunkSid))), options),
            ExotelJsonContext.Default.ExotelDestinationUri, cancellationToken);

    /// <summary>Changes a destination's priority or weight.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="destinationId">The destination URI's id.</param>
    /// <param name="priority">The new priority (0 or more; lower is preferred), or null to leave it.</param>
    /// <param name="weight">The new weight (0 or more; higher gets more calls), or null to leave it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The destination URI as it is now.</returns>
    public virtual Task<ExotelDestinationUri> UpdateAsync(
        string trunkSid, string destinationId, int? priority = null, int? weight = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(trunkSid, nameof(trunkSid));
        Guard.Id(destinationId, nameof(destinationId));
        if (priority is null && weight is null)
        {
            throw new ArgumentException("Set priority, weight or both to update a destination URI.", nameof(priority));
        }

        var body = new UpdateDestinationBody(
            priority is { } p ? Guard.InRange(p, 0, int.MaxValue, nameof(priority)) : null,
            weight is { } w ? Guard.InRange(w, 0, int.MaxValue, nameof(weight)) : null);
        return _transport.V2SingleAsync(
            HttpMethod.Put, _transport.V2(Collection + "/{id}", trunkSid, destinationId),
            ExotelTransport.Json(body, ExotelJsonContext.Wire.UpdateDestinationBody), ExotelJsonContext.Default.ExotelDestinationUri, cancellationToken);
    }

    /// <summary>Removes a destination URI from a trunk.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="destinationId">The destination URI's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when Exotel confirms.</returns>
    public virtual Task DeleteAsync(string trunkSid, string destinationId, CancellationToken cancellationToken = default) =>
        _transport.V2DeleteAsync(
            _transport.V2Delete(Collection, Guard.Id(trunkSid, nameof(trunkSid)), Guard.Id(destinationId, nameof(destinationId))),
            ExotelJsonContext.Default.ExotelDestinationUri,
            cancellationToken);

    private Task<(ExotelBatchResult<ExotelDestinationUri> Result, RawResponse Raw)> AddCoreAsync(
        string trunkSid, List<SipDestination> destinations, CancellationToken cancellationToken)
    {
        Guard.Id(trunkSid, nameof(trunkSid));
        foreach (var destination in destinations)
        {
            Guard.NotNull(destination, nameof(destinations));
            if (destination.Transport == SipTransport.Udp && !_transport.Options.AllowUdpDestinations)
            {
                throw new ArgumentException(
                    $"Destination {destination} uses UDP, which Exotel's API does not accept (only tls and tcp). Use SipTransport.Tls or Tcp, or set ExotelClientOptions.AllowUdpDestinations.",
                    nameof(destinations));
            }
        }

        var body = new DestinationsBody(destinations.Select(d => new DestinationItem(d.ToString())).ToList());
        return _transport.V2BatchAsync(
            HttpMethod.Post, _transport.V2(Collection, trunkSid), ExotelTransport.Json(body, ExotelJsonContext.Wire.DestinationsBody),
            ExotelJsonContext.Default.ExotelDestinationUri, cancellationToken);
    }
}
