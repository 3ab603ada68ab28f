using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Application.Events;
using CtiBridge.Application.Persistence;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.CallCenter;

/// <summary>Helpers for call-center API tests on the sandbox demo tenant (agent1/agent2 in Sales, agent3 + agent2 in Support, super leads all three).</summary>
public static class Kit
{
    public static readonly JsonSerializerOptions Json = CtiApiFactory.Json;

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static async Task OkAsync(this Task<HttpResponseMessage> request, HttpStatusCode expected = HttpStatusCode.NoContent)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url) => client.PostAsync(url, null);

    public static async Task<AgentView> LoginReadyAsync(this HttpClient agent) =>
        await (await agent.PostAsJsonAsync("/api/v1/agent/login", new { ready = true })).ReadAsync<AgentView>();

    public static async Task<string> PlaceCallAsync(this HttpClient client, string group = "Sales", string from = "+4930555123", object? data = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/sandbox/calls", new { skillGroup = group, callerNumber = from, attachedData = data });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<JsonElement>()).GetProperty("legId").GetString()!;
    }

    /// <summary>Polls until the agent has exactly one live call matching <paramref name="predicate"/>.</summary>
    public static async Task<CallView> WaitForCallAsync(this HttpClient agent, Func<CallView, bool>? predicate = null, string prefix = "/api/v1/agent")
    {
        for (var i = 0; i < 100; i++)
        {
            var calls = await (await agent.GetAsync(prefix + "/calls")).ReadAsync<List<CallView>>();
            var match = calls.FirstOrDefault(c => predicate?.Invoke(c) ?? true);
            if (match is not null) return match;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException("no matching call");
    }

    public static async Task<AgentView> StateAsync(this HttpClient agent) =>
        await (await agent.GetAsync("/api/v1/agent/state")).ReadAsync<AgentView>();

    public static async Task<Guid> UserIdAsync(this CtiApiFactory host, string login) => (await host.LoginAsync("demo", login)).User.UserId;

    /// <summary>Creates an API key with the given scopes directly in the database and returns a client sending it.</summary>
    public static async Task<HttpClient> ApiKeyClientAsync(this CtiApiFactory host, string domain, ApiKeyScopes scopes)
    {
        var key = CtiBridge.Api.CallCenter.ApiKeys.NewKey();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>().ScopeToSystem();
            var tenant = db.Tenants.Single(t => t.Domain == domain);
            await scope.ServiceProvider.GetRequiredService<CallCenterData>().CreateApiKeyAsync(tenant.Id, "test", CtiBridge.Api.CallCenter.ApiKeys.PrefixOf(key)!,
                CtiBridge.Api.CallCenter.ApiKeys.Hash(key), scopes, DateTimeOffset.UtcNow, null);
        }
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static async Task<T> DbAsync<T>(this CtiApiFactory host, Func<CtiDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CtiDbContext>().ScopeToSystem());
    }

    public static async Task FlushJournalAsync(this CtiApiFactory host) => await host.Services.GetRequiredService<DatabaseJournal>().FlushAsync();
}
