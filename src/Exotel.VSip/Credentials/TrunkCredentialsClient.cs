using Exotel.VSip.Internal;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>Manages a trunk's SIP digest credentials (<c>…/trunks/{trunk_sid}/credentials</c>).</summary>
public class TrunkCredentialsClient
{
    private const string Collection = "trunks/{trunk_sid}/credentials";
    private readonly ExotelTransport _transport = null!;

    /// <summary>For mocking.</summary>
    protected TrunkCredentialsClient()
    {
    }

    internal TrunkCredentialsClient(ExotelTransport transport) => _transport = transport;

    /// <summary>Creates a credential. The password travels only in the request body and never appears in an exception or a log.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="request">The user name, password and label.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new credential (without its password).</returns>
    public virtual Task<ExotelTrunkCredential> CreateAsync(string trunkSid, CreateTrunkCredentialRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(trunkSid, nameof(trunkSid));
        Guard.NotNull(request, nameof(request));
        var body = new CredentialBody(
            Guard.NotEmpty(request.UserName, nameof(request.UserName)),
            Guard.NotEmpty(request.Password, nameof(request.Password)),
            ExotelRules.FriendlyName(request.FriendlyName, nameof(request.FriendlyName)));
        return _transport.V2SingleAsync(
            HttpMethod.Post, _transport.V2(Collection, trunkSid), ExotelTransport.Json(body, ExotelJsonContext.Wire.CredentialBody),
            ExotelJsonContext.Default.ExotelTrunkCredential, cancellationToken, _transport.Redactor.With(request.Password));
    }

    /// <summary>Lists a trunk's credentials, following Exotel's pages to the end.</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="options">Paging.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The credentials (never their passwords).</returns>
    public virtual IAsyncEnumerable<ExotelTrunkCredential> ListAsync(string trunkSid, ExotelListOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.V2ListAsync(
            ExotelTransport.WithPaging(_transport.V2(Collection, Guard.Id(trunkSid, nameof(trunkSid))), options),
            ExotelJsonContext.Default.ExotelTrunkCredential, cancellationToken);

    /// <summary>Changes a credential (the id goes in the path, as Exotel documents for updates).</summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="credentialId">The credential's id.</param>
    /// <param name="request">The fields to change; at least one.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The credential as it is now.</returns>
    public virtual Task<ExotelTrunkCredential> UpdateAsync(
        string trunkSid, string credentialId, UpdateTrunkCredentialRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Id(trunkSid, nameof(trunkSid));
        Guard.Id(credentialId, nameof(credentialId));
        Guard.NotNull(request, nameof(request));
        if (request.UserName is null && request.Password is null && request.FriendlyName is null)
        {
            throw new ArgumentException("Set at least one of UserName, Password or FriendlyName to update a credential.", nameof(request));
        }

        var body = new CredentialBody(
            request.UserName is null ? null : Guard.NotEmpty(request.UserName, nameof(request.UserName)),
            request.Password is null ? null : Guard.NotEmpty(request.Password, nameof(request.Password)),
            ExotelRules.FriendlyName(request.FriendlyName, nameof(request.FriendlyName)));
        return _transport.V2SingleAsync(
            HttpMethod.Put, _transport.V2(Collection + "/{id}", trunkSid, credentialId), ExotelTransport.Json(body, ExotelJsonContext.Wire.CredentialBody),
            ExotelJsonContext.Default.ExotelTrunkCredential, cancellationToken, _transport.Redactor.With(request.Password));
    }

    /// <summary>
    /// Deletes a credential. The id always goes in the query: Exotel states twice that the path form is for updates
    /// only, so <see cref="ExotelClientOptions.DeleteIdStyle"/> does not apply here.
    /// </summary>
    /// <param name="trunkSid">The trunk SID.</param>
    /// <param name="credentialId">The credential's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when Exotel confirms.</returns>
    public virtual Task DeleteAsync(string trunkSid, string credentialId, CancellationToken cancellationToken = default) =>
        _transport.V2DeleteAsync(
            _transport.V2Delete(Collection, Guard.Id(trunkSid, nameof(trunkSid)), Guard.Id(credentialId, nameof(credentialId)), DeleteIdStyle.Query),
            ExotelJsonContext.Default.ExotelTrunkCredential,
            cancellationToken);
}
