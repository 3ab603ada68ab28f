using System.Net.Http.Headers;
using CtiBridge.Application.Pbx;
using CtiBridge.Application.Provisioning;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using CtiBridge.Asterisk.Provisioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CtiBridge.Asterisk.Adapter;

/// <summary>
/// One Asterisk server this deployment drives: its adapter and connections (<see cref="Ami"/>: the AMI client when one is
/// configured, also when only provisioning uses it), its endpoint provisioner (when on) and the WebSocket URL browser
/// softphones of its tenants register on.
/// </summary>
public sealed record AsteriskServer(string Name, AsteriskPbx Pbx, AriClient Ari, AriEventStream Events, AmiClient? Ami,
    IEndpointProvisioner Provisioner, string? SoftphoneWebSocketUrl)
{
    public bool IsDefault => PbxServers.IsDefault(Name);
}

/// <summary>
/// Every Asterisk server, the default one (<c>Asterisk:Ari</c>, <c>Asterisk:Ami</c>, <c>Asterisk:Provisioning</c>,
/// <c>Softphone:WebSocketUrl</c>) first, then those under <c>Asterisk:Servers:&lt;name&gt;</c> (the same sections:
/// <c>Ari</c>, <c>Ami</c>, <c>Provisioning</c>, and <c>SoftphoneWebSocketUrl</c>). All share <c>Asterisk:Pbx</c>.
/// </summary>
public sealed class AsteriskServers(IReadOnlyList<AsteriskServer> servers)
{
    public const string SectionKey = "Asterisk:Servers";

    public IReadOnlyList<AsteriskServer> All => servers;

    public AsteriskServer Default => servers[0];

    /// <summary>The server named <paramref name="name"/> (null or blank: the default one), or null when none is configured.</summary>
    public AsteriskServer? Find(string? name) =>
        servers.FirstOrDefault(s => string.Equals(s.Name, PbxServers.NameOf(name), StringComparison.OrdinalIgnoreCase));

    /// <summary>The names configured under <c>Asterisk:Servers</c>, checked: letters, digits and hyphens, not "default".</summary>
    public static IReadOnlyList<IConfigurationSection> ExtraSections(IConfiguration configuration)
    {
        var sections = configuration.GetSection(SectionKey).GetChildren().ToList();
        foreach (var s in sections)
        {
            if (PbxServers.IsDefault(s.Key) || !System.Text.RegularExpressions.Regex.IsMatch(s.Key, "^[A-Za-z0-9][A-Za-z0-9-]{0,62}$"))
                throw new InvalidOperationException(
                    $"{SectionKey}:{s.Key}: a server's name is 1–63 letters, digits and hyphens and not '{PbxServers.DefaultName}' (the server of Asterisk:Ari).");
        }
        return sections;
    }

    /// <summary>Builds a server other than the default one from its section, with its own clients (nothing connects here).</summary>
    internal static AsteriskServer Build(IConfigurationSection section, IServiceProvider sp)
    {
        var name = section.Key;
        var ari = new AriOptions();
        section.GetSection("Ari").Bind(ari);
        ari.AllowedEvents = (ari.AllowedEvents ?? []).Concat(AsteriskPbx.AriEventsUsed).Distinct(StringComparer.Ordinal).ToList();
        var ami = new AmiOptions();
        section.GetSection("Ami").Bind(ami);
        ami.IncludeEvents = (ami.IncludeEvents ?? []).Concat(AsteriskPbx.AmiEventsUsed).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var pbxOptions = sp.GetRequiredService<IOptions<AsteriskPbxOptions>>().Value;
        var loggers = sp.GetRequiredService<ILoggerFactory>();
        var time = sp.GetService<TimeProvider>() ?? TimeProvider.System;

        var http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = pbxOptions.HttpPooledConnectionIdleTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            MaxConnectionsPerServer = 64,
            UseCookies = false,
        })
        {
            BaseAddress = ari.RestBase(),
            Timeout = ari.RequestTimeout,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", ari.BasicAuth());
        var events = new AriEventStream(ari, loggers.CreateLogger<AriEventStream>(), time);
        var amiClient = string.IsNullOrEmpty(ami.Username) ? null : new AmiClient(ami, loggers.CreateLogger<AmiClient>(), time);
        var ariClient = new AriClient(http, ari, loggers.CreateLogger<AriClient>());
        var pbx = new AsteriskPbx(ariClient, events, pbxOptions.UseAmi ? amiClient : null, pbxOptions, loggers.CreateLogger<AsteriskPbx>(), time);

        var provisioning = new EndpointProvisioningOptions();
        sp.GetRequiredService<IConfiguration>().GetSection(EndpointProvisioningOptions.SectionName).Bind(provisioning); // templates shared …
        provisioning.IncludeFile = null;
        section.GetSection("Provisioning").Bind(provisioning); // … the file is the server's own
        IEndpointProvisioner provisioner = string.IsNullOrWhiteSpace(provisioning.IncludeFile)
            ? NoEndpointProvisioner.Instance
            : new AsteriskEndpointProvisioner(provisioning, amiClient, loggers.CreateLogger<AsteriskEndpointProvisioner>());
        return new AsteriskServer(name, pbx, ariClient, events, amiClient, provisioner, section["SoftphoneWebSocketUrl"]);
    }
}
