using CtiBridge.Api.Auth;
using CtiBridge.Api.Infrastructure;
using CtiBridge.Data;
using CtiBridge.Data.Entities;
using CtiBridge.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.Security;

/// <summary>
/// The gate that checks, before each request, that the token's user and tenant are still enabled reads the database at
/// most every few seconds. While the database cannot be read, the last answer stands (agents keep working through a
/// database blip, also right after an admin change made every answer stale); a user it never read is refused with a
/// database-unreachable error, which the API answers 503 <c>database_unavailable</c>.
/// </summary>
public sealed class AccessTokenGateOutageTests : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ctibridge-gate-{Guid.NewGuid():N}.db");
    private readonly DatabaseOutage _outage = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly ServiceProvider _services;
    private readonly Guid _tenant = Guid.NewGuid(), _ann = Guid.NewGuid(), _bob = Guid.NewGuid();

    public AccessTokenGateOutageTests()
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_file};Pooling=False" };
        var services = new ServiceCollection();
        services.AddDbContext<CtiDbContext>(o => { options.Configure(o); o.AddInterceptors(_outage); });
        _services = services.BuildServiceProvider();
    }

    private async Task<AccessTokenGate> GateAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtiDbContext>();
        await new SchemaMigrator().MigrateAsync(db);
        db.ScopeToSystem().Tenants.Add(new Tenant { Id = _tenant, Domain = "acme", Name = "Acme", Enabled = true });
        db.Users.Add(new User { Id = _ann, TenantId = _tenant, Username = "ann", DisplayName = "Ann", PasswordHash = "h", Enabled = true });
        db.Users.Add(new User { Id = _bob, TenantId = _tenant, Username = "bob", DisplayName = "Bob", PasswordHash = "h", Enabled = true });
        await db.SaveChangesAsync();
        return new AccessTokenGate(_services.GetRequiredService<IServiceScopeFactory>(), _clock);
    }

    [Fact]
    public async Task While_the_database_cannot_be_read_the_last_answer_stands_and_a_user_never_read_gets_a_database_error()
    {
        var gate = await GateAsync();
        Assert.True(await gate.AllowsAsync(_tenant, _ann, default));

        _outage.Down = true;
        _clock.Advance(TimeSpan.FromMinutes(1)); // long past the freshness
        Assert.True(await gate.AllowsAsync(_tenant, _ann, default));
        gate.Forget(); // an admin change makes every answer stale
        Assert.True(await gate.AllowsAsync(_tenant, _ann, default));

        var never = await Assert.ThrowsAnyAsync<Exception>(() => gate.AllowsAsync(_tenant, _bob, default).AsTask());
        Assert.True(ErrorHandling.IsDatabaseUnreachable(never), never.ToString());

        _clock.Advance(AccessTokenGate.OutageTolerance); // an outage longer than the tolerance: the last answer is too old
        await Assert.ThrowsAnyAsync<Exception>(() => gate.AllowsAsync(_tenant, _ann, default).AsTask());

        _outage.Down = false;
        Assert.True(await gate.AllowsAsync(_tenant, _bob, default));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { File.Delete(_file); } catch (IOException) { }
    }
}
