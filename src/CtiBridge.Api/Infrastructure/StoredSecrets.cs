using System.Xml.Linq;
using CtiBridge.Application.Common;
using CtiBridge.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace CtiBridge.Api.Infrastructure;

/// <summary>
/// ASP.NET Core Data Protection for stored secrets. Keys live in <c>DataProtection:KeysFolder</c> (default
/// <c>data/keys</c>): a folder 0700 with key files 0600. Several nodes must share that folder (or copy its keys);
/// losing it makes the stored secrets unreadable (webhooks then need new secrets).
/// </summary>
public static class StoredSecrets
{
    public const string DefaultKeysFolder = "data/keys";

    public static IServiceCollection AddCtiStoredSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = Path.GetFullPath(configuration["DataProtection:KeysFolder"] is { Length: > 0 } f ? f : DefaultKeysFolder);
        services.AddDataProtection().SetApplicationName("CtiBridge");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new PrivateFileXmlRepository(new DirectoryInfo(folder), sp.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return services;
    }

    /// <summary>The key ring's file store, keeping the folder and every key file private.</summary>
    private sealed class PrivateFileXmlRepository : FileSystemXmlRepository
    {
        public PrivateFileXmlRepository(DirectoryInfo directory, ILoggerFactory loggers) : base(Prepare(directory), loggers) { }

        private static DirectoryInfo Prepare(DirectoryInfo directory)
        {
            PrivateFiles.CreateFolder(directory.FullName);
            foreach (var file in directory.EnumerateFiles("*.xml")) PrivateFiles.Restrict(file.FullName);
            return directory;
        }

        public override void StoreElement(XElement element, string friendlyName)
        {
            base.StoreElement(element, friendlyName);
            foreach (var file in System.IO.Directory.EnumerateFiles(Directory.FullName, "*.xml")) PrivateFiles.Restrict(file);
        }
    }

    /// <summary>Stored form: <c>dp1:</c> + the Data Protection payload; anything else is a plain secret of an older version.</summary>
    private sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
    {
        private const string Prefix = "dp1:";
        private readonly IDataProtector _protector = provider.CreateProtector("CtiBridge.StoredSecrets.v1");

        public string Protect(string secret) => Prefix + _protector.Protect(secret);

        public string Unprotect(string stored) => IsProtected(stored) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;

        public bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);
    }
}
