using CtiBridge.Domain.Calls;

namespace CtiBridge.Asterisk.Adapter;

/// <summary>Q.850 hang-up causes (as Asterisk reports them) to call-center end reasons, and back to ARI hang-up reasons.</summary>
public static class HangupCauses
{
    /// <summary>
    /// Maps a Q.850 cause. <paramref name="answered"/> tells whether the leg was ever answered: a dialled leg that ends
    /// with "normal clearing" (16) or no cause before it was answered gave up ringing (no answer).
    /// </summary>
    public static CallEndReason ToEndReason(int? cause, bool answered, bool dialled) => cause switch
    {
        17 => CallEndReason.Busy,                                   // user busy
        18 or 19 => CallEndReason.NoAnswer,                         // no user responding / no answer
        21 => CallEndReason.Rejected,                               // call rejected
        1 or 3 or 20 or 27 or 28 or 34 or 38 or 41 or 42 or 44 or 58 or 66 or 88 => CallEndReason.Unreachable,
        // unallocated number, no route, subscriber absent, destination out of order, invalid format, no circuit,
        // network out of order, temporary failure, congestion, channel unavailable, bearer capability / channel type not
        // implemented, incompatible destination
        _ when dialled && !answered => CallEndReason.NoAnswer,      // 16/0/26 before answer: the originate gave up ringing
        16 or 0 or 26 or 31 or 32 or null => CallEndReason.Normal,  // normal clearing, answered elsewhere, normal unspecified
        _ => answered ? CallEndReason.Normal : CallEndReason.Failed,
    };

    /// <summary>The end reason of an unanswered dialled leg from its final dial status; null when it says nothing.</summary>
    public static CallEndReason? FromDialStatus(string? dialStatus) => dialStatus?.ToUpperInvariant() switch
    {
        "BUSY" => CallEndReason.Busy,
        "NOANSWER" => CallEndReason.NoAnswer,
        "CHANUNAVAIL" or "CONGESTION" or "INVALIDARGS" => CallEndReason.Unreachable,
        "CANCEL" => CallEndReason.NoAnswer,
        _ => null,
    };

    /// <summary>The ARI hang-up reason (DELETE /channels/{id}?reason=…) for the reason the engine gives.</summary>
    public static string ToAriReason(CallEndReason reason) => reason switch
    {
        CallEndReason.Busy => "busy",
        CallEndReason.NoAnswer => "no_answer",
        CallEndReason.Rejected or CallEndReason.Blocklisted => "rejected",
        CallEndReason.Unreachable => "congestion",
        CallEndReason.Failed => "failure",
        _ => "normal",
    };
}
