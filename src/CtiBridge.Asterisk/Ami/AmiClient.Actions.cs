using System.Globalization;

namespace CtiBridge.Asterisk.Ami;

public sealed partial class AmiClient
{
    /// <summary>Ping (answers "Pong").</summary>
    public async Task<AmiMessage> PingAsync(CancellationToken ct = default) =>
        (await SendActionAsync(new AmiAction("Ping"), ct).ConfigureAwait(false)).EnsureSuccess("Ping");

    /// <summary>PJSIPShowEndpoints: every endpoint with its device state and contacts.</summary>
    public async Task<IReadOnlyList<AmiPjsipEndpoint>> PjsipShowEndpointsAsync(CancellationToken ct = default) =>
        await ListAsync("PJSIPShowEndpoints", "EndpointList", AmiPjsipEndpoint.From, ct).ConfigureAwait(false);

    /// <summary>PJSIPShowContacts: registered contacts (which phones are reachable, for hot-desking).</summary>
    public async Task<IReadOnlyList<AmiPjsipContact>> PjsipShowContactsAsync(CancellationToken ct = default) =>
        await ListAsync("PJSIPShowContacts", "ContactList", AmiPjsipContact.From, ct).ConfigureAwait(false);

    /// <summary>CoreShowChannels: all channels (also those that never entered Stasis).</summary>
    public async Task<IReadOnlyList<AmiCoreChannel>> CoreShowChannelsAsync(CancellationToken ct = default) =>
        await ListAsync("CoreShowChannels", "CoreShowChannel", AmiCoreChannel.From, ct).ConfigureAwait(false);

    /// <summary>BridgeList: all bridges.</summary>
    public async Task<IReadOnlyList<AmiBridge>> BridgeListAsync(CancellationToken ct = default) =>
        await ListAsync("BridgeList", "BridgeListItem", AmiBridge.From, ct).ConfigureAwait(false);

    private async Task<IReadOnlyList<T>> ListAsync<T>(string action, string itemEvent, Func<AmiMessage, T> map, CancellationToken ct)
    {
        var list = await SendEventListActionAsync(new AmiAction(action), ct).ConfigureAwait(false);
        if (!list.IsSuccess)
        {
            // "No endpoints/contacts found" is an error response for an empty list.
            if (list.Response.Message?.Contains("found", StringComparison.OrdinalIgnoreCase) == true) return [];
            throw new AmiActionException(action, list.Response);
        }
        var items = new List<T>(list.Events.Count);
        foreach (var e in list.Events)
            if (e.IsEventNamed(itemEvent)) items.Add(map(e));
        return items;
    }

    /// <summary>Originate. The returned response carries the ActionID that the later OriginateResponse event repeats.</summary>
    public async Task<AmiMessage> OriginateAsync(AmiOriginateRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var a = new AmiAction("Originate")
            .Add("Channel", request.Channel)
            .Add("Context", request.Context).Add("Exten", request.Exten).Add("Priority", request.Priority)
            .Add("Application", request.Application).Add("Data", request.Data)
            .Add("Timeout", request.Timeout is { } t ? (long)t.TotalMilliseconds + "" : null)
            .Add("CallerID", request.CallerId).Add("Account", request.Account)
            .Add("ChannelId", request.ChannelId).Add("OtherChannelId", request.OtherChannelId)
            .Add("Async", request.Async);
        if (request.Variables is not null)
            foreach (var (k, v) in request.Variables) a.Add("Variable", k + "=" + v);
        return (await SendActionAsync(a, ct).ConfigureAwait(false)).EnsureSuccess("Originate");
    }

    /// <summary>Redirect (transfer) a channel, optionally with a second one, to a dialplan location.</summary>
    public async Task RedirectAsync(string channel, string context, string exten, int priority = 1, string? extraChannel = null,
        CancellationToken ct = default)
    {
        var a = new AmiAction("Redirect").Add("Channel", channel).Add("Context", context).Add("Exten", exten).Add("Priority", priority);
        if (extraChannel is not null)
            a.Add("ExtraChannel", extraChannel).Add("ExtraContext", context).Add("ExtraExten", exten).Add("ExtraPriority", priority);
        (await SendActionAsync(a, ct).ConfigureAwait(false)).EnsureSuccess("Redirect");
    }

