using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Asterisk.Tests.Fakes;

/// <summary>A loopback ARI server on Kestrel: the events WebSocket and a scriptable REST surface.</summary>
internal sealed class FakeAriServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeAriServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>When true the WebSocket upgrade answers 401.</summary>
    public bool RejectCredentials { get; set; }

    public string ExpectedAuthorization { get; set; } = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("cti:secret"));

    public Channel<FakeAriSocket> Sockets { get; } = Channel.CreateUnbounded<FakeAriSocket>();

    /// <summary>Every REST request: "METHOD /ari/path?query" plus its body.</summary>
    public TestHelpers.Collector<(string Request, string Body)> Requests { get; } = new();

    /// <summary>Answers REST requests; default 204.</summary>
    public Func<HttpContext, string, Task> Rest { get; set; } = (ctx, _) => { ctx.Response.StatusCode = 204; return Task.CompletedTask; };

    public static async Task<FakeAriServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeAriServer(app);
        app.UseWebSockets();
        app.Map("/ari/events", server.EventsAsync);
        app.Map("/ari/{**path}", server.RestAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address;
        return server;
    }

    private async Task EventsAsync(HttpContext ctx)
    {
        if (RejectCredentials || ctx.Request.Headers.Authorization.ToString() != ExpectedAuthorization)
        {
            ctx.Response.StatusCode = 401;
            return;
        }
        if (!ctx.WebSockets.IsWebSocketRequest) { ctx.Response.StatusCode = 400; return; }
        var ws = await ctx.WebSockets.AcceptWebSocketAsync();
        var socket = new FakeAriSocket(ctx, ws);
        Sockets.Writer.TryWrite(socket);
        await socket.RunAsync();
    }

    private async Task RestAsync(HttpContext ctx)
    {
        string body;
        using (var reader = new StreamReader(ctx.Request.Body)) body = await reader.ReadToEndAsync();
        var line = $"{ctx.Request.Method} {ctx.Request.Path}{ctx.Request.QueryString}";
        Requests.Add((line, body));
        await Rest(ctx, line);
    }

    public async ValueTask DisposeAsync()
    {
        while (Sockets.Reader.TryRead(out var s)) s.Drop();
        using (var cts = new CancellationTokenSource(TestHelpers.Guard)) await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}

internal sealed class FakeAriSocket(HttpContext context, WebSocket socket)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _send = new(1, 1);

    public string Query => context.Request.QueryString.ToString();

    internal async Task RunAsync()
    {
        // Read (and discard) until the client closes, so close frames are seen.
        var buf = new byte[1024];
        var reading = Task.Run(async () =>
        {
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var r = await socket.ReceiveAsync(buf, CancellationToken.None);
                    if (r.MessageType == WebSocketMessageType.Close) { _done.TrySetResult(); return; }
                }
            }
            catch (Exception) { _done.TrySetResult(); }
        });
        await _done.Task;
        await Task.WhenAny(reading, Task.Delay(100));
    }

    public async Task SendAsync(string json)
    {
        await _send.WaitAsync();
        try { await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None); }
        finally { _send.Release(); }
    }

    /// <summary>Sends one message as many small frames ("a slow server").</summary>
    public async Task SendFragmentedAsync(string json, int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        await _send.WaitAsync();
        try
        {
            for (int i = 0; i < bytes.Length; i += chunk)
            {
                int n = Math.Min(chunk, bytes.Length - i);
                await socket.SendAsync(bytes.AsMemory(i, n), WebSocketMessageType.Text, i + n >= bytes.Length, CancellationToken.None);
                await Task.Yield();
            }
        }
        finally { _send.Release(); }
    }

    /// <summary>Sends the first part of a message (no end-of-message) and then drops the TCP connection.</summary>
    public async Task SendHalfThenDropAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        await socket.SendAsync(bytes.AsMemory(0, bytes.Length / 2), WebSocketMessageType.Text, false, CancellationToken.None);
        Drop();
    }

    /// <summary>Drops the connection without a close handshake.</summary>
    public void Drop()
    {
        try { context.Abort(); }
        catch (ObjectDisposedException) { } // the client closed it already and the request is over
        _done.TrySetResult();
    }

    /// <summary>Closes with a close frame.</summary>
    public async Task CloseAsync()
    {
        try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None); } catch (Exception) { }
        _done.TrySetResult();
    }
}
