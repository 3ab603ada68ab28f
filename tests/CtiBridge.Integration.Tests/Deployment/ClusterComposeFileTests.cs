using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CtiBridge.Integration.Tests.Deployment;

/// <summary>
/// docker/compose.cluster.yaml (two nodes, Caddy, Redis, PostgreSQL, Asterisk) and its SQL Server variant, validated with
/// Debian's <c>docker-compose config</c> (no Docker engine needed; docs/deployment.md, "Several nodes"): both files parse
/// and interpolate, the two nodes have their own name and address and share the database, Redis and signing key, and the
/// load balancer's upstreams are the nodes' addresses. Skipped, with the reason, when docker-compose is not installed.
/// </summary>
public sealed class ClusterComposeFileTests : IDisposable
{
    internal static readonly string? Binary = new[] { "/usr/bin/docker-compose", "/usr/local/bin/docker-compose" }.FirstOrDefault(File.Exists);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ctibridge-compose-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CtiBridge.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CtiBridge.sln not found");
    }

    /// <summary>The docker/ files in a scratch copy with a .env and the credentials file setup-credentials.sh would write.</summary>
    private string Prepare()
    {
        var docker = Path.Combine(_dir, "docker");
        Directory.CreateDirectory(docker);
        Directory.CreateDirectory(Path.Combine(_dir, "asterisk-config"));
        foreach (var f in Directory.GetFiles(Path.Combine(Repository(), "docker"))) File.Copy(f, Path.Combine(docker, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(docker, ".env"), "POSTGRES_PASSWORD=pg-secret\nJWT_SIGNING_KEY=0123456789abcdef0123456789abcdef\nMSSQL_SA_PASSWORD=Sa-Secret-1\n");
        File.WriteAllText(Path.Combine(_dir, "asterisk-config", "ctibridge.env"), "Asterisk__Ari__Username=ctibridge\n");
        return docker;
    }

    private static (int Code, string Output) Config(string dir, params string[] files)
    {
        var psi = new ProcessStartInfo(Binary!) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var f in files) { psi.ArgumentList.Add("-f"); psi.ArgumentList.Add(f); }
        psi.ArgumentList.Add("config");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "docker-compose config did not finish in 60 s");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The lines of one service's block in <c>docker-compose config</c>'s output.</summary>
    private static string Service(string config, string name)
    {
        var m = Regex.Match(config, $"(?ms)^  {Regex.Escape(name)}:\\n(.*?)(?=^  \\S|^\\S|\\z)");
        Assert.True(m.Success, $"service {name} not in:\n{config}");
        return m.Groups[1].Value;
    }

    private static string Setting(string service, string key)
    {
        var m = Regex.Match(service, $"(?m)^\\s+{Regex.Escape(key)}: (.*)$");
        Assert.True(m.Success, $"{key} not in:\n{service}");
        return m.Groups[1].Value.Trim().Trim('\'', '"');
    }

    [DockerComposeInstalledFact]
    public void The_single_node_file_is_valid_and_its_service_reads_the_database_and_asterisk_settings()
    {
        var dir = Prepare();
        var (code, config) = Config(dir, "compose.yaml");
        Assert.True(code == 0, config);
        var node = Service(config, "ctibridge");
        Assert.Equal("PostgreSQL", Setting(node, "Database__Provider"));
        Assert.Contains("pg-secret", Setting(node, "Database__ConnectionString"));
    }

    [DockerComposeInstalledFact]
    public void The_cluster_file_and_its_SQL_Server_variant_are_valid_and_describe_two_nodes_behind_the_balancer()
    {
        var dir = Prepare();
        var (code, config) = Config(dir, "compose.cluster.yaml");
        Assert.True(code == 0, config);
        var a = Service(config, "node-a");
        var b = Service(config, "node-b");
        Assert.Equal("node-a", Setting(a, "Cluster__NodeId"));
        Assert.Equal("node-b", Setting(b, "Cluster__NodeId"));
        Assert.NotEqual(Setting(a, "Cluster__Address"), Setting(b, "Cluster__Address"));
        Assert.Equal(Setting(a, "Cluster__Address"), Setting(a, "ASPNETCORE_URLS"));
        Assert.Equal(Setting(b, "Cluster__Address"), Setting(b, "ASPNETCORE_URLS"));
        foreach (var shared in new[] { "Database__Provider", "Database__ConnectionString", "Redis__ConnectionString", "Redis__Prefix", "Auth__Jwt__SigningKey", "DataProtection__KeysFolder" })
            Assert.Equal(Setting(a, shared), Setting(b, shared));
        Assert.Equal("PostgreSQL", Setting(a, "Database__Provider"));
        Assert.Contains("Password=pg-secret", Setting(a, "Database__ConnectionString"));
        Assert.Equal("0123456789abcdef0123456789abcdef", Setting(a, "Auth__Jwt__SigningKey"));
        foreach (var service in new[] { "lb", "redis", "db", "asterisk" }) Service(config, service);
        Assert.Contains("Caddyfile:/etc/caddy/Caddyfile", Service(config, "lb"));
        Assert.Contains("redis-server", Service(config, "redis"));

        // The balancer's upstreams are the two nodes, with readiness as its health check.
        var caddy = File.ReadAllText(Path.Combine(dir, "Caddyfile"));
        var upstreams = Regex.Match(caddy, @"reverse_proxy ([^{\n]+)\{").Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { Setting(a, "Cluster__Address"), Setting(b, "Cluster__Address") }.Select(u => new Uri(u).Authority), upstreams);
        Assert.Contains("health_uri /health/ready", caddy);

        // SQL Server variant: both nodes on SQL Server, the db service is SQL Server.
        var (sqlCode, sql) = Config(dir, "compose.cluster.yaml", "compose.cluster.sqlserver.yaml");
        Assert.True(sqlCode == 0, sql);
        foreach (var node in new[] { "node-a", "node-b" })
        {
            Assert.Equal("SqlServer", Setting(Service(sql, node), "Database__Provider"));
            Assert.Contains("Password=Sa-Secret-1", Setting(Service(sql, node), "Database__ConnectionString"));
        }
        Assert.Contains("mssql/server", Service(sql, "db"));

        // And the missing secret is refused, naming it.
        File.WriteAllText(Path.Combine(dir, ".env"), "POSTGRES_PASSWORD=pg-secret\n");
        var (missingCode, missing) = Config(dir, "compose.cluster.yaml");
        Assert.NotEqual(0, missingCode);
        Assert.Contains("JWT_SIGNING_KEY", missing);
    }
}

/// <summary>Needs Debian's docker-compose; skipped, with the reason, when it is not installed.</summary>
public sealed class DockerComposeInstalledFactAttribute : FactAttribute
{
    public DockerComposeInstalledFactAttribute()
    {
        if (ClusterComposeFileTests.Binary is null) Skip = "docker-compose is not installed (Debian package 'docker-compose', scripts/install-prerequisites.sh).";
    }
}