    /// <summary>Hang up a channel (by name or a regex in slashes), with an optional Q.850 cause.</summary>
    public async Task HangupAsync(string channel, int? cause = null, CancellationToken ct = default) =>
        (await SendActionAsync(new AmiAction("Hangup").Add("Channel", channel).Add("Cause", cause), ct).ConfigureAwait(false))
        .EnsureSuccess("Hangup");

    /// <summary>Getvar: a channel variable (or a global one when <paramref name="channel"/> is null); null when unset.</summary>
    public async Task<string?> GetVarAsync(string variable, string? channel = null, CancellationToken ct = default)
    {
        var r = (await SendActionAsync(new AmiAction("Getvar").Add("Channel", channel).Add("Variable", variable), ct).ConfigureAwait(false))
            .EnsureSuccess("Getvar");
        return r.TryGetValue("Value", out var v) ? v : null;
    }

    /// <summary>Setvar on a channel (or globally when <paramref name="channel"/> is null).</summary>
    public async Task SetVarAsync(string variable, string value, string? channel = null, CancellationToken ct = default) =>
        (await SendActionAsync(new AmiAction("Setvar").Add("Channel", channel).Add("Variable", variable).Add("Value", value), ct)
            .ConfigureAwait(false)).EnsureSuccess("Setvar");

    /// <summary>MixMonitor: record a channel (both directions mixed) to <paramref name="file"/>.</summary>
    public async Task<AmiMessage> MixMonitorAsync(string channel, string file, string? options = null, string? command = null,
        CancellationToken ct = default) =>
        (await SendActionAsync(new AmiAction("MixMonitor").Add("Channel", channel).Add("File", file).Add("Options", options)
            .Add("Command", command), ct).ConfigureAwait(false)).EnsureSuccess("MixMonitor");

    /// <summary>StopMixMonitor on a channel (optionally one MixMonitor by id).</summary>
    public async Task StopMixMonitorAsync(string channel, string? mixMonitorId = null, CancellationToken ct = default) =>
        (await SendActionAsync(new AmiAction("StopMixMonitor").Add("Channel", channel).Add("MixMonitorID", mixMonitorId), ct)
            .ConfigureAwait(false)).EnsureSuccess("StopMixMonitor");

    /// <summary>UserEvent: raise a custom event that every AMI client receives as <c>Event: UserEvent</c>.</summary>
    public async Task UserEventAsync(string userEvent, IEnumerable<KeyValuePair<string, string>>? headers = null,
        CancellationToken ct = default)
    {
        var a = new AmiAction("UserEvent").Add("UserEvent", userEvent);
        if (headers is not null) foreach (var (k, v) in headers) a.Add(k, v);
        (await SendActionAsync(a, ct).ConfigureAwait(false)).EnsureSuccess("UserEvent");
    }

    /// <summary>Command: a CLI command; the output lines (Asterisk 22 sends them as <c>Output:</c> fields).</summary>
    public async Task<AmiCommandResult> CommandAsync(string command, CancellationToken ct = default)
    {
        var r = (await SendActionAsync(new AmiAction("Command").Add("Command", command), ct).ConfigureAwait(false)).EnsureSuccess("Command");
        return new AmiCommandResult(r, r.GetValues("Output"));
    }

    /// <summary>Reload a module (or everything). Asterisk answers, then sends a Reload event; the session stays up.</summary>
    public async Task ReloadAsync(string? module = null, CancellationToken ct = default) =>
        (await SendActionAsync(new AmiAction("Reload").Add("Module", module), ct).ConfigureAwait(false)).EnsureSuccess("Reload");
}

/// <summary>Helpers on responses.</summary>
public static class AmiClientExtensions
{
    /// <summary>Throws <see cref="AmiActionException"/> unless the response is a success.</summary>
    public static AmiMessage EnsureSuccess(this AmiMessage response, string action = "action") =>
        response.IsSuccess ? response : throw new AmiActionException(action, response);

    internal static string Invariant(this int value) => value.ToString(CultureInfo.InvariantCulture);
}
