using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CtiBridge.Api.Tests.CallCenter;

/// <summary>
/// Every call-center endpoint gets malformed JSON, wrong JSON types, missing and over-long fields and
/// unknown ids: the answer is always a 4xx ProblemDetails, never a 5xx.
/// </summary>
public class BadInputSweepTests
{
    private sealed record Endpoint(string Method, string Path, JsonObject? Body, bool Supervisor = false);

    private static readonly string Long = new('7', 5000);

    private static IEnumerable<Endpoint> Endpoints(Guid call, Guid group, Guid agent)
    {
        JsonObject O(object o) => JsonSerializer.SerializeToNode(o)!.AsObject();
        foreach (var prefix in new[] { "/api/v1/agent", $"/api/v1/agents/{agent}" })
        {
            yield return new("POST", $"{prefix}/login", O(new { ready = true, reason = "Lunch", phoneEndpoint = "demo-2001" }));
            yield return new("POST", $"{prefix}/logout", null);
            yield return new("GET", $"{prefix}/state", null);
            yield return new("PUT", $"{prefix}/state", O(new { state = "NotReady", reason = "Lunch" }));
            yield return new("POST", $"{prefix}/skill-groups/{group}/pause", null);
            yield return new("DELETE", $"{prefix}/skill-groups/{group}/pause", null);
            yield return new("POST", $"{prefix}/wrap-up/end", null);
            yield return new("POST", $"{prefix}/wrap-up/extend", O(new { seconds = 10 }));
            yield return new("PUT", $"{prefix}/working-mode", O(new { mode = "Inbound" }));
            yield return new("PUT", $"{prefix}/auto-answer", O(new { enabled = true }));
            yield return new("GET", $"{prefix}/calls", null);
            yield return new("GET", $"{prefix}/pause-reasons", null);
            yield return new("GET", $"{prefix}/self-service-flows", null);
            yield return new("GET", $"{prefix}/caller-ids", null);
            yield return new("GET", $"{prefix}/softphone", null);
        }
        foreach (var prefix in new[] { "/api/v1/calls", $"/api/v1/agents/{agent}/calls" })
        {
            yield return new("GET", $"{prefix}/{call}", null);
            foreach (var action in new[] { "answer", "decline", "hangup", "hold", "resume", "mute", "unmute", "consult/complete", "consult/conference", "consult/cancel", "recording/start", "recording/stop", "recording/pause", "recording/unpause", "softphone/return" })
                yield return new("POST", $"{prefix}/{call}/{action}", null);
            yield return new("POST", $"{prefix}/{call}/dtmf", O(new { digits = "12" }));
            yield return new("POST", $"{prefix}/{call}/self-service", O(new { flow = "pin" }));
            yield return new("POST", $"{prefix}/{call}/transfer", O(new { number = "2001" }));
            yield return new("POST", $"{prefix}/{call}/consult", O(new { number = "2001" }));
            yield return new("POST", $"{prefix}/{call}/parties", O(new { number = "2001" }));
            yield return new("DELETE", $"{prefix}/{call}/parties/no-such-leg", null);
            yield return new("PUT", $"{prefix}/{call}/disposition", O(new { disposition = "sale", remarks = "ok" }));
            yield return new("POST", $"{prefix}/dial", O(new { number = "2001", callerId = "123" }));
        }
        yield return new("GET", "/api/v1/skill-groups", null);
        yield return new("GET", $"/api/v1/skill-groups/{group}/waiting", null);
        yield return new("PUT", $"/api/v1/skill-groups/{group}/waiting/{call}/position", O(new { position = 1 }), Supervisor: true);
        yield return new("GET", $"/api/v1/directory?search={Long}&skillGroupId={group}", null);
        yield return new("GET", "/api/v1/directory?skillGroupId=not-a-guid", null);
        yield return new("GET", "/api/v1/phones/free", null);
        yield return new("GET", "/api/v1/recordings?limit=100000&from=yesterday", null);
        yield return new("GET", $"/api/v1/recordings/{call}/audio", null);
        yield return new("POST", "/api/v1/sandbox/calls", O(new { skillGroup = "Sales", callerNumber = "123", attachedData = new { a = "b" } }));
        yield return new("POST", "/api/v1/sandbox/legs/no-such-leg/answer", null);
        yield return new("POST", "/api/v1/sandbox/legs/no-such-leg/hangup", null);
        yield return new("POST", $"/api/v1/sandbox/legs/{Long}/hangup", null);
        yield return new("POST", "/api/v1/calls/not-a-guid/hold", null);
    }

