#!/usr/bin/env python3
"""ami-log.py — logs Asterisk's own event times for the bench (run-bench.sh starts it; any Asterisk whose manager.conf
has `timestampevents = yes`).

Usage: ami-log.py ETC_DIR OUT_FILE
  ETC_DIR: the Asterisk etc directory holding the generated ctibridge.env (AMI host, port, user, secret).
  Writes one tab-separated line per Newstate / BridgeEnter event until killed:
  timestamp (Asterisk's, Unix seconds with µs) | event | channel | channel state | bridge id | bridge channel count |
  caller number. An AMI event filter on the server keeps everything else off the socket."""
import signal, socket, sys

signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))

etc, out = sys.argv[1], sys.argv[2]
env = dict(l.strip().split("=", 1) for l in open(f"{etc}/ctibridge.env") if "=" in l and not l.startswith("#"))
s = socket.create_connection((env["Asterisk__Ami__Host"], int(env["Asterisk__Ami__Port"])))
def send(**kv):
    s.sendall(("".join(f"{k}: {v}\r\n" for k, v in kv.items()) + "\r\n").encode())
send(Action="Login", Username=env["Asterisk__Ami__Username"], Secret=env["Asterisk__Ami__Secret"], Events="call")
send(Action="Filter", Operation="Add", Filter="Event: (Newstate|BridgeEnter)")
f = open(out, "w", buffering=1 << 16)
buf = b""
try:
    while True:
        chunk = s.recv(1 << 16)
        if not chunk: break
        buf += chunk
        *blocks, buf = buf.split(b"\r\n\r\n")
        for block in blocks:
            m = {}
            for line in block.decode(errors="replace").split("\r\n"):
                k, _, v = line.partition(": ")
                m[k] = v
            e = m.get("Event")
            if e not in ("Newstate", "BridgeEnter"): continue
            f.write("\t".join([m.get("Timestamp", ""), e, m.get("Channel", ""), m.get("ChannelStateDesc", ""),
                               m.get("BridgeUniqueid", ""), m.get("BridgeNumChannels", ""), m.get("CallerIDNum", "")]) + "\n")
        f.flush()
except KeyboardInterrupt:
    pass
finally:
    f.flush()
