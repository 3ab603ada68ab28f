using CtiBridge.Api.CallCenter;
using CtiBridge.Api.Records;
using CtiBridge.Application.Reports;
using CtiBridge.Data;
using CtiBridge.Domain.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Reports;

/// <summary>
/// Reports: an agent's dashboard, and per agent, team and skill group for a range (default: today, UTC), with a state
/// timeline per agent and day. Every figure is defined in docs/reports.md and computed in one place (ReportFormulas).
/// Agents read their own; supervisors their teams' agents, their teams and the skill groups; admins and API keys (scope
/// read) everything of the tenant. Read from the database (call records and agent state changes).
/// </summary>
[ApiController]
[Route("api/v1/reports")]
[Authorize(AuthenticationSchemes = ApiKeys.CallerScheme)]
[Produces("application/json")]
[ProducesResponseType<ProblemDetails>(401)]
[ProducesResponseType<ProblemDetails>(403)]
public sealed class ReportsController(RecordReaders readers, ReportService reports, CtiDbContext db) : ControllerBase
{
    /// <summary>The signed-in agent's figures for today, yesterday and this month.</summary>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The dashboard.</response>
    /// <response code="400"><c>agent_id_required</c>: an API key uses <c>/reports/agents/{agentId}</c>.</response>
    [HttpGet("agent-dashboard")]
    [ProducesResponseType<AgentDashboard>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public async Task<AgentDashboard> Dashboard(CancellationToken ct)
    {
        var caller = readers.Caller;
        if (caller.UserId is not { } self)
            throw new CtiException(CallCenterErrors.AgentIdRequired, "An API key names the agent: use /api/v1/reports/agents/{agentId}.", ErrorKind.Validation);
        return await reports.DashboardAsync(caller.TenantId, self, ct);
    }

    /// <summary>One agent's figures over a range.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="from">Start (ISO 8601; default: today 00:00 UTC).</param>
    /// <param name="to">End, exclusive (default: a day after <c>from</c>); at most 366 days after it.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The figures.</response>
    /// <response code="400"><c>validation_failed</c>: bad range.</response>
    /// <response code="403"><c>not_your_agent</c>, <c>insufficient_scope</c>.</response>
    /// <response code="404"><c>agent_not_found</c>.</response>
    [HttpGet("agents/{agentId:guid}")]
    [ProducesResponseType<AgentReport>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<AgentReport> Agent(Guid agentId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var range = reports.Range(from, to);
        await RequireAgentAsync(agentId, ct);
        return await reports.AgentAsync(readers.Caller.TenantId, agentId, range, ct);
    }

    /// <summary>One agent's states through a day (UTC), for a timeline chart.</summary>
    /// <param name="agentId">The agent.</param>
    /// <param name="day">The day, <c>yyyy-MM-dd</c> (default: today).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The intervals, in order.</response>
    /// <response code="403"><c>not_your_agent</c>, <c>insufficient_scope</c>.</response>
    [HttpGet("agents/{agentId:guid}/timeline")]
    [ProducesResponseType<AgentTimeline>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public async Task<AgentTimeline> Timeline(Guid agentId, DateOnly? day, CancellationToken ct)
    {
        await RequireAgentAsync(agentId, ct);
        var caller = readers.Caller;
        return await reports.TimelineAsync(caller.TenantId, agentId, day, ct);
    }

    /// <summary>
    /// What the caller may report on (for choosing a report): admins and API keys every team of the tenant, supervisors
    /// the teams they supervise, each with its agents, and the skill groups; an agent no team and no skill group (she
    /// reads her own dashboard).
    /// </summary>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The teams with their agents, and the skill groups, by name.</response>
    /// <response code="403"><c>insufficient_scope</c>.</response>
    [HttpGet("subjects")]
    [ProducesResponseType<ReportSubjects>(200)]
    public async Task<ReportSubjects> Subjects(CancellationToken ct)
    {
        var viewer = await readers.ViewerAsync(ct);
        if (!viewer.IsSupervisor) return new ReportSubjects([], []);
        return await reports.SubjectsAsync(viewer.TenantId, viewer.Scope == Application.Records.RecordScope.Tenant ? null : viewer.UserId, withSkillGroups: true, ct);
    }

    /// <summary>A team's figures over a range: each member and the members together.</summary>
    /// <param name="teamId">The team.</param>
    /// <param name="from">Start (default: today 00:00 UTC).</param>
    /// <param name="to">End, exclusive (default: a day after <c>from</c>).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The figures.</response>
    /// <response code="400"><c>validation_failed</c>: bad range.</response>
    /// <response code="403"><c>forbidden</c>: not a supervisor of this team; <c>insufficient_scope</c>.</response>
    /// <response code="404"><c>not_found</c>.</response>
    [HttpGet("teams/{teamId:guid}")]
    [ProducesResponseType<TeamReport>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<TeamReport> Team(Guid teamId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var range = reports.Range(from, to);
        var viewer = await readers.ViewerAsync(ct);
        if (viewer.Scope != Application.Records.RecordScope.Tenant)
        {
            var self = viewer.UserId!.Value;
            if (!viewer.IsSupervisor || !await db.TeamSupervisors.AnyAsync(s => s.TeamId == teamId && s.UserId == self, ct))
                throw new CtiException(ErrorCodes.Forbidden, "Only the team's supervisors read its report.", ErrorKind.Forbidden);
        }
        return await reports.TeamAsync(viewer.TenantId, teamId, range, ct);
    }

    /// <summary>A skill group's figures over a range (service level by the group's threshold).</summary>
    /// <param name="skillGroupId">The skill group.</param>
    /// <param name="from">Start (default: today 00:00 UTC).</param>
    /// <param name="to">End, exclusive (default: a day after <c>from</c>).</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The figures.</response>
    /// <response code="400"><c>validation_failed</c>: bad range.</response>
    /// <response code="403"><c>forbidden</c>: agents; <c>insufficient_scope</c>.</response>
    /// <response code="404"><c>skill_group_not_found</c>.</response>
    [HttpGet("skill-groups/{skillGroupId:guid}")]
    [ProducesResponseType<SkillGroupReport>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    public async Task<SkillGroupReport> SkillGroup(Guid skillGroupId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var range = reports.Range(from, to);
        var viewer = await readers.ViewerAsync(ct);
        if (!viewer.IsSupervisor)
            throw new CtiException(ErrorCodes.Forbidden, "Only supervisors read skill group reports.", ErrorKind.Forbidden);
        return await reports.SkillGroupAsync(viewer.TenantId, skillGroupId, range, ct);
    }

    private async Task RequireAgentAsync(Guid agentId, CancellationToken ct)
    {
        var viewer = await readers.ViewerAsync(ct);
        if (!viewer.SeesAgent(agentId))
            throw new CtiException(ErrorCodes.NotYourAgent,
                viewer.IsSupervisor ? "This agent is not in one of your teams." : "You may only read your own reports.", ErrorKind.Forbidden);
    }
}
