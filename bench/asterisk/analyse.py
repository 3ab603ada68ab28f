#!/usr/bin/env python3
"""Columns: rate | completed/attempted | customer INVITE→agent INVITE p50/p95 | customer INVITE→customer 200 (bridged)
p50/p95 | Asterisk CPU | calls served per second (completed / first INVITE→last BYE) | agent free (its BYE)→next offer
to that agent p50/p95 (meaningful under saturation).

Reads sipp message traces (-trace_msg) of a bench run and prints one Markdown table row.

customers: the sipp UAC trace (INVITE sent with From sip:9<n>@…); agents: the sipp UAS trace of the agents' phones (their
INVITE's From carries the customer's number). Latencies: customer INVITE sent → agent INVITE received (matched by that
number), customer INVITE → customer 200 OK received. Completed: the customer got 200 OK and later a BYE."""
import argparse, re, statistics
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

ap = argparse.ArgumentParser()
ap.add_argument("--rate"); ap.add_argument("--customers"); ap.add_argument("--agents")
ap.add_argument("--cpu-ticks", type=int, default=0); ap.add_argument("--seconds", type=float, default=0); ap.add_argument("--hz", type=int, default=100)
a = ap.parse_args()

invite, answered, bye, bye_t = {}, {}, set(), {}
for t, d, msg in messages(a.customers):
    first = msg.split("\n", 1)[0]; cid = header(msg, "Call-ID"); num = number(header(msg, "From"))
    if d == "sent" and first.startswith("INVITE") and cid not in invite: invite[cid] = (t, num)
    elif d == "received" and first.startswith("SIP/2.0 200") and "INVITE" in header(msg, "CSeq") and cid not in answered: answered[cid] = t
    elif d == "received" and first.startswith("BYE"): bye.add(cid); bye_t[cid] = t
agent_invite, free_at, next_offer = {}, {}, []
for t, d, msg in messages(a.agents):
    first = msg.split("\n", 1)[0]
    if d == "received" and first.startswith("INVITE"):
        num = number(header(msg, "From")); agent = re.search(r"sip:(agent\d+)@", first)
        if num: agent_invite.setdefault(num, []).append(t)
        if agent and agent.group(1) in free_at: next_offer.append((t - free_at.pop(agent.group(1))) * 1000)
    elif d == "sent" and first.startswith("BYE") and "CSeq: 2 BYE" in msg:
        agent = re.search(r"sip:(agent\d+)@", header(msg, "From"))
        if agent: free_at[agent.group(1)] = t  # the agent hung up: free from now
started = {num: t for (t, num) in invite.values()}
# the agents' trace spans every rate of a run (caller numbers repeat): the first agent INVITE after the customer's
to_agent = [(min(x for x in agent_invite[n] if x >= t) - t) * 1000 for n, t in started.items()
            if any(x >= t for x in agent_invite.get(n, []))]
to_answer = [(answered[c] - invite[c][0]) * 1000 for c in invite if c in answered]
done = sum(1 for c in invite if c in answered and c in bye)
cpu = a.cpu_ticks / a.hz / a.seconds * 100 if a.seconds else float("nan")  # % of one core over the run
rate = float(a.rate)
span = (max(bye_t.values()) - min(t for t, _ in invite.values())) if bye_t else float("nan")
print(f"| {a.rate} cps | {done}/{len(invite)} | {pct(to_agent,50):.1f} / {pct(to_agent,95):.1f} ms | "
      f"{pct(to_answer,50):.1f} / {pct(to_answer,95):.1f} ms | {cpu:.1f}% ({cpu/rate:.2f}% per call/s) | "
      f"{done/span:.2f} | {pct(next_offer,50):.0f} / {pct(next_offer,95):.0f} ms |")
