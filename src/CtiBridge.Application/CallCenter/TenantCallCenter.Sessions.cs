using CtiBridge.Application.Events;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Tenants;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.CallCenter;

/// <summary>What became of one kept session when a restarted call center took it back.</summary>
public enum SessionRestoreOutcome
{
    /// <summary>The agent is logged in again (see <see cref="TenantCallCenter.RestoreSessions"/> for the state).</summary>
    Restored,
    /// <summary>The agent had asked to log out when their call ended: the call is over for this process, so they are logged out.</summary>
    LoggedOut,
    /// <summary>No such agent in the tenant's configuration any more (deleted, disabled, no longer an agent): the session is dropped.</summary>
    UnknownAgent,
    /// <summary>The agent is logged in already (they logged in before the session was read): the live login wins.</summary>
    AlreadyLoggedIn,
}

/// <summary>One kept session taken back: the agent, the outcome and, when restored, the agent as they are now.</summary>
public sealed record RestoredSession(Guid AgentId, SessionRestoreOutcome Outcome, AgentView? Agent);

/// <summary>Agents' sessions: kept on every change (restart safety), taken back after a restart, ended for removed agents.</summary>
public sealed partial class TenantCallCenter
{
    private static readonly string[] SystemReasonNames =
        [SystemReasons.LoggedIn, SystemReasons.Missed, SystemReasons.Declined, SystemReasons.DeviceUnavailable, SystemReasons.Restarted];

    /// <summary>Hands the agent's session as it is now to the journal (under the lock, so an agent's sessions arrive in order).</summary>
    private void SaveSession(AgentRuntime a, DateTimeOffset at)
    {
        var x = a.Agent;
        _journal.AgentSessionChanged(x.Status == AgentStatus.LoggedOut
            ? AgentSessionSnapshot.End(TenantId, x.Id, at)
            : new AgentSessionSnapshot(TenantId, x.Id, at, x.Status, x.Reason, x.Pending, a.HotDeskEndpoint, a.ReachNumber,
                x.ChosenMode, x.PausedGroups.Count == 0 ? [] : x.PausedGroups.ToList(), x.LoggedInAt ?? x.StateSince, x.StateSince,
                x.IdleSince == default ? null : x.IdleSince));
    }

    /// <summary>
    /// Logs agents in again from the sessions a previous process kept (after a restart, before the PBX connects), each
    /// published as a login. What each comes back as:
    /// <list type="bullet">
    /// <item>Ready → Ready; Not Ready with a reason → Not Ready with the same reason (one of the tenant's, or a system
    /// reason); in both the time in the state, the login time and the idle time go on.</item>
    /// <item>Ringing, on a call or in wrap-up → Not Ready (<see cref="SystemReasons.Restarted"/>), so no queue call is
    /// offered until the agent says Ready; a connected call the PBX still has is taken back when it connects, which
    /// puts the agent on it again (<see cref="TakeBackConnectedCall"/>). A pending Not Ready is applied instead (Not
    /// Ready with the reason they asked for, kept pending if the call is taken back); a pending logout logs them out.</item>
    /// <item>A reason the tenant no longer has, or a state that cannot be read → Not Ready (Restarted).</item>
    /// </list>
    /// The hot-desk phone, a remote agent's number, the working mode they chose (when their profile lets them) and the
    /// pauses of skill groups they are still in come back too. A session of an agent the configuration no longer has
    /// is dropped, never restored.
    /// </summary>
    public IReadOnlyList<RestoredSession> RestoreSessions(IEnumerable<AgentSessionSnapshot> sessions)
    {
        var results = new List<RestoredSession>();
        RunWork(w =>
        {
            lock (_gate)
            {
                var configured = _config.Agents.Select(d => d.Id).ToHashSet();
                foreach (var s in sessions)
                {
                    if (s.Ended) continue;
                    if (!configured.Contains(s.AgentId) || !_agents.TryGetValue(s.AgentId, out var a))
                    {
                        _journal.AgentSessionChanged(AgentSessionSnapshot.End(TenantId, s.AgentId, Now));
                        results.Add(new RestoredSession(s.AgentId, SessionRestoreOutcome.UnknownAgent, null));
                        continue;
                    }
                    if (a.Agent.Status != AgentStatus.LoggedOut)
                    {
                        results.Add(new RestoredSession(s.AgentId, SessionRestoreOutcome.AlreadyLoggedIn, ViewOf(a)));
                        continue;
                    }
                    var busy = s.Status is AgentStatus.Ringing or AgentStatus.OnCall or AgentStatus.WrapUp;
                    if (busy && s.Pending.Kind == PendingKind.Logout)
                    {
                        _journal.AgentSessionChanged(AgentSessionSnapshot.End(TenantId, s.AgentId, Now));
                        results.Add(new RestoredSession(s.AgentId, SessionRestoreOutcome.LoggedOut, ViewOf(a)));
                        continue;
                    }
                    Restore(a, s, busy);
                    results.Add(new RestoredSession(s.AgentId, SessionRestoreOutcome.Restored, ViewOf(a)));
                }
                Dispatch(w);
            }
        });
        return results;
    }

