using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace VapiExotel.Tests.Shared;

/// <summary>One request a <see cref="CallbackReceiver"/> received.</summary>
public sealed record ReceivedCallback(string Method, string PathAndQuery, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A webhook receiver on a loopback port, for tests of status callbacks and server messages. It answers
/// <see cref="StatusToAnswer"/> (200 by default) and records every request.
/// </summary>
public sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedCallback> _received = new();

    private CallbackReceiver(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The receiver's base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The status every request is answered with.</summary>
    public HttpStatusCode StatusToAnswer { get; set; } = HttpStatusCode.OK;

    /// <summary>The requests received, in order.</summary>
    public IReadOnlyList<ReceivedCallback> Received => [.. _received];

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions? listen = null;
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => listen = o));
        var app = builder.Build();
        CallbackReceiver? receiver = null;
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver!._received.Enqueue(new ReceivedCallback(
                context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentType, headers, buffer.ToArray()));
            context.Response.StatusCode = (int)receiver.StatusToAnswer;
        });
        await app.StartAsync();
        receiver = new CallbackReceiver(app, new Uri($"http://127.0.0.1:{listen!.IPEndPoint!.Port}/"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
