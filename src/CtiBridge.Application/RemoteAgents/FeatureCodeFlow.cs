using System.Collections.Concurrent;
using CtiBridge.Application.CallCenter;
using CtiBridge.Application.Pbx;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Errors;
using CtiBridge.Domain.Tenants;
using Microsoft.Extensions.Logging;

namespace CtiBridge.Application.RemoteAgents;

/// <summary>
/// Remote agents' feature codes, spoken through the PBX: <c>*64</c> log in (agent number and PIN
/// by DTMF, each ended with #; later offers call the phone they called from, or their mobile
/// number), <c>*65</c> log out, <c>*66</c> + reason digit pause, <c>*67</c> Ready. Every outcome
/// is spoken back and, through the call center, stored as a state change like any other.
/// </summary>
public sealed class FeatureCodeFlow(TimeProvider time, Func<string, string?, bool> verifyPin, ILogger<FeatureCodeFlow> log)
    : IFeatureCodeHandler
{
    /// <summary>How long the caller has for each answer before the flow says goodbye.</summary>
    public static readonly TimeSpan DigitTimeout = TimeSpan.FromSeconds(15);
    public const int MaxAttempts = 3;

    private readonly ConcurrentDictionary<string, Session> _sessions = new();

    private enum Step { AgentNumber, Pin, Done }

    private sealed class Session(TenantCallCenter center, IncomingLeg leg)
    {
        public TenantCallCenter Center { get; } = center;
        public IncomingLeg Leg { get; } = leg;
        public Guid Id { get; } = Guid.NewGuid();
        public SerialQueue Pbx { get; } = new();
        public Step Step { get; set; } = Step.AgentNumber;
        public string Digits { get; set; } = "";
        public string? AgentNumber { get; set; }
        public int Attempts { get; set; }
        public ITimer? Timer { get; set; }
        public bool HungUp { get; set; }
        public object Gate { get; } = new();
    }

    public void OnFeatureLeg(TenantCallCenter center, IncomingLeg leg)
    {
        var s = new Session(center, leg);
        _sessions[leg.LegId] = s;
        Do(s, () => s.Center.Pbx.AcceptCallAsync(s.Id, leg.LegId));
        var code = leg.Target;
        if (code == "*64") { Ask(s, Step.AgentNumber, "sound:agent-user"); return; }
        var agentId = center.AgentReachedAt(leg.CallerNumber, leg.FromEndpoint);
        if (agentId is null)
        {
            Finish(s, "sound:agent-loggedoff");   // nobody logged in from this phone
            return;
        }
        try
        {
            switch (code)
            {
                case "*65":
                    var view = center.Logout(agentId.Value);
                    Finish(s, view.Status == AgentStatus.LoggedOut ? "sound:agent-loggedoff" : "sound:auth-thankyou");
                    break;
                case "*67":
                    center.SetReady(agentId.Value);
                    Finish(s, "sound:auth-thankyou");
                    break;
                case var c when c.StartsWith("*66", StringComparison.Ordinal) && c.Length == 4:
                    center.SetNotReady(agentId.Value, c[3..]);
                    Finish(s, "sound:auth-thankyou");
                    break;
                default:
                    Finish(s, "sound:invalid");
                    break;
            }
        }
        catch (CtiException ex)
        {
            log.LogInformation("Feature code {Code} from {Caller} refused: {Reason}", code, leg.CallerNumber, ex.Code);
            Finish(s, "sound:invalid");
        }
    }

    public void OnDtmf(string legId, char digit)
    {
        if (!_sessions.TryGetValue(legId, out var s)) return;
        lock (s.Gate)
        {
            if (s.Step == Step.Done) return;
            if (digit != '#')
            {
                if (s.Digits.Length < 16) s.Digits += digit;
                return;
            }
            var entered = s.Digits;
            s.Digits = "";
            if (s.Step == Step.AgentNumber)
            {
                s.AgentNumber = entered;
                Ask(s, Step.Pin, "sound:agent-pass");
                return;
            }
            TryLogin(s, entered);
        }
    }

    /// <summary>The outcome has been spoken: now hang up (not before, or the caller would not hear it).</summary>
    public void OnPlaybackFinished(string legId)
    {
        if (!_sessions.TryGetValue(legId, out var s)) return;
        lock (s.Gate)
        {
            if (s.Step != Step.Done || s.HungUp) return;
            s.HungUp = true;
        }
        Do(s, () => s.Center.Pbx.HangupAsync(s.Leg.LegId, CallEndReason.Normal));
    }

    public void OnLegEnded(string legId)
    {
        if (!_sessions.TryRemove(legId, out var s)) return;
        lock (s.Gate)
        {
            s.Step = Step.Done;
            s.Timer?.Dispose();
        }
        Do(s, () => s.Center.Pbx.EndCallAsync(s.Id));
    }

    private void TryLogin(Session s, string pin)
    {
        var center = s.Center;
        var agentId = s.AgentNumber is null ? null : center.AgentByNumber(s.AgentNumber);
        var definition = agentId is null ? null : center.Definition(agentId.Value);
        if (definition is null || !verifyPin(pin, definition.IvrPinHash))
        {
            s.Attempts++;
            log.LogInformation("Remote login refused for agent number {Number} from {Caller} (attempt {Attempt})",
                s.AgentNumber, s.Leg.CallerNumber, s.Attempts);
            if (s.Attempts >= MaxAttempts) { Finish(s, "sound:agent-incorrect", "sound:goodbye"); return; }
            Ask(s, Step.AgentNumber, "sound:agent-incorrect", "sound:agent-user");
            return;
        }
        var agent = center.GetAgent(agentId!.Value);
        if (agent.Status != AgentStatus.LoggedOut)
        {
            Finish(s, "sound:agent-alreadyon");
            return;
        }
        // Later offers call this phone anew: a remote agent's mobile number when configured, else the
        // number (or internal phone) they called from. No line is kept open.
        var mobile = definition.Settings.ExtensionKind == ExtensionKind.Remote ? definition.Settings.MobileNumber : null;
        var internalPhone = s.Leg.FromEndpoint is { } ep && !ep.Contains("trunk", StringComparison.OrdinalIgnoreCase) ? ep : null;
        center.Login(agentId.Value, ready: true,
            hotDeskEndpoint: mobile is null ? internalPhone : null,
            reachNumber: mobile ?? (internalPhone is null ? s.Leg.CallerNumber : null));
        Finish(s, "sound:agent-loginok");
    }

    private void Ask(Session s, Step next, params string[] prompts)
    {
        s.Step = next;
        s.Digits = "";
        s.Timer?.Dispose();
        s.Timer = time.CreateTimer(_ => OnTimeout(s), null, DigitTimeout, Timeout.InfiniteTimeSpan);
        Do(s, () => s.Center.Pbx.PlayAsync(s.Leg.LegId, prompts));
    }

    private void OnTimeout(Session s)
    {
        lock (s.Gate)
        {
            if (s.Step == Step.Done) return;
            Finish(s, "sound:goodbye");
        }
    }

    /// <summary>The prompts played on a live feature-code leg so far (for tests and diagnostics).</summary>
    public bool IsActive(string legId) => _sessions.ContainsKey(legId);

    /// <summary>How long the last prompt may play before the flow hangs up regardless.</summary>
    public static readonly TimeSpan LastWordLimit = TimeSpan.FromSeconds(10);

    /// <summary>Speaks the outcome; the hang-up follows when it has been played (or after <see cref="LastWordLimit"/>).</summary>
    private void Finish(Session s, params string[] prompts)
    {
        s.Step = Step.Done;
        s.Timer?.Dispose();
        s.Timer = time.CreateTimer(_ => OnPlaybackFinished(s.Leg.LegId), null, LastWordLimit, Timeout.InfiniteTimeSpan);
        Do(s, () => s.Center.Pbx.PlayAsync(s.Leg.LegId, prompts));
    }

    private void Do(Session s, Func<Task> action) =>
        s.Pbx.Post(action, ex => log.LogWarning(ex, "Feature-code step on leg {LegId} failed: {Message}", s.Leg.LegId, ex.Message));
}
