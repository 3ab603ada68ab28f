using System.IO.Pipelines;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace CtiBridge.ClientSample;

/// <summary>
/// SignalR's WebSockets transport for <c>HubConnection</c> (package Microsoft.AspNetCore.SignalR.Client.Core): the usual
/// <c>WithUrl</c> comes from Microsoft.AspNetCore.Http.Connections.Client, which is not always at hand. CtiBridge's hub
/// accepts a WebSocket straight away (no negotiate request), with the access token in <c>access_token</c>.
/// </summary>
public sealed class WebSocketConnectionFactory(Func<CancellationToken, Task<WebSocket>> connect) : IConnectionFactory
{
    /// <summary>A factory that opens a <see cref="ClientWebSocket"/> to <paramref name="hubUri"/> (ws:// or wss://) with a fresh token each time.</summary>
    public static WebSocketConnectionFactory For(Uri hubUri, Func<string> accessToken) => new(async ct =>
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(new Uri($"{hubUri}?access_token={Uri.EscapeDataString(accessToken())}"), ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    });

    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
        new WebSocketConnection(await connect(cancellationToken));

    /// <summary>One connection: what arrives on the socket goes into the input pipe, what SignalR writes goes out as text messages.</summary>
    private sealed class WebSocketConnection : ConnectionContext
    {
        private readonly WebSocket _socket;
        private readonly Pipe _input = new();
        private readonly Pipe _output = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _receiving;
        private readonly Task _sending;

        public WebSocketConnection(WebSocket socket)
        {
            _socket = socket;
            Transport = new Duplex(_input.Reader, _output.Writer);
            _receiving = ReceiveAsync();
            _sending = SendAsync();
        }

        public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();
        public override IDuplexPipe Transport { get; set; }

        private async Task ReceiveAsync()
        {
            Exception? error = null;
            try
            {
                while (true)
                {
                    var memory = _input.Writer.GetMemory(4096);
                    var result = await _socket.ReceiveAsync(memory, _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close) break;
                    _input.Writer.Advance(result.Count);
                    if (result.EndOfMessage && (await _input.Writer.FlushAsync()).IsCompleted) break;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
            catch (Exception ex) when (ex is WebSocketException or IOException) { error = ex; } // HubConnection reports it in Closed
            await _input.Writer.CompleteAsync(error);
        }

        private async Task SendAsync()
        {
            Exception? error = null;
            try
            {
                while (true)
                {
                    var result = await _output.Reader.ReadAsync(_stop.Token);
                    foreach (var segment in result.Buffer)
                        await _socket.SendAsync(segment, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
                    _output.Reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted) break;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
            catch (Exception ex) when (ex is WebSocketException or IOException) { error = ex; }
            await _output.Reader.CompleteAsync(error);
        }

        public override async ValueTask DisposeAsync()
        {
            if (_socket.State == WebSocketState.Open)
            {
                try { await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None); }
                catch (WebSocketException) { } // the server went first
            }
            _stop.Cancel();
            await Task.WhenAll(_receiving, _sending);
            _socket.Dispose();
            _stop.Dispose();
        }

        private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
        {
            public PipeReader Input { get; } = input;
            public PipeWriter Output { get; } = output;
        }
    }
}
