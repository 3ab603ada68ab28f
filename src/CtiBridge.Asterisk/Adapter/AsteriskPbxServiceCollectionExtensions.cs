using CtiBridge.Application.Pbx;
using CtiBridge.Application.PhoneRegistrations;
using CtiBridge.Application.Provisioning;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Asterisk.PhoneRegistrations;
using CtiBridge.Asterisk.Provisioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CtiBridge.Asterisk.Adapter;

/// <summary>Registration of the Asterisk PBX adapter.</summary>
public static class AsteriskPbxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AsteriskPbx"/> as the <see cref="IPbx"/> (with the ARI/AMI clients it uses) and a hosted
    /// service that starts its connections when the host starts and stops them when it stops. Configuration:
    /// "Asterisk:Ari" (BaseUrl, Username, Password, Application), "Asterisk:Ami" (Host, Port, Username, Secret; AMI is
    /// used only when a Username is set), "Asterisk:Pbx" (<see cref="AsteriskPbxOptions"/>),
    /// "Asterisk:Provisioning" (<see cref="EndpointProvisioningOptions"/>: endpoint provisioning when IncludeFile is set).
    /// </summary>
    public static IServiceCollection AddAsteriskPbx(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAsteriskClients(configuration);
        services.AddOptions<AsteriskPbxOptions>().Bind(configuration.GetSection(AsteriskPbxOptions.SectionName));
        // The adapter is the only reader of AMI events: ask Asterisk for those only (configured names are added to them).
        services.PostConfigure<AmiOptions>(o => o.IncludeEvents = (o.IncludeEvents ?? []).Concat(AsteriskPbx.AmiEventsUsed).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        services.PostConfigure<AriOptions>(o => o.AllowedEvents = (o.AllowedEvents ?? []).Concat(AsteriskPbx.AriEventsUsed).Distinct(StringComparer.Ordinal).ToList());
        // One pooled connection set for every ARI request; idle connections are dropped before Asterisk's
        // session_keep_alive closes them, so a request never lands on a socket the server just closed.
        services.AddHttpClient(AsteriskServiceCollectionExtensions.AriHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                PooledConnectionIdleTimeout = sp.GetRequiredService<IOptions<AsteriskPbxOptions>>().Value.HttpPooledConnectionIdleTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(10),
                MaxConnectionsPerServer = 64,
                UseCookies = false,
            });
        services.AddSingleton(sp =>
        {
            var pbxOptions = sp.GetRequiredService<IOptions<AsteriskPbxOptions>>().Value;
            var amiOptions = sp.GetRequiredService<IOptions<AmiOptions>>().Value;
            var useAmi = pbxOptions.UseAmi && !string.IsNullOrEmpty(amiOptions.Username);
            return new AsteriskPbx(
                sp.GetRequiredService<AriClient>(), // a typed client held for the process: its connections are reused
                sp.GetRequiredService<AriEventStream>(),
                useAmi ? sp.GetRequiredService<AmiClient>() : null,
                pbxOptions,
                sp.GetService<ILogger<AsteriskPbx>>(),
                sp.GetService<TimeProvider>());
        });
        services.AddSingleton<IPbx>(sp => sp.GetRequiredService<AsteriskPbx>());
        // Registrations (contact, User-Agent, last heard from) for the admin's phone list; needs AMI like the device states.
        services.AddSingleton(sp =>
        {
            var amiOptions = sp.GetRequiredService<IOptions<AmiOptions>>().Value;
            var useAmi = sp.GetRequiredService<IOptions<AsteriskPbxOptions>>().Value.UseAmi && !string.IsNullOrEmpty(amiOptions.Username);
            return new AsteriskPhoneRegistrations(useAmi ? sp.GetRequiredService<AmiClient>() : null, sp.GetService<TimeProvider>());
        });
        services.AddSingleton<IPhoneRegistrationSource>(sp => sp.GetRequiredService<AsteriskPhoneRegistrations>());
        services.AddHostedService<AsteriskPbxHostedService>();
        services.AddAsteriskEndpointProvisioning(configuration); // PJSIP endpoints of agents and phones (Asterisk:Provisioning)

        // Every Asterisk server: the default one above, and those of Asterisk:Servers (each tenant placed on one).
        var extra = AsteriskServers.ExtraSections(configuration);
        services.AddSingleton(sp =>
        {
            var hasAmi = !string.IsNullOrEmpty(sp.GetRequiredService<IOptions<AmiOptions>>().Value.Username);
            var first = new AsteriskServer(PbxServers.DefaultName, sp.GetRequiredService<AsteriskPbx>(), sp.GetRequiredService<AriClient>(),
                sp.GetRequiredService<AriEventStream>(),
                hasAmi ? sp.GetRequiredService<AmiClient>() : null,
                (IEndpointProvisioner?)sp.GetService<AsteriskEndpointProvisioner>() ?? NoEndpointProvisioner.Instance,
                configuration["Softphone:WebSocketUrl"]);
            return new AsteriskServers([first, .. extra.Select(section => AsteriskServers.Build(section, sp))]);
        });
        services.AddSingleton(sp => new PbxServers(sp.GetRequiredService<AsteriskServers>().All.ToDictionary(s => s.Name, s => (IPbx)s.Pbx)));
        if (extra.Count > 0)
        {
            // Registrations are read from every server; each tenant's endpoints are provisioned on its own.
            services.AddSingleton<IPhoneRegistrationSource>(sp =>
            {
                var useAmi = sp.GetRequiredService<IOptions<AsteriskPbxOptions>>().Value.UseAmi;
                var all = sp.GetRequiredService<AsteriskServers>().All;
                return new AllServersPhoneRegistrations([
                    sp.GetRequiredService<AsteriskPhoneRegistrations>(),
                    .. all.Skip(1).Select(s => new AsteriskPhoneRegistrations(useAmi ? s.Ami : null, sp.GetService<TimeProvider>())),
                ]);
            });
            services.AddSingleton<IEndpointProvisioner>(sp => new PlacedEndpointProvisioner(
                sp.GetRequiredService<AsteriskServers>().All.ToDictionary(s => s.Name, s => s.Provisioner, StringComparer.OrdinalIgnoreCase),
                sp.GetRequiredService<IServiceScopeFactory>()));
        }
        return services;
    }
}

