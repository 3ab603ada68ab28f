using CtiBridge.Domain.Tenants;

namespace CtiBridge.Application.Auth;

/// <summary>Role names as they appear in tokens and JSON (<c>agent</c>, <c>supervisor</c>, <c>admin</c>).</summary>
public static class RoleNames
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    /// <summary>The names of every role in <paramref name="roles"/>.</summary>
    public static IReadOnlyList<string> Of(UserRoles roles)
    {
        var list = new List<string>(3);
        if (roles.HasFlag(UserRoles.Agent)) list.Add(Agent);
        if (roles.HasFlag(UserRoles.Supervisor)) list.Add(Supervisor);
        if (roles.HasFlag(UserRoles.Admin)) list.Add(Admin);
        return list;
    }

    /// <summary>Parses role names (case-insensitive); null for an unknown name.</summary>
    public static UserRoles? Parse(IEnumerable<string> names)
    {
        var roles = UserRoles.None;
        foreach (var n in names)
        {
            switch (n?.Trim().ToLowerInvariant())
            {
                case Agent: roles |= UserRoles.Agent; break;
                case Supervisor: roles |= UserRoles.Supervisor; break;
                case Admin: roles |= UserRoles.Admin; break;
                default: return null;
            }
        }
        return roles;
    }
}
