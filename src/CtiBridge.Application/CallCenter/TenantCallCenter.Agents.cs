using CtiBridge.Application.Events;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.CallCenter;

/// <summary>Agent state use cases: login, Ready / Not Ready, logout, pauses, wrap-up, devices.</summary>
public sealed partial class TenantCallCenter
{
    /// <summary>Logs an agent in as Ready or Not Ready with one of the tenant's reasons.</summary>
    /// <param name="hotDeskEndpoint">The hot-desk phone chosen for this login, if any.</param>
    /// <param name="reachNumber">For remote agents: the number that reaches them for this login.</param>
    public AgentView Login(Guid agentId, bool ready, string? reason = null, string? hotDeskEndpoint = null, string? reachNumber = null)
    {
        AgentView view = null!;
        RunWork(w =>
        {
            lock (_gate)
            {
                var a = AgentOf(agentId);
                var notReadyReason = ready ? null : ValidReason(reason ?? SystemReasons.LoggedIn, allowLoggedIn: true);
                var change = a.Agent.Login(Now, ready, notReadyReason);
                a.HotDeskEndpoint = hotDeskEndpoint;
                a.ReachNumber = reachNumber ?? (a.Agent.Settings.ExtensionKind == ExtensionKind.Remote ? a.Agent.Settings.MobileNumber : null);
                Publish(a, change);
                Dispatch(w);
                view = ViewOf(a);
            }
        });
        return view;
    }

    /// <summary>Ready now, or (during a call or wrap-up) no pending change. <paramref name="by"/>: a supervisor acting for the agent.</summary>
    public AgentView SetReady(Guid agentId, StateChangedBy? by = null) => Change(agentId, a => a.Agent.RequestReady(Now), by: by);

    public AgentView SetNotReady(Guid agentId, string reason, StateChangedBy? by = null) =>
        Change(agentId, a => a.Agent.RequestNotReady(Now, ValidReason(reason, allowLoggedIn: false)), by: by);

    public AgentView Logout(Guid agentId, StateChangedBy? by = null) => Change(agentId, a => a.Agent.RequestLogout(Now), afterLogout: true, by: by);

    public AgentView EndWrapUp(Guid agentId) => Change(agentId, a => a.Agent.EndWrapUp(Now));

    public AgentView ExtendWrapUp(Guid agentId, int seconds) =>
        Change(agentId, a => a.Agent.ExtendWrapUp(Now, TimeSpan.FromSeconds(seconds)));

    /// <summary>Pauses (or resumes) one skill group for a Ready agent: the group stops (or starts) routing to them.</summary>
    public AgentView SetGroupPaused(Guid agentId, Guid groupId, bool paused)
    {
        AgentView view = null!;
        RunWork(w =>
        {
            lock (_gate)
            {
                var a = AgentOf(agentId);
                var g = GroupOf(groupId);
                if (!a.Groups.Contains(g))
                    throw new CtiException(ErrorCodes.NotAMember, "The agent is not a member of this skill group.");
                if (a.Agent.SetGroupPaused(groupId, paused))
                {
                    SaveSession(a, Now);
                    PublishAgentView(a, paused ? AgentTrigger.NotReady : AgentTrigger.Ready);
                    PublishStats(g);
                }
                Dispatch(w);
                view = ViewOf(a);
            }
        });
        return view;
    }

    public AgentView ChooseWorkingMode(Guid agentId, WorkingMode mode)
    {
        AgentView view = null!;
        RunWork(w =>
        {
            lock (_gate)
            {
                var a = AgentOf(agentId);
                a.Agent.ChooseWorkingMode(mode);
                if (a.Agent.Status != AgentStatus.LoggedOut) SaveSession(a, Now);
                PublishAgentView(a, AgentTrigger.Ready);
                foreach (var g in a.Groups) PublishStats(g);
                Dispatch(w);
                view = ViewOf(a);
            }
        });
        return view;
    }

    /// <summary>
    /// Switches the live agent's auto-answer (the profile is stored by the caller); the next offer is dialled with or
    /// without the auto-answer request, and the agent's toolbar hears of it.
    /// </summary>
    public AgentView SetAutoAnswer(Guid agentId, bool enabled)
    {
        lock (_gate)
        {
            var a = AgentOf(agentId);
            if (a.Agent.Settings.AutoAnswer != enabled)
            {
                a.Agent.Settings = a.Agent.Settings with { AutoAnswer = enabled };
                a.Definition = a.Definition with { Settings = a.Agent.Settings };
                PublishProfileChange(a);
            }
            return ViewOf(a);
        }
    }

    /// <summary>Tells the agent's toolbar that a setting of her view changed (not her state): the trigger names no transition.</summary>
    private void PublishProfileChange(AgentRuntime a)
    {
        if (a.Agent.Status != AgentStatus.LoggedOut)
            PublishAgentView(a, AgentTrigger.Ready);
    }

    /// <summary>When the agent's current session began (null while logged out or unknown).</summary>
    public DateTimeOffset? LoggedInAt(Guid agentId)
    {
        lock (_gate) return _agents.TryGetValue(agentId, out var a) ? a.Agent.LoggedInAt : null;
    }

