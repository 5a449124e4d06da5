using Exotel.VSip;

namespace VapiExotel.Integration.Calls;

/// <summary>Copies a caller's Exotel connect request with the correlation id in its <c>CustomField</c>, leaving the original untouched.</summary>
internal static class ConnectRequestCopy
{
    public static ExotelConnectRequest WithCorrelation(ExotelConnectRequest request, string correlationId)
    {
        ExotelConnectRequest copy = request switch
        {
            ConnectCallRequest connect => new ConnectCallRequest(connect.From, connect.To, connect.CallerId),
            ConnectToFlowRequest { FlowUrl: { } url } flow => new ConnectToFlowRequest(flow.From, flow.CallerId, url),
            ConnectToFlowRequest flow => new ConnectToFlowRequest(flow.From, flow.CallerId, flow.FlowId!),
            _ => throw new ArgumentException("request must be a ConnectCallRequest or a ConnectToFlowRequest.", nameof(request)),
        };
        copy.CallType = request.CallType;
        copy.TimeLimit = request.TimeLimit;
        copy.TimeOut = request.TimeOut;
        copy.WaitUrl = request.WaitUrl;
        copy.Record = request.Record;
        copy.RecordingChannels = request.RecordingChannels;
        copy.RecordingFormat = request.RecordingFormat;
        copy.CustomField = CallCorrelation.CustomField(request.CustomField, correlationId);
        copy.StatusCallback = request.StatusCallback;
        foreach (var e in request.StatusCallbackEvents)
        {
            copy.StatusCallbackEvents.Add(e);
        }

        copy.StatusCallbackContentType = request.StatusCallbackContentType;
        return copy;
    }
}
