using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VapiExotel.Sandbox.Calls;
using VapiExotel.Sandbox.Exotel;
using VapiExotel.Sandbox.Requests;
using VapiExotel.Sandbox.Vapi;

namespace VapiExotel.Sandbox.Hosting;

/// <summary>
/// The server: two loopback listeners (one per service) in one Kestrel host, one lock over all state, the request
/// log, fault injection and callback delivery. Emulators answer synchronously under the lock, so that concurrent
/// requests see and leave consistent state.
/// </summary>
internal sealed class SandboxEngine : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _exotelPort;
    private Task? _pump;

    public SandboxEngine(VapiExotelSandboxOptions options)
    {
        Options = options;
        Clock = new SandboxClock(options.ClockMode, options.StartTime);
        Scripts = new CallScripts(options.DefaultCallScript);
        Log = new RequestLog(options.RequestLogCapacity);
        Callbacks = new CallbackDispatcher(options.CallbackTimeout);
        Exotel = new ExotelEmulator(options, Scripts);
        Vapi = new VapiEmulator(options, Scripts, Clock.UtcNow);
    }

    public object Gate { get; } = new();

    public VapiExotelSandboxOptions Options { get; }

    public SandboxClock Clock { get; }

    public CallScripts Scripts { get; }

    public RequestLog Log { get; }

    public SandboxFaults Faults { get; } = new();

    public CallbackDispatcher Callbacks { get; }

    public ExotelEmulator Exotel { get; }

    public VapiEmulator Vapi { get; }

    public Uri ExotelBaseAddress { get; private set; } = null!;

    public Uri VapiBaseAddress { get; private set; } = null!;

    public async Task StartAsync(int exotelPort, int vapiPort, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxEngine).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();

        // Not the console lifetime: it would take over the process's Ctrl+C and SIGTERM (and swallow them, since nothing
        // here waits for the host to shut down). The application that embeds the sandbox owns its signals.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        ListenOptions? exotel = null;
        ListenOptions? vapi = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, exotelPort, o => exotel = o);
            kestrel.Listen(IPAddress.Loopback, vapiPort, o => vapi = o);
        });
        _exotelPort = exotelPort;   // known before start when fixed, so that no early request is misrouted
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);

        // Kestrel writes the bound port back into the listen options when asked for port 0.
        _exotelPort = exotel!.IPEndPoint!.Port;
        ExotelBaseAddress = new Uri($"http://127.0.0.1:{_exotelPort}/");
        VapiBaseAddress = new Uri($"http://127.0.0.1:{vapi!.IPEndPoint!.Port}/");
        Vapi.BaseAddress = VapiBaseAddress;
        if (Clock.Mode == SandboxClockMode.RealTime)
        {
            _pump = PumpAsync(_stopping.Token);
        }
    }

    /// <summary>Moves every call on to the current time and sends the callbacks that became due.</summary>
    public void Progress()
    {
        var outbox = new List<SandboxCallback>();
        lock (Gate)
        {
            var now = Clock.UtcNow;
            Exotel.Progress(now, outbox);
            Vapi.Progress(now, outbox);

            // Queued under the lock, so that a later outbox can never be queued before an earlier one.
            Callbacks.Send(outbox.OrderBy(c => c.DueAt));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Callbacks.Stop();
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(false);
        }

        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        await Callbacks.DrainAsync().ConfigureAwait(false);
        Callbacks.Dispose();
        _stopping.Dispose();
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    Progress();
                }