    private void Restore(AgentRuntime a, AgentSessionSnapshot s, bool busy)
    {
        var ready = s.Status == AgentStatus.Ready;
        string? reason = null;
        var sameState = false;
        if (s.Status == AgentStatus.NotReady)
        {
            reason = RestorableReason(s.Reason);
            sameState = reason is not null;
        }
        else if (busy && s.Pending.Kind == PendingKind.NotReady)
        {
            reason = RestorableReason(s.Pending.Reason);
        }
        else if (ready)
        {
            sameState = true;
        }
        if (!ready) reason ??= SystemReasons.Restarted;

        var change = a.Agent.Resume(Now, ready, reason, s.LoggedInAt, s.IdleSince, sameState ? s.StateSince : null);
        a.HotDeskEndpoint = s.HotDeskEndpoint;
        a.ReachNumber = s.ReachNumber ?? (a.Agent.Settings.ExtensionKind == ExtensionKind.Remote ? a.Agent.Settings.MobileNumber : null);
        foreach (var groupId in s.PausedGroups)
            if (a.Groups.Any(g => g.Definition.Id == groupId)) a.Agent.SetGroupPaused(groupId, true);
        if (a.Agent.Settings.WorkingMode == WorkingMode.SelfSelect && s.ChosenMode is WorkingMode.Inbound or WorkingMode.Outbound or WorkingMode.Both)
            a.Agent.ChooseWorkingMode(s.ChosenMode.Value);
        Publish(a, change);
    }

    /// <summary>The reason as this tenant names it (its pause reasons, or a system reason); null when it is none of them.</summary>
    private string? RestorableReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return null;
        var match = _config.PauseReasons.FirstOrDefault(r => string.Equals(r.Name, reason, StringComparison.OrdinalIgnoreCase));
        return match?.Name ?? SystemReasonNames.FirstOrDefault(n => string.Equals(n, reason, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Agents the configuration no longer has (disabled, deleted, no longer agents) are logged out, which ends their kept
    /// session so a restart does not log them in again; one who is ringing or on a call is logged out when it ends.
    /// </summary>
    private void LogOutRemovedAgents(Work w)
    {
        if (_agents.Count == _config.Agents.Count) return; // every agent is configured (the configured ones are all in _agents)
        var configured = _config.Agents.Select(d => d.Id).ToHashSet();
        var removed = _agents.Values.Where(a => !configured.Contains(a.Agent.Id) && a.Agent.Status != AgentStatus.LoggedOut
            && a.Agent.Pending.Kind != PendingKind.Logout).ToList();
        if (removed.Count == 0) return;
        foreach (var a in removed)
        {
            _log.LogInformation("Agent {AgentId} of tenant {Tenant} is no longer configured (disabled or deleted): logged out", a.Agent.Id, Domain);
            Publish(a, a.Agent.RequestLogout(Now));
            if (a.Agent.Status != AgentStatus.LoggedOut) continue; // on a call: logged out when it ends
            a.HotDeskEndpoint = null;
            a.ReachNumber = null;
            _agents.Remove(a.Agent.Id);
            if (_agentsByExtension.TryGetValue(a.Agent.Settings.Extension, out var byExtension) && byExtension == a)
                _agentsByExtension.Remove(a.Agent.Settings.Extension);
        }
        ApplyNoAgentRules(w);
    }
}