/// <summary>
/// Starts every Asterisk server's connections with the host (without blocking start-up) and closes them at stop. When
/// several nodes run (a <see cref="CtiBridge.Application.Cluster.PbxStartGate"/> is registered) a server is connected
/// only once this node holds the lease of a tenant placed on it.
/// </summary>
public sealed class AsteriskPbxHostedService(AsteriskServers servers, IServiceProvider services, ILogger<AsteriskPbxHostedService> log) : IHostedService
{
    private readonly CtiBridge.Application.Cluster.PbxStartGate? _gate = services.GetService<CtiBridge.Application.Cluster.PbxStartGate>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _systemNames = new(StringComparer.OrdinalIgnoreCase);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var server in servers.All)
        {
            if (_gate is null)
            {
                await server.Pbx.StartAsync(waitForConnection: false, cancellationToken).ConfigureAwait(false);
                _ = CheckSystemNameAsync(server);
            }
            else _ = StartWhenOpenAsync(server);
        }
    }

    private async Task StartWhenOpenAsync(AsteriskServer server)
    {
        try
        {
            await _gate!.WhenOpen(server.Name).WaitAsync(_stopping.Token).ConfigureAwait(false);
            await server.Pbx.StartAsync(waitForConnection: false, _stopping.Token).ConfigureAwait(false);
            _ = CheckSystemNameAsync(server);
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>
    /// Several servers: Asterisk names a channel it creates after its system name (asterisk.conf <c>systemname</c>), or
    /// with the bare start time and a counter when it has none; two servers with the same (or no) system name can give
    /// two callers the same id, and CtiBridge would mix their calls up. Said loudly at start (docs/asterisk.md).
    /// </summary>
    private async Task CheckSystemNameAsync(AsteriskServer server)
    {
        if (servers.All.Count < 2) return;
        for (var attempt = 0; !_stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                var name = (await server.Ari.Asterisk.GetInfoAsync(_stopping.Token).ConfigureAwait(false)).Config?.Name ?? "";
                _systemNames[server.Name] = name;
                foreach (var (other, otherName) in _systemNames)
                    if (!string.Equals(other, server.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(otherName, name, StringComparison.Ordinal))
                        log.LogError("Asterisk servers '{Server}' and '{Other}' have the same system name '{SystemName}': their channel ids can collide and calls be mixed up; give each a distinct systemname in asterisk.conf [options]",
                            server.Name, other, name);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not reachable yet: the connection retries on its own; look again in a while.
                try { await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 2 << Math.Min(attempt, 4))), _stopping.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var server in servers.All)
        {
            await server.Pbx.DisposeAsync().ConfigureAwait(false);
            await server.Events.DisposeAsync().ConfigureAwait(false);
            if (server.Ami is not null) await server.Ami.DisposeAsync().ConfigureAwait(false);
        }
    }
}
