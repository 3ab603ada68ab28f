#!/usr/bin/env python3
"""wire-breakdown.py — where the time to ring the agent goes, from packets on the loopback interface.

Usage: wire-breakdown.py PCAP --side app_queue|ctibridge --sip PORT --agents PORT --http PORT [--service EXTEN]

Reads a tcpdump capture (`tcpdump -i lo -w PCAP`) of one run and prints one comment line. Every time is a kernel
timestamp of a packet, so it includes no process's own clock or logging:
  app_queue:  customer INVITE (to Asterisk's SIP port) → the agent phone's INVITE (to the sipp UAS).
  ctibridge:  customer INVITE → the StasisStart frame leaving Asterisk's HTTP port (the ARI WebSocket; Asterisk's
              dialplan, Stasis() and event delivery) → the originate request (POST /ari/channels) arriving on that port
              (CtiBridge: reading the event, deciding, sending the request) → the agent phone's INVITE (Asterisk: the
              HTTP request, creating and calling the channel).
A customer INVITE counts only when the next packets of interest are its own steps, in order (the agent is rung at
once and nothing of another call came in between); a call that waited in queue is left out.
"""
import argparse
import struct


def packets(path):
    """Yields (time, proto, src port, dst port, payload) for IPv4 UDP/TCP packets of an Ethernet (lo) capture."""
    with open(path, "rb") as f:
        header = f.read(24)
        magic = struct.unpack("<I", header[:4])[0]
        if magic not in (0xA1B2C3D4, 0xA1B23C4D):
            raise SystemExit(f"{path}: not a little-endian pcap file")
        scale = 1e-9 if magic == 0xA1B23C4D else 1e-6
        while True:
            record = f.read(16)
            if len(record) < 16:
                return
            sec, frac, length, _ = struct.unpack("<IIII", record)
            data = f.read(length)
            ip = data[14:]
            if len(ip) < 20 or ip[0] >> 4 != 4:
                continue
            l4 = ip[(ip[0] & 15) * 4:]
            if len(l4) < 8:
                continue
            sport, dport = struct.unpack(">HH", l4[:4])
            if ip[9] == 17:
                yield sec + frac * scale, "udp", sport, dport, l4[8:]
            elif ip[9] == 6 and len(l4) >= 20:
                yield sec + frac * scale, "tcp", sport, dport, l4[(l4[12] >> 4) * 4:]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pcap")
    ap.add_argument("--side", required=True, choices=("app_queue", "ctibridge"))
    ap.add_argument("--sip", type=int, required=True, help="Asterisk's SIP port")
    ap.add_argument("--agents", type=int, required=True, help="the agent phones' (sipp UAS) port")
    ap.add_argument("--http", type=int, required=True, help="Asterisk's HTTP (ARI) port")
    ap.add_argument("--service", help="the dialled extension (default 7000 / 7001)")
    a = ap.parse_args()
    service = (a.service or ("7000" if a.side == "app_queue" else "7001")).encode()

    events = []  # (time, kind)
    for t, proto, sport, dport, payload in packets(a.pcap):
        if proto == "udp" and payload.startswith(b"INVITE "):
            if dport == a.sip and b"INVITE sip:" + service + b"@" in payload[:64]:
                events.append((t, "customer"))
            elif dport == a.agents:
                events.append((t, "agent"))
        elif proto == "tcp" and payload:
            if sport == a.http and b'"type":"StasisStart"' in payload and b'"args":["queue"' in payload:
                events.append((t, "stasis"))
            elif dport == a.http and payload.startswith(b"POST /ari/channels?"):
                events.append((t, "originate"))
    events.sort()

    steps = ["stasis", "originate", "agent"] if a.side == "ctibridge" else ["agent"]
    parts = {s: [] for s in steps}
    total = []
    for i, (t, kind) in enumerate(events):
        if kind != "customer":
            continue
        # Only a clean sequence counts: the very next packets of interest are this call's steps, in order. Anything
        # else in between (another call's INVITE, an originate for a caller who waited) makes the pairing ambiguous.
        times, j = [t], i + 1
        for step in steps:
            if j >= len(events) or events[j][1] != step:
                break
            times.append(events[j][0])
            j += 1
        if len(times) != len(steps) + 1 or times[-1] - t > 0.1:
            continue
        for s, (t0, t1) in zip(steps, zip(times, times[1:])):
            parts[s].append((t1 - t0) * 1000)
        total.append((times[-1] - t) * 1000)

    def pp(v):
        return f"{pct(v, 0.5):.2f} / {pct(v, 0.95):.2f} ms"

    if a.side == "app_queue":
        print(f"# app_queue on the wire ({len(total)} calls): customer INVITE → agent INVITE {pp(total)} (p50 / p95)")
    else:
        print(f"# ctibridge on the wire ({len(total)} calls): customer INVITE → agent INVITE {pp(total)} (p50 / p95) = "
              f"Asterisk to the StasisStart frame {pp(parts['stasis'])}; CtiBridge, frame in → originate out "
              f"{pp(parts['originate'])}; Asterisk, originate → agent INVITE {pp(parts['agent'])}")


if __name__ == "__main__":
    main()
