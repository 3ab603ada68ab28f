using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Events;
using CtiBridge.Domain.Calls;

namespace CtiBridge.Api.Tests.Observability;

/// <summary>
/// Meters are found by name process-wide, so another host running at the same time would report into this host's
/// scrape: these tests run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics (run alone)";
}

[Collection(MetricsCollection.Name)]
public partial class MetricsTests
{
    [Fact]
    public async Task A_sandbox_call_moves_the_call_agent_queue_and_fan_out_metrics_on_the_Prometheus_endpoint()
    {
        using var host = new CtiApiFactory(new() { ["Observability:Prometheus:Enabled"] = "true" });
        var scrape = host.CreateClient();
        var super = await host.ClientForAsync("demo", "super");
        var agent = await host.ClientForAsync("demo", "agent1");

        var before = await ScrapeAsync(scrape);
        Assert.Equal(0, before.Value("ctibridge_calls", ("tenant", "demo"), ("state", "Waiting")));
        Assert.Equal(0, before.Value("ctibridge_skill_group_waiting_calls", ("tenant", "demo"), ("skill_group", "Sales")));
        var fanoutBefore = before.Sum("ctibridge_events_fanout_duration_seconds_count");

        // Nobody is Ready: the caller waits in Sales.
        await super.PlaceCallAsync("Sales", "+4930555777");
        var waiting = await ScrapeUntilAsync(scrape, m => m.Value("ctibridge_skill_group_waiting_calls", ("tenant", "demo"), ("skill_group", "Sales")) == 1);
        Assert.Equal(1, waiting.Value("ctibridge_calls", ("tenant", "demo"), ("state", "Waiting")));
        await ScrapeUntilAsync(scrape, m => m.Value("ctibridge_skill_group_longest_wait_seconds", ("tenant", "demo"), ("skill_group", "Sales")) > 0.2);

        // An agent goes Ready: she is offered the call.
        await agent.LoginReadyAsync();
        var offered = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        var ringing = await ScrapeUntilAsync(scrape, m => m.Value("ctibridge_calls", ("tenant", "demo"), ("state", "Ringing")) == 1);
        Assert.Equal(0, ringing.Value("ctibridge_skill_group_waiting_calls", ("tenant", "demo"), ("skill_group", "Sales")));
        Assert.Equal(0, ringing.Value("ctibridge_skill_group_longest_wait_seconds", ("tenant", "demo"), ("skill_group", "Sales")));
        Assert.Equal(1, ringing.Value("ctibridge_agents", ("tenant", "demo"), ("state", "Ringing")));
        Assert.Equal(1, ringing.Value("ctibridge_skill_group_agents", ("tenant", "demo"), ("skill_group", "Sales"), ("state", "Ringing")));

        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/answer").OkAsync();
        var connected = await ScrapeUntilAsync(scrape, m => m.Value("ctibridge_calls", ("tenant", "demo"), ("state", "Connected")) == 1);
        Assert.Equal(1, connected.Value("ctibridge_agents", ("tenant", "demo"), ("state", "OnCall")));

        await agent.PostAsync($"/api/v1/calls/{offered.CallId}/hangup").OkAsync();
        var ended = await ScrapeUntilAsync(scrape, m => m.Value("ctibridge_calls", ("tenant", "demo"), ("state", "Connected")) == 0);
        Assert.Equal(1, ended.Value("ctibridge_agents", ("tenant", "demo"), ("state", "WrapUp")));
        Assert.Equal(1, ended.Value("ctibridge_skill_group_agents", ("tenant", "demo"), ("skill_group", "Sales"), ("state", "WrapUp")));

        // Every event of the call went out through the fan-out, measured; the host's own instrumentation is there too.
        var after = await ScrapeUntilAsync(scrape, m => m.Sum("ctibridge_events_fanout_duration_seconds_count") >= fanoutBefore + 5);
        Assert.True(after.Value("ctibridge_events_fanout_duration_seconds_count", ("event", "callOffered")) >= 1);
        Assert.True(after.Sum("http_server_request_duration_seconds_count") > before.Sum("http_server_request_duration_seconds_count"));
        Assert.True(after.Has("dotnet_gc_collections_total") || after.Has("dotnet_process_cpu_time_seconds_total"), "runtime metrics");
    }

    [Fact]
    public async Task Without_configuration_no_metrics_are_served()
    {
        using var host = new CtiApiFactory();
        var response = await host.CreateClient().GetAsync("/metrics");
        await Problem.AssertAsync(response, 404, "not_found"); // not the toolbar page either (HostTests)
    }

    [Fact]
    public async Task The_scrape_path_is_configurable()
    {
        using var host = new CtiApiFactory(new() { ["Observability:Prometheus:Enabled"] = "true", ["Observability:Prometheus:Path"] = "/internal/metrics" });
        var metrics = await ScrapeAsync(host.CreateClient(), "/internal/metrics");
        Assert.True(metrics.Has("ctibridge_agents"));
    }

    // ---- a small reader of the Prometheus text format ----

    private static async Task<Scrape> ScrapeAsync(HttpClient client, string path = "/metrics")
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return new Scrape(text);
    }

    /// <summary>Scrapes until <paramref name="condition"/> holds (the exporter caches a scrape for a moment, gauges follow the engine).</summary>
    private static async Task<Scrape> ScrapeUntilAsync(HttpClient client, Func<Scrape, bool> condition)
    {
        Scrape last = null!;
        for (var i = 0; i < 50; i++)
        {
            last = await ScrapeAsync(client);
            if (condition(last)) return last;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("The metrics never reached the expected values. Last scrape:\n" +
            string.Join('\n', last.Text.Split('\n').Where(l => l.StartsWith("ctibridge_", StringComparison.Ordinal))));
    }

    private sealed partial class Scrape(string text)
    {
        public string Text { get; } = text;

        private IEnumerable<(string Name, Dictionary<string, string> Labels, double Value)> Samples()
        {
            foreach (var line in Text.Split('\n'))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var m = SampleLine().Match(line);
                if (!m.Success) continue;
                var labels = LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value);
                yield return (m.Groups["name"].Value, labels, double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
            }
        }

        public bool Has(string name) => Samples().Any(s => s.Name == name);

        /// <summary>The one sample of <paramref name="name"/> carrying these labels (it must exist).</summary>
        public double Value(string name, params (string Key, string Value)[] labels)
        {
            var matches = Samples().Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).ToList();
            Assert.True(matches.Count == 1, $"{matches.Count} samples of {name} with {string.Join(",", labels)}");
            return matches[0].Value;
        }

        public double Sum(string name) => Samples().Where(s => s.Name == name).Sum(s => s.Value);

        [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
        private static partial Regex SampleLine();

        [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
        private static partial Regex LabelPair();
    }
}