#pragma warning disable CA1031 // A sandbox defect must not stop time; requests still see it through their answers.
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    // Keep going.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        IEmulator emulator = context.Connection.LocalPort == _exotelPort ? Exotel : Vapi;
        var baseAddress = emulator.Api == SandboxApi.Exotel ? ExotelBaseAddress : VapiBaseAddress;
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var http = context.Request;
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await http.Body.CopyToAsync(buffer, aborted.Token).ConfigureAwait(false);
            body = buffer.ToArray();
        }

        IFormCollection? form = null;
        if (http.HasFormContentType)
        {
            http.Body = new MemoryStream(body);
            try
            {
                form = await http.ReadFormAsync(aborted.Token).ConfigureAwait(false);
            }
            catch (InvalidDataException)
            {
                form = null;   // a malformed form reads as none; the emulator refuses it
            }
        }

        var path = http.Path.Value ?? "/";
        var rule = Faults.Find(emulator.Api, http.Method, path);
        var logged = SecretScrubber.Scrub(body, http.ContentType);
        var entry = Log.Add(sequence => new SandboxRequest(
            sequence, emulator.Api, http.Method, path, http.QueryString.Value ?? string.Empty, Headers(http), logged, Clock.UtcNow, rule?.Fault.Kind));
        var request = new SandboxHttpRequest
        {
            Method = http.Method,
            Path = path,
            Query = http.Query,
            Headers = http.Headers,
            Body = body,
            ContentType = http.ContentType,
            Form = form,
            BaseAddress = baseAddress,
        };

        if (rule is { AfterProcessing: false } && !await ApplyFaultAsync(context, rule.Fault, emulator, request, entry, aborted.Token).ConfigureAwait(false))
        {
            return;
        }

        var response = Answer(emulator, request);
        if (rule is { AfterProcessing: true } && !await ApplyFaultAsync(context, rule.Fault, emulator, request, entry, aborted.Token).ConfigureAwait(false))
        {
            return;
        }

        await WriteAsync(context, response, entry, aborted.Token).ConfigureAwait(false);
    }

    private SandboxResponse Answer(IEmulator emulator, SandboxHttpRequest request)
    {
        var outbox = new List<SandboxCallback>();
        SandboxResponse response;
        lock (Gate)
        {
            var now = Clock.UtcNow;
            Exotel.Progress(now, outbox);
            Vapi.Progress(now, outbox);
            var timed = request with { Now = now };
            try
            {
                response = emulator.Handle(timed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A sandbox defect: answered in the service's own shape, so that it shows up as a 500 in the test.
                response = emulator.Refusal(timed, 500, $"Sandbox error: {e.GetType().Name}: {e.Message}", null);
            }

            // Again after the answer: a request can end a call now (the control URL), and its messages are due at once.
            Exotel.Progress(now, outbox);
            Vapi.Progress(now, outbox);
            Callbacks.Send(outbox.OrderBy(c => c.DueAt));
        }

        return response;
    }

    /// <summary>Applies a fault; returns true when the request should still be answered normally (latency).</summary>
    private async Task<bool> ApplyFaultAsync(HttpContext context, SandboxFault fault, IEmulator emulator, SandboxHttpRequest request, SandboxRequest entry, CancellationToken cancellationToken)
    {
        switch (fault.Kind)
        {
            case SandboxFaultKind.Latency:
                await Delay(fault.Delay, cancellationToken).ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    // Cut short (the client left, or the sandbox is stopping): no answer at all, never an empty 200.
                    context.Abort();
                    return false;
                }

                return true;
            case SandboxFaultKind.RateLimited or SandboxFaultKind.ServerError:
                SandboxResponse response;
                lock (Gate)
                {
                    response = emulator.Refusal(request, fault.Status, ReasonPhrases.GetReasonPhrase(fault.Status), fault.RetryAfter);
                }

                await WriteAsync(context, response, entry, cancellationToken).ConfigureAwait(false);
                return false;
            case SandboxFaultKind.DropConnection:
                context.Abort();
                return false;
            default:
                // A timeout: hold the request until the client gives up or the sandbox stops, then close it unanswered.
                await Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                context.Abort();
                return false;
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client went away or the sandbox is stopping.
        }
    }

    private static async Task WriteAsync(HttpContext context, SandboxResponse response, SandboxRequest entry, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentLength = response.Body.Length;
        entry.Status = response.Status;
        await context.Response.Body.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The headers for the log, with credentials reduced to their scheme.</summary>
    private static Dictionary<string, string> Headers(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            var value = values.ToString();
            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                value = (space > 0 ? value[..space] : "credentials") + " ***";
            }

            headers[name] = value;
        }

        return headers;
    }

    /// <summary>A host lifetime that leaves the process's signals alone: the sandbox stops when it is disposed.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
