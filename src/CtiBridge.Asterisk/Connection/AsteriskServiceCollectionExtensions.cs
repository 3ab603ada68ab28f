using System.Net.Http.Headers;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Ari;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CtiBridge.Asterisk.Connection;

/// <summary>Registration of the Asterisk protocol clients.</summary>
public static class AsteriskServiceCollectionExtensions
{
    /// <summary>The name of the typed HttpClient used by <see cref="AriClient"/>.</summary>
    public const string AriHttpClientName = "CtiBridge.Ari";

    /// <summary>
    /// Registers <see cref="AriOptions"/> ("Asterisk:Ari"), <see cref="AmiOptions"/> ("Asterisk:Ami"), the typed
    /// <see cref="AriClient"/> (HttpClientFactory), and singletons <see cref="AriEventStream"/> and <see cref="AmiClient"/>.
    /// Nothing connects here: the adapter calls <c>ConnectAsync</c>/<c>Start</c> when the host starts.
    /// </summary>
    public static IServiceCollection AddAsteriskClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AriOptions>().Bind(configuration.GetSection(AriOptions.SectionName));
        services.AddOptions<AmiOptions>().Bind(configuration.GetSection(AmiOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(AriHttpClientName, (sp, http) =>
        {
            var o = sp.GetRequiredService<IOptions<AriOptions>>().Value;
            http.BaseAddress = o.RestBase();
            http.Timeout = o.RequestTimeout;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", o.BasicAuth());
        }).AddTypedClient<AriClient>((http, sp) =>
            new AriClient(http, sp.GetRequiredService<IOptions<AriOptions>>().Value, sp.GetService<ILogger<AriClient>>()));

        services.TryAddSingleton(sp => new AriEventStream(
            sp.GetRequiredService<IOptions<AriOptions>>().Value,
            sp.GetService<ILogger<AriEventStream>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new AmiClient(
            sp.GetRequiredService<IOptions<AmiOptions>>().Value,
            sp.GetService<ILogger<AmiClient>>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
