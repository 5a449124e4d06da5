using System.Text.Json;
using Vapi.Client.Internal;
using VapiExotel.Shared;
using VapiExotel.Shared.Http;

namespace Vapi.Client;

/// <summary>
/// Calls (<c>/call</c>): place outbound phone calls, follow them, and end a live call. A create is never sent twice
/// by the SDK: after an ambiguous failure (<see cref="VapiException.IsOutcomeUnknown"/>) the call may be ringing, so
/// look for it with <see cref="ListAsync"/> before placing it again.
/// </summary>
public class VapiCallsClient
{
    private const string Collection = "call";
    private const string Item = "call/{id}";

    // A create may have rung a phone even when no answer came back: it is never sent twice, and its failure says how to look.
    private static readonly ApiPath Create = ApiPath.Build(Collection) with
    {
        NeverReplay = true,
        OutcomeUnknownHint = "a call may have been placed; look for it with Calls.ListAsync (PhoneNumberId and CreatedAtGt) before placing it again",
    };

    private readonly VapiTransport _transport;

    /// <summary>For mocking.</summary>
    protected VapiCallsClient() => _transport = null!;

    internal VapiCallsClient(VapiTransport transport) => _transport = transport;

    /// <summary>Places one outbound phone call, now or on its schedule.</summary>
    /// <param name="request">The call: who answers, the number it is from, the customer; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The call, usually <c>queued</c> (or <c>scheduled</c>); follow it with <see cref="GetAsync"/>.</returns>
    /// <exception cref="ArgumentException">The request breaks a rule; the message names the field.</exception>
    /// <exception cref="VapiException">Vapi refused the call or could not be reached.</exception>
    public virtual Task<VapiCall> CreateAsync(CreateCallRequest request, CancellationToken cancellationToken = default)
    {
        Check(request, batch: false);
        var content = VapiTransport.Json(request, VapiJsonContext.Wire.CreateCallRequest);
        return _transport.SendAsync(HttpMethod.Post, Create, content, VapiJsonContext.Default.VapiCall, cancellationToken);
    }

    /// <summary>Places calls to several customers at once (<see cref="CreateCallRequest.Customers"/>).</summary>
    /// <param name="request">The calls; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The calls created and the customers that failed.</returns>
    /// <exception cref="ArgumentException">The request breaks a rule; the message names the field.</exception>
    /// <exception cref="VapiException">Vapi refused the batch or could not be reached.</exception>
    public virtual Task<VapiCallBatch> CreateBatchAsync(CreateCallRequest request, CancellationToken cancellationToken = default)
    {
        Check(request, batch: true);
        var content = VapiTransport.Json(request, VapiJsonContext.Wire.CreateCallRequest);
        return _transport.SendAsync(HttpMethod.Post, Create, content, ReadBatch, cancellationToken);
    }

