using System.Text.Json;

namespace CtiBridge.ClientSample;

/// <summary>
/// What a client keeps of its resumable stream (docs/api.md, "Resumable stream"): the epoch and the last sequence number
/// applied, and the current state built from the events.
/// </summary>
public sealed class AgentEventStream
{
    public string? Epoch { get; private set; }
    public long LastSeq { get; private set; }
    public JsonElement? Agent { get; private set; }
    public Dictionary<string, JsonElement> Calls { get; } = new();

    /// <summary>Applies one envelope; false when it was applied already (it may arrive live and in a Resume answer).</summary>
    public bool Apply(JsonElement e)
    {
        var epoch = e.GetProperty("epoch").GetString();
        var seq = e.GetProperty("seq").GetInt64();
        if (epoch == Epoch && seq <= LastSeq) return false;
        (Epoch, LastSeq) = (epoch, seq);
        var data = e.GetProperty("data");
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

    /// <summary>Applies the answer of the hub's <c>Resume(epoch, lastSeq)</c>: the missed events, or a snapshot to start over from.</summary>
    public void ApplyResume(JsonElement result)
    {
        if (result.TryGetProperty("snapshot", out var snapshot) && snapshot.ValueKind == JsonValueKind.Object)
        {
            Agent = snapshot.GetProperty("agent").ValueKind == JsonValueKind.Null ? null : snapshot.GetProperty("agent").Clone();
            Calls.Clear();
            foreach (var call in snapshot.GetProperty("calls").EnumerateArray()) Calls[call.GetProperty("callId").GetString()!] = call.Clone();
            (Epoch, LastSeq) = (result.GetProperty("epoch").GetString(), result.GetProperty("seq").GetInt64());
            return;
        }
        foreach (var e in result.GetProperty("events").EnumerateArray()) Apply(e);
    }
}
