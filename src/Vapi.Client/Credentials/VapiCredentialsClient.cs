using System.Runtime.CompilerServices;
using System.Text.Json;
using Vapi.Client.Internal;
using VapiExotel.Shared;
using VapiExotel.Shared.Http;

namespace Vapi.Client;

/// <summary>
/// Credentials (<c>/credential</c>): full management of BYO SIP trunk credentials, and a list that returns the
/// credentials of every provider.
/// </summary>
public class VapiCredentialsClient
{
    private const string Collection = "credential";
    private const string Item = "credential/{id}";

    private readonly VapiTransport _transport;

    /// <summary>For mocking.</summary>
    protected VapiCredentialsClient() => _transport = null!;

    internal VapiCredentialsClient(VapiTransport transport) => _transport = transport;

    /// <summary>Creates a BYO SIP trunk credential.</summary>
    /// <param name="request">The credential; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The credential as Vapi stored it (without the password).</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; the message names the field.</exception>
    /// <exception cref="VapiException">Vapi refused the request or could not be reached.</exception>
    public virtual Task<ByoSipTrunkCredential> CreateSipTrunkAsync(CreateSipTrunkCredentialRequest request, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(request, nameof(request));
        VapiRules.Gateways(request.Gateways, "request.Gateways");
        VapiRules.Name(request.Name, "request.Name");
        VapiRules.MaxLength(request.TechPrefix, VapiRules.LongTextMaxLength, "request.TechPrefix");
        VapiRules.MaxLength(request.SipDiversionHeader, VapiRules.LongTextMaxLength, "request.SipDiversionHeader");
        var content = VapiTransport.Json(request, VapiJsonContext.Wire.CreateSipTrunkCredentialRequest);
        return _transport.SendAsync(
            HttpMethod.Post, ApiPath.Build(Collection), content, VapiJsonContext.Default.ByoSipTrunkCredential, cancellationToken,
            Redactor(request.OutboundAuthenticationPlan));
    }

    /// <summary>Gets a credential of any provider: a <see cref="ByoSipTrunkCredential"/> for a SIP trunk.</summary>
    /// <param name="id">The credential's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="VapiException">Not found (<see cref="VapiException.IsNotFound"/>), or another failure.</exception>
    public virtual Task<VapiCredential> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        return _transport.SendAsync(HttpMethod.Get, ApiPath.Build(Item, id), null, Read, cancellationToken);
    }

    /// <summary>Gets a BYO SIP trunk credential; fails when the id belongs to a credential of another provider.</summary>
    /// <param name="id">The credential's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="VapiException">Not found, another provider's credential, or another failure.</exception>
    public virtual async Task<ByoSipTrunkCredential> GetSipTrunkAsync(string id, CancellationToken cancellationToken = default)
    {
        var credential = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        return credential as ByoSipTrunkCredential
               ?? throw new VapiException($"Vapi credential is a '{credential.Provider}' credential, not a BYO SIP trunk credential.", 200) { Operation = "GET /credential/{id}" };
    }

    /// <summary>
    /// Lists the credentials of every provider (Vapi's list has no paging). BYO SIP trunk credentials come back as
    /// <see cref="ByoSipTrunkCredential"/>; filter with <c>OfType&lt;ByoSipTrunkCredential&gt;()</c>.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="VapiException">The request failed.</exception>
    public virtual async IAsyncEnumerable<VapiCredential> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var items = await _transport.SendAsync(HttpMethod.Get, ApiPath.Build(Collection), null, ReadList, cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            yield return item;
        }
    }

    /// <summary>
    /// Changes a BYO SIP trunk credential: only the members set on <paramref name="request"/> are sent. The gateway
    /// list is replaced as a whole.
    /// </summary>
    /// <param name="id">The credential's id.</param>
    /// <param name="request">The changes; checked before sending.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The credential after the change.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; the message names the field.</exception>
    /// <exception cref="VapiException">Vapi refused the request or could not be reached.</exception>
    public virtual Task<ByoSipTrunkCredential> UpdateSipTrunkAsync(string id, UpdateSipTrunkCredentialRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        Guard.NotNull(request, nameof(request));
        if (request.Gateways is not null)
        {
            VapiRules.Gateways(request.Gateways, "request.Gateways");
        }

        VapiRules.Name(request.Name, "request.Name");

        VapiRules.MaxLength(request.TechPrefix.GetValueOrDefault(null), VapiRules.LongTextMaxLength, "request.TechPrefix");
        VapiRules.MaxLength(request.SipDiversionHeader.GetValueOrDefault(null), VapiRules.LongTextMaxLength, "request.SipDiversionHeader");
        var content = VapiTransport.Json(request, VapiJsonContext.Wire.UpdateSipTrunkCredentialRequest);
        return _transport.SendAsync(
            HttpMethod.Patch, ApiPath.Build(Item, id), content, VapiJsonContext.Default.ByoSipTrunkCredential, cancellationToken,
            Redactor(request.OutboundAuthenticationPlan.GetValueOrDefault(null)));
    }

    /// <summary>Deletes a credential. Delete the phone numbers that use it first.</summary>
    /// <param name="id">The credential's id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="VapiException">Not found (<see cref="VapiException.IsNotFound"/>), or another failure.</exception>
    public virtual async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        Guard.Id(id, nameof(id));
        await _transport.SendAsync(HttpMethod.Delete, ApiPath.Build(Item, id), null, null, cancellationToken).ConfigureAwait(false);
    }

    private SecretRedactor Redactor(SipTrunkOutboundAuthenticationPlan? plan) => _transport.Redactor.With(plan?.AuthPassword);

    private static VapiCredential Read(RawResponse raw, JsonElement element) =>
        VapiTransport.ReadByProvider(
            raw, element, VapiJsonContext.Default.VapiCredential, (VapiCredentialProvider.ByoSipTrunk.Value, VapiJsonContext.Default.ByoSipTrunkCredential));

    private static List<VapiCredential> ReadList(RawResponse raw, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw VapiErrors.Unreadable(raw, $"expected a JSON array, got {root.ValueKind}");
        }

        return root.EnumerateArray().Select(element => Read(raw, element)).ToList();
    }
}
