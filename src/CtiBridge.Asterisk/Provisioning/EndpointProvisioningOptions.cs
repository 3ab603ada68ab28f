namespace CtiBridge.Asterisk.Provisioning;

/// <summary>
/// Settings of <see cref="AsteriskEndpointProvisioner"/> (section <c>Asterisk:Provisioning</c>). Provisioning is on when
/// <see cref="IncludeFile"/> is set: the file asterisk-config/pjsip.conf includes (<c>#tryinclude
/// "provisioned/pjsip_provisioned.conf"</c>), which CtiBridge must be able to write and Asterisk to read.
/// </summary>
public sealed class EndpointProvisioningOptions
{
    public const string SectionName = "Asterisk:Provisioning";

    /// <summary>Path of the generated include file, e.g. <c>/etc/asterisk/provisioned/pjsip_provisioned.conf</c>; null = off.</summary>
    public string? IncludeFile { get; set; }

    /// <summary>Dialplan context of a tenant's devices; <c>{tenant}</c> is replaced by the tenant's domain.</summary>
    public string ContextPattern { get; set; } = "from-internal-{tenant}";

    /// <summary>Endpoint template (pjsip.conf) of browser softphones.</summary>
    public string WebTemplate { get; set; } = "endpoint-web";

    /// <summary>Endpoint template (pjsip.conf) of IP phones.</summary>
    public string SipTemplate { get; set; } = "endpoint-sip";

    /// <summary>AOR template (pjsip.conf).</summary>
    public string AorTemplate { get; set; } = "aor-single";

    /// <summary>Module reloaded through AMI after the file changed.</summary>
    public string ReloadModule { get; set; } = "res_pjsip.so";

    /// <summary>Length of generated SIP passwords (letters and digits).</summary>
    public int PasswordLength { get; set; } = 24;
}
