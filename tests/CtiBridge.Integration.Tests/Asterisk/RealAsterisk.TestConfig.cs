namespace CtiBridge.Integration.Tests.Asterisk;

/// <summary>Test helpers added through asterisk-config's own hooks (extensions_local.conf, pjsip_local.conf).</summary>
public sealed partial class RealAsterisk
{
    /// <summary>
    /// [itest-agents]: what a test agent's phone does when rung as <c>Local/&lt;exten&gt;@itest-agents/n</c>;
    /// [itest-customer]: the customer's own phone (the other half of a Local channel whose first half runs the inbound
    /// route of the committed dialplan).
    /// </summary>
    private const string TestDialplan = """
        ; written by the integration tests (RealAsterisk) — not part of the product configuration
        [itest-agents]
        exten => answer,1,Answer()
         same => n,Echo()
        exten => ring,1,Ringing()
         same => n,Wait(300)
        exten => dtmf,1,Answer()
         same => n,WaitDigit(30)
         same => n,Set(GLOBAL(ITEST_DIGIT)=${WAITDIGITRESULT})
         same => n,Wait(300)
        exten => busy,1,Busy(10)
        exten => reject,1,Hangup(21)
        exten => unreachable,1,Hangup(20)
        ; agents 101, 102, 104: answer after a short ring; 103: rings and never answers
        exten => _10[124],1,Ringing()
         same => n,Wait(0.3)
         same => n,Answer()
         same => n,Echo()
        exten => 103,1,Ringing()
         same => n,Wait(300)
        ; 105: rings until a test sets the global ITEST_ANSWER_105 to 1, then answers (an offer still ringing while
        ; CtiBridge restarts)
        exten => 105,1,Ringing()
         same => n(wait),GotoIf($["${ITEST_ANSWER_105}" = "1"]?answer)
         same => n,Wait(0.1)
         same => n,Goto(wait)
         same => n(answer),Answer()
         same => n,Echo()
        ; numbers dialled out (guests, transfer targets): answer
        exten => _X.,1,Ringing()
         same => n,Wait(0.3)
         same => n,Answer()
         same => n,Echo()

        ; a party that says one tone and records what it hears (supervision tests): t<hertz>, the file in ITEST_TONES_DIR
        [itest-tones]
        exten => _tX.,1,Answer()
         same => n,PlayTones(${EXTEN:1})
         same => n,Record(${ITEST_TONES_DIR}/${EXTEN}-${UNIQUEID}.wav,0,120,qxk)
         same => n,Hangup()

        [itest-customer]
        exten => talk,1,Answer()
         same => n,Playback(tt-weasels)
         same => n,Wait(600)
        """;

    /// <summary>Modules only the test dialplan needs ([itest-tones]: PlayTones, Record).</summary>
    private const string TestModules = """

        ; added by the integration tests (RealAsterisk) — not part of the product configuration
        load => app_playtones.so
        load => app_record.so
        """;

    /// <summary>Desk phones played by a sipp UAS on <paramref name="phonePort"/> (static contacts, no registration).</summary>
    private static string TestPjsip(int phonePort) => $"""
        ; written by the integration tests (RealAsterisk) — not part of the product configuration
        [itest-phone-answer](endpoint-sip)
        context = itest-agents
        aors = itest-phone-answer
        [itest-phone-answer]
        type = aor
        contact = sip:answer@127.0.0.1:{phonePort}

        [itest-phone-busy](endpoint-sip)
        context = itest-agents
        aors = itest-phone-busy
        [itest-phone-busy]
        type = aor
        contact = sip:busy@127.0.0.1:{phonePort}

        ; a phone that is not registered: dialling it is "unreachable"
        [itest-phone-offline](endpoint-sip)
        context = itest-agents
        aors = itest-phone-offline
        [itest-phone-offline]
        type = aor
        max_contacts = 1
        """;
}
