using CtiBridge.Application.Pbx;
using CtiBridge.Application.PhoneRegistrations;
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
        services.AddSingleton<IPhoneRegistrationSource>(sp =>
        {
            var amiOptions = sp.GetRequiredService<IOptions<AmiOptions>>().Value;
            var useAmi = sp.GetRequiredService<IOptions<AsteriskPbxOptions>>().Value.UseAmi && !string.IsNullOrEmpty(amiOptions.Username);
            return new AsteriskPhoneRegistrations(useAmi ? sp.GetRequiredService<AmiClient>() : null, sp.GetService<TimeProvider>());
        });
        services.AddHostedService<AsteriskPbxHostedService>();
        services.AddAsteriskEndpointProvisioning(configuration); // PJSIP endpoints of agents and phones (Asterisk:Provisioning)
        return services;
    }
}

/// <summary>Starts the adapter's ARI/AMI connections with the host (without blocking start-up) and closes them at stop.</summary>
public sealed class AsteriskPbxHostedService(AsteriskPbx pbx, AriEventStream events, IServiceProvider services) : IHostedService
{
    // Resolved now, not at stop: the host may already be disposing its container when StopAsync runs.
    private readonly AmiClient? _ami =
        services.GetService<IOptions<AmiOptions>>()?.Value is { Username.Length: > 0 } ? services.GetRequiredService<AmiClient>() : null;

    private readonly CtiBridge.Application.Cluster.PbxStartGate? _gate = services.GetService<CtiBridge.Application.Cluster.PbxStartGate>();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>
    /// Connects at once, or — when several nodes run (a <see cref="CtiBridge.Application.Cluster.PbxStartGate"/> is
    /// registered) — once this node holds a tenant's lease.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_gate is null) return pbx.StartAsync(waitForConnection: false, cancellationToken);
        _ = StartWhenOpenAsync();
        return Task.CompletedTask;
    }

    private async Task StartWhenOpenAsync()
    {
        try
        {
            await _gate!.WhenOpen.WaitAsync(_stopping.Token).ConfigureAwait(false);
            await pbx.StartAsync(waitForConnection: false, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await pbx.DisposeAsync().ConfigureAwait(false);
        await events.DisposeAsync().ConfigureAwait(false);
        if (_ami is not null) await _ami.DisposeAsync().ConfigureAwait(false);
    }
}
