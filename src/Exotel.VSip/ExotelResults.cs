namespace Exotel.VSip;

/// <summary>Why one item of a multi-item write failed, as Exotel reported it.</summary>
public sealed class ExotelItemError
{
    /// <summary>The item's <c>code</c>, such as 400 or 409.</summary>
    public int? Code { get; init; }

    /// <summary>Exotel's error code, such as 1002.</summary>
    public ExotelErrorCode? ErrorCode { get; init; }

    /// <summary>Exotel's short message, such as <c>Invalid parameter</c>.</summary>
    public string? Message { get; init; }

    /// <summary>Exotel's description, such as <c>Destination not whitelisted</c>.</summary>
    public string? Description { get; init; }

    /// <summary>True when the item already exists (code 409, error 1008 or <c>Duplicate resource</c>).</summary>
    public bool IsDuplicate =>
        Code == 409 || ErrorCode == ExotelErrorCode.DuplicateResource
        || string.Equals(Message, "Duplicate resource", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} {ErrorCode?.Value} {Message}: {Description}".Trim();
}

/// <summary>The outcome of one item of a multi-item write: its value when it succeeded, its error when it did not.</summary>
/// <typeparam name="T">The resource type.</typeparam>
public sealed class ExotelItemResult<T>
    where T : class
{
    /// <summary>The created resource, when the item succeeded.</summary>
    public T? Value { get; init; }

    /// <summary>Why the item failed, when it did.</summary>
    public ExotelItemError? Error { get; init; }

    /// <summary>True when the item succeeded.</summary>
    public bool IsSuccess => Error is null;
}

/// <summary>
/// The answer to a multi-item write (destination URIs, settings): one result per item, in the order sent. Exotel
/// answers HTTP 207 when some items failed; that is not an exception, because the other items did succeed.
/// </summary>
/// <typeparam name="T">The resource type.</typeparam>
public sealed class ExotelBatchResult<T>
    where T : class
{
    /// <summary>Exotel's request id.</summary>
    public string? RequestId { get; init; }

    /// <summary>The HTTP status: 200 when every item succeeded, 207 when some failed.</summary>
    public int HttpStatus { get; init; }

    /// <summary>One result per item.</summary>
    public IReadOnlyList<ExotelItemResult<T>> Items { get; init; } = [];

    /// <summary>True when every item succeeded.</summary>
    public bool AllSucceeded => Items.All(i => i.IsSuccess);

    /// <summary>The values of the items that succeeded.</summary>
    public IEnumerable<T> Succeeded => Items.Where(i => i.IsSuccess && i.Value is not null).Select(i => i.Value!);

    /// <summary>The items that failed.</summary>
    public IEnumerable<ExotelItemResult<T>> Failed => Items.Where(i => !i.IsSuccess);
}

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ExotelPage<T>
{
    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Items { get; init; } = [];

    /// <summary>The host-relative address of the next page, or <see langword="null"/> on the last page.</summary>
    public string? NextPageUri { get; init; }

    /// <summary>Exotel's request id.</summary>
    public string? RequestId { get; init; }
}

/// <summary>Paging for a v2 list. The list methods follow Exotel's <c>next_page_uri</c> to the end on their own.</summary>
public sealed class ExotelListOptions
{
    /// <summary>Items per request (<c>page_size</c>); Exotel's default is 50.</summary>
    public int? PageSize { get; set; }

    /// <summary>Where to start (<c>offset</c>); Exotel's default is 0.</summary>
    public int? Offset { get; set; }
}