    /// <summary>Gets a call: its status, and once ended its ended reason, artifact and cost.</summary>
    /// <param name="id">The call's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="VapiException">Not found (<see cref="VapiException.IsNotFound"/>), or another failure.</exception>
    public virtual Task<VapiCall> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        return _transport.SendAsync(HttpMethod.Get, ApiPath.Build(Item, id), null, VapiJsonContext.Default.VapiCall, cancellationToken);
    }

    /// <summary>Lists calls, newest first as Vapi sends them, one request per <see cref="VapiListFilter.PageSize"/> items as you enumerate.</summary>
    /// <param name="filter">Optional id, assistant, phone number, page size and time filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentOutOfRangeException">The page size is outside 1–1000.</exception>
    /// <exception cref="VapiException">A request failed.</exception>
    public virtual IAsyncEnumerable<VapiCall> ListAsync(VapiCallListFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var snapshot = VapiTransport.Snapshot(filter);   // checked and copied now, not at the first MoveNext
        (string, string?)[] query = [("id", snapshot?.Id), ("assistantId", snapshot?.AssistantId), ("phoneNumberId", snapshot?.PhoneNumberId)];
        return _transport.ListAsync(
            ApiPath.Build(Collection), snapshot, query, static (raw, e) => VapiTransport.Deserialize(raw, e, VapiJsonContext.Default.VapiCall),
            static c => c.Id, static c => c.CreatedAt, cancellationToken);
    }

    /// <summary>
    /// Hangs up a live call by posting <c>{"type":"end-call"}</c> to its control URL. The API key is not sent there:
    /// the control URL is on another host and is itself the capability.
    /// </summary>
    /// <param name="liveCall">The call, as returned by <see cref="CreateAsync"/> or <see cref="GetAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException">The call has no control URL (its assistant's monitor plan does not enable control).</exception>
    /// <exception cref="VapiException">The control URL refused the request or could not be reached.</exception>
    public virtual Task EndAsync(VapiCall liveCall, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(liveCall, nameof(liveCall));
        var url = liveCall.Monitor?.ControlUrl
                  ?? throw new InvalidOperationException("The call has no monitor.controlUrl: enable control in the assistant's monitorPlan (controlEnabled) to end calls through the API.");
        return Uri.TryCreate(url, UriKind.Absolute, out var controlUrl)
            ? EndAsync(controlUrl, cancellationToken)
            : throw new ArgumentException("liveCall.Monitor.ControlUrl is not an absolute URL.", nameof(liveCall));
    }

    /// <summary>Hangs up a live call through its control URL (<c>call.monitor.controlUrl</c>).</summary>
    /// <param name="controlUrl">The control URL: https, or http on a loopback address (a sandbox).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException">The URL is not absolute https (or loopback http), or carries credentials.</exception>
    /// <exception cref="VapiException">The control URL refused the request or could not be reached.</exception>
    public virtual Task EndAsync(Uri controlUrl, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(controlUrl, nameof(controlUrl));
        if (!controlUrl.IsAbsoluteUri || !string.IsNullOrEmpty(controlUrl.UserInfo)
            || !(controlUrl.Scheme == Uri.UriSchemeHttps || (controlUrl.Scheme == Uri.UriSchemeHttp && BaseAddressRules.IsLoopback(controlUrl))))
        {
            throw new ArgumentException("controlUrl must be an absolute https URL (plain http only on a loopback address) without credentials in it.", nameof(controlUrl));
        }

        // A control URL read from a webhook could point anywhere: only Vapi's hosts, a loopback sandbox or the configured API host.
        if (!controlUrl.IdnHost.EndsWith(".vapi.ai", StringComparison.OrdinalIgnoreCase) && !BaseAddressRules.IsLoopback(controlUrl)
            && !string.Equals(controlUrl.IdnHost, _transport.Options.GetEffectiveBaseAddress().IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("controlUrl must be on a vapi.ai host (or the configured BaseAddress's host, or loopback).", nameof(controlUrl));
        }

        var content = VapiTransport.Json(new ControlMessage("end-call"), VapiJsonContext.Wire.ControlMessage);
        return _transport.PostControlAsync(controlUrl, content, cancellationToken);
    }

    private static void Check(CreateCallRequest request, bool batch)
    {
        Guard.NotNull(request, nameof(request));
        var whoAnswers = new (string, bool)[]
        {
            ("request.AssistantId", request.AssistantId is not null), ("request.Assistant", request.Assistant is not null),
            ("request.SquadId", request.SquadId is not null), ("request.WorkflowId", request.WorkflowId is not null),
        };
        VapiRules.AtMostOne("AssistantId, Assistant, SquadId and WorkflowId (who talks on the call)", whoAnswers);
        if (!whoAnswers.Any(m => m.Item2))
        {
            throw new ArgumentException("Set one of request.AssistantId, request.Assistant, request.SquadId or request.WorkflowId: who talks on the call.", nameof(request));
        }

        if (request.AssistantId is not null)
        {
            Guard.Id(request.AssistantId, "request.AssistantId");
        }

        Guard.Id(request.PhoneNumberId, "request.PhoneNumberId");
        VapiRules.MaxLength(request.Name, VapiRules.NameMaxLength, "request.Name");
        if (request.SchedulePlan is { } plan)
        {
            if (plan.EarliestAt is null)
            {
                throw new ArgumentException("request.SchedulePlan.EarliestAt is required.", "request.SchedulePlan.EarliestAt");
            }

            if (plan.LatestAt is { } latest && latest < plan.EarliestAt)
            {
                throw new ArgumentException("request.SchedulePlan.LatestAt must not be before EarliestAt.", "request.SchedulePlan.LatestAt");
            }
        }

        if (batch)
        {
            if (request.Customer is not null || request.CustomerId is not null)
            {
                throw new ArgumentException("A batch sets request.Customers only; request.Customer and request.CustomerId are for one call (CreateAsync).", nameof(request));
            }

            if (request.Customers is not { Count: > 0 } customers)
            {
                throw new ArgumentException("request.Customers must contain at least one customer.", "request.Customers");
            }

            for (var i = 0; i < customers.Count; i++)
            {
                VapiRules.Customer(customers[i], $"request.Customers[{i}]");
            }

            return;
        }

        if (request.Customers is not null)
        {
            throw new ArgumentException("request.Customers is for a batch: use CreateBatchAsync, or set request.Customer for one call.", "request.Customers");
        }

        if ((request.Customer is null) == (request.CustomerId is null))
        {
            throw new ArgumentException("Set exactly one of request.Customer and request.CustomerId: whom to call.", "request.Customer");
        }

        if (request.Customer is not null)
        {
            VapiRules.Customer(request.Customer, "request.Customer");
        }
        else
        {
            Guard.Id(request.CustomerId, "request.CustomerId");
        }
    }

    private static VapiCallBatch ReadBatch(RawResponse raw, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !(root.TryGetProperty("results", out _) || root.TryGetProperty("errors", out _)))
        {
            throw VapiErrors.Unreadable(raw, "expected a batch answer with results or errors");
        }

        return VapiTransport.Deserialize(raw, root, VapiJsonContext.Default.VapiCallBatch);
    }
}
