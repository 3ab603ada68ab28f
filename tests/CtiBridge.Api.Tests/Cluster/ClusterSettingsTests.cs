using CtiBridge.Api.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CtiBridge.Api.Tests.Cluster;

/// <summary>The several-node settings a host refuses at start, and what it registers when they are sound.</summary>
public sealed class ClusterSettingsTests
{
    private static IServiceCollection Compose(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Prepend(new("Cluster:NodeId", "node-a")))
            .Build();
        return new ServiceCollection().AddCtiCluster(configuration);
    }

    [Theory]
    [InlineData("Cluster:RenewSeconds", "8", "Cluster:RenewSeconds must be positive and at most half of Cluster:LeaseSeconds.")]
    [InlineData("Cluster:RenewSeconds", "0", "Cluster:RenewSeconds must be positive and at most half of Cluster:LeaseSeconds.")]
    [InlineData("Cluster:StallSeconds", "14", "Cluster:StallSeconds must be at least Cluster:LeaseSeconds.")]
    public void Unsound_lease_timings_stop_the_start_naming_the_setting(string key, string value, string message)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Compose((key, value)));
        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void A_node_registers_its_lease_loops_check_for_liveness_and_readiness()
    {
        var services = Compose(("Cluster:StallSeconds", "15"));
        var registration = services.BuildServiceProvider().GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .Single(r => r.Name == "cluster-lease");
        Assert.Equal(["live", "ready"], registration.Tags.Order());
    }

    [Fact]
    public void Without_a_node_id_nothing_of_the_cluster_is_registered()
    {
        var services = new ServiceCollection().AddCtiCluster(new ConfigurationBuilder().Build());
        Assert.Empty(services);
    }
}
