using VapiExotel.Shared.Http;
using System.Globalization;
using Exotel.VSip.Internal;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>
/// Filters for the bulk call-details query (<c>GET Calls.json</c>). Exotel keeps six months of history and answers
/// at most one month per query. Every filter left null is not sent.
/// </summary>
public sealed class ExotelCallListFilter
{
    /// <summary>The longest date range one query may cover.</summary>
    public static readonly TimeSpan MaxDateRange = TimeSpan.FromDays(31);

    /// <summary>Specific call SIDs, at most 100.</summary>
    public IList<string> Sids { get; } = new List<string>();

    /// <summary>Calls created at or after this moment.</summary>
    public DateTimeOffset? CreatedFrom { get; set; }

    /// <summary>Calls created at or before this moment.</summary>
    public DateTimeOffset? CreatedTo { get; set; }

    /// <summary>Called numbers, at most 5.</summary>
    public IList<string> To { get; } = new List<string>();

    /// <summary>Calling numbers, at most 5.</summary>
    public IList<string> From { get; } = new List<string>();

    /// <summary>ExoPhones, at most 5.</summary>
    public IList<string> PhoneNumbers { get; } = new List<string>();

    /// <summary>One status.</summary>
    public ExotelCallStatus? Status { get; set; }

    /// <summary>One direction.</summary>
    public ExotelCallDirection? Direction { get; set; }

    /// <summary>Calls lasting at least this many seconds.</summary>
    public int? MinDurationSeconds { get; set; }

    /// <summary>Calls lasting at most this many seconds.</summary>
    public int? MaxDurationSeconds { get; set; }

    /// <summary>Calls costing at least this much.</summary>
    public decimal? MinPrice { get; set; }

    /// <summary>Calls costing at most this much.</summary>
    public decimal? MaxPrice { get; set; }

    /// <summary>Calls per request, 1 to 100; Exotel's default is 50.</summary>
    public int? PageSize { get; set; }

    /// <summary>Oldest first; by default Exotel returns the newest first.</summary>
    public bool OldestFirst { get; set; }

    /// <summary>How long recording links stay valid, 5 to 60 minutes.</summary>
    public int? RecordingUrlValidityMinutes { get; set; }

    internal ApiPath Apply(ApiPath path)
    {
        var sids = Limit(Sids, 100, nameof(Sids));
        var to = Limit(To, 5, nameof(To));
        var from = Limit(From, 5, nameof(From));
        var phoneNumbers = Limit(PhoneNumbers, 5, nameof(PhoneNumbers));
        if (CreatedFrom is { } start && CreatedTo is { } end)
        {
            if (end < start)
            {
                throw new ArgumentException("CreatedTo must not be before CreatedFrom.", nameof(CreatedTo));
            }

            if (end - start > MaxDateRange)
            {
                throw new ArgumentException($"CreatedFrom to CreatedTo may span at most {MaxDateRange.TotalDays:0} days per query (Exotel's limit).", nameof(CreatedTo));
            }
        }

        if (MinDurationSeconds > MaxDurationSeconds)
        {
            throw new ArgumentException("MinDurationSeconds must not exceed MaxDurationSeconds.", nameof(MinDurationSeconds));
        }

        if (MinPrice > MaxPrice)
        {
            throw new ArgumentException("MinPrice must not exceed MaxPrice.", nameof(MinPrice));
        }

        return path.WithQuery(
            ("Sid", sids),
            ("DateCreated", Range(CreatedFrom is { } f ? ExotelDateTimeConverter.FormatIst(f) : null, CreatedTo is { } t ? ExotelDateTimeConverter.FormatIst(t) : null)),
            ("To", to),
            ("From", from),
            ("PhoneNumber", phoneNumbers),
            ("Status", Status?.Value),
            ("Direction", Direction?.Value),
            ("Duration", Range(Seconds(MinDurationSeconds, nameof(MinDurationSeconds)), Seconds(MaxDurationSeconds, nameof(MaxDurationSeconds)))),
            ("Price", Range(MinPrice?.ToString(CultureInfo.InvariantCulture), MaxPrice?.ToString(CultureInfo.InvariantCulture))),
            ("PageSize", PageSize is { } size ? Guard.InRange(size, 1, 100, nameof(PageSize)).ToString(CultureInfo.InvariantCulture) : null),
            ("SortBy", OldestFirst ? "DateCreated:asc" : null),
            ("RecordingUrlValidity", RecordingUrlValidityMinutes is { } v ? Guard.InRange(v, 5, 60, nameof(RecordingUrlValidityMinutes)).ToString(CultureInfo.InvariantCulture) : null));
    }

    private static string? Limit(IList<string> values, int max, string name)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > max)
        {
            throw new ArgumentException($"{name} may hold at most {max} values per query; got {values.Count}.", name);
        }

        foreach (var value in values)
        {
            Guard.Id(value, name);
        }

        return string.Join(',', values);
    }

    private static string? Seconds(int? value, string name) =>
        value is { } s ? Guard.InRange(s, 0, int.MaxValue, name).ToString(CultureInfo.InvariantCulture) + "s" : null;

    private static string? Range(string? low, string? high) =>
        (low, high) switch
        {
            (null, null) => null,
            (_, null) => $"gte:{low}",
            (null, _) => $"lte:{high}",
            _ => $"gte:{low};lte:{high}",
        };
}