    private static IEnumerable<(string What, string? Json)> BadBodies(JsonObject body)
    {
        yield return ("malformed", "{\"oops\": ");
        yield return ("not an object", "[1,2,3]");
        yield return ("a string", "\"text\"");
        yield return ("missing fields", "{}");
        yield return ("null body", "null");
        foreach (var (name, _) in body)
        {
            foreach (var (what, value) in new (string, JsonNode?)[] { ("object", new JsonObject { ["x"] = 1 }), ("array", new JsonArray(1, 2)), ("number", 123456789012), ("bool", true), ("over-long", Long), ("null", null) })
            {
                var copy = body.DeepClone().AsObject();
                copy[name] = value?.DeepClone();
                if (what == "null" && !IsRequired(name)) continue;
                yield return ($"{name} as {what}", copy.ToJsonString());
            }
        }
    }

    private static bool IsRequired(string field) => field is "ready" or "enabled" or "state" or "seconds" or "mode" or "digits" or "number" or "position" or "skillGroup" or "callerNumber";

    [Fact]
    public async Task Every_endpoint_answers_bad_input_and_unknown_ids_with_a_4xx_problem_never_a_5xx()
    {
        using var host = new CtiApiFactory();
        var agent = await host.ClientForAsync("demo", "agent1");
        var super = await host.ClientForAsync("demo", "super");
        var me = await agent.LoginReadyAsync();
        var failures = new List<string>();
        var count = 0;

        async Task Check(HttpClient client, string method, string path, string? json, string what, bool mustBe4xx)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            count++;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500 || (mustBe4xx && status < 400))
                failures.Add($"{method} {Cut(path)} [{what}] → {status} {Cut(body)}");
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{method} {Cut(path)} [{what}] → {status} without ProblemDetails");
            else if (status >= 400 && !JsonDocument.Parse(body).RootElement.TryGetProperty("code", out _))
                failures.Add($"{method} {Cut(path)} [{what}] → {status} without code");
        }

        // Unknown ids everywhere (and the bodies themselves valid).
        foreach (var e in Endpoints(Guid.NewGuid(), Guid.NewGuid(), me.AgentId))
        {
            var client = e.Supervisor ? super : agent;
            var unknownIds = e.Path.Contains("/calls/") || e.Path.Contains("/skill-groups/") || e.Path.Contains("/legs/") || e.Path.Contains("?");
            await Check(client, e.Method, e.Path, e.Body?.ToJsonString(), "unknown ids / valid body", mustBe4xx: unknownIds);
            if (e.Body is null) continue;
            foreach (var (what, json) in BadBodies(e.Body))
                await Check(client, e.Method, e.Path, json, what, mustBe4xx: true);
        }
        // Unknown agent ids on the agent-scoped routes.
        foreach (var e in Endpoints(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()).Where(e => e.Path.StartsWith("/api/v1/agents/")))
            await Check(agent, e.Method, e.Path, e.Body?.ToJsonString(), "unknown agent", mustBe4xx: true);

        Assert.True(failures.Count == 0, $"{failures.Count} of {count} requests misbehaved:\n" + string.Join("\n", failures));
        Assert.True(count > 400, $"only {count} requests");
    }

    private static string Cut(string s) => s.Length > 160 ? s[..160] + "…" : s;
}
