using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CtiBridge.Application.Admin;
using CtiBridge.Application.Audit;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Data.Audit;
using CtiBridge.Data.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.Audit;

/// <summary>Admin changes write the audit log; admins read it with filters and paging; others cannot.</summary>
public class AuditLogTests
{
    private static async Task<AuditLogPage> QueryAsync(HttpClient admin, string query) =>
        (await admin.GetFromJsonAsync<AuditLogPage>("/api/v1/admin/audit" + query, CtiApiFactory.Json))!;

    [Fact]
    public async Task Admin_changes_are_recorded_with_who_what_and_before_after_and_read_back_filtered_and_paged()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var adminId = (await admin.GetFromJsonAsync<List<UserResponse>>("/api/v1/admin/users", CtiApiFactory.Json))!.Single(u => u.Username == "admin").Id;
        Assert.Equal(0, (await QueryAsync(admin, "")).Total); // seeding and sign-ins are not admin changes

        var created = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = "zoe", displayName = "Zoe", roles = new[] { "agent" }, password = "Lantern-Orchard-Pebble" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var zoe = (await created.Content.ReadFromJsonAsync<UserResponse>(CtiApiFactory.Json))!;
        var updated = await admin.PutAsJsonAsync($"/api/v1/admin/users/{zoe.Id}", new { displayName = "Zoe B", roles = new[] { "agent" }, enabled = true });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var all = await QueryAsync(admin, $"?targetType=user&targetId={zoe.Id}");
        Assert.Equal(2, all.Total);
        var (update, create) = (all.Items[0], all.Items[1]); // newest first
        Assert.Equal("user.created", create.Action);
        Assert.Equal("user.updated", update.Action);
        Assert.All(all.Items, e =>
        {
            Assert.Equal(AuditActorType.User, e.ActorType);
            Assert.Equal(adminId, e.ActorId);
            Assert.Equal("admin", e.ActorName);
            Assert.Equal(zoe.Id.ToString(), e.TargetId);
        });
        Assert.Null(create.Before);
        var createdAfter = JsonDocument.Parse(create.After!).RootElement;
        Assert.Equal("zoe", createdAfter.GetProperty("Username").GetString());
        Assert.Equal("***", createdAfter.GetProperty("PasswordHash").GetString()); // never the hash
        Assert.Equal("Zoe", JsonDocument.Parse(update.Before!).RootElement.GetProperty("DisplayName").GetString());
        Assert.Equal("Zoe B", JsonDocument.Parse(update.After!).RootElement.GetProperty("DisplayName").GetString());

        // Filters and paging.
        Assert.Equal(["user.updated"], (await QueryAsync(admin, "?action=user.updated")).Items.Select(e => e.Action));
        Assert.Equal(2, (await QueryAsync(admin, $"?actorId={adminId}")).Total);
        Assert.Equal(0, (await QueryAsync(admin, $"?actorId={Guid.NewGuid()}")).Total);
        var page1 = await QueryAsync(admin, "?pageSize=1&page=1");
        var page2 = await QueryAsync(admin, "?pageSize=1&page=2");
        Assert.Equal(2, page1.Total);
        Assert.Equal(update.Id, Assert.Single(page1.Items).Id);
        Assert.Equal(create.Id, Assert.Single(page2.Items).Id);
        Assert.Empty((await QueryAsync(admin, "?pageSize=1&page=3")).Items);
        var from = Uri.EscapeDataString(update.At.AddTicks(1).ToString("O"));
        Assert.Equal(0, (await QueryAsync(admin, $"?from={from}")).Total);

        // Another tenant's admin sees none of it.
        var other = await host.CreateTenantAsync("other-audit");
        Assert.DoesNotContain((await QueryAsync(other, "")).Items, e => e.TargetId == zoe.Id.ToString());
    }

    [Fact]
    public async Task A_refused_change_writes_no_entry()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        await Problem.AssertAsync(await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = "agent1", displayName = "Dup", roles = new[] { "agent" }, password = "Lantern-Orchard-Pebble" }), 409, "conflict");
        Assert.Equal(0, (await QueryAsync(admin, "")).Total);
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log_and_bad_filters_are_refused()
    {
        using var host = new CtiApiFactory();
        foreach (var login in new[] { "agent1", "super" })
            await Problem.AssertAsync(await (await host.ClientForAsync("demo", login)).GetAsync("/api/v1/admin/audit"), 403, "forbidden");
        await Problem.AssertAsync(await host.CreateClient().GetAsync("/api/v1/admin/audit"), 401, "unauthenticated");

        var admin = await host.ClientForAsync("demo", "admin");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/admin/audit?pageSize=0"), 400, "validation_failed");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/admin/audit?pageSize=201"), 400, "validation_failed");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/admin/audit?page=0"), 400, "validation_failed");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/admin/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400, "validation_failed");
        await Problem.AssertAsync(await admin.GetAsync("/api/v1/admin/audit?from=yesterday"), 400, "validation_failed");
    }

    /// <summary>Every request of this host comes from <see cref="ClientIp"/> (the test server has no remote address).</summary>
    private sealed class FromClientIp : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) => { http.Connection.RemoteIpAddress = ClientIp; return nextMiddleware(http); });
            next(app);
        };
    }

    private static readonly IPAddress ClientIp = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task An_entry_names_the_tenant_and_the_client_address()
    {
        using var root = new CtiApiFactory();
        using var host = root.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, FromClientIp>()));
        var login = await host.CreateClient().PostAsJsonAsync("/api/v1/session/login", new { domain = "demo", login = "admin", password = CtiApiFactory.DemoPassword });
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        var blocked = await admin.PostAsJsonAsync("/api/v1/admin/blocklist", new { number = "+4940999001", direction = "Inbound" });
        Assert.Equal(HttpStatusCode.Created, blocked.StatusCode);

        var entry = Assert.Single((await QueryAsync(admin, "?action=blocked_number.created")).Items);
        Assert.Equal(AuditActorType.User, entry.ActorType);
        Assert.Equal("admin", entry.ActorName);
        Assert.Equal("203.0.113.7", entry.IpAddress);
        Assert.Contains("\"Number\":", entry.After);
        var (stored, demoId) = await DbAsync(host, async db =>
        {
            db.ScopeToSystem();
            return (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.AuditEntries, a => a.Id == entry.Id),
                await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Tenants.Where(t => t.Domain == "demo").Select(t => t.Id)));
        });
        Assert.Equal(demoId, stored.TenantId);
    }

    private static async Task<T> DbAsync<T>(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, Func<CtiBridge.Data.CtiDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CtiBridge.Data.CtiDbContext>());
    }
}
