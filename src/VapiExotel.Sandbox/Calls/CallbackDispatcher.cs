using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace VapiExotel.Sandbox.Calls;

/// <summary>
/// Sends callbacks, only ever to loopback: the address must be loopback before anything is sent, and the socket
/// connects only to loopback addresses whatever a name resolves to. Callbacks to one receiver (scheme, host and port)
/// go one at a time, in the order they fell due (retries included), so that it sees a call's events in order, as the
/// services send them; a receiver that hangs delays only its own callbacks, each attempt for at most the timeout.
/// </summary>
internal sealed class CallbackDispatcher : IDisposable
{
    private readonly object _gate = new();
    private readonly List<SandboxCallback> _all = [];
    private readonly Dictionary<string, Task> _tails = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http;

    public CallbackDispatcher(TimeSpan attemptTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectTimeout = attemptTimeout,
            ConnectCallback = ConnectLoopbackOnlyAsync,
        };
        _http = new HttpClient(handler) { Timeout = attemptTimeout };
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

    /// <summary>Queues callbacks for sending, in order; called under the state lock, so that outboxes never overtake one another.</summary>
    public void Send(IEnumerable<SandboxCallback> callbacks)
    {
        lock (_gate)
        {
            foreach (var callback in callbacks)
            {
                _all.Add(callback);
                if (!IsLoopback(callback.Url))
                {
                    callback.Skip("not a loopback address: the sandbox sends callbacks only to 127.0.0.1, ::1 or localhost");
                    continue;
                }

                var receiver = callback.Url.GetLeftPart(UriPartial.Authority);
                _tails[receiver] = DeliverAfterAsync(_tails.GetValueOrDefault(receiver) ?? Task.CompletedTask, callback);
            }
        }
    }

    /// <summary>Waits until every callback queued so far (and any queued meanwhile) has been sent or given up.</summary>
    public async Task DrainAsync()
    {
        while (true)
        {
            Task[] tails;
            lock (_gate)
            {
                tails = [.. _tails.Values];
            }

            await Task.WhenAll(tails).ConfigureAwait(false);
            lock (_gate)
            {
                if (_tails.Values.All(t => t.IsCompleted))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Stops sending: attempts in flight are cancelled, queued ones are given up.</summary>
    public void Stop() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Cancel();
        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task DeliverAfterAsync(Task previous, SandboxCallback callback)
    {
        // Deliveries never fault (every failure is recorded as an attempt), so the chain cannot be poisoned.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.Yield();
        for (var attempt = 0; attempt < callback.MaxAttempts && !_stopping.IsCancellationRequested; attempt++)
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

                using var response = await _http.SendAsync(request, _stopping.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
            }
#pragma warning disable CA1031 // An unreachable, slow or broken receiver is an attempt without an answer, whatever the exception.
            catch (Exception)
#pragma warning restore CA1031
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
        var loopback = addresses.FirstOrDefault(IPAddress.IsLoopback)
                       ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} is not a loopback address; the sandbox connects only to loopback.");
        var socket = new Socket(loopback.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
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
