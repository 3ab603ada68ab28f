using System.Security.Cryptography;
using System.Text;
using CtiBridge.Application.Provisioning;
using CtiBridge.Asterisk.Ami;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CtiBridge.Asterisk.Provisioning;

/// <summary>
/// Provisions PJSIP endpoints by writing a generated include file (endpoint + aor + auth per device, built on the
/// templates of asterisk-config/pjsip.conf) and reloading res_pjsip through AMI. The file is the single store of the
/// provisioned endpoints and their SIP passwords: it is read back at start, rewritten whole on every change (a
/// temporary file renamed over the old one, so Asterisk never reads half a file) and only ever written by CtiBridge.
/// Changes are serialised; a failed reload is logged and the file is applied by the next reload. See docs/provisioning.md.
/// </summary>
public sealed class AsteriskEndpointProvisioner : IEndpointProvisioner
{
    private const string Marker = ";@cti ";
    private readonly EndpointProvisioningOptions _options;
    private readonly AmiClient? _ami;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SortedDictionary<string, Entry>? _entries;

    public AsteriskEndpointProvisioner(EndpointProvisioningOptions options, AmiClient? ami, ILogger<AsteriskEndpointProvisioner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.IncludeFile)) throw new ArgumentException("Asterisk:Provisioning:IncludeFile is not set.", nameof(options));
        _options = options;
        _ami = ami;
        _logger = logger ?? NullLogger<AsteriskEndpointProvisioner>.Instance;
    }

    public bool IsActive => true;

    public string IncludeFile => _options.IncludeFile!;

    public async Task<SipCredentials?> ProvisionAsync(EndpointSpec endpoint, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var name = endpoint.Name;
        Check(name, "endpoint name", "^[A-Za-z0-9_.-]{1,100}$");
        Check(endpoint.Tenant, "tenant", "^[A-Za-z0-9_.-]{1,64}$");
        Check(endpoint.Extension, "extension", "^[0-9]{1,20}$");
        // Every tenant's endpoints share this file: a name outside the tenant's own prefix, or one recorded for another
        // tenant, is refused (the owner is the tenant recorded in the block, not what the name seems to say).
        if (!name.StartsWith(endpoint.Tenant + "-", StringComparison.Ordinal)) throw TenantEndpoints.Taken(name);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var entries = Load();
            if (entries.TryGetValue(name, out var existing) && existing.Tenant != endpoint.Tenant)
            {
                _logger.LogWarning("Tenant {Tenant} tried to provision endpoint {Endpoint} of tenant {Owner}; refused", endpoint.Tenant, name, existing.Tenant);
                throw TenantEndpoints.Taken(name);
            }
            var password = entries.TryGetValue(name, out var old) && !endpoint.NewPassword ? old.Password : NewPassword(_options.PasswordLength);
            var entry = new Entry(name, endpoint.Tenant, endpoint.Extension, endpoint.Kind, Clean(endpoint.DisplayName), password);
            if (old != entry)
            {
                entries[name] = entry;
                await SaveAndReloadAsync(entries, ct).ConfigureAwait(false);
                _logger.LogInformation("Provisioned PJSIP endpoint {Endpoint} ({Kind})", name, endpoint.Kind);
            }
            return new SipCredentials(name, name, password);
        }
        finally { _gate.Release(); }
    }

    public async Task RemoveAsync(string tenant, string endpointName, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var entries = Load();
            if (!entries.TryGetValue(endpointName, out var entry)) return;
            if (entry.Tenant != tenant)
            {
                _logger.LogWarning("Tenant {Tenant} tried to remove endpoint {Endpoint} of tenant {Owner}; left as it is", tenant, endpointName, entry.Tenant);
                return;
            }
            entries.Remove(endpointName);
            await SaveAndReloadAsync(entries, ct).ConfigureAwait(false);
            _logger.LogInformation("Removed PJSIP endpoint {Endpoint}", endpointName);
        }
        finally { _gate.Release(); }
    }

    public async Task<SipCredentials?> GetCredentialsAsync(string tenant, string endpointName, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try { return Load().TryGetValue(endpointName, out var e) && e.Tenant == tenant ? new SipCredentials(e.Name, e.Name, e.Password) : null; }
        finally { _gate.Release(); }
    }

    public async Task<string?> OwnerOfAsync(string endpointName, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try { return Load().TryGetValue(endpointName, out var e) ? e.Tenant : null; }
        finally { _gate.Release(); }
    }

    public async Task<IReadOnlyList<string>> AddMissingAsync(IReadOnlyList<MissingEndpoint> endpoints, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var entries = Load();
            var added = new List<string>();
            foreach (var (endpoint, formerName) in endpoints)
            {
                var name = endpoint.Name;
                if (entries.ContainsKey(name)) continue; // there already (its owner decides; ProvisionAsync refuses the others)
                if (!name.StartsWith(endpoint.Tenant + "-", StringComparison.Ordinal) || !IsValid(endpoint))
                {
                    _logger.LogWarning("Endpoint {Endpoint} of tenant {Tenant} not provisioned: not a valid name for the tenant", name, endpoint.Tenant);
                    continue;
                }
                string password;
                if (formerName is not null && entries.TryGetValue(formerName, out var former) && former.Tenant == endpoint.Tenant)
                {
                    password = former.Password; // the device keeps its password; only its user name changes
                    entries.Remove(formerName);
                    _logger.LogInformation("PJSIP endpoint {Former} renamed {Endpoint} (same password)", formerName, name);
                }
                else password = NewPassword(_options.PasswordLength);
                entries[name] = new Entry(name, endpoint.Tenant, endpoint.Extension, endpoint.Kind, Clean(endpoint.DisplayName), password);
                added.Add(name);
            }
            if (added.Count > 0)
            {
                await SaveAndReloadAsync(entries, ct).ConfigureAwait(false);
                _logger.LogInformation("Provisioned {Count} missing PJSIP endpoints: {Endpoints}", added.Count, string.Join(", ", added));
            }
            return added;
        }
        finally { _gate.Release(); }
    }

    private static bool IsValid(EndpointSpec e) =>
        System.Text.RegularExpressions.Regex.IsMatch(e.Name, "^[A-Za-z0-9_.-]{1,100}$")
        && System.Text.RegularExpressions.Regex.IsMatch(e.Tenant, "^[A-Za-z0-9_.-]{1,64}$")
        && System.Text.RegularExpressions.Regex.IsMatch(e.Extension, "^[0-9]{1,20}$");

    /// <summary>The endpoints in the file now.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try { return Load().Keys.ToList(); }
        finally { _gate.Release(); }
    }

    /// <summary>Asks Asterisk to reload the PJSIP configuration (throws when AMI is missing or refuses).</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        if (_ami is null) throw new InvalidOperationException("No AMI connection configured: reload Asterisk's PJSIP configuration by hand.");
        var result = await _ami.CommandAsync("module reload " + _options.ReloadModule, ct).ConfigureAwait(false);
        var output = string.Join("\n", result.Output);
        if (output.Contains("not found", StringComparison.OrdinalIgnoreCase) || output.Contains("failed", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("Asterisk did not reload " + _options.ReloadModule + ": " + output);
    }

    // ---------------------------------------------------------------- file

    private sealed record Entry(string Name, string Tenant, string Extension, ProvisionedEndpointKind Kind, string? DisplayName, string Password);

    private SortedDictionary<string, Entry> Load()
    {
        if (_entries is not null) return _entries;
        var entries = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
        if (File.Exists(IncludeFile))
            foreach (var line in File.ReadLines(IncludeFile))
            {
                if (!line.StartsWith(Marker, StringComparison.Ordinal)) continue;
                var f = line[Marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
                    .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
                if (!f.TryGetValue("name", out var name) || !f.TryGetValue("password", out var pw)) continue;
                entries[name] = new Entry(name, f.GetValueOrDefault("tenant", ""), f.GetValueOrDefault("extension", ""),
                    Enum.TryParse<ProvisionedEndpointKind>(f.GetValueOrDefault("kind"), true, out var k) ? k : ProvisionedEndpointKind.Sip,
                    f.TryGetValue("display", out var d) && d.Length > 0 ? d : null, pw);
            }
        return _entries = entries;
    }

    private async Task SaveAndReloadAsync(SortedDictionary<string, Entry> entries, CancellationToken ct)
    {
        var text = Render(entries.Values);
        var dir = Path.GetDirectoryName(Path.GetFullPath(IncludeFile))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + Path.GetFileName(IncludeFile) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead; // holds passwords
        try
        {
            await using (var s = new FileStream(temp, options))
            {
                await s.WriteAsync(Encoding.UTF8.GetBytes(text), ct).ConfigureAwait(false);
                await s.FlushAsync(ct).ConfigureAwait(false);
                s.Flush(flushToDisk: true);
            }
            File.Move(temp, IncludeFile, overwrite: true); // atomic rename: Asterisk sees the old or the new file, never half
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { }
            _entries = null; // re-read what is really on disk next time
            throw;
        }
        if (_ami is null)
        {
            _logger.LogWarning("{File} written; no AMI configured, so Asterisk applies it at its next PJSIP reload", IncludeFile);
            return;
        }
        try { await ReloadAsync(ct).ConfigureAwait(false); }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "{File} written but the PJSIP reload failed; Asterisk applies it at its next reload", IncludeFile);
        }
    }

    private string Render(IEnumerable<Entry> entries)
    {
        var sb = new StringBuilder();
        sb.Append("; pjsip_provisioned.conf — written by CtiBridge (endpoint provisioning); every change here is overwritten.\n")
          .Append("; One block per agent extension or phone: endpoint + aor + auth named <tenant>-<extension>. Holds SIP passwords:\n")
          .Append("; readable by Asterisk and CtiBridge only. See docs/provisioning.md.\n");
        foreach (var e in entries)
        {
            var template = e.Kind == ProvisionedEndpointKind.Web ? _options.WebTemplate : _options.SipTemplate;
            var context = _options.ContextPattern.Replace("{tenant}", e.Tenant, StringComparison.Ordinal);
            sb.Append('\n').Append(Marker)
              .Append("name=").Append(Uri.EscapeDataString(e.Name))
              .Append(" tenant=").Append(Uri.EscapeDataString(e.Tenant))
              .Append(" extension=").Append(Uri.EscapeDataString(e.Extension))
              .Append(" kind=").Append(e.Kind.ToString().ToLowerInvariant())
              .Append(" display=").Append(Uri.EscapeDataString(e.DisplayName ?? ""))
              .Append(" password=").Append(Uri.EscapeDataString(e.Password)).Append('\n');
            sb.Append('[').Append(e.Name).Append("](").Append(template).Append(")\n")
              .Append("context = ").Append(context).Append('\n')
              .Append("auth = ").Append(e.Name).Append('\n')
              .Append("aors = ").Append(e.Name).Append('\n')
              .Append("callerid = \"").Append(e.DisplayName ?? e.Extension).Append("\" <").Append(e.Extension).Append(">\n");
            sb.Append('[').Append(e.Name).Append("](").Append(_options.AorTemplate).Append(")\n");
            sb.Append('[').Append(e.Name).Append("]\ntype = auth\nauth_type = userpass\nusername = ").Append(e.Name)
              .Append("\npassword = ").Append(e.Password).Append('\n');
        }
        return sb.ToString();
    }

    private static string NewPassword(int length)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, Math.Max(16, length));
    }

    /// <summary>A caller name safe inside <c>callerid = "…" &lt;ext&gt;</c>: no quotes, brackets, semicolons or line breaks.</summary>
    private static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var s = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or ';' or '[' or ']' or '\\')).ToArray()).Trim();
        return s.Length == 0 ? null : s.Length > 60 ? s[..60] : s;
    }

    private static void Check(string value, string what, string pattern)
    {
        if (value is null || !System.Text.RegularExpressions.Regex.IsMatch(value, pattern))
            throw new ArgumentException($"Invalid {what} '{value}' for a PJSIP endpoint.");
    }
}
