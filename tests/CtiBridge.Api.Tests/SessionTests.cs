using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CtiBridge.Application.Auth;
using CtiBridge.TestSupport;

namespace CtiBridge.Api.Tests;

public class SessionTests
{
    [Theory]
    [InlineData("agent1")]
    [InlineData("1001")]
    [InlineData("agent1@demo.example")]
    [InlineData("AGENT1")]
    public async Task Demo_agent_signs_in_by_username_agent_number_or_email_and_the_token_works(string login)
    {
        using var host = new CtiApiFactory();
        var session = await host.LoginAsync("demo", login);

        Assert.Equal("Bearer", session.TokenType);
        Assert.False(string.IsNullOrEmpty(session.RefreshToken));
        Assert.Equal("agent1", session.User.Username);
        Assert.Equal(["agent"], session.User.Roles);
        Assert.Equal("1001", session.User.Extension);

        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/v1/session/me", CtiApiFactory.Json);
        Assert.Equal(session.User.UserId, me!.UserId);
        Assert.Equal("demo", me.TenantDomain);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_invalid_credentials()
    {
        using var host = new CtiApiFactory();
        await Problem.AssertAsync(await host.PostLoginAsync("demo", "agent1", "Wrong#2026"), 401, "invalid_credentials");
        await Problem.AssertAsync(await host.PostLoginAsync("demo", "nobody", "Wrong#2026"), 401, "invalid_credentials");
    }

    [Fact]
    public async Task Unknown_tenant_is_refused_with_tenant_not_found()
    {
        using var host = new CtiApiFactory();
        await Problem.AssertAsync(await host.PostLoginAsync("nosuchtenant", "agent1", CtiApiFactory.DemoPassword), 401, "tenant_not_found");
    }

    [Fact]
    public async Task Disabled_user_is_refused_with_account_disabled()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var agent3 = (await host.LoginAsync("demo", "agent3")).User;
        var update = await admin.PutAsJsonAsync($"/api/v1/admin/users/{agent3.UserId}",
            new { displayName = "Agent 3", roles = new[] { "agent" }, enabled = false, agentNumber = "1003" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        await Problem.AssertAsync(await host.PostLoginAsync("demo", "agent3", CtiApiFactory.DemoPassword), 403, "account_disabled");
        // A wrong password does not reveal that the account is disabled.
        await Problem.AssertAsync(await host.PostLoginAsync("demo", "agent3", "Wrong#2026"), 401, "invalid_credentials");
    }

    [Fact]
    public async Task Disabling_a_user_refuses_their_unexpired_access_token_at_once_on_the_API_and_the_hub_and_enabling_restores_it()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var session = await host.LoginAsync("demo", "agent3");
        var agent3 = await host.ClientForAsync("demo", "agent3");
        Assert.Equal(HttpStatusCode.OK, (await agent3.GetAsync("/api/v1/session/me")).StatusCode);
        await using var openHub = await CallCenter.TestHub.ConnectAsync(host.Server, session.AccessToken);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        openHub.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/admin/users/{session.User.UserId}",
            new { displayName = "Agent 3", roles = new[] { "agent" }, enabled = false, agentNumber = "1003" })).StatusCode);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10)); // the hub connection open before is closed
        await Problem.AssertAsync(await agent3.GetAsync("/api/v1/session/me"), 401, "unauthenticated");
        await Problem.AssertAsync(await agent3.PostAsJsonAsync("/api/v1/agent/login", new { ready = true }), 401, "unauthenticated");
        await Assert.ThrowsAnyAsync<Exception>(() => CallCenter.TestHub.ConnectAsync(host.Server, session.AccessToken));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/session/me")).StatusCode); // others are not affected

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/admin/users/{session.User.UserId}",
            new { displayName = "Agent 3", roles = new[] { "agent" }, enabled = true, agentNumber = "1003" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent3.GetAsync("/api/v1/session/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_refuses_that_sessions_access_token_at_once_and_not_another_sessions()
    {
        using var host = new CtiApiFactory();
        var signingOut = await host.ClientForAsync("demo", "agent2");
        var otherDevice = await host.ClientForAsync("demo", "agent2");
        Assert.Equal(HttpStatusCode.OK, (await signingOut.GetAsync("/api/v1/session/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await signingOut.PostAsync("/api/v1/session/logout", null)).StatusCode);

        await Problem.AssertAsync(await signingOut.GetAsync("/api/v1/session/me"), 401, "unauthenticated");
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/api/v1/session/me")).StatusCode); // its access token lives on
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_lockout_ends()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var host = new CtiApiFactory(clock: clock);
        for (var i = 1; i <= 5; i++) // the lock is not told to someone without the password (Security/SignInHygieneTests)
            await Problem.AssertAsync(await host.PostLoginAsync("demo", "agent2", "Wrong#2026"), 401, "invalid_credentials");

        // Even the right password is refused while locked.
        await Problem.AssertAsync(await host.PostLoginAsync("demo", "agent2", CtiApiFactory.DemoPassword), 403, "account_locked");
        // Other users are not affected.
        await host.LoginAsync("demo", "agent1");

        clock.Advance(TimeSpan.FromMinutes(16));
        await host.LoginAsync("demo", "agent2");
    }

    [Fact]
    public async Task An_admin_can_unlock_a_locked_account()
    {
        using var host = new CtiApiFactory();
        for (var i = 0; i < 5; i++) await host.PostLoginAsync("demo", "agent2", "Wrong#2026");
        await Problem.AssertAsync(await host.PostLoginAsync("demo", "agent2", CtiApiFactory.DemoPassword), 403, "account_locked");

        var admin = await host.ClientForAsync("demo", "admin");
        var users = await admin.GetFromJsonAsync<List<Application.Admin.UserResponse>>("/api/v1/admin/users", CtiApiFactory.Json);
        var agent2 = users!.Single(u => u.Username == "agent2");
        Assert.NotNull(agent2.LockedUntil);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/users/{agent2.Id}/unlock", null)).StatusCode);

        await host.LoginAsync("demo", "agent2");
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_a_reused_refresh_token_ends_every_session()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var host = new CtiApiFactory(clock: clock);
        var first = await host.LoginAsync("demo", "super");
        var client = host.CreateClient();

        var refreshed = await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = first.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await refreshed.Content.ReadFromJsonAsync<SessionResponse>(CtiApiFactory.Json))!;
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);

        clock.Advance(TimeSpan.FromSeconds(31)); // past the grace a lost answer gets

        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = first.RefreshToken }), 401, "invalid_credentials");
        // The reuse revoked the newer token too.
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = second.RefreshToken }), 401, "invalid_credentials");
    }

    [Fact]
    public async Task A_token_spent_moments_ago_is_exchanged_again_while_its_successor_lives_but_not_after_a_sign_out()
    {
        // A page reloaded while its refresh was in flight (or a second tab) sends the old cookie once more.
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var host = new CtiApiFactory(clock: clock);
        var first = await host.LoginAsync("demo", "super");
        var client = host.CreateClient();
        var lost = await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = first.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        var lostSession = (await lost.Content.ReadFromJsonAsync<SessionResponse>(CtiApiFactory.Json))!;

        clock.Advance(TimeSpan.FromSeconds(5));
        var again = await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = first.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var resumed = (await again.Content.ReadFromJsonAsync<SessionResponse>(CtiApiFactory.Json))!;
        Assert.NotEqual(lostSession.RefreshToken, resumed.RefreshToken);
        var me = host.CreateClient();
        me.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", resumed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/api/v1/session/me")).StatusCode);
        // The answer that was lost may still reach a second tab: its token stays good.
        var other = await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = lostSession.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        // After a sign-out nothing spent comes back, however recent.
        Assert.Equal(HttpStatusCode.NoContent, (await me.PostAsync("/api/v1/session/logout", null)).StatusCode);
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = first.RefreshToken }), 401, "invalid_credentials");
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = resumed.RefreshToken }), 401, "invalid_credentials");
    }

    [Fact]
    public async Task A_token_whose_successor_was_exchanged_too_is_a_stolen_copy_within_the_grace()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var host = new CtiApiFactory(clock: clock);
        var first = await host.LoginAsync("demo", "agent1");
        var client = host.CreateClient();
        var second = (await (await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = first.RefreshToken }))
            .Content.ReadFromJsonAsync<SessionResponse>(CtiApiFactory.Json))!;
        var third = (await (await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = second.RefreshToken }))
            .Content.ReadFromJsonAsync<SessionResponse>(CtiApiFactory.Json))!;
        clock.Advance(TimeSpan.FromSeconds(2));

        // The first token's successor is spent: whoever sends it now is not the browser that lost one answer.
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = first.RefreshToken }), 401, "invalid_credentials");
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = third.RefreshToken }), 401, "invalid_credentials");
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        using var host = new CtiApiFactory();
        var session = await host.LoginAsync("demo", "agent1");
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/session/logout", null)).StatusCode);
        await Problem.AssertAsync(await host.CreateClient().PostAsJsonAsync("/api/v1/session/refresh", new { refreshToken = session.RefreshToken }), 401, "invalid_credentials");
    }

    [Fact]
    public async Task Without_a_token_me_is_401_problem_details()
    {
        using var host = new CtiApiFactory();
        await Problem.AssertAsync(await host.CreateClient().GetAsync("/api/v1/session/me"), 401, "unauthenticated");
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        await Problem.AssertAsync(await client.GetAsync("/api/v1/session/me"), 401, "unauthenticated");
    }

    [Fact]
    public async Task A_valid_password_change_is_accepted_and_the_new_password_signs_in()
    {
        using var host = new CtiApiFactory();
        var client = await host.ClientForAsync("demo", "agent1");
        await Problem.AssertAsync(await client.PostAsJsonAsync("/api/v1/session/password", new { currentPassword = "Wrong#2026", newPassword = "Better-Lantern-2027" }), 400, "invalid_credentials");

        var ok = await client.PostAsJsonAsync("/api/v1/session/password", new { currentPassword = CtiApiFactory.DemoPassword, newPassword = "Better-Lantern-2027" });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        await Problem.AssertAsync(await host.PostLoginAsync("demo", "agent1", CtiApiFactory.DemoPassword), 401, "invalid_credentials");
        await host.LoginAsync("demo", "agent1", "Better-Lantern-2027");
    }

    [Fact]
    public async Task Too_many_login_attempts_from_one_address_for_one_tenant_are_throttled()
    {
        using var host = new CtiApiFactory(new() { ["RateLimiting:Login:PermitLimit"] = "3" });
        for (var i = 0; i < 3; i++) await host.PostLoginAsync("demo", "nobody", "Wrong#2026");
        var throttled = await host.PostLoginAsync("demo", "agent1", CtiApiFactory.DemoPassword);
        await Problem.AssertAsync(throttled, 429, "rate_limited");
        Assert.True(throttled.Headers.RetryAfter is not null);
    }
}
