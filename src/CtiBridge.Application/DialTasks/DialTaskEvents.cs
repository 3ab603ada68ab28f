using System.Text.Json.Serialization;
using CtiBridge.Application.Events;

namespace CtiBridge.Application.DialTasks;

/// <summary>A dial task event: only to the users it names.</summary>
public abstract record DialTaskEvent(Guid TenantId, [property: JsonIgnore] IReadOnlyList<Guid> Recipients) : CallCenterEvent(TenantId)
{
    public override IReadOnlyList<Guid> Agents => Recipients;
}

/// <summary>A task's progress changed (a contact offered, dialled, given a result, retried, exhausted or blocked): to its supervisors.</summary>
public sealed record DialTaskProgressEvent(Guid TenantId, DialTaskProgress Progress, IReadOnlyList<Guid> Recipients)
    : DialTaskEvent(TenantId, Recipients)
{
    public override string Name => "dialTaskProgress";
}

/// <summary>A task's window opened or closed, or it was paused, resumed, completed or cancelled: to its agents (and supervisors).</summary>
public sealed record DialTaskChangedEvent(Guid TenantId, DialTaskView Task, IReadOnlyList<Guid> Recipients)
    : DialTaskEvent(TenantId, Recipients)
{
    public override string Name => "dialTaskChanged";
}
