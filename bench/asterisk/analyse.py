#!/usr/bin/env python3
"""analyse.py — one Markdown row of the real-Asterisk bench (run-bench.sh calls it after each side and rate).

Usage: analyse.py --side app_queue|ctibridge --rate R --customers CUSTOMERS_TRACE --agents AGENTS_TRACE
                  [--ami AMI_LOG] [--ari ARI_LOG] [--cpu-ticks N] [--cti-cpu-ticks N] [--seconds S] [--hz HZ] [--load TEXT]

Inputs: sipp message traces (-trace_msg) of the customers (UAC; INVITE From sip:9<n>@…) and of the agents' phones (UAS,
spanning the whole run: only events inside this run's window count); ami-log.py's log of Asterisk's Newstate and
BridgeEnter events (Asterisk's own timestamps, µs); the harness's ARI log (StasisStart of dialled agent legs,
ChannelEnteredBridge of cti- bridges, Asterisk's timestamp and the CtiBridge process's receive time; the customers'
StasisStart and when each originate request left the process, for a second line that splits CtiBridge's time to ring
the agent into Asterisk's dialplan, the event's trip, CtiBridge's decision and Asterisk's originate).

Columns: side | rate | completed/attempted (the customer got 200 OK, was bridged with an agent — a 2-channel bridge in
AMI — and got the BYE) | customer INVITE sent → agent INVITE received (matched by the caller number) | customer INVITE →
bridged (the BridgeEnter that puts the customer's and the agent's
channels in one bridge) | agent answered (the agent channel's Newstate Up, i.e. Asterisk got the
200 OK) → bridged; for CtiBridge also agent leg StasisStart → bridged from ARI (Asterisk's timestamps) | Asterisk CPU
and CtiBridge CPU (% of one core over the run, and per call/s) | served per second (completed / first INVITE → last
BYE) | agent free (its BYE sent) → next INVITE to that agent (meaningful under saturation) | load average."""
import argparse, re
from collections import defaultdict
from datetime import datetime

def messages(path):
    with open(path, errors="replace") as f:
        text = f.read()
    for block in text.split("----------------------------------------------- ")[1:]:
        head, _, body = block.partition("\n")
        try:
            t = datetime.strptime(head.strip(), "%Y-%m-%d %H:%M:%S.%f").timestamp()
        except ValueError:
            continue
        direction = "sent" if " sent " in body.split("\n", 1)[0] else "received"
        yield t, direction, body.split("\n", 2)[2] if body.count("\n") >= 2 else ""

def header(msg, name):
    m = re.search(r"^" + name + r":\s*(.*)$", msg, re.M | re.I)
    return m.group(1).strip() if m else ""

def number(from_value):
    m = re.search(r"sip:(\d+)@", from_value)
    return m.group(1) if m else None

def pct(values, p):
    if not values: return float("nan")
    v = sorted(values); k = (len(v) - 1) * p / 100; f = int(k); c = min(f + 1, len(v) - 1)
    return v[f] + (v[c] - v[f]) * (k - f)

def pp(values, digits=1):
    return f"{pct(values,50):.{digits}f} / {pct(values,95):.{digits}f} ms" if values else "–"

ap = argparse.ArgumentParser()
ap.add_argument("--side", default="app_queue"); ap.add_argument("--rate"); ap.add_argument("--customers"); ap.add_argument("--agents")
ap.add_argument("--ami"); ap.add_argument("--ari"); ap.add_argument("--load", default="")
ap.add_argument("--cpu-ticks", type=int, default=0); ap.add_argument("--cti-cpu-ticks", type=int, default=0)
ap.add_argument("--seconds", type=float, default=0); ap.add_argument("--hz", type=int, default=100)
a = ap.parse_args()

invite, answered, bye_t = {}, {}, {}
for t, d, msg in messages(a.customers):
    first = msg.split("\n", 1)[0]; cid = header(msg, "Call-ID"); num = number(header(msg, "From"))
    if d == "sent" and first.startswith("INVITE") and cid not in invite: invite[cid] = (t, num)
    elif d == "received" and first.startswith("SIP/2.0 200") and "INVITE" in header(msg, "CSeq") and cid not in answered: answered[cid] = t
    elif d == "received" and first.startswith("BYE"): bye_t[cid] = t
start = min(t for t, _ in invite.values())
end = max(bye_t.values()) if bye_t else max(t for t, _ in invite.values()) + 60
started = {num: t for (t, num) in invite.values()}

# Agents' phones: INVITEs by caller number; agent free (its BYE) → its next INVITE, inside this run only.
agent_invite, free_at, next_offer = defaultdict(list), {}, []
for t, d, msg in messages(a.agents):
    if t < start - 0.5 or t > end + 0.5: continue
    first = msg.split("\n", 1)[0]
    if d == "received" and first.startswith("INVITE"):
        num = number(header(msg, "From")); agent = re.search(r"sip:(agent\d+)@", first)
        if num: agent_invite[num].append(t)
        if agent and agent.group(1) in free_at: next_offer.append((t - free_at.pop(agent.group(1))) * 1000)
    elif d == "sent" and first.startswith("BYE") and "CSeq: 2 BYE" in msg:
        agent = re.search(r"sip:(agent\d+)@", header(msg, "From"))
        if agent: free_at[agent.group(1)] = t  # the agent hung up: free from now
to_agent = [(min(x for x in agent_invite[n] if x >= t) - t) * 1000 for n, t in started.items()
            if any(x >= t for x in agent_invite.get(n, []))]

