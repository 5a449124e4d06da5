using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace VapiExotel.Sandbox.Calls;

/// <summary>
/// Sends callbacks, only ever to loopback: the address must be loopback before anything is sent, and the socket
/// connects only to loopback addresses whatever a name resolves to. Callbacks go one at a time, in the order they
/// fell due (retries included), so that a receiver sees a call's events in order, as the services send them.
/// </summary>
internal sealed class CallbackDispatcher : IDisposable
{
    private readonly object _gate = new();
    private readonly List<SandboxCallback> _all = [];
    private Task _tail = Task.CompletedTask;
    private readonly HttpClient _http;

    public CallbackDispatcher()
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = ConnectLoopbackOnlyAsync,
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15) };   // Exotel waits 15 s for a 2xx
    }

    public IReadOnlyList<SandboxCallback> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    public static bool IsLoopback(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && (url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>Queues callbacks for sending; called outside the state lock. <see cref="DrainAsync"/> waits until every one queued is sent.</summary>
    public void Send(IEnumerable<SandboxCallback> callbacks)
    {
        foreach (var callback in callbacks)
        {
            lock (_gate)
            {
                _all.Add(callback);
                if (!IsLoopback(callback.Url))
                {
                    callback.Skip("not a loopback address: the sandbox sends callbacks only to 127.0.0.1, ::1 or localhost");
                    continue;
                }

                _tail = DeliverAfterAsync(_tail, callback);
            }
        }
    }

    public async Task DrainAsync()
    {
        while (true)
        {
            Task tail;
            lock (_gate)
            {
                tail = _tail;
            }

            await tail.ConfigureAwait(false);
            lock (_gate)
            {
                if (ReferenceEquals(tail, _tail))
                {
                    return;
                }
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task DeliverAfterAsync(Task previous, SandboxCallback callback)
    {
        await previous.ConfigureAwait(false);
        await Task.Yield();
        for (var attempt = 0; attempt < callback.MaxAttempts; attempt++)
        {
            int status;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, callback.Url)
                {
                    Content = new ByteArrayContent(callback.Body.ToArray()),
                };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(callback.ContentType);
                foreach (var (name, value) in callback.Headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await _http.SendAsync(request).ConfigureAwait(false);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                // Unreachable, too slow, or the sandbox is stopping: an attempt without an answer.
                status = 0;
            }

            callback.Record(status);
            if (status is >= 200 and < 300)
            {
                return;
            }
        }
    }

    private static async ValueTask<Stream> ConnectLoopbackOnlyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
        var loopback = addresses.Where(IPAddress.IsLoopback).ToArray();
        if (loopback.Length == 0)
        {
            throw new HttpRequestException($"{context.DnsEndPoint.Host} is not a loopback address; the sandbox connects only to loopback.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(loopback, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
