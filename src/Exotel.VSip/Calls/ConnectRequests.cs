using System.Globalization;
using Exotel.VSip.Internal;
using VapiExotel.Shared;

namespace Exotel.VSip;

/// <summary>
/// The options shared by both kinds of <c>Calls/connect</c> request. Every option that is set is sent, in Exotel's
/// wire names; none is dropped silently. <c>0</c> is a value, not "unset".
/// </summary>
public abstract class ExotelConnectRequest
{
    private protected ExotelConnectRequest(string from, string callerId)
    {
        From = from;
        CallerId = callerId;
    }

    /// <summary>The number called first (<c>From</c>): E.164 or national form.</summary>
    public string From { get; }

    /// <summary>Your ExoPhone, shown to the called parties (<c>CallerId</c>).</summary>
    public string CallerId { get; }

    /// <summary>The call type (<c>CallType</c>), such as <see cref="ExotelCallType.Transactional"/>.</summary>
    public ExotelCallType? CallType { get; set; }

    /// <summary>The longest the call may last, in seconds (<c>TimeLimit</c>): 1 to 14400 (4 hours).</summary>
    public int? TimeLimit { get; set; }

    /// <summary>How long to let a phone ring, in seconds (<c>TimeOut</c>).</summary>
    public int? TimeOut { get; set; }

    /// <summary>A WAV file (under 2 MB) played to <see cref="From"/> while the other side rings (<c>WaitUrl</c>).</summary>
    public Uri? WaitUrl { get; set; }

    /// <summary>Whether to record the call (<c>Record</c>).</summary>
    public bool? Record { get; set; }

    /// <summary>How the recording is laid out (<c>RecordingChannels</c>).</summary>
    public ExotelRecordingChannels? RecordingChannels { get; set; }

    /// <summary>The recording's format (<c>RecordingFormat</c>).</summary>
    public ExotelRecordingFormat? RecordingFormat { get; set; }

    /// <summary>Your own value, at most 128 characters, echoed in the terminal callback (<c>CustomField</c>).</summary>
    public string? CustomField { get; set; }

    /// <summary>Where Exotel posts the call's status (<c>StatusCallback</c>).</summary>
    public Uri? StatusCallback { get; set; }

    /// <summary>The events to report besides the terminal one (<c>StatusCallbackEvents[i]</c>); only with a <see cref="StatusCallback"/>.</summary>
    public IList<ExotelStatusCallbackEvent> StatusCallbackEvents { get; } = new List<ExotelStatusCallbackEvent>();

    /// <summary>How the callback's body is encoded (<c>StatusCallbackContentType</c>); only with a <see cref="StatusCallback"/>.</summary>
    public ExotelStatusCallbackContentType? StatusCallbackContentType { get; set; }

    /// <summary>The fields that select what is called after <see cref="From"/>: <c>To</c>, or a flow's <c>Url</c>.</summary>
    private protected abstract IEnumerable<KeyValuePair<string, string>> TargetFields(string accountSid);

