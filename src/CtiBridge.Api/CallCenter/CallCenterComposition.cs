using System.Text.Json.Serialization;
using CtiBridge.Api.Events;
using CtiBridge.Api.Hubs;
using CtiBridge.Api.Sandbox;
using CtiBridge.Api.Webhooks;
using CtiBridge.Application.CallCenter;
using CtiBridge.Asterisk.Adapter;
using CtiBridge.Application.Common;
using CtiBridge.Application.Events;
using CtiBridge.Application.Pbx;
using CtiBridge.Application.Persistence;
using CtiBridge.Simulator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CtiBridge.Api.CallCenter;

/// <summary>
/// Wires the call center into the host: <c>builder.Services.AddCtiCallCenter(builder.Configuration)</c> and
/// <c>app.MapCallCenterEndpoints()</c> in Program.cs.
/// </summary>
public static class CallCenterComposition
{
    /// <summary>
    /// The PBX (the Simulator in sandbox mode, else the Asterisk adapter), the engine
    /// (<see cref="CallCenterService"/>), the database journal, the event streams + SignalR, tenant loading
    /// and reload after admin writes, API-key authentication, webhooks and the
    /// call-center validators.
    /// </summary>
    public static IServiceCollection AddCtiCallCenter(this IServiceCollection services, IConfiguration configuration)
    {
        var sandbox = CtiMode.IsSandbox(configuration);
        services.TryAddSingleton(TimeProvider.System);
        // Before the PBX's hosted service: hosted services start in order, so every tenant is loaded before the first
        // ARI event (a new caller of a tenant not loaded yet would be refused; a caller left waiting by a previous
        // process, found when ARI connects, could not be taken back).
        services.AddHostedService<CallCenterHostedService>();
        services.AddHostedService<Provisioning.ProvisionedEndpointsOnStart>(); // endpoints the PBX lacks (an upgraded database), once per start
        services.AddScoped<Softphone.SoftphoneSettings>();
        if (sandbox)
        {
            services.AddSingleton(sp => new SimulatedPbx(sp.GetRequiredService<TimeProvider>(), new SimulatorOptions
            {
                HonourAutoAnswer = true,
                ExternalAnswerDelay = configuration.GetValue<double?>("Sandbox:ExternalAnswerSeconds") is { } s and > 0 ? TimeSpan.FromSeconds(s) : null,
            }));
            services.AddSingleton<IPbx>(sp => sp.GetRequiredService<SimulatedPbx>());
            services.AddSingleton(sp => PbxServers.Single(sp.GetRequiredService<IPbx>()));
            services.AddSingleton<CtiBridge.Application.PhoneRegistrations.IPhoneRegistrationSource>(sp => new SimulatedPhoneRegistrations(sp.GetRequiredService<SimulatedPbx>()));
            services.AddHostedService<SimulatorCallsReportedOnStart>(); // after the tenants are loaded (hosted services start in order)
        }
        else
        {
            services.AddAsteriskPbx(configuration); // production: the Asterisk adapter (ARI controls, AMI observes)
        }

        services.AddSingleton<CallCenterDirectory>();
        services.AddSingleton<SkillGroupBroadcaster>();
        services.AddSingleton<AgentEventStreams>();
        services.AddSingleton<ICallCenterEventSink>(sp => sp.GetRequiredService<AgentEventStreams>());
        services.AddSingleton<DatabaseJournal>();
        services.AddSingleton<ICallCenterJournal>(sp => sp.GetRequiredService<DatabaseJournal>());
        services.AddSingleton(sp =>
        {
            var service = ActivatorUtilities.CreateInstance<CallCenterService>(sp);
            // Remote agents' feature codes (*64 login with agent number + IVR PIN, *65, *66X, *67).
            var hasher = sp.GetRequiredService<CtiBridge.Application.Auth.PasswordHasher>();
            service.FeatureCodes = new CtiBridge.Application.RemoteAgents.FeatureCodeFlow(
                sp.GetRequiredService<TimeProvider>(), (pin, hash) => hash is not null && hasher.Verify(pin, hash),
                sp.GetRequiredService<ILogger<CtiBridge.Application.RemoteAgents.FeatureCodeFlow>>());
            return service;
        });
        services.AddSingleton(sp =>
        {
            var registry = new PhoneRegistry(sandbox);
            sp.GetRequiredService<AgentEventStreams>().AddObserver(registry);
            sp.GetRequiredService<CallCenterService>().DeviceReported += registry.OnDevice; // free hot-desk phones too
            return registry;
        });
        services.AddSingleton<SandboxLegs>();
        services.AddSingleton<ToolbarPresence>();
        services.AddSingleton<HubConnections>();
        services.AddSingleton<SkillGroupSubscriptions>();
        services.AddSingleton<AgentSessionRestorer>();
        services.AddSingleton<TenantReloader>();
        services.AddScoped<TenantConfigurationLoader>();
        services.AddScoped<CallRecordStore>();
        services.AddScoped<CallCenterData>();
        services.AddScoped<CtiBridge.Application.PhoneRegistrations.PhoneRegistrationsQuery>();
        services.AddScoped<CtiBridge.Application.AutoAnswer.AgentAutoAnswer>();
        services.AddScoped<CallCenterAccess>();
        services.AddScoped<AdminChangeReloadFilter>();
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.AddService<AdminChangeReloadFilter>();
            o.Filters.Add(new ProblemContentTypeFilter());
        });
        services.AddValidatorsFrom(typeof(CallCenterComposition).Assembly);
        services.AddCtiApiKeys();
        services.AddCtiWebhooks();
        services.AddSignalR(o => o.EnableDetailedErrors = false)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    /// <summary>The agent hub at <c>/hubs/agent</c> (controllers are mapped with the host's other controllers).</summary>
    public static WebApplication MapCallCenterEndpoints(this WebApplication app)
    {
        app.UseApiKeyHubAccess("/hubs/agent");
        app.MapHub<AgentHub>("/hubs/agent");
        // Resolve eagerly so the phone registry observes events from the first one on.
        app.Services.GetRequiredService<PhoneRegistry>();
        // …and the registrations source the ContactStatus events (when the phones were last heard from).
        app.Services.GetRequiredService<CtiBridge.Application.PhoneRegistrations.IPhoneRegistrationSource>();
        return app;
    }
}
