using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CtiBridge.Api.Tests.Observability;

public class ReadinessTests
{
    /// <summary>A loopback port nobody listens on: connections to it are refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Started_while_Asterisk_is_unreachable_the_node_is_live_but_not_ready_and_says_which_connection_is_down()
    {
        using var host = new CtiApiFactory(new()
        {
            ["Sandbox:Enabled"] = "false",
            ["Asterisk:Ari:BaseUrl"] = $"http://127.0.0.1:{ClosedPort()}",
            ["Asterisk:Ari:Username"] = "cti",
            ["Asterisk:Ari:Password"] = "secret",
            ["Asterisk:Ami:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Asterisk:Ami:Username"] = "cti",
            ["Asterisk:Ami:Secret"] = "secret",
        });
        var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        // Whatever the connection attempts are doing (first attempt, backoff), ready stays 503 while nothing is connected.
        for (var i = 0; i < 3; i++)
        {
            var ready = await client.GetAsync("/health/ready");
            var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            var checks = body.GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
            Assert.Equal("Unhealthy", checks.GetProperty("asterisk-ari").GetProperty("status").GetString());
            Assert.StartsWith("ARI ", checks.GetProperty("asterisk-ari").GetProperty("description").GetString());
            Assert.Equal("Unhealthy", checks.GetProperty("asterisk-ami").GetProperty("status").GetString());
            Assert.False(checks.TryGetProperty("pbx", out _), "no simulator check when Asterisk is configured");
            await Task.Delay(300);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Without_AMI_credentials_readiness_has_no_AMI_check()
    {
        using var host = new CtiApiFactory(new()
        {
            ["Sandbox:Enabled"] = "false",
            ["Asterisk:Ari:BaseUrl"] = $"http://127.0.0.1:{ClosedPort()}",
            ["Asterisk:Ari:Username"] = "cti",
            ["Asterisk:Ari:Password"] = "secret",
        });
        var ready = await host.CreateClient().GetAsync("/health/ready");
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.True(checks.TryGetProperty("asterisk-ari", out _));
        Assert.False(checks.TryGetProperty("asterisk-ami", out _));
    }

    [Fact]
    public async Task A_configured_Redis_that_does_not_answer_leaves_the_node_ready_but_degraded()
    {
        // Calls go on without Redis (event streams fall back to memory): the node stays in the balancer, degraded.
        using var host = new CtiApiFactory(new() { ["Redis:ConnectionString"] = $"127.0.0.1:{ClosedPort()}" });
        var ready = await host.CreateClient().GetAsync("/health/ready");
        var root = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", root.GetProperty("status").GetString());
        Assert.Equal("Degraded", root.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", root.GetProperty("checks").GetProperty("pbx").GetProperty("status").GetString());
    }

    [RedisInstalledFact]
    public async Task A_configured_Redis_that_answers_is_reported_healthy()
    {
        var port = ClosedPort();
        using var redis = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(RedisInstalledFactAttribute.Binary!,
            ["--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"])
            { RedirectStandardOutput = true, UseShellExecute = false })!;
        try
        {
            using var host = new CtiApiFactory(new() { ["Redis:ConnectionString"] = $"127.0.0.1:{port}" });
            var client = host.CreateClient();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (true)
            {
                var ready = await client.GetAsync("/health/ready");
                var body = await ready.Content.ReadAsStringAsync();
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    Assert.Equal("Healthy", JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
                    break;
                }
                if (DateTime.UtcNow > deadline) Assert.Fail("not ready with a running Redis: " + body);
                await Task.Delay(200);
            }
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync();
        }
    }
}

/// <summary>A test that needs Debian's redis-server; skipped, with the reason, when it is not installed.</summary>
public sealed class RedisInstalledFactAttribute : FactAttribute
{
    public static readonly string? Binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    public RedisInstalledFactAttribute()
    {
        if (Binary is null) Skip = "redis-server is not installed (Debian package 'redis-server').";
    }
}
