using System.Text.Json;

namespace CtiBridge.ClientSample;

/// <summary>
/// What a client keeps (docs/api.md, "Events"): the epoch and the last sequence number applied of its resumable stream,
/// the state built from its events, and the latest statistics of each skill group it receives.
/// </summary>
public sealed class AgentEventStream
{
    public string? Epoch { get; private set; }
    public long LastSeq { get; private set; }
    public JsonElement? Agent { get; private set; }
    public Dictionary<string, JsonElement> Calls { get; } = new();
    /// <summary>Latest figures per skill group id: from group messages and from every <c>Resume</c> answer.</summary>
    public Dictionary<string, JsonElement> SkillGroups { get; } = new();

    /// <summary>
    /// Applies one message: a stream envelope (false when it was applied already: it may arrive live and in a Resume
    /// answer), or a skill group's statistics (no <c>seq</c>: full figures, the newest replaces what was there).
    /// </summary>
    public bool Apply(JsonElement e)
    {
        var data = e.GetProperty("data");
        if (!e.TryGetProperty("seq", out var seqProperty))
        {
            if (e.GetProperty("name").GetString() != "skillGroupStatsChanged") return false;
            var stats = data.GetProperty("stats");
            SkillGroups[stats.GetProperty("skillGroupId").GetString()!] = stats.Clone();
            return true;
        }
        var epoch = e.GetProperty("epoch").GetString();
        var seq = seqProperty.GetInt64();
        if (epoch == Epoch && seq <= LastSeq) return false;
        (Epoch, LastSeq) = (epoch, seq);
        switch (e.GetProperty("name").GetString())
        {
            case "agentStateChanged": Agent = data.GetProperty("agent").Clone(); break;
            case "callOffered" or "callStateChanged" or "participantsChanged":
                var call = data.GetProperty("call");
                Calls[call.GetProperty("callId").GetString()!] = call.Clone();
                break;
            case "callEnded": Calls.Remove(data.GetProperty("call").GetProperty("callId").GetString()!); break;
        }
        return true;
    }

    /// <summary>
    /// Applies the answer of the hub's <c>Resume(epoch, lastSeq)</c>: the missed events, or a snapshot to start over from;
    /// and in both cases the current statistics (group messages sent while disconnected are not replayed).
    /// </summary>
    public void ApplyResume(JsonElement result)
    {
        if (result.TryGetProperty("snapshot", out var snapshot) && snapshot.ValueKind == JsonValueKind.Object)
        {
            Agent = snapshot.GetProperty("agent").ValueKind == JsonValueKind.Null ? null : snapshot.GetProperty("agent").Clone();
            Calls.Clear();
            foreach (var call in snapshot.GetProperty("calls").EnumerateArray()) Calls[call.GetProperty("callId").GetString()!] = call.Clone();
            (Epoch, LastSeq) = (result.GetProperty("epoch").GetString(), result.GetProperty("seq").GetInt64());
        }
        else
        {
            foreach (var e in result.GetProperty("events").EnumerateArray()) Apply(e);
        }
        SkillGroups.Clear();
        foreach (var stats in result.GetProperty("skillGroups").EnumerateArray())
            SkillGroups[stats.GetProperty("skillGroupId").GetString()!] = stats.Clone();
    }
}
