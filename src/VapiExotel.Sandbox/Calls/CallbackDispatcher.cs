using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace VapiExotel.Sandbox.Calls;

/// <summary>
/// Sends callbacks, only ever to loopback: the address must be loopback before anything is sent, and the socket
/// connects only to loopback addresses whatever a name resolves to.
/// </summary>
internal sealed class CallbackDispatcher : IDisposable
{
    private readonly object _gate = new();
    private readonly List<SandboxCallback> _all = [];
    private readonly List<Task> _inFlight = [];
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

    /// <summary>Starts sending; callers outside the state lock. <see cref="DrainAsync"/> waits for every send started.</summary>
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

                _inFlight.Add(DeliverAsync(callback));
            }
        }
    }

    public async Task DrainAsync()
    {
        while (true)
        {
            Task[] pending;
            lock (_gate)
            {
                _inFlight.RemoveAll(t => t.IsCompleted);
                pending = [.. _inFlight];
            }

            if (pending.Length == 0)
            {
                return;
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task DeliverAsync(SandboxCallback callback)
    {
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
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
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
