using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Api.Wallboards;
using CtiBridge.Application.Supervision.Wallboards;
using Microsoft.AspNetCore.SignalR.Client;

namespace CtiBridge.Api.Tests.Supervision;

/// <summary>The wallboard: keys managed by admins, the board and its hub opened with a key only, refused without one or revoked.</summary>
public class WallboardApiTests
{
    private static async Task<(Guid Sales, Guid Support)> GroupsAsync(CtiApiFactory host)
    {
        var admin = await host.ClientForAsync("demo", "admin");
        var groups = await (await admin.GetAsync("/api/v1/admin/skill-groups")).ReadAsync<List<JsonElement>>();
        Guid Id(string name) => groups.Single(g => g.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
        return (Id("Sales"), Id("Support"));
    }

    private static async Task<CreatedWallboardKey> CreateKeyAsync(CtiApiFactory host, params Guid[] groups)
    {
        var admin = await host.ClientForAsync("demo", "admin");
        var created = await admin.PostAsJsonAsync("/api/v1/admin/wallboard-keys", new { name = "Floor 2 screen", skillGroupIds = groups });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.ReadAsync<CreatedWallboardKey>();
    }

    private static async Task<HubConnection> ConnectAsync(CtiApiFactory host, string? key)
    {
        var url = new Uri(host.Server.BaseAddress, "/hubs/wallboard" + (key is null ? "" : "?key=" + Uri.EscapeDataString(key)));
        var connection = new HubConnectionBuilder()
            .WithUrl(url, TestHub.Over(host.Server, _ => { }))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    [Fact]
    public async Task A_key_opens_the_board_of_its_groups_without_a_sign_in_and_its_hub_carries_their_figures_live()
    {
        using var host = new CtiApiFactory();
        var (sales, support) = await GroupsAsync(host);
        var created = await CreateKeyAsync(host, sales);
        Assert.StartsWith("wb_", created.Key);
        Assert.Equal([sales], created.Info.SkillGroupIds);

        var anonymous = host.CreateClient();
        var board = await (await anonymous.GetAsync("/api/v1/wallboard?key=" + Uri.EscapeDataString(created.Key))).ReadAsync<WallboardView>();
        Assert.Equal("Floor 2 screen", board.Name);
        Assert.Equal(["Sales"], board.SkillGroups.Select(g => g.Name));

        await using var hub = await ConnectAsync(host, created.Key);
        var received = new ConcurrentQueue<JsonElement>();
        hub.On<JsonElement>("skillGroupStatsChanged", e => received.Enqueue(e));
        var first = await hub.InvokeAsync<WallboardView>("Board");
        Assert.Equal(0, Assert.Single(first.SkillGroups).Waiting);

        var super = await host.ClientForAsync("demo", "super");
        await super.PlaceCallAsync("Sales", from: "+4930555123");
        await super.PlaceCallAsync("Support", from: "+4930555124");
        JsonElement live = default;
        for (var i = 0; i < 250 && live.ValueKind == JsonValueKind.Undefined; i++)
        {
            live = received.FirstOrDefault(e => e.GetProperty("data").GetProperty("stats").GetProperty("waiting").GetInt32() == 1);
            await Task.Delay(20);
        }
        Assert.NotEqual(JsonValueKind.Undefined, live.ValueKind);
        var stats = live.GetProperty("data").GetProperty("stats");
        Assert.Equal("Sales", stats.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("callers").ValueKind); // no callers' numbers on a wall screen
        await Task.Delay(400); // a Support message would have come by now
        Assert.All(received, e => Assert.Equal(sales, e.GetProperty("data").GetProperty("stats").GetProperty("skillGroupId").GetGuid()));

        // The header works as the query string does; the REST board has no numbers either.
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/wallboard");
        request.Headers.Add("X-Wallboard-Key", created.Key);
        var byHeader = await (await anonymous.SendAsync(request)).ReadAsync<WallboardView>();
        Assert.Equal(1, byHeader.SkillGroups[0].Waiting);
        Assert.Null(byHeader.SkillGroups[0].Callers);
    }

    [Fact]
    public async Task The_board_is_refused_without_a_valid_key_and_a_revoked_key_stops_working_and_closes_its_screens()
    {
        using var host = new CtiApiFactory();
        var (sales, _) = await GroupsAsync(host);
        var created = await CreateKeyAsync(host, sales);
        var anonymous = host.CreateClient();

        await Problem.AssertAsync(await anonymous.GetAsync("/api/v1/wallboard"), 401, "invalid_wallboard_key");
        await Problem.AssertAsync(await anonymous.GetAsync("/api/v1/wallboard?key=wb_notavalidkeyatallxxxxxxxxxxxx"), 401, "invalid_wallboard_key");
        await Problem.AssertAsync(await anonymous.GetAsync("/api/v1/wallboard?key=" + Uri.EscapeDataString(created.Key[..^2] + "xx")), 401, "invalid_wallboard_key");
        await Assert.ThrowsAnyAsync<Exception>(async () => await (await ConnectAsync(host, null)).InvokeAsync<WallboardView>("Board"));
        await Assert.ThrowsAnyAsync<Exception>(async () => await (await ConnectAsync(host, "wb_nope")).InvokeAsync<WallboardView>("Board"));

        await using var screen = await ConnectAsync(host, created.Key);
        var closed = new TaskCompletionSource();
        screen.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        Assert.Single((await screen.InvokeAsync<WallboardView>("Board")).SkillGroups);

        var admin = await host.ClientForAsync("demo", "admin");
        await admin.DeleteAsync($"/api/v1/admin/wallboard-keys/{created.Info.Id}").OkAsync();
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Problem.AssertAsync(await anonymous.GetAsync("/api/v1/wallboard?key=" + Uri.EscapeDataString(created.Key)), 401, "invalid_wallboard_key");
        await Assert.ThrowsAnyAsync<Exception>(async () => await (await ConnectAsync(host, created.Key)).InvokeAsync<WallboardView>("Board"));
        var listed = await (await admin.GetAsync("/api/v1/admin/wallboard-keys")).ReadAsync<List<WallboardKeyInfo>>();
        Assert.NotNull(Assert.Single(listed).RevokedAt);
    }

    [Fact]
    public async Task Only_admins_manage_keys_for_their_own_tenants_groups()
    {
        using var host = new CtiApiFactory();
        var (sales, _) = await GroupsAsync(host);
        var super = await host.ClientForAsync("demo", "super");
        await Problem.AssertAsync(await super.PostAsJsonAsync("/api/v1/admin/wallboard-keys", new { name = "x", skillGroupIds = new[] { sales } }), 403, "forbidden");
        await Problem.AssertAsync(await super.GetAsync("/api/v1/admin/wallboard-keys"), 403, "forbidden");
        var admin = await host.ClientForAsync("demo", "admin");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/wallboard-keys", new { name = "x", skillGroupIds = new[] { Guid.NewGuid() } }), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/wallboard-keys", new { name = "x", skillGroupIds = Array.Empty<Guid>() }), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/wallboard-keys", new { skillGroupIds = new[] { sales } }), 400, "validation_failed");
        await Problem.AssertAsync(await admin.DeleteAsync($"/api/v1/admin/wallboard-keys/{Guid.NewGuid()}"), 404, "not_found");
    }
}
