using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace VapiExotel.Benchmarks.Overhead;

/// <summary>
/// A tiny Kestrel server on 127.0.0.1 answering canned bodies for the four requests the overhead benchmarks make, as
/// cheaply as Kestrel can, so that what differs between the SDK and the bare client is the client.
/// </summary>
public sealed class CannedServer : IAsyncDisposable
{
    /// <summary>The environment variable through which the BenchmarkDotNet host hands its server to the benchmark processes.</summary>
    public const string AddressVariable = "VX_BENCH_SERVER";

    private readonly WebApplication _app;
    private long _requests;

    private CannedServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address { get; }

    /// <summary>How many requests it has answered.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Starts a server on an ephemeral loopback port (or <paramref name="port"/>).</summary>
    public static async Task<CannedServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        CannedServer? server = null;
        app.Run(context => server!.AnswerAsync(context));
        await app.StartAsync();
        var bound = new Uri(app.Urls.First());
        server = new CannedServer(app, new Uri($"http://127.0.0.1:{bound.Port}/"));
        return server;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        byte[]? body = null;
        var status = 200;
        if (HttpMethods.IsGet(request.Method))
        {
            if (path.StartsWith("/v2/accounts/", StringComparison.Ordinal) && path.EndsWith("/trunks", StringComparison.Ordinal))
            {
                body = CannedBodies.TrunkList;
            }
            else if (path.StartsWith("/call/", StringComparison.Ordinal))
            {
                body = CannedBodies.VapiCall;
            }
        }
        else if (HttpMethods.IsPost(request.Method))
        {
            await request.Body.CopyToAsync(Stream.Null);   // read the body, as a real server would
            if (path.StartsWith("/v2/accounts/", StringComparison.Ordinal) && path.EndsWith("/phone-numbers", StringComparison.Ordinal))
            {
                body = CannedBodies.PhoneMapping;
            }
            else if (path == "/call")
            {
                body = CannedBodies.VapiCallCreated;
                status = 201;
            }
        }

        if (body is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
