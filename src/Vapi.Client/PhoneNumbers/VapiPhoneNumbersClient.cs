using System.Text.Json;
using Vapi.Client.Internal;
using VapiExotel.Shared;
using VapiExotel.Shared.Http;

namespace Vapi.Client;

/// <summary>Phone numbers (<c>/phone-number</c>): BYO numbers on your SIP trunk and free Vapi SIP numbers.</summary>
public class VapiPhoneNumbersClient
{
    private const string Collection = "phone-number";
    private const string Item = "phone-number/{id}";

    private readonly VapiTransport _transport;

    /// <summary>For mocking.</summary>
    protected VapiPhoneNumbersClient() => _transport = null!;

    internal VapiPhoneNumbersClient(VapiTransport transport) => _transport = transport;

    /// <summary>Creates a BYO phone number on a BYO SIP trunk credential.</summary>
    /// <param name="request">The number; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The number as Vapi stored it.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; the message names the field.</exception>
    /// <exception cref="VapiException">Vapi refused the request or could not be reached.</exception>
    public virtual async Task<ByoPhoneNumber> CreateAsync(CreateByoPhoneNumberRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        Guard.Id(request.CredentialId, "request.CredentialId");
        if (request.Number is not null)
        {
            VapiRules.Number(request.Number, request.NumberE164CheckEnabled, "request.Number");
        }

        CheckCommon(request);
        var content = VapiTransport.Json(request, VapiJsonContext.Wire.CreateByoPhoneNumberRequest);
        return await SendTypedAsync<ByoPhoneNumber>(HttpMethod.Post, ApiPath.Build(Collection), content, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a free Vapi SIP number (inbound only: it cannot place outbound calls).</summary>
    /// <param name="request">The number; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The number as Vapi stored it.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; the message names the field.</exception>
    /// <exception cref="VapiException">Vapi refused the request or could not be reached.</exception>
    public virtual async Task<VapiSipPhoneNumber> CreateAsync(CreateVapiSipPhoneNumberRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        if (request.SipUri is not null)
        {
            VapiRules.SipUri(request.SipUri, "request.SipUri");
        }

        VapiRules.SipAuthentication(request.Authentication, "request.Authentication");
        CheckCommon(request);
        var content = VapiTransport.Json(request, VapiJsonContext.Wire.CreateVapiSipPhoneNumberRequest);
        return await SendTypedAsync<VapiSipPhoneNumber>(HttpMethod.Post, ApiPath.Build(Collection), content, request.Authentication?.Password, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Gets a phone number of any provider: a <see cref="ByoPhoneNumber"/>, a <see cref="VapiSipPhoneNumber"/> or the base type.</summary>
    /// <param name="id">The number's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="VapiException">Not found (<see cref="VapiException.IsNotFound"/>), or another failure.</exception>
    public virtual Task<VapiPhoneNumber> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        return _transport.SendAsync(HttpMethod.Get, ApiPath.Build(Item, id), null, Read, cancellationToken);
    }

    /// <summary>
    /// Lists phone numbers of every provider, newest first as Vapi sends them, one request per
    /// <see cref="VapiListFilter.PageSize"/> items as you enumerate.
    /// </summary>
    /// <param name="filter">Optional page size and time filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentOutOfRangeException">The page size is outside 1–1000.</exception>
    /// <exception cref="VapiException">A request failed.</exception>
    public virtual IAsyncEnumerable<VapiPhoneNumber> ListAsync(VapiListFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var snapshot = VapiTransport.Snapshot(filter);   // checked and copied now, not at the first MoveNext
        return _transport.ListAsync(ApiPath.Build(Collection), snapshot, [], Read, static n => n.Id, static n => n.CreatedAt, cancellationToken);
    }

    /// <summary>Changes a BYO phone number: only the members set on <paramref name="request"/> are sent (a null clears).</summary>
    /// <param name="id">The number's id.</param>
    /// <param name="request">The changes; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The number after the change.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; the message names the field.</exception>
    /// <exception cref="VapiException">Vapi refused the request or could not be reached.</exception>
    public virtual async Task<ByoPhoneNumber> UpdateAsync(string id, UpdateByoPhoneNumberRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        Guard.NotNull(request, nameof(request));
        if (request.Number is not null)
        {
            // The stored check flag is unknown here: insist on E.164 only when this update turns the check on.
            VapiRules.Number(request.Number, request.NumberE164CheckEnabled ?? false, "request.Number");
        }

        if (request.CredentialId is not null)
        {
            Guard.Id(request.CredentialId, "request.CredentialId");
        }

        CheckCommon(request);
        var content = VapiTransport.Json(request, VapiJsonContext.Wire.UpdateByoPhoneNumberRequest);
        return await SendTypedAsync<ByoPhoneNumber>(HttpMethod.Patch, ApiPath.Build(Item, id), content, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes a free Vapi SIP number: only the members set on <paramref name="request"/> are sent (a null clears).</summary>
    /// <param name="id">The number's id.</param>
    /// <param name="request">The changes; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The number after the change.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; the message names the field.</exception>
    /// <exception cref="VapiException">Vapi refused the request or could not be reached.</exception>
    public virtual async Task<VapiSipPhoneNumber> UpdateAsync(string id, UpdateVapiSipPhoneNumberRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        Guard.NotNull(request, nameof(request));
        if (request.SipUri.IsSet)
        {
            VapiRules.SipUri(request.SipUri.Value, "request.SipUri");
        }

        VapiRules.SipAuthentication(request.Authentication.GetValueOrDefault(null), "request.Authentication");
        CheckCommon(request);
        var content = VapiTransport.Json(request, VapiJsonContext.Wire.UpdateVapiSipPhoneNumberRequest);
        return await SendTypedAsync<VapiSipPhoneNumber>(HttpMethod.Patch, ApiPath.Build(Item, id), content, request.Authentication.GetValueOrDefault(null)?.Password, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Deletes a phone number.</summary>
    /// <param name="id">The number's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="VapiException">Not found (<see cref="VapiException.IsNotFound"/>), or another failure.</exception>
    public virtual async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        await _transport.SendAsync(HttpMethod.Delete, ApiPath.Build(Item, id), null, null, cancellationToken).ConfigureAwait(false);
    }

    // Sends a create or an update and checks that the answer is the provider the request was for.
    private async Task<T> SendTypedAsync<T>(HttpMethod method, ApiPath path, HttpContent content, string? password, CancellationToken cancellationToken)
        where T : VapiPhoneNumber
    {
        var number = await _transport.SendAsync(method, path, content, Read, cancellationToken, _transport.Redactor.With(password)).ConfigureAwait(false);
        var operation = $"{method.Method} /{path.Template}";
        return number as T
               ?? throw new VapiException($"Vapi {operation} answered with a '{number.Provider}' number; expected {typeof(T).Name}.", 200) { Operation = operation };
    }

    private static void CheckCommon(CreatePhoneNumberRequest request) =>
        CheckCommon(request.Name, request.AssistantId, request.SquadId, request.WorkflowId, request.Server, request.FallbackDestination);

    private static void CheckCommon(UpdatePhoneNumberRequest request) =>
        CheckCommon(
            request.Name.GetValueOrDefault(null), request.AssistantId.GetValueOrDefault(null), request.SquadId.GetValueOrDefault(null),
            request.WorkflowId.GetValueOrDefault(null), request.Server.GetValueOrDefault(null), request.FallbackDestination.GetValueOrDefault(null));

    private static void CheckCommon(string? name, string? assistantId, string? squadId, string? workflowId, VapiServer? server, VapiTransferDestination? fallback)
    {
        VapiRules.MaxLength(name, VapiRules.NameMaxLength, "request.Name");
        VapiRules.AtMostOne(
            "AssistantId, SquadId and WorkflowId (who answers the number)",
            ("request.AssistantId", assistantId is not null), ("request.SquadId", squadId is not null), ("request.WorkflowId", workflowId is not null));
        VapiRules.Server(server, "request.Server");
        VapiRules.TransferDestination(fallback, "request.FallbackDestination");
    }

    private static VapiPhoneNumber Read(RawResponse raw, JsonElement element) =>
        VapiTransport.ReadByProvider(
            raw, element, VapiJsonContext.Default.VapiPhoneNumber,
            (VapiPhoneNumberProvider.ByoPhoneNumber.Value, VapiJsonContext.Default.ByoPhoneNumber),
            (VapiPhoneNumberProvider.Vapi.Value, VapiJsonContext.Default.VapiSipPhoneNumber));
}