# AMI (Asterisk's clock): agent channel Up → the BridgeEnter that makes the customer and the agent 2 in one bridge.
bridged_at, up_to_bridged = defaultdict(list), []
if a.ami:
    up, members = {}, defaultdict(list)
    for line in open(a.ami, errors="replace"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 7 or not f[0]: continue
        t = float(f[0])
        if t < start - 0.5 or t > end + 0.5: continue
        ts, event, chan, state, bridge, count, caller = float(f[0]), f[1], f[2], f[3], f[4], f[5], f[6]
        if event == "Newstate" and state == "Up" and chan.startswith("PJSIP/bench-agent-"): up.setdefault(chan, ts)
        elif event == "BridgeEnter" and (chan.startswith("PJSIP/bench-trunk") or chan.startswith("PJSIP/bench-agent-")):
            # Count the two parties only: CtiBridge's bridge also holds Asterisk's music-on-hold announcer channel.
            members[bridge].append((chan, caller))
            if len(members[bridge]) == 2:
                cust = next((c for ch, c in members[bridge] if ch.startswith("PJSIP/bench-trunk")), None)
                agent = next((ch for ch, _ in members[bridge] if ch.startswith("PJSIP/bench-agent-")), None)
                if cust and agent:
                    bridged_at[cust].append(ts)
                    if agent in up: up_to_bridged.append((ts - up[agent]) * 1000)
to_bridged = [(min(x for x in bridged_at[n] if x >= t) - t) * 1000 for n, t in started.items()
              if any(x >= t for x in bridged_at.get(n, []))]
bridged_nums = {n for n, t in started.items() if any(x >= t for x in bridged_at.get(n, []))}

# ARI (CtiBridge's own stream): dialled agent leg StasisStart → its ChannelEnteredBridge with 2 channels.
stasis_to_bridged, stasis_to_bridged_recv = [], []
if a.ari and a.side == "ctibridge":
    try:
        ss = {}
        for line in open(a.ari, errors="replace"):
            f = line.rstrip("\n").split("\t")
            if len(f) < 7: continue
            ts, recv, kind, chan = float(f[0]), float(f[1]), f[2], f[3]
            if ts < start - 0.5 or ts > end + 0.5: continue
            if kind == "StasisStart": ss[chan] = (ts, recv)
            elif kind == "EnteredBridge" and chan in ss and f[6] and int(f[6]) >= 2:
                t0, r0 = ss.pop(chan)
                stasis_to_bridged.append((ts - t0) * 1000); stasis_to_bridged_recv.append((recv - r0) * 1000)
    except FileNotFoundError:
        pass

# Where CtiBridge's time to ring the agent goes (its ARI log: the customer's StasisStart, Asterisk's timestamp and the
# receive time, and when each originate request left the process). Calls are far apart at these rates: each customer
# INVITE is paired with the next StasisStart, originate and agent INVITE after it.
breakdown = ""
if a.ari and a.side == "ctibridge":
    try:
        cust_ss, originates = [], []
        for line in open(a.ari, errors="replace"):
            f = line.rstrip("\n").split("\t")
            if len(f) < 4 or f[2] not in ("CustomerStasisStart", "Originate"): continue
            ts, second = float(f[0]), float(f[1])
            if ts < start - 0.5 or ts > end + 0.5: continue
            (cust_ss if f[2] == "CustomerStasisStart" else originates).append((ts, second))
        cust_ss.sort(); originates.sort()
        parts = defaultdict(list)
        for n, t in started.items():
            ss = next(((ts, rv) for ts, rv in cust_ss if ts >= t), None)
            if not ss: continue
            orig = next((sent for sent, _ in originates if sent >= ss[1]), None)
            ring = min((x for x in agent_invite.get(n, []) if x >= t), default=None)
            # Calls offered at once only (a waiting call's originate comes when an agent frees up, not from its arrival).
            if orig is None or ring is None or not (t <= ss[0] <= ss[1] <= orig <= ring) or orig - ss[1] > 0.02: continue
            parts["dialplan"].append((ss[0] - t) * 1000); parts["event"].append((ss[1] - ss[0]) * 1000)
            parts["decide"].append((orig - ss[1]) * 1000); parts["originate"].append((ring - orig) * 1000)
        if parts:
            breakdown = ("# ctibridge, calls offered at once: customer INVITE → agent INVITE (p50 / p95) = to StasisStart (Asterisk) "
                         f"{pp(parts['dialplan'])}; StasisStart → received by CtiBridge {pp(parts['event'])}; received → "
                         f"originate sent {pp(parts['decide'])}; originate sent → agent INVITE {pp(parts['originate'])} "
                         f"({len(parts['event'])} calls)")
    except FileNotFoundError:
        pass

done = sum(1 for c, (t, n) in invite.items() if c in answered and c in bye_t and (not a.ami or n in bridged_nums))
rate = float(a.rate)
cpu = a.cpu_ticks / a.hz / a.seconds * 100 if a.seconds else float("nan")  # % of one core over the run
cti = a.cti_cpu_ticks / a.hz / a.seconds * 100 if a.seconds else float("nan")
span = (max(bye_t.values()) - start) if bye_t else float("nan")
answered_col = pp(up_to_bridged)
if stasis_to_bridged:
    answered_col += f" (StasisStart → bridged: {pp(stasis_to_bridged)}; as CtiBridge receives them: {pp(stasis_to_bridged_recv)})"
cti_col = f"{cti:.1f} % ({cti/rate:.2f} %)" if a.side == "ctibridge" else "–"
print(f"| {a.side} | {a.rate} cps | {done}/{len(invite)} | {pp(to_agent)} | {pp(to_bridged)} | {answered_col} | "
      f"{cpu:.1f} % ({cpu/rate:.2f} %) | {cti_col} | {done/span:.2f} | {pp(next_offer, 0)} | {a.load} |")
if breakdown: print(breakdown)