    /// <summary>The agent's softphone or toolbar went away (or came back).</summary>
    public void DeviceChanged(Guid agentId, bool available)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (!_agents.TryGetValue(agentId, out var a)) return;
                Publish(a, available
                    ? a.Agent.DeviceRestored(Now, _config.Settings.DeviceUnavailableAutoReturn)
                    : a.Agent.DeviceLost(Now));
                Dispatch(w);
            }
        });
    }

    /// <summary>Finds the agent whose phone is this PBX endpoint (their extension or their hot-desk phone).</summary>
    public Guid? AgentByEndpoint(string endpoint)
    {
        lock (_gate)
        {
            foreach (var a in _agents.Values)
                if (string.Equals(EndpointOf(a), endpoint, StringComparison.OrdinalIgnoreCase)) return a.Agent.Id;
            return null;
        }
    }

    /// <summary>The logged-in agent whose phone is this PBX endpoint (the phone a call was dialled from), if any.</summary>
    public Guid? LoggedInAgentAtEndpoint(string endpoint)
    {
        lock (_gate)
        {
            foreach (var a in _agents.Values)
                if (a.Agent.Status != AgentStatus.LoggedOut && string.Equals(EndpointOf(a), endpoint, StringComparison.OrdinalIgnoreCase))
                    return a.Agent.Id;
            return null;
        }
    }

    public Guid? AgentByExtension(string extension)
    {
        lock (_gate) return _agentsByExtension.TryGetValue(extension, out var a) ? a.Agent.Id : null;
    }

    public Guid? AgentByNumber(string agentNumber)
    {
        lock (_gate) return _agents.Values.FirstOrDefault(a => a.Definition.AgentNumber == agentNumber)?.Agent.Id;
    }

    private AgentView Change(Guid agentId, Func<AgentRuntime, AgentStateChange?> change, bool afterLogout = false, StateChangedBy? by = null)
    {
        AgentView view = null!;
        RunWork(w =>
        {
            lock (_gate)
            {
                var a = AgentOf(agentId);
                var made = change(a);
                Publish(a, by is null || made is null ? made : made with { ChangedBy = by });
                if (afterLogout && a.Agent.Status == AgentStatus.LoggedOut) ApplyNoAgentRules(w);
                Dispatch(w);
                view = ViewOf(a);
            }
        });
        return view;
    }

    private string ValidReason(string reason, bool allowLoggedIn)
    {
        var match = _config.PauseReasons.FirstOrDefault(r =>
            string.Equals(r.Name, reason, StringComparison.OrdinalIgnoreCase) || r.Code == reason);
        if (match is not null) return match.Name;
        if (allowLoggedIn && reason == SystemReasons.LoggedIn) return reason;
        throw new CtiException(ErrorCodes.UnknownPauseReason,
            $"'{reason}' is not one of this tenant's Not Ready reasons.", ErrorKind.Validation);
    }

    private string EndpointOf(AgentRuntime a)
    {
        if (a.HotDeskEndpoint is { } hot) return hot;
        if (a.Agent.Settings.ExtensionKind == ExtensionKind.Remote && a.ReachNumber is { } n)
            return _config.Settings.TrunkPattern.Replace("{number}", n).Replace("{tenant}", Domain);
        return _config.Settings.EndpointPattern.Replace("{tenant}", Domain).Replace("{extension}", a.Agent.Settings.Extension);
    }
}

public sealed partial class TenantCallCenter
{
    /// <summary>
    /// The agent's phone is busy (or free) with a call CtiBridge does not manage: while busy the router
    /// skips them. Calls we manage are ignored here (the agent's own leg makes the device busy too).
    /// </summary>
    public void DeviceBusyOutside(Guid agentId, bool inUse)
    {
        RunWork(w =>
        {
            lock (_gate)
            {
                if (!_agents.TryGetValue(agentId, out var a)) return;
                var busyOutside = inUse && a.Agent.CallId is null;
                if (a.Agent.DeviceBusyOutside == busyOutside) return;
                a.Agent.DeviceBusyOutside = busyOutside;
                _log.LogInformation("Agent {AgentId}'s phone is {Use} (a call CtiBridge does not manage): queue calls {Routing}", agentId,
                    busyOutside ? "busy" : "free again", busyOutside ? "skip her" : "reach her again");
                foreach (var g in a.Groups) PublishStats(g);
                Dispatch(w);
            }
        });
    }
}

public sealed partial class TenantCallCenter
{
    /// <summary>The agent definition (for PIN checks and directory views).</summary>
    public AgentDefinition? Definition(Guid agentId)
    {
        lock (_gate) return _agents.TryGetValue(agentId, out var a) ? a.Definition : null;
    }

    /// <summary>The logged-in agent this phone reaches: a remote agent's number or a hot-desk/extension endpoint.</summary>
    public Guid? AgentReachedAt(string callerNumber, string? fromEndpoint)
    {
        lock (_gate)
        {
            foreach (var a in _agents.Values)
            {
                if (a.Agent.Status == AgentStatus.LoggedOut) continue;
                if (a.ReachNumber is { } n && n == callerNumber) return a.Agent.Id;
                if (fromEndpoint is not null && string.Equals(EndpointOf(a), fromEndpoint, StringComparison.OrdinalIgnoreCase)) return a.Agent.Id;
            }
            return null;
        }
    }
}
