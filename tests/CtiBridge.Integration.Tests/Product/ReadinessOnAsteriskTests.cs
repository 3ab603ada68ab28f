using System.Net;
using System.Text.Json;
using CtiBridge.Integration.Tests.Asterisk;

namespace CtiBridge.Integration.Tests.Product;

/// <summary>
/// Readiness of the production Api follows its Asterisk connections on a real Asterisk: 503 while Asterisk has never
/// been reachable, 200 once ARI and AMI are connected, 503 again when Asterisk stops — liveness 200 throughout. The test
/// starts and stops its own Asterisk (same ports and credentials each time), in the real-Asterisk collection so it does
/// not compete with the other real-Asterisk tests.
/// </summary>
[Collection(RealAsteriskCollection.Name)]
public sealed class ReadinessOnAsteriskTests
{
    [AsteriskInstalledFact]
    public async Task Ready_is_503_until_Asterisk_is_connected_200_while_it_is_and_503_again_when_it_stops()
    {
        var pbx = new RealAsterisk();
        await pbx.InitializeAsync();
        try
        {
            await pbx.StopAsync();
            using var host = new ProductHost(pbx, new()
            {
                // Retry every second at most, so reconnecting after Asterisk comes back is quick.
                ["Asterisk:Ari:Reconnect:MaxDelay"] = "00:00:01",
                ["Asterisk:Ami:Reconnect:MaxDelay"] = "00:00:01",
            });
            var client = host.CreateClient();

            // Asterisk down from the start: never connected is not ready.
            for (var i = 0; i < 5; i++)
            {
                var (status, checks) = await ReadyAsync(client);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                Assert.Equal("Unhealthy", checks.GetProperty("asterisk-ari").GetProperty("status").GetString());
                Assert.Equal("Unhealthy", checks.GetProperty("asterisk-ami").GetProperty("status").GetString());
                Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
                await Task.Delay(200);
            }

            await pbx.StartAsync();
            var up = await ReadyUntilAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(30));
            Assert.Equal("Healthy", up.GetProperty("asterisk-ari").GetProperty("status").GetString());
            Assert.Equal("Healthy", up.GetProperty("asterisk-ami").GetProperty("status").GetString());

            await pbx.StopAsync();
            // Each connection notices on its own (the ARI WebSocket closes, the AMI session ends): 503 as soon as one is
            // down, both reported unhealthy soon after.
            await ReadyUntilAsync(client, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
            await ReadyUntilAsync(client, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30), c =>
                c.GetProperty("asterisk-ari").GetProperty("status").GetString() == "Unhealthy" &&
                c.GetProperty("asterisk-ami").GetProperty("status").GetString() == "Unhealthy");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await pbx.DisposeAsync();
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Checks)> ReadyAsync(HttpClient client)
    {
        using var r = await client.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
        return (r.StatusCode, body.GetProperty("checks"));
    }

    /// <summary>Polls readiness until it answers <paramref name="expected"/> (and <paramref name="also"/> holds); a failure guard, not a sleep.</summary>
    private static async Task<JsonElement> ReadyUntilAsync(HttpClient client, HttpStatusCode expected, TimeSpan limit, Func<JsonElement, bool>? also = null)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var (status, checks) = await ReadyAsync(client);
            if (status == expected && (also?.Invoke(checks) ?? true)) return checks;
            if (DateTime.UtcNow > deadline) Assert.Fail($"readiness did not become {(int)expected} within {limit}: {(int)status} {checks}");
            await Task.Delay(100);
        }
    }
}
