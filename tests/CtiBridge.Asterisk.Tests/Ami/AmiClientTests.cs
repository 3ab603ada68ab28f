using System.Collections.Concurrent;
using System.Text;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Connection;
using CtiBridge.Asterisk.Tests.Fakes;
using CtiBridge.TestSupport;

namespace CtiBridge.Asterisk.Tests.Ami;

/// <summary>The AMI client against a loopback fake Asterisk manager.</summary>
public class AmiClientTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static AmiOptions Options(FakeAmiServer server, Action<AmiOptions>? change = null)
    {
        var o = new AmiOptions
        {
            Host = "127.0.0.1", Port = server.Port, Username = "cti", Secret = "cti",
            KeepAliveInterval = TimeSpan.Zero,
            Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8), JitterRatio = 0 },
        };
        change?.Invoke(o);
        return o;
    }

    private AmiClient Client(FakeAmiServer server, TimeProvider? time = null, Action<AmiOptions>? change = null) =>
        new(Options(server, change), new XunitLogger<AmiClient>(output), timeProvider: time, jitterSource: () => 0.0);

    [Fact]
    public async Task Disposing_logs_off_and_says_nothing_of_a_lost_connection_when_Asterisk_closes_it()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard()); // answers Logoff with Goodbye, then closes
        var log = new XunitLogger<AmiClient>(output);
        var client = new AmiClient(Options(server), log, jitterSource: () => 0.0);
        await client.ConnectAsync().WithGuard();
        var conn = await server.Connections.Reader.ReadAsync().AsTask().WithGuard();

        await client.DisposeAsync().AsTask().WithGuard();

        lock (conn.Received) Assert.Contains(conn.Received, a => a.Name == "Logoff");
        Assert.Empty(log.Warnings);
        Assert.Equal(ConnectionState.Disconnected, client.Status.State);
    }

    [Fact]
    public async Task Logs_in_first_and_correlates_responses_that_arrive_out_of_order()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard(async (conn, action) =>
        {
            if (action.Name != "Getvar") return;
            if (action["Variable"] == "FIRST")
            {
                // Hold the first answer until the second action arrived, then answer in reverse order.
                var second = await conn.ReadActionAsync();
                while (second!["Variable"] != "SECOND") second = await conn.ReadActionAsync();
                await conn.SendAsync($"Response: Success\nActionID: {second.ActionId}\nVariable: SECOND\nValue: two\n\n");
                await conn.SendAsync("Event: VarSet\nPrivilege: dialplan,all\nChannel: PJSIP/1001-1\nVariable: X\nValue: y\n\n");
                await conn.SendAsync($"Response: Success\nActionID: {action.ActionId}\nVariable: FIRST\nValue: one\n\n");
            }
        }));
        await using var client = Client(server);
        await client.ConnectAsync().WithGuard();

        var conn = await server.Connections.Reader.ReadAsync();
        var login = conn.Received[0];
        Assert.Equal("Login", login.Name);
        Assert.Equal("cti", login["Username"]);
        Assert.Equal("cti", login["Secret"]);
        Assert.Equal("Asterisk Call Manager/11.0.0", client.Banner);

        var first = client.GetVarAsync("FIRST", "PJSIP/1001-1");
        await WaitUntilReceived(conn, "Getvar");
        var second = client.GetVarAsync("SECOND", "PJSIP/1001-1");
        Assert.Equal("one", await first.WithGuard());
        Assert.Equal("two", await second.WithGuard());
        Assert.Equal(ConnectionState.Connected, client.Status.State);
        Assert.True(client.Status.IsHealthy);
    }

    private static async Task WaitUntilReceived(FakeAmiConnection conn, string action)
    {
        for (int i = 0; i < 2000; i++)
        {
            lock (conn.Received) if (conn.Received.Any(a => a.Name == action)) return;
            await Task.Delay(5);
        }
        throw new TimeoutException("the fake server never received " + action);
    }

    [Fact]
    public async Task An_event_list_collects_its_items_while_other_events_are_interleaved()
    {
        var recorded = TestHelpers.AmiServerText("ami-raw-call2.txt").Replace("\r\n", "\n");
        // The recorded PJSIPShowEndpoints answer (ActionID cti-2), replayed for whatever ActionID the client uses.
        int start = recorded.IndexOf("Response: Success\nActionID: cti-2", StringComparison.Ordinal);
        int end = recorded.IndexOf("ListItems: 4\n", start, StringComparison.Ordinal) + "ListItems: 4\n\n".Length;
        var answer = recorded[start..end];
        var unrelated = "Event: DeviceStateChange\nPrivilege: call,all\nDevice: PJSIP/1001\nState: INUSE\n\n";

        await using var server = new FakeAmiServer(FakeAmiServer.Standard(async (conn, action) =>
        {
            var blocks = answer.Replace("cti-2", action.ActionId).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            foreach (var b in blocks) { await conn.SendAsync(b + "\n\n"); await conn.SendAsync(unrelated); }
        }));
        await using var client = Client(server);
        var events = new TestHelpers.Collector<AmiMessage>();
        using var sub = client.Subscribe((e, _) => { events.Add(e); return ValueTask.CompletedTask; });
        await client.ConnectAsync().WithGuard();

        var endpoints = await client.PjsipShowEndpointsAsync().WithGuard();

        Assert.Equal(["1001", "1002", "1003", "trunk"], endpoints.Select(e => e.ObjectName));
        Assert.Equal("Not in use", endpoints[0].DeviceState);
        // The list's own events went to the list; the interleaved ones to subscribers (6 blocks -> 6 unrelated events).
        var seen = await events.WaitForCountAsync(6);
        Assert.All(seen, e => Assert.True(e.IsEventNamed("DeviceStateChange")));
    }

    [Fact]
    public async Task Command_returns_the_Output_lines_of_Asterisk_22()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard((conn, action) => conn.SendAsync(
            $"Response: Success\nActionID: {action.ActionId}\nMessage: Command output follows\nOutput: Asterisk 22.10.1 built by root\nOutput: on x86_64\n\n")));
        await using var client = Client(server);
        await client.ConnectAsync().WithGuard();

        var result = await client.CommandAsync("core show version").WithGuard();

        Assert.Equal(["Asterisk 22.10.1 built by root", "on x86_64"], result.Output);
        var conn = await server.Connections.Reader.ReadAsync();
        Assert.Equal("core show version", conn.Received.Single(a => a.Name == "Command")["Command"]);
    }

    [Fact]
    public async Task An_error_response_is_an_AmiActionException_with_Asterisks_message()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard((conn, action) =>
            conn.SendAsync($"Response: Error\nActionID: {action.ActionId}\nMessage: No such channel\n\n")));
        await using var client = Client(server);
        await client.ConnectAsync().WithGuard();

        var ex = await Assert.ThrowsAsync<AmiActionException>(() => client.HangupAsync("PJSIP/nope-1").WithGuard());
        Assert.Contains("No such channel", ex.Message);
        Assert.Contains("Hangup", ex.Message);
    }

    [Fact]
    public async Task A_refused_login_fails_ConnectAsync_and_is_shown_in_the_status()
    {
        await using var server = new FakeAmiServer(async conn =>
        {
            await conn.SendRawAsync(Encoding.ASCII.GetBytes(TestHelpers.ReadFixture("ami-nc-badlogin.txt").Split('\n')[0] + "\n"));
            var login = await conn.ReadActionAsync();
            await conn.SendAsync($"Response: Error\nActionID: {login!.ActionId}\nMessage: Authentication failed\n\n");
            conn.Drop();
        });
        var time = new ManualTimeProvider();
        await using var client = Client(server, time);

        var ex = await Assert.ThrowsAsync<AmiAuthenticationException>(() => client.ConnectAsync().WithGuard());

        Assert.Contains("Authentication failed", ex.Message);
        Assert.Contains("'cti'", ex.Message);
        var status = await TestHelpers.WaitForAsync(client, s => s.RetryIn is not null);
        Assert.Equal(ConnectionState.Reconnecting, status.State);
        Assert.Contains("Authentication failed", status.LastError);
        Assert.False(client.IsConnected);
        await Assert.ThrowsAsync<AmiNotConnectedException>(() => client.PingAsync());
    }

    [Fact]
    public async Task After_a_dropped_socket_it_backs_off_reconnects_and_logs_in_before_anything_else()
    {
        var connections = new ConcurrentQueue<FakeAmiConnection>();
        await using var server = new FakeAmiServer(FakeAmiServer.Standard());
        var time = new ManualTimeProvider();
        await using var client = Client(server, time);
        var resyncs = new TestHelpers.Collector<ResyncReason>();
        client.ResyncRequired += (_, e) => resyncs.Add(e.Reason);
        var states = new TestHelpers.Collector<ConnectionStatus>();
        client.StateChanged += (_, e) => states.Add(e.Current);

        await client.ConnectAsync().WithGuard();
        var first = await server.Connections.Reader.ReadAsync();
        first.Drop();

        var waiting = await TestHelpers.WaitForAsync(client, s => s.State == ConnectionState.Reconnecting && s.RetryIn is not null);
        Assert.Equal(TimeSpan.FromSeconds(1), waiting.RetryIn);
        Assert.Equal(1, waiting.Attempt);
        Assert.Contains("closed", waiting.LastError);
        await Assert.ThrowsAsync<AmiNotConnectedException>(() => client.PingAsync());

        time.Advance(waiting.RetryIn!.Value);
        await TestHelpers.WaitForAsync(client, s => s.State == ConnectionState.Connected);
        var second = await server.Connections.Reader.ReadAsync();
        Assert.Equal("Pong", (await client.PingAsync().WithGuard())["Ping"]);
        Assert.Equal(["Login", "Ping"], second.Received.Select(a => a.Name));
        Assert.Equal([ResyncReason.Connected, ResyncReason.Reconnected], await resyncs.WaitForCountAsync(2));
        Assert.Equal(
            [ConnectionState.Connecting, ConnectionState.Connected, ConnectionState.Reconnecting, ConnectionState.Connected],
            states.Items.Select(s => s.State).Distinct().Count() > 0
                ? Collapse(states.Items.Select(s => s.State)) : []);
    }

    private static List<ConnectionState> Collapse(IEnumerable<ConnectionState> states)
    {
        var list = new List<ConnectionState>();
        foreach (var s in states) if (list.Count == 0 || list[^1] != s) list.Add(s);
        return list;
    }

    [Fact]
    public async Task Refused_connections_back_off_exponentially_up_to_the_cap()
    {
        // A port with nothing listening: every attempt is refused.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var time = new ManualTimeProvider();
        await using var client = new AmiClient(new AmiOptions
        {
            Host = "127.0.0.1", Port = port, Username = "cti", Secret = "x", KeepAliveInterval = TimeSpan.Zero,
            Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5), JitterRatio = 0.5 },
        }, timeProvider: time, jitterSource: () => 0.5);
        var delays = new List<TimeSpan>();
        client.Start();
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            var s = await TestHelpers.WaitForAsync(client, x => x.Attempt == attempt && x.RetryIn is not null);
            Assert.Contains("refused", s.LastError, StringComparison.OrdinalIgnoreCase);
            delays.Add(s.RetryIn!.Value);
            time.Advance(s.RetryIn.Value);
        }
        // 1, 2, 4, 8→5 (cap), 5; each shortened by jitter 0.5*0.5 = 25 %.
        Assert.Equal([0.75, 1.5, 3.0, 3.75, 3.75], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task A_half_written_message_is_discarded_and_the_next_session_delivers_whole_ones()
    {
        int connectionCount = 0;
        await using var server = new FakeAmiServer(async conn =>
        {
            int n = Interlocked.Increment(ref connectionCount);
            await conn.SendBannerAsync();
            var login = await conn.ReadActionAsync();
            await conn.SendAsync($"Response: Success\nActionID: {login!.ActionId}\nMessage: Authentication accepted\n\n");
            if (n == 1)
            {
                await conn.SendAsync("Event: Newchannel\nChannel: PJSIP/1001-00000001\nUniqueid: 1.1\n\n");
                await conn.SendRawAsync(Encoding.ASCII.GetBytes("Event: Hangup\r\nChannel: PJSIP/10"));
                conn.Drop();
                return;
            }
            await conn.SendAsync("Event: Hangup\nChannel: PJSIP/1001-00000001\nUniqueid: 1.1\nCause: 16\n\n");
            while (await conn.ReadActionAsync() is not null) { }
        });
        var time = new ManualTimeProvider();
        await using var client = Client(server, time);
        var events = new TestHelpers.Collector<AmiMessage>();
        using var sub = client.Subscribe((e, _) => { events.Add(e); return ValueTask.CompletedTask; });
        await client.ConnectAsync().WithGuard();

        var lost = await TestHelpers.WaitForAsync(client, s => s.RetryIn is not null);
        Assert.Contains("middle of a message", lost.LastError);
        time.Advance(lost.RetryIn!.Value);

        var got = await events.WaitForCountAsync(2);
        Assert.Equal(["Newchannel", "Hangup"], got.Select(e => e.EventName));
        Assert.Equal("16", got[1]["Cause"]);
        Assert.Equal("PJSIP/1001-00000001", got[1]["Channel"]);
    }

    [Fact]
    public async Task A_slow_server_dribbling_one_byte_at_a_time_is_read_correctly()
    {
        await using var server = new FakeAmiServer(async conn =>
        {
            foreach (var b in Encoding.ASCII.GetBytes("Asterisk Call Manager/11.0.0\r\n")) await conn.SendRawAsync([b]);
            while (await conn.ReadActionAsync() is { } a)
            {
                var text = a.Name == "Login"
                    ? $"Response: Success\r\nActionID: {a.ActionId}\r\nMessage: Authentication accepted\r\n\r\n"
                    : $"Response: Success\r\nActionID: {a.ActionId}\r\nPing: Pong\r\nTimestamp: 1.0\r\n\r\n";
                foreach (var b in Encoding.ASCII.GetBytes(text)) await conn.SendRawAsync([b]);
            }
        });
        await using var client = Client(server);
        await client.ConnectAsync().WithGuard();
        var pong = await client.PingAsync().WithGuard();
        Assert.Equal("Pong", pong["Ping"]);
        Assert.Equal("1.0", pong["Timestamp"]);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_the_action_out_on_the_injected_clock()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard((_, _) => Task.CompletedTask)); // swallows Status
        var time = new ManualTimeProvider();
        await using var client = Client(server, time, o => o.ActionTimeout = TimeSpan.FromSeconds(5));
        await client.ConnectAsync().WithGuard();

        var pending = client.SendActionAsync(new AmiAction("Status"));
        await Task.Yield();
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<AmiTimeoutException>(() => pending.WithGuard());
        Assert.Contains("Status", ex.Message);
        Assert.Equal(ConnectionState.Connected, client.Status.State); // one lost answer is not a dead connection
    }

    [Fact]
    public async Task An_action_sent_from_inside_an_event_handler_does_not_deadlock()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard());
        await using var client = Client(server);
        var answers = new TestHelpers.Collector<string>();
        using var sub = client.Subscribe("UserEvent", async (e, ct) =>
        {
            var pong = await client.PingAsync(ct);
            answers.Add(e["UserEvent"] + ":" + pong["Ping"]);
        });
        await client.ConnectAsync().WithGuard();
        var conn = await server.Connections.Reader.ReadAsync();

        await conn.SendAsync("Event: UserEvent\nPrivilege: user,all\nUserEvent: CtiTest\n\n");

        Assert.Equal(["CtiTest:Pong"], await answers.WaitForCountAsync(1));

        // And from inside an await foreach over the event stream.
        using var cts = new CancellationTokenSource(TestHelpers.Guard);
        var stream = client.ReadEventsAsync(cts.Token);
        await conn.SendAsync("Event: UserEvent\nPrivilege: user,all\nUserEvent: Again\n\n");
        await foreach (var e in stream)
        {
            Assert.Equal("Pong", (await client.PingAsync(cts.Token))["Ping"]);
            Assert.Equal("Again", e["UserEvent"]);
            break;
        }
    }

    [Fact]
    public async Task Keep_alive_pings_only_after_login_and_a_dead_connection_is_replaced()
    {
        var releaseLogin = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answerPings = true;
        await using var server = new FakeAmiServer(async conn =>
        {
            await conn.SendBannerAsync();
            while (await conn.ReadActionAsync() is { } a)
            {
                if (a.Name == "Login")
                {
                    await releaseLogin.Task;
                    await conn.SendAsync($"Response: Success\nActionID: {a.ActionId}\nMessage: Authentication accepted\n\n");
                }
                else if (a.Name == "Ping" && Volatile.Read(ref answerPings))
                    await conn.SendAsync($"Response: Success\nActionID: {a.ActionId}\nPing: Pong\n\n");
            }
        });
        var time = new ManualTimeProvider();
        await using var client = Client(server, time, o =>
        {
            o.KeepAliveInterval = TimeSpan.FromSeconds(5);
            o.ActionTimeout = TimeSpan.FromSeconds(3);
            o.ConnectTimeout = TimeSpan.FromHours(1);
        });
        client.Start();
        var conn = await server.Connections.Reader.ReadAsync();
        await WaitUntilReceived(conn, "Login");

        time.Advance(TimeSpan.FromSeconds(30)); // a long wait for the login answer: no ping may go out meanwhile
        releaseLogin.SetResult();
        await TestHelpers.WaitForAsync(client, s => s.State == ConnectionState.Connected);
        Assert.Equal(["Login"], conn.Received.Select(a => a.Name));

        await AdvanceUntil(time, () => { lock (conn.Received) return conn.Received.Any(a => a.Name == "Ping"); }, "no keep-alive ping after login");
        Assert.Equal(["Login", "Ping"], conn.Received.Select(a => a.Name));

        // Now the server stops answering pings: the next unanswered ping drops the connection. The client arms its
        // next keep-alive (and then the ping's timeout) on its own thread after handling the previous answer, so the
        // clock is moved a second at a time until each step happened, rather than assuming when the timer is armed.
        Volatile.Write(ref answerPings, false);
        await AdvanceUntil(time, () => { lock (conn.Received) return conn.Received.Count(a => a.Name == "Ping") >= 2; }, "second ping never arrived");
        await AdvanceUntil(time, () => client.Status.RetryIn is not null, "the unanswered ping did not drop the connection");
        Assert.Contains("keep-alive", client.Status.LastError);
    }

    /// <summary>Moves the manual clock one second at a time (at most a minute of it) until the condition holds.</summary>
    private static async Task AdvanceUntil(ManualTimeProvider time, Func<bool> condition, string failure)
    {
        for (var second = 0; second < 60; second++)
        {
            for (var spin = 0; spin < 20 && !condition(); spin++) await Task.Delay(5);
            if (condition()) return;
            time.Advance(TimeSpan.FromSeconds(1));
        }
        throw new TimeoutException(failure);
    }

    [Fact]
    public async Task A_Reload_event_is_not_a_disconnect_but_Shutdown_reconnects_and_logs_in_again()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard());
        var time = new ManualTimeProvider();
        await using var client = Client(server, time);
        var events = new TestHelpers.Collector<string>();
        using var sub = client.Subscribe((e, _) => { events.Add(e.EventName!); return ValueTask.CompletedTask; });
        var changes = new TestHelpers.Collector<ConnectionState>();
        await client.ConnectAsync().WithGuard();
        client.StateChanged += (_, e) => changes.Add(e.State);
        var first = await server.Connections.Reader.ReadAsync();

        await first.SendAsync("Event: Reload\nPrivilege: system,all\nModule: res_pjsip.so\nStatus: 2\n\n");
        await events.WaitForCountAsync(1);
        Assert.Equal("Pong", (await client.PingAsync().WithGuard())["Ping"]);
        Assert.Empty(changes.Items);
        Assert.Equal(ConnectionState.Connected, client.Status.State);

        await first.SendAsync("Event: Shutdown\nPrivilege: system,all\nShutdown: Cleanly\nRestart: True\n\n");
        var down = await TestHelpers.WaitForAsync(client, s => s.RetryIn is not null);
        Assert.Contains("shutting down", down.LastError);
        time.Advance(down.RetryIn!.Value);
        await TestHelpers.WaitForAsync(client, s => s.State == ConnectionState.Connected);
        var second = await server.Connections.Reader.ReadAsync();
        Assert.Equal("Login", second.Received[0].Name);
        await events.WaitForCountAsync(2); // subscribers get events on their own lane: the reconnect may be quicker
        Assert.Equal(["Reload", "Shutdown"], events.Items);
    }

    [Fact]
    public async Task A_throwing_handler_is_contained_and_the_next_event_is_handled()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard());
        await using var client = Client(server);
        var handled = new TestHelpers.Collector<string>();
        using var sub = client.Subscribe((e, _) =>
        {
            if (e["Uniqueid"] == "1") throw new InvalidOperationException("boom");
            handled.Add(e["Uniqueid"]!);
            return ValueTask.CompletedTask;
        });
        await client.ConnectAsync().WithGuard();
        var conn = await server.Connections.Reader.ReadAsync();
        await conn.SendAsync("Event: Newchannel\nUniqueid: 1\n\nEvent: Newchannel\nUniqueid: 2\n\n");

        Assert.Equal(["2"], await handled.WaitForCountAsync(1));
        Assert.Equal("Pong", (await client.PingAsync().WithGuard())["Ping"]); // the socket is still fine
    }

    [Fact]
    public async Task A_stuck_subscriber_never_blocks_the_reader_its_overflow_is_counted_and_a_resync_requested()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard());
        await using var client = Client(server);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stuck = client.Subscribe(async (_, _) => await gate.Task, options: new EventSubscriptionOptions { QueueCapacity = 4 });
        var fast = new TestHelpers.Collector<string>();
        using var quick = client.Subscribe((e, _) => { fast.Add(e["Uniqueid"]!); return ValueTask.CompletedTask; });
        var resync = new TaskCompletionSource<ResyncEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ResyncRequired += (_, e) => { if (e.Reason == ResyncReason.EventsDropped) resync.TrySetResult(e); };
        await client.ConnectAsync().WithGuard();
        var conn = await server.Connections.Reader.ReadAsync();

        var sb = new StringBuilder();
        for (int i = 0; i < 50; i++) sb.Append($"Event: Newchannel\nUniqueid: {i}\n\n");
        await conn.SendAsync(sb.ToString());

        Assert.Equal("Pong", (await client.PingAsync().WithGuard())["Ping"]);
        Assert.Equal(50, (await fast.WaitForCountAsync(50)).Count); // the other subscriber got everything
        var e = await resync.Task.WithGuard();
        Assert.True(e.DroppedEvents >= 1);
        Assert.True(client.DroppedEvents >= 1);
        gate.SetResult();
    }

    [Fact]
    public async Task Events_of_one_channel_are_handled_in_order_while_channels_run_in_parallel()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard());
        await using var client = Client(server);
        var seen = new ConcurrentDictionary<string, List<int>>();
        var all = new TestHelpers.Collector<int>();
        var rnd = new Random(7);
        var delays = Enumerable.Range(0, 600).Select(_ => rnd.Next(3)).ToArray();
        using var sub = client.Subscribe(async (e, _) =>
        {
            int seq = e.GetInt32("Seq")!.Value;
            for (int i = 0; i < delays[seq]; i++) await Task.Yield();
            var list = seen.GetOrAdd(e["Uniqueid"]!, _ => []);
            lock (list) list.Add(seq);
            all.Add(seq);
        }, options: new EventSubscriptionOptions { Lanes = 4, QueueCapacity = 1000 });
        await client.ConnectAsync().WithGuard();
        var conn = await server.Connections.Reader.ReadAsync();

        var sb = new StringBuilder();
        for (int i = 0; i < 600; i++) sb.Append($"Event: VarSet\nUniqueid: chan-{i % 5}\nSeq: {i}\n\n");
        await conn.SendAsync(sb.ToString());
        await all.WaitForCountAsync(600);

        Assert.Equal(5, seen.Count);
        foreach (var (_, list) in seen) Assert.Equal(list.OrderBy(x => x), list);
    }

    [Fact]
    public async Task IncludeEvents_become_by_name_include_filters_sent_right_after_login_with_the_clients_own_events()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard());
        await using var client = Client(server, change: o => o.IncludeEvents = ["DeviceStateChange", "ContactStatus", "devicestatechange"]);
        await client.ConnectAsync().WithGuard();

        var conn = await server.Connections.Reader.ReadAsync();
        List<FakeAmiAction> received;
        lock (conn.Received) received = conn.Received.ToList();
        // ConnectAsync returned only after the filters: they are the first actions after the login, once per name.
        Assert.Equal(["Login", "Filter", "Filter", "Filter", "Filter"], received.Take(5).Select(a => a.Name));
        var filters = received.Where(a => a.Name == "Filter").ToList();
        Assert.All(filters, f => Assert.Equal("Add", f["Operation"]));
        Assert.All(filters, f => Assert.Equal("", f["Filter"]));
        Assert.Equal(
            ["action(include),name(DeviceStateChange)", "action(include),name(ContactStatus)", "action(include),name(Shutdown)", "action(include),name(Reload)"],
            filters.Select(f => f["MatchCriteria"]));
    }

    [Fact]
    public async Task An_Asterisk_without_by_name_filters_gets_the_regular_expression_form_and_a_refused_one_leaves_the_session_unfiltered()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard((conn, action) =>
        {
            if (action.Name != "Filter") return conn.SendAsync($"Response: Success\nActionID: {action.ActionId}\n\n");
            // An older Asterisk: MatchCriteria unknown, so an empty Filter is refused; the regex form is accepted except for "Reload".
            if (string.IsNullOrEmpty(action["Filter"]) || action["Filter"]!.Contains("Reload", StringComparison.Ordinal))
                return conn.SendAsync($"Response: Error\nActionID: {action.ActionId}\nMessage: Filter did not compile.\n\n");
            return conn.SendAsync($"Response: Success\nActionID: {action.ActionId}\nMessage: Success\n\n");
        }));
        await using var client = Client(server, change: o => o.IncludeEvents = ["DeviceStateChange"]);
        await client.ConnectAsync().WithGuard();

        Assert.Equal(ConnectionState.Connected, client.Status.State);
        var conn = await server.Connections.Reader.ReadAsync();
        List<string?> regexes;
        lock (conn.Received) regexes = conn.Received.Where(a => a.Name == "Filter" && !string.IsNullOrEmpty(a["Filter"])).Select(a => a["Filter"]).ToList();
        Assert.Equal(["^Event: DeviceStateChange[^A-Za-z0-9_]", "^Event: Shutdown[^A-Za-z0-9_]", "^Event: Reload[^A-Za-z0-9_]"], regexes);
        Assert.Equal("Pong", (await client.PingAsync().WithGuard())["Ping"]); // the session is usable
    }

    [Fact]
    public async Task Without_IncludeEvents_no_filter_is_sent()
    {
        await using var server = new FakeAmiServer(FakeAmiServer.Standard());
        await using var client = Client(server);
        await client.ConnectAsync().WithGuard();
        await client.PingAsync().WithGuard();

        var conn = await server.Connections.Reader.ReadAsync();
        lock (conn.Received) Assert.DoesNotContain(conn.Received, a => a.Name == "Filter");
    }

    [Theory]
    [InlineData("Device State")]
    [InlineData("Newchannel\nAction: Originate")]
    [InlineData("name(X)")]
    public void An_include_event_that_is_not_an_event_name_is_refused_when_the_client_is_made(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => new AmiClient(new AmiOptions { IncludeEvents = ["DeviceStateChange", name] }));
        Assert.Contains("IncludeEvents", ex.Message);
    }
}
