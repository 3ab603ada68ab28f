using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CtiBridge.TestSupport;

/// <summary>
/// An EF Core interceptor that makes every connection fail to open while <see cref="Down"/>, as an unreachable database
/// server does (a transient provider error), for the tests of what CtiBridge does during a database outage.
/// </summary>
public sealed class DatabaseOutage : DbConnectionInterceptor
{
    public volatile bool Down;

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Down ? throw new UnreachableDatabaseException() : result;

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default) =>
        Down ? throw new UnreachableDatabaseException() : ValueTask.FromResult(result);

    /// <summary>What a provider throws when the server does not answer: transient.</summary>
    public sealed class UnreachableDatabaseException() : DbException("The database server cannot be reached (a test's outage).")
    {
        public override bool IsTransient => true;
    }
}
