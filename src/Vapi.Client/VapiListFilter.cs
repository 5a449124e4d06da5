namespace Vapi.Client;

/// <summary>
/// Narrows a list by creation and update time. Vapi answers lists without a cursor, so the SDK pages by walking back
/// through <c>createdAtLe</c>: enumerate as far as you need and stop (or use <c>Take</c>); each page is one request of
/// <see cref="PageSize"/> items. The filter is copied when the list is requested.
/// </summary>
public class VapiListFilter
{
    /// <summary>The default page size, Vapi's own default.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>
    /// Items per request (Vapi's <c>limit</c>), 1–1000; default 100. Always sent, so that a short page is known to be the
    /// last. It does not cap the whole list: stop enumerating, or use <c>Take(n)</c>, for that.
    /// </summary>
    public int? PageSize { get; set; }

    /// <summary>Only items created after this time.</summary>
    public DateTimeOffset? CreatedAtGt { get; set; }

    /// <summary>Only items created before this time.</summary>
    public DateTimeOffset? CreatedAtLt { get; set; }

    /// <summary>Only items created at or after this time.</summary>
    public DateTimeOffset? CreatedAtGe { get; set; }

    /// <summary>Only items created at or before this time.</summary>
    public DateTimeOffset? CreatedAtLe { get; set; }

    /// <summary>Only items updated after this time.</summary>
    public DateTimeOffset? UpdatedAtGt { get; set; }

    /// <summary>Only items updated before this time.</summary>
    public DateTimeOffset? UpdatedAtLt { get; set; }

    /// <summary>Only items updated at or after this time.</summary>
    public DateTimeOffset? UpdatedAtGe { get; set; }

    /// <summary>Only items updated at or before this time.</summary>
    public DateTimeOffset? UpdatedAtLe { get; set; }

    internal VapiListFilter Snapshot() => (VapiListFilter)MemberwiseClone();
}

/// <summary>Narrows a list of calls.</summary>
public sealed class VapiCallListFilter : VapiListFilter
{
    /// <summary>Only the call with this id.</summary>
    public string? Id { get; set; }

    /// <summary>Only calls handled by this assistant.</summary>
    public string? AssistantId { get; set; }

    /// <summary>Only calls from or to this phone number: after an ambiguous create failure, list these since just before the attempt.</summary>
    public string? PhoneNumberId { get; set; }
}