    /// <summary>Validates the request and lists its form fields in Exotel's wire names and order.</summary>
    internal List<KeyValuePair<string, string>> ToFormFields(string accountSid)
    {
        var fields = new List<KeyValuePair<string, string>> { new("From", ExotelRules.Dialable(From, nameof(From))) };
        var target = TargetFields(accountSid).ToList();
        fields.AddRange(target.Where(f => f.Key == "To"));
        fields.Add(new("CallerId", ExotelRules.Dialable(CallerId, nameof(CallerId))));
        fields.AddRange(target.Where(f => f.Key != "To"));

        Add(fields, "CallType", CallType is { } type ? Guard.NotEmpty(type.Value, nameof(CallType)) : null);
        Add(fields, "TimeLimit", TimeLimit is { } limit ? Invariant(Guard.InRange(limit, 1, ExotelRules.TimeLimitMaxSeconds, nameof(TimeLimit))) : null);
        Add(fields, "TimeOut", TimeOut is { } timeout ? Invariant(Guard.InRange(timeout, 1, int.MaxValue, nameof(TimeOut))) : null);
        Add(fields, "WaitUrl", WaitUrl is null ? null : Guard.AbsoluteHttpUri(WaitUrl, nameof(WaitUrl)).AbsoluteUri);
        Add(fields, "Record", Record is { } record ? (record ? "true" : "false") : null);
        Add(fields, "RecordingChannels", RecordingChannels is { } channels ? Guard.NotEmpty(channels.Value, nameof(RecordingChannels)) : null);
        Add(fields, "RecordingFormat", RecordingFormat is { } format ? Guard.NotEmpty(format.Value, nameof(RecordingFormat)) : null);
        Add(fields, "CustomField", CustomField is null ? null : Guard.MaxLength(CustomField, ExotelRules.CustomFieldMaxLength, nameof(CustomField)));
        Add(fields, "StatusCallback", StatusCallback is null ? null : Guard.AbsoluteHttpUri(StatusCallback, nameof(StatusCallback)).AbsoluteUri);
        if (StatusCallback is null && (StatusCallbackEvents.Count > 0 || StatusCallbackContentType is not null))
        {
            // Exotel ignores them without a callback address; dropping them silently would hide the mistake.
            throw new ArgumentException(
                "StatusCallbackEvents and StatusCallbackContentType apply only to a status callback; set StatusCallback too, or leave them unset.",
                StatusCallbackEvents.Count > 0 ? nameof(StatusCallbackEvents) : nameof(StatusCallbackContentType));
        }

        for (var i = 0; i < StatusCallbackEvents.Count; i++)
        {
            fields.Add(new($"StatusCallbackEvents[{Invariant(i)}]", Guard.NotEmpty(StatusCallbackEvents[i].Value, nameof(StatusCallbackEvents))));
        }

        Add(fields, "StatusCallbackContentType", StatusCallbackContentType is { } type2 ? Guard.NotEmpty(type2.Value, nameof(StatusCallbackContentType)) : null);
        return fields;
    }

    private static void Add(List<KeyValuePair<string, string>> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, value));
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Connects two numbers: Exotel calls <see cref="ExotelConnectRequest.From"/> first, then <see cref="To"/>, and bridges them.</summary>
public sealed class ConnectCallRequest : ExotelConnectRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="from">The number called first.</param>
    /// <param name="to">The number called once <paramref name="from"/> answers.</param>
    /// <param name="callerId">Your ExoPhone.</param>
    public ConnectCallRequest(string from, string to, string callerId)
        : base(from, callerId) => To = to;

    /// <summary>The number called once <see cref="ExotelConnectRequest.From"/> answers (<c>To</c>).</summary>
    public string To { get; }

    private protected override IEnumerable<KeyValuePair<string, string>> TargetFields(string accountSid) =>
        [new("To", ExotelRules.Dialable(To, nameof(To)))];
}

/// <summary>Connects a number to a flow (an app built in Exotel's App Bazaar).</summary>
public sealed class ConnectToFlowRequest : ExotelConnectRequest
{
    /// <summary>Creates a request for a flow by its id; the flow's address is <c>http://my.exotel.com/{account_sid}/exoml/start_voice/{flowId}</c>.</summary>
    /// <param name="from">The number to call.</param>
    /// <param name="callerId">Your ExoPhone.</param>
    /// <param name="flowId">The flow's (app's) id.</param>
    public ConnectToFlowRequest(string from, string callerId, string flowId)
        : base(from, callerId) => FlowId = flowId;

    /// <summary>
    /// Creates a request for a flow by its full address, for accounts whose flows live on another host (whether
    /// Mumbai accounts need <c>my.in.exotel.com</c> is not documented).
    /// </summary>
    /// <param name="from">The number to call.</param>
    /// <param name="callerId">Your ExoPhone.</param>
    /// <param name="flowUrl">The flow's full address.</param>
    public ConnectToFlowRequest(string from, string callerId, Uri flowUrl)
        : base(from, callerId) => FlowUrl = flowUrl ?? throw new ArgumentNullException(nameof(flowUrl), "flowUrl is required.");

    /// <summary>The flow's id, when the request was made with one.</summary>
    public string? FlowId { get; }

    /// <summary>The flow's full address, when the request was made with one.</summary>
    public Uri? FlowUrl { get; }

    private protected override IEnumerable<KeyValuePair<string, string>> TargetFields(string accountSid)
    {
        var url = FlowUrl is not null
            ? Guard.AbsoluteHttpUri(FlowUrl, nameof(FlowUrl)).AbsoluteUri
            : $"http://my.exotel.com/{Uri.EscapeDataString(accountSid)}/exoml/start_voice/{Uri.EscapeDataString(Guard.Id(FlowId, nameof(FlowId)))}";
        return [new("Url", url)];
    }
}
