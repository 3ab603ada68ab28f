using CtiBridge.TestSupport;

namespace CtiBridge.Data.Tests;

/// <summary>The throw-away PostgreSQL server of the data tests (<see cref="PostgresInstance"/>), as an xunit fixture.</summary>
public sealed class PostgresServer : PostgresInstance, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync();
}

/// <summary>One PostgreSQL server shared by every data test.</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "databases";
}

/// <summary>
/// A theory row for PostgreSQL; skipped, with the reason shown, only when CTI_SKIP_POSTGRES=1.
/// </summary>
public sealed class PostgresDataAttribute : Xunit.Sdk.DataAttribute
{
    public PostgresDataAttribute()
    {
        if (PostgresServer.SkipRequested)
            Skip = $"{PostgresServer.SkipVariable}=1: PostgreSQL tests skipped on request.";
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) =>
        new[] { new object[] { DatabaseProvider.PostgreSql } };
}
