using Exotel.VSip.Internal;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>
/// Places and reads calls through the Voice API (v1, the <c>.json</c> endpoints). A connect request places a real
/// phone call, so it is never sent twice by the SDK.
/// </summary>
public class ExotelCallsClient
{
    private readonly ExotelTransport _transport = null!;

    /// <summary>For mocking.</summary>
    protected ExotelCallsClient()
    {
    }

    internal ExotelCallsClient(ExotelTransport transport) => _transport = transport;

    /// <summary>Connects two numbers: Exotel calls <c>From</c>, then <c>To</c>, and bridges them (two legs, two concurrent calls).</summary>
    /// <param name="request">The numbers and options.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new call.</returns>
    /// <exception cref="ArgumentException">An option breaks Exotel's rules (number format, TimeLimit over 14400, CustomField over 128 characters…).</exception>
    /// <exception cref="ExotelException">Exotel refused the call or could not be reached.</exception>
    public virtual Task<ExotelCall> ConnectAsync(ConnectCallRequest request, CancellationToken cancellationToken = default) =>
        Connect(Guard.NotNull(request, nameof(request)), cancellationToken);

    /// <summary>Connects a number to a flow: Exotel calls <c>From</c> and runs the flow.</summary>
    /// <param name="request">The number, flow and options.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new call.</returns>
    /// <exception cref="ArgumentException">An option breaks Exotel's rules.</exception>
    /// <exception cref="ExotelException">Exotel refused the call or could not be reached.</exception>
    public virtual Task<ExotelCall> ConnectToFlowAsync(ConnectToFlowRequest request, CancellationToken cancellationToken = default) =>
        Connect(Guard.NotNull(request, nameof(request)), cancellationToken);

    /// <summary>Reads a call (<c>GET Calls/{sid}.json</c>), by default with its legs (<c>details=true</c>).</summary>
    /// <param name="callSid">The call SID.</param>
    /// <param name="includeDetails">Whether to ask for leg-level details.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The call.</returns>
    public virtual Task<ExotelCall> GetAsync(string callSid, bool includeDetails = true, CancellationToken cancellationToken = default)
    {
        var path = _transport.V1("Calls/{call_sid}.json", Guard.Id(callSid, nameof(callSid)));
        return _transport.V1CallAsync(HttpMethod.Get, includeDetails ? path.WithQuery(("details", "true")) : path, null, cancellationToken);
    }

    /// <summary>Lists calls (<c>GET Calls.json</c>), following Exotel's pages to the end.</summary>
    /// <param name="filter">Filters; none by default.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The calls.</returns>
    public virtual IAsyncEnumerable<ExotelCall> ListAsync(ExotelCallListFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var path = _transport.V1("Calls.json");
        return _transport.V1CallListAsync(filter is null ? path : filter.Apply(path), cancellationToken);
    }

    private Task<ExotelCall> Connect(ExotelConnectRequest request, CancellationToken cancellationToken)
    {
        // Validated in full before anything is sent.
        var fields = request.ToFormFields(_transport.Options.AccountSid);
        var path = _transport.V1("Calls/connect.json") with
        {
            // Sent again only when Exotel provably did not act on it (429, or no connection); otherwise a call may be ringing.
            OutcomeUnknownHint = "a call may have been placed; look for it with Calls.ListAsync (a DateCreated range and the To number) before dialing again",
        };
        return _transport.V1CallAsync(HttpMethod.Post, path, new FormUrlEncodedContent(fields), cancellationToken);
    }
}
