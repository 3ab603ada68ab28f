namespace CtiBridge.Asterisk.Adapter;

/// <summary>
/// Settings of the Asterisk PBX adapter, bound from configuration section "Asterisk:Pbx". The ARI and AMI connection
/// settings live in "Asterisk:Ari" and "Asterisk:Ami" (see <see cref="Ari.AriOptions"/> and <see cref="Ami.AmiOptions"/>).
/// </summary>
public sealed class AsteriskPbxOptions
{
    public const string SectionName = "Asterisk:Pbx";

    /// <summary>
    /// Prefix of the channel variables that carry attached data (<c>CTI_ACCOUNT</c> → <c>ACCOUNT</c>). Variables with
    /// this prefix that arrive in the StasisStart event (ari.conf <c>channelvars</c>) are attached at no extra cost.
    /// </summary>
    public string AttachedDataPrefix { get; set; } = "CTI_";

    /// <summary>
    /// Attached-data names (without prefix) read with ARI "variable get" when the StasisStart event does not carry them.
    /// The dialplan may also list names per call in the variable <c>CTI_KEYS</c> ("ACCOUNT,REASON").
    /// </summary>
    public List<string> AttachedDataKeys { get; set; } = [];

    /// <summary>Format of bridge recordings (Asterisk stores them as &lt;name&gt;.&lt;format&gt; in its recording directory).</summary>
    public string RecordingFormat { get; set; } = "wav";

    /// <summary>The first Stasis argument of legs CtiBridge originates (<c>dialled,&lt;callId&gt;</c>).</summary>
    public string DialledAppArg { get; set; } = "dialled";

    /// <summary>Context used by <c>RedirectAsync</c> when a destination names no context (<c>exten</c> or <c>exten@context</c>).</summary>
    public string DefaultRedirectContext { get; set; } = "cti-redirect";

    /// <summary>SIP headers added to an auto-answer leg (Asterisk function → value). Defaults cover most phones and baresip.</summary>
    public Dictionary<string, string> AutoAnswerVariables { get; set; } = new()
    {
        ["PJSIP_HEADER(add,Alert-Info)"] = "<http://127.0.0.1>;info=alert-autoanswer;delay=0",
        ["PJSIP_HEADER(add,Call-Info)"] = "<sip:127.0.0.1>;answer-after=0",
    };

    /// <summary>
    /// How long after StasisEnd the adapter waits for the channel's hang-up cause (ChannelDestroyed) before reporting the
    /// leg ended with the cause it knows.
    /// </summary>
    public TimeSpan EndCauseGrace { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// After Asterisk refused to create a channel to a device ("Allocation failed"), how long until the adapter reads the
    /// device's state again: Asterisk publishes no new state when, as far as it knows, nothing changed, so a phone it can
    /// ring again is reported available after this delay rather than at its next registration.
    /// </summary>
    public TimeSpan RefusedDeviceRecheck { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// After a contact registers, the endpoint's state is read at once and once more this much later: the first read may
    /// come before Asterisk's device-state thread has the new state, and no DeviceStateChange follows when the state it had
    /// cached does not change (an endpoint re-created with the same name while an older contact lingered).
    /// </summary>
    public TimeSpan RegisteredContactRecheck { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long StopRecording waits for Asterisk's RecordingFinished (the file complete) before returning anyway.</summary>
    public TimeSpan RecordingFinishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When, after each ARI connection, the adapter checks that Asterisk still has the Stasis application (a cut
    /// connection's clean-up can unregister it under the new WebSocket); a lost registration makes it reconnect.
    /// </summary>
    public List<TimeSpan> RegistrationChecksAfterConnect { get; set; } = [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3)];

    /// <summary>How often the registration is checked after those (zero: never).</summary>
    public TimeSpan RegistrationCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Use AMI for device and registration states (when Asterisk:Ami:Username is set).</summary>
    public bool UseAmi { get; set; } = true;

    /// <summary>Idle time after which pooled ARI HTTP connections are dropped: below Asterisk's http.conf session_keep_alive (15 s).</summary>
    public TimeSpan HttpPooledConnectionIdleTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
