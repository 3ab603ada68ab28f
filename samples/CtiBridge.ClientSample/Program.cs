using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CtiBridge.ClientSample;

/// <summary>
/// An integrator's whole loop: with an API key (created by an admin, scopes read + call-control) it finds an agent, follows
/// the agent's events on <c>/hubs/agent</c>, resumes after a disconnect, and answers each call offered to the agent.
/// <c>CTI_API_KEY=ctk_… dotnet run --project samples/CtiBridge.ClientSample -- [baseUrl=http://localhost:5000] [extension=1001]</c>
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var baseUri = new Uri(args.Length > 0 ? args[0] : "http://localhost:5000");
        var extension = args.Length > 1 ? args[1] : "1001";
        // 1. Sign in: an API key is sent with every request (kept out of the command line, where others can read it).
        var apiKey = Environment.GetEnvironmentVariable("CTI_API_KEY");
        if (string.IsNullOrEmpty(apiKey))
        {
            Console.Error.WriteLine("Set CTI_API_KEY to an API key of your tenant (POST /api/v1/admin/api-keys, scopes read and call-control).");
            return 2;
        }
        using var http = new HttpClient { BaseAddress = baseUri };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var found = await http.GetAsync($"/api/v1/directory?search={Uri.EscapeDataString(extension)}");
        if (!found.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"refused: {(int)found.StatusCode} {await found.Content.ReadAsStringAsync()}");
            return 1;
        }
        var agent = (await found.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .FirstOrDefault(e => e.GetProperty("role").GetString() == "agent" && e.GetProperty("extension").GetString() == extension);
        if (agent.ValueKind != JsonValueKind.Object)
        {
            Console.Error.WriteLine($"no agent with extension {extension}");
            return 1;
        }
        var agentId = agent.GetProperty("agentId").GetGuid();
        Console.WriteLine($"following {agent.GetProperty("displayName").GetString()} ({agentId})");

        // 2. Subscribe: the agent's resumable stream and the statistics of the agent's skill groups.
        await using var connection = CtiHub.ForApiKey(baseUri, apiKey, agentId);
        var client = new IntegratorLoop(connection, http, agentId, Console.Out);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        await client.StartAsync(stop.Token);
        Console.WriteLine("following the agent's events; Ctrl+C to stop");
        try { await Task.Delay(Timeout.Infinite, stop.Token); }
        catch (OperationCanceledException) { }
        return 0;
    }
}
