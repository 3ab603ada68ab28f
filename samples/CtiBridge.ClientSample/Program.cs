using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.ClientSample;

/// <summary>
/// Signs in, follows the user's event stream on <c>/hubs/agent</c> and prints it; resumes after a reconnect.
/// <c>dotnet run --project samples/CtiBridge.ClientSample -- [baseUrl=http://localhost:5000] [domain=demo] [login=agent1] [password=Quiet-Harbor-2026]</c>
/// </summary>
internal static class Program
{
    private static readonly string[] EventNames =
        ["agentStateChanged", "callOffered", "callStateChanged", "participantsChanged", "callEnded", "skillGroupStatsChanged", "phoneRegistrationChanged", "pbxConnectionChanged"];

    private static async Task<int> Main(string[] args)
    {
        var baseUri = new Uri(args.Length > 0 ? args[0] : "http://localhost:5000");
        using var http = new HttpClient { BaseAddress = baseUri };
        var login = await http.PostAsJsonAsync("/api/v1/session/login",
            new { domain = Arg(args, 1, "demo"), login = Arg(args, 2, "agent1"), password = Arg(args, 3, "Quiet-Harbor-2026") });
        if (!login.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"login refused: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
            return 1;
        }
        // Access tokens last 15 minutes: a long-running client refreshes with POST /api/v1/session/refresh and
        // hands the newest token to the factory, which reads it at every (re)connect.
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var hubUri = new UriBuilder(baseUri) { Scheme = baseUri.Scheme == "https" ? "wss" : "ws", Path = "/hubs/agent" }.Uri;

        var builder = new HubConnectionBuilder().WithAutomaticReconnect();
        builder.Services.AddSingleton<IConnectionFactory>(WebSocketConnectionFactory.For(hubUri, () => token));
        builder.Services.AddSingleton<System.Net.EndPoint>(new UriEndPoint(hubUri));
        builder.AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        await using var connection = builder.Build();

        var stream = new AgentEventStream();
        var gate = new SemaphoreSlim(1, 1); // live events and Resume answers are applied one at a time
        foreach (var name in EventNames)
            connection.On<JsonElement>(name, async e =>
            {
                await gate.WaitAsync();
                try { if (stream.Apply(e)) Console.WriteLine($"{e.GetProperty("seq").GetInt64(),5} {name}: {e.GetProperty("data")}"); }
                finally { gate.Release(); }
            });
        async Task ResumeAsync()
        {
            var result = await connection.InvokeAsync<JsonElement>("Resume", stream.Epoch, stream.LastSeq);
            await gate.WaitAsync();
            try { stream.ApplyResume(result); }
            finally { gate.Release(); }
            Console.WriteLine($"resumed at {stream.Epoch}/{stream.LastSeq}: agent {stream.Agent?.GetProperty("status")}, {stream.Calls.Count} live call(s)");
        }
        connection.Reconnected += _ => ResumeAsync();

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        await connection.StartAsync(stop.Token);
        await ResumeAsync();
        Console.WriteLine("following the event stream; Ctrl+C to stop");
        try { await Task.Delay(Timeout.Infinite, stop.Token); }
        catch (OperationCanceledException) { }
        return 0;
    }

    private static string Arg(string[] args, int i, string fallback) => args.Length > i ? args[i] : fallback;
}
