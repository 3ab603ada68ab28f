using System.Security.Cryptography;
using System.Text;

namespace CtiBridge.Data.Tests;

/// <summary>
/// The migration 202612051650_quartz_job_store applies the create script the Quartz package embeds. Those scripts
/// are pinned here: a Quartz upgrade that changes its tables fails this test, because databases that already ran
/// the migration would not get the change. Then add a migration that moves the QRTZ_ tables forward (Quartz's
/// release notes name the columns) and update the hashes.
/// </summary>
public class QuartzSchemaTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "E5329B72180D04128E7F21B5726978F2DDBE39E7FD50A54A11DBF6A40BA63E6F")]
    [InlineData(DatabaseProvider.PostgreSql, "C7E6745411425F02F4464E4D33DC910B7DC93AC067F2DA6DDF4690A604F4EC78")]
    [InlineData(DatabaseProvider.SqlServer, "D2669C505C098EC9FA7E9DB6E09070CD7BD7262C61C40F65DB4DE3CA0706F8B9")]
    public void The_quartz_create_scripts_are_the_ones_the_migration_was_written_for(DatabaseProvider provider, string sha256)
    {
        var actual = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(SchemaMigrator.QuartzSchemaScript(provider).Replace("\r\n", "\n"))));
        Assert.True(sha256 == actual, $"Quartz's {provider} create script changed (SHA-256 {actual}). Add a migration for the QRTZ_ tables, then pin the new hash.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void The_quartz_migration_expands_to_the_job_store_tables(DatabaseProvider provider)
    {
        var migration = SchemaMigrator.All.Single(m => m.Id == "202612051650_quartz_job_store");
        var statements = SchemaMigrator.StatementsFor(migration, provider);
        foreach (var table in new[] { "JOB_DETAILS", "TRIGGERS", "SIMPLE_TRIGGERS", "CRON_TRIGGERS", "FIRED_TRIGGERS", "SCHEDULER_STATE", "LOCKS" })
            Assert.Contains(statements, s => s.Contains("QRTZ_" + table + " (", StringComparison.OrdinalIgnoreCase) || s.Contains("QRTZ_" + table + "', N'U'", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(statements, s => s.Contains("{0}", StringComparison.Ordinal) || s.Contains("{1}", StringComparison.Ordinal));
    }
}
