using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.Cluster;

/// <summary>
/// One tenant's view of the PBX when several nodes run: every command first asks the fence whether this node still
/// holds the tenant's lease, and is refused (<see cref="ErrorCodes.TenantOwnedElsewhere"/>, nothing sent to the PBX)
/// when it does not. The tenant's call center gets this instead of the shared PBX (<see cref="CallCenter.CallCenterService.Fence"/>).
/// </summary>
public sealed class FencedPbx(IPbx inner, ITenantFence fence, Guid tenantId) : IPbx
{
    /// <summary>Commands refused by the fence, process-wide (for tests and logs).</summary>
    public static long Refused => Interlocked.Read(ref _refused);
    private static long _refused;

    private Task Check()
    {
        if (fence.ActingEpoch(tenantId) is not null) return Task.CompletedTask;
        Interlocked.Increment(ref _refused);
        return Task.FromException(new CtiException(ErrorCodes.TenantOwnedElsewhere,
            $"Node '{fence.NodeId}' does not hold the lease of this tenant any more; the PBX command was not sent.", ErrorKind.Conflict));
    }

    private async Task Fenced(Func<Task> command)
    {
        await Check().ConfigureAwait(false);
        await command().ConfigureAwait(false);
    }

    private async Task<T> Fenced<T>(Func<Task<T>> command)
    {
        await Check().ConfigureAwait(false);
        return await command().ConfigureAwait(false);
    }

    public PbxCapabilities Capabilities => inner.Capabilities;
    public void Subscribe(IPbxEventHandler handler) => inner.Subscribe(handler);
    public Task AcceptCallAsync(Guid callId, string legId, CancellationToken ct = default) => Fenced(() => inner.AcceptCallAsync(callId, legId, ct));
    public Task StartCallMusicAsync(Guid callId, string? mohClass, CancellationToken ct = default) => Fenced(() => inner.StartCallMusicAsync(callId, mohClass, ct));
    public Task StopCallMusicAsync(Guid callId, CancellationToken ct = default) => Fenced(() => inner.StopCallMusicAsync(callId, ct));
    public Task DialAsync(Guid callId, string legId, DialTarget target, CancellationToken ct = default) => Fenced(() => inner.DialAsync(callId, legId, target, ct));
    public Task JoinCallAsync(Guid callId, string legId, CancellationToken ct = default) => Fenced(() => inner.JoinCallAsync(callId, legId, ct));
    public Task LeaveCallAsync(Guid callId, string legId, CancellationToken ct = default) => Fenced(() => inner.LeaveCallAsync(callId, legId, ct));
    public Task HangupAsync(string legId, CallEndReason reason, CancellationToken ct = default) => Fenced(() => inner.HangupAsync(legId, reason, ct));
    public Task EndCallAsync(Guid callId, CancellationToken ct = default) => Fenced(() => inner.EndCallAsync(callId, ct));
    public Task HoldAsync(string legId, string? mohClass, CancellationToken ct = default) => Fenced(() => inner.HoldAsync(legId, mohClass, ct));
    public Task ResumeAsync(string legId, CancellationToken ct = default) => Fenced(() => inner.ResumeAsync(legId, ct));
    public Task MuteAsync(string legId, bool muted, CancellationToken ct = default) => Fenced(() => inner.MuteAsync(legId, muted, ct));
    public Task SendDtmfAsync(string legId, string digits, CancellationToken ct = default) => Fenced(() => inner.SendDtmfAsync(legId, digits, ct));
    public Task SetLegVariablesAsync(string legId, IReadOnlyDictionary<string, string> variables, CancellationToken ct = default) =>
        Fenced(() => inner.SetLegVariablesAsync(legId, variables, ct));
    public Task PlayAsync(string legId, IReadOnlyList<string> media, CancellationToken ct = default) => Fenced(() => inner.PlayAsync(legId, media, ct));
    public Task AnswerLegAsync(string legId, CancellationToken ct = default) => Fenced(() => inner.AnswerLegAsync(legId, ct));
    public Task RedirectAsync(string legId, string destination, CancellationToken ct = default) => Fenced(() => inner.RedirectAsync(legId, destination, ct));
    public Task StartRecordingAsync(Guid callId, string recordingName, CancellationToken ct = default) => Fenced(() => inner.StartRecordingAsync(callId, recordingName, ct));
    public Task StopRecordingAsync(string recordingName, CancellationToken ct = default) => Fenced(() => inner.StopRecordingAsync(recordingName, ct));
    public Task PauseRecordingAsync(string recordingName, bool paused, CancellationToken ct = default) => Fenced(() => inner.PauseRecordingAsync(recordingName, paused, ct));
    public Task<Stream?> OpenRecordingAsync(string recordingName, CancellationToken ct = default) => inner.OpenRecordingAsync(recordingName, ct); // a read
    public Task SnoopAsync(Guid bridgeOwnerId, string snoopLegId, string targetLegId, SnoopAudio spy, SnoopAudio whisper, CancellationToken ct = default) =>
        Fenced(() => inner.SnoopAsync(bridgeOwnerId, snoopLegId, targetLegId, spy, whisper, ct));
    public Task<bool> DeleteRecordingAsync(string recordingName, CancellationToken ct = default) => Fenced(() => inner.DeleteRecordingAsync(recordingName, ct));
}
