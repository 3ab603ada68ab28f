using CtiBridge.Domain.Calls;

namespace CtiBridge.Application.Pbx;

/// <summary>
/// The PBX port: everything the use cases ask of a PBX, in call-center words. Two
/// implementations: the Asterisk adapter (ARI controls, AMI observes) and the in-process
/// Simulator. Identifiers: a call is our <see cref="Guid"/> (the adapter names its bridge after
/// it); a leg is a channel id that CtiBridge chooses before dialling, so an answer can never
/// arrive before the engine knows the leg.
/// Implementations never hold business rules, and report what happened through
/// <see cref="IPbxEventHandler"/>; they may raise events on any thread but keep the order of
/// events of one leg.
/// </summary>
public interface IPbx
{
    /// <summary>What this PBX can do that the other cannot.</summary>
    PbxCapabilities Capabilities { get; }

    /// <summary>Registers the one handler of PBX events (the call center).</summary>
    void Subscribe(IPbxEventHandler handler);

    /// <summary>Answers a new inbound leg, gives the call its conference bridge and puts the leg in it.</summary>
    Task AcceptCallAsync(Guid callId, string legId, CancellationToken ct = default);

    /// <summary>Plays music on hold to everyone in the call's bridge (a waiting caller, a lone customer).</summary>
    Task StartCallMusicAsync(Guid callId, string? mohClass, CancellationToken ct = default);

    Task StopCallMusicAsync(Guid callId, CancellationToken ct = default);

    /// <summary>
    /// Rings a destination (an agent's phone, a number) on a new leg with the given id. Returns once
    /// the PBX accepted the request; answer or failure arrive later as events.
    /// </summary>
    Task DialAsync(Guid callId, string legId, DialTarget target, CancellationToken ct = default);

    /// <summary>Puts an answered leg into the call's bridge.</summary>
    Task JoinCallAsync(Guid callId, string legId, CancellationToken ct = default);

    /// <summary>Takes a leg out of the call's bridge without hanging it up (consultation, self-service).</summary>
    Task LeaveCallAsync(Guid callId, string legId, CancellationToken ct = default);

    /// <summary>Hangs a leg up. Hanging up a leg that is already gone is not an error.</summary>
    Task HangupAsync(string legId, CallEndReason reason, CancellationToken ct = default);

    /// <summary>Releases what the call holds on the PBX (its bridge, its recording).</summary>
    Task EndCallAsync(Guid callId, CancellationToken ct = default);

    /// <summary>Places a leg on hold: it hears music on hold and the others do not hear it.</summary>
    Task HoldAsync(string legId, string? mohClass, CancellationToken ct = default);

    Task ResumeAsync(string legId, CancellationToken ct = default);

    Task MuteAsync(string legId, bool muted, CancellationToken ct = default);

    Task SendDtmfAsync(string legId, string digits, CancellationToken ct = default);

    /// <summary>
    /// Stores facts on a leg (channel variables on Asterisk) so they survive a restart of CtiBridge:
    /// the call it belongs to, its skill group, when it was queued.
    /// </summary>
    Task SetLegVariablesAsync(string legId, IReadOnlyDictionary<string, string> variables, CancellationToken ct = default);

    /// <summary>Plays prompts (sound names, e.g. <c>sound:queue-thereare</c>) to one leg.</summary>
    Task PlayAsync(string legId, IReadOnlyList<string> media, CancellationToken ct = default);

    /// <summary>
    /// Answers an agent leg on the agent's behalf. Only possible where the PBX owns the device
    /// (the Simulator); otherwise throws a CtiException with code <c>answer_on_device</c>.
    /// </summary>
    Task AnswerLegAsync(string legId, CancellationToken ct = default);

    /// <summary>Sends a leg to a dialplan destination (a fallback, an IVR), leaving the app.</summary>
    Task RedirectAsync(string legId, string destination, CancellationToken ct = default);

    /// <summary>Starts recording the call's bridge under a name unique in the tenant.</summary>
    Task StartRecordingAsync(Guid callId, string recordingName, CancellationToken ct = default);

    Task StopRecordingAsync(string recordingName, CancellationToken ct = default);

    Task PauseRecordingAsync(string recordingName, bool paused, CancellationToken ct = default);

    /// <summary>Opens a finished recording's audio, or null when the PBX no longer has it.</summary>
    Task<Stream?> OpenRecordingAsync(string recordingName, CancellationToken ct = default);

    /// <summary>
    /// Supervision: makes a new leg <paramref name="snoopLegId"/> that hears the audio of <paramref name="targetLegId"/>
    /// in the <paramref name="spy"/> directions and speaks into it in the <paramref name="whisper"/> directions (ARI snoop),
    /// and puts it in the bridge of <paramref name="bridgeOwnerId"/> (a call id, or a monitoring session's id used as one).
    /// Directions are the target leg's: <see cref="SnoopAudio.In"/> is what the leg sends (the agent's voice),
    /// <see cref="SnoopAudio.Out"/> what it receives (what the agent hears). The snoop leg ends (its end is reported) when
    /// it is hung up or when the target leg ends.
    /// </summary>
    Task SnoopAsync(Guid bridgeOwnerId, string snoopLegId, string targetLegId, SnoopAudio spy, SnoopAudio whisper,
        CancellationToken ct = default);

    /// <summary>Deletes a finished recording's audio (retention); false when the PBX no longer had it.</summary>
    Task<bool> DeleteRecordingAsync(string recordingName, CancellationToken ct = default);
}

/// <summary>Audio directions of a snooped leg, as the leg sees them.</summary>
[Flags]
public enum SnoopAudio
{
    None = 0,
    /// <summary>What the leg sends (its party's voice).</summary>
    In = 1,
    /// <summary>What the leg receives (what its party hears).</summary>
    Out = 2,
    Both = In | Out,
}

/// <summary>What a PBX implementation can do.</summary>
/// <param name="CanAnswerForAgent">True when the PBX can answer an agent's leg itself (no real device).</param>
/// <param name="Name">"simulator" or "asterisk", shown in health and the toolbar.</param>
public sealed record PbxCapabilities(bool CanAnswerForAgent, string Name);

/// <summary>Where a new leg goes.</summary>
/// <param name="Endpoint">A PBX endpoint (e.g. <c>PJSIP/demo-1001</c>) or a number to dial out.</param>
/// <param name="CallerIdNumber">Caller ID shown to the called party.</param>
/// <param name="Timeout">How long the PBX lets it ring before giving up.</param>
/// <param name="AutoAnswer">Ask the device to answer by itself (phones that honour the header).</param>
/// <param name="Variables">Variables stored on the leg so its purpose survives a restart.</param>
public sealed record DialTarget(
    string Endpoint,
    string CallerIdNumber,
    string? CallerIdName,
    TimeSpan Timeout,
    bool AutoAnswer,
    IReadOnlyDictionary<string, string> Variables);
