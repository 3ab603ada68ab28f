using System.Net;
using System.Net.Sockets;

namespace CtiBridge.TestSupport;

/// <summary>
/// Loopback ports for the servers and SIP peers a test starts (Asterisk's HTTP, AMI and SIP listeners, sipp).
/// Why not "bind port 0 and release it": the kernel hands out ports from its ephemeral range, the same range it uses
/// for the source ports of outgoing connections, so a port released here may be taken by any connection before the
/// server binds it. Ports here come from below the ephemeral range (20000–29999), at random, are checked free for TCP
/// and UDP, and are reserved machine-wide for the rest of this process by a locked file (/tmp/ctibridge-test-ports/), so two test runs at once (two
/// clones, or a test run beside a bench run) never pick the same one. An Asterisk someone left running on its default
/// ports (5038, 5060, 8088) is outside the range.
/// </summary>
public static class LoopbackPorts
{
    private const int First = 20000, Last = 29999;
    // Not under $TMPDIR: CI gives each run its own, and the reservation must hold across runs.
    private static readonly string LockDir = Path.Combine(Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath(), "ctibridge-test-ports");
    private static readonly List<FileStream> Held = [];

    /// <summary>A port free on 127.0.0.1 for TCP and UDP, reserved for this process.</summary>
    public static int Reserve()
    {
        Directory.CreateDirectory(LockDir);
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Random.Shared.Next(First, Last + 1);
            FileStream reservation;
            try
            {
                // FileShare.None takes an exclusive advisory lock on Unix: released when this process ends, however it ends.
                reservation = new FileStream(Path.Combine(LockDir, port + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) { continue; } // another process holds it
            if (IsFree(port))
            {
                lock (Held) Held.Add(reservation);
                return port;
            }
            reservation.Dispose();
        }
        throw new InvalidOperationException($"no free loopback port in {First}–{Last}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var tcp = new TcpListener(IPAddress.Loopback, port);
            tcp.Start();
            tcp.Stop();
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException) { return false; }
    }
}
