#!/usr/bin/env bash
# run-bench.sh — CtiBridge vs Asterisk's own Queue() on one real Asterisk under the same sipp load, in the same run
# (docs/benchmarks.md, "Real Asterisk: CtiBridge vs app_queue").
#
# Starts the installed Asterisk with this repository's asterisk-config/ on free loopback ports in a temporary directory
# (as the integration suite does; AMI with timestampevents), adds AGENTS agent endpoints bench-agent-1..N whose contact
# is one sipp UAS (uas-agent.xml: answers at once, talks 2 s, hangs up), a bench trunk for the sipp UAC customers
# (uac-customer.xml, caller number 9<n>), and two services:
#   7000 → Queue(bench)                        app_queue: rrmemory, wrapuptime 0, ringinuse no, AGENTS members
#   7001 → Stasis(ctibridge,queue,demo,Sales)  CtiBridge: the engine + AsteriskPbx in one process
#                                              (bench/CtiBridge.Benchmarks `load asterisk-acd`, AGENTS Ready agents)
# then, for each rate, offers CALLS customers to each side in turn (app_queue first, then CtiBridge), and prints one
# Markdown row per side and rate (analyse.py): sipp message traces, Asterisk's AMI event times (ami-log.py), CPU from
# /proc/<pid>/stat of Asterisk and of the CtiBridge process, and the load average (the machine may be shared).
#
# Usage: bench/asterisk/run-bench.sh [RATES (default "2 5 10")] [CALLS per rate (default 200)] [AGENTS (default 40)]
#   Saturation: run-bench.sh 5 200 10   (10 agents, 5 calls/s offered)
# With tcpdump installed, each measured run is also captured on lo and wire-breakdown.py prints where the time to ring
# the agent goes, from packet times alone (WIRE=0 turns it off; tcpdump runs beside the load, ~1 % of a core).
# Environment: SIDES (default "app_queue ctibridge"), WARMUP (calls per side before measuring, default 150), CTI_ASTERISK_BIN (default: asterisk on PATH, else
#   /usr/sbin/asterisk), CTI_ASTERISK_MODULES, CTI_ASTERISK_DATA, NO_BUILD=1 (use the existing Release build of the
#   harness), KEEP=1 keeps the run directory (traces, AMI and ARI logs).
# Bounded: each sipp run stops after 400 s at most, the harness after 1800 s; everything started is stopped on exit.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rates="${1:-2 5 10}"; calls="${2:-200}"; agents="${3:-40}"; sides="${SIDES:-app_queue ctibridge}"
ast="${CTI_ASTERISK_BIN:-$(command -v asterisk || echo /usr/sbin/asterisk)}"
mods="${CTI_ASTERISK_MODULES:-/usr/lib/asterisk/modules}"; data="${CTI_ASTERISK_DATA:-/var/lib/asterisk}"
[[ -x "$ast" ]] || { echo "Asterisk not found (CTI_ASTERISK_BIN)"; exit 2; }
command -v sipp >/dev/null || { echo "sipp not found"; exit 2; }
bench="$repo/bench/CtiBridge.Benchmarks"; dll="$bench/bin/Release/net10.0/CtiBridge.Benchmarks.dll"
if [[ " $sides " == *" ctibridge "* && "${NO_BUILD:-}" != 1 ]]; then
  dotnet build -c Release "$bench" -v q -nologo >/dev/null || { echo "building the harness failed"; exit 2; }
fi

root="$(mktemp -d /tmp/cti-bench-XXXXXX)"; etc="$root/etc"
mkdir -p "$etc" "$root"/{run,log,lib,db,spool/recording,traces}
cp "$repo"/asterisk-config/*.conf "$repo"/asterisk-config/*.sh "$etc/"
port() { python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
http=$(port); ami=$(port); sip=$(port); uas=$(port); uac=$(port); trunk=$(port)
sed -i "s/^bindport *=.*/bindport = $http/" "$etc/http.conf"
sed -i "s/^port *=.*/port = $ami/; s/^\[general\]$/[general]\ntimestampevents = yes/" "$etc/manager.conf"
sed -i "s/^bind = 0\.0\.0\.0:5060$/bind = 127.0.0.1:$sip/; s/^bind = 0\.0\.0\.0$/bind = 127.0.0.1/; s/127\.0\.0\.1:5070/127.0.0.1:$trunk/" "$etc/pjsip.conf"
{
  echo "; bench: $agents agent phones (one sipp UAS) and a bench trunk (the sipp UAC)"
  for i in $(seq 1 "$agents"); do
    printf '[bench-agent-%d](endpoint-sip)\ncontext = bench-in\naors = bench-agent-%d\n[bench-agent-%d]\ntype = aor\ncontact = sip:agent%d@127.0.0.1:%d\n\n' "$i" "$i" "$i" "$i" "$uas"
  done
  printf '[bench-trunk](endpoint-trunk)\ncontext = bench-in\naors = bench-trunk\n[bench-trunk]\ntype = aor\ncontact = sip:127.0.0.1:%d\n' "$uac"
  printf '[bench-trunk]\ntype = identify\nendpoint = bench-trunk\nmatch = 127.0.0.1:%d\n' "$uac"
} > "$etc/pjsip_local.conf"
cat > "$etc/extensions_local.conf" <<EOC
; bench: 7000 → Asterisk's Queue() ([bench-app-queue] of the committed dialplan); 7001 → CtiBridge's queue routing
[bench-in]
; Queue() without Answer() first: Answer() waits up to 500 ms for the caller's first RTP frame (sipp sends none),
; which would add 500 ms to app_queue's figures; Queue answers the caller when a member answers.
exten => 7000,1,Queue(bench,,,,60)
 same => n,Hangup()
exten => 7001,1,Stasis(ctibridge,queue,demo,Sales)
 same => n,Hangup()
EOC
cat > "$etc/asterisk.conf" <<EOC
[directories]
astetcdir => $etc
astmoddir => $mods
astvarlibdir => $root/lib
astdbdir => $root/db
astkeydir => $root
astdatadir => $data
astagidir => $data/agi-bin
astspooldir => $root/spool
astrundir => $root/run
astlogdir => $root/log
astsbindir => $(dirname "$ast")
[options]
verbose = 0
EOC
bash "$etc/setup-credentials.sh" "$etc" >/dev/null
"$ast" -C "$etc/asterisk.conf" -f -n >/dev/null 2>&1 &
astpid=$!
stop() { [[ -n "${1:-}" ]] && kill "$1" 2>/dev/null || true; }
cleanup() { stop "${ctipid:-}"; [[ -n "${ctipid:-}" ]] && { wait "$ctipid" 2>/dev/null || true; }
            stop "${amilogpid:-}"; stop "${uaspid:-}"; stop "${capture:-}"
            "$ast" -C "$etc/asterisk.conf" -rx 'core stop now' >/dev/null 2>&1 || kill "$astpid" 2>/dev/null || true
            [[ "${KEEP:-}" == 1 ]] && echo "kept $root" || rm -rf "$root"; }
trap cleanup EXIT
for _ in $(seq 1 300); do "$ast" -C "$etc/asterisk.conf" -rx 'core waitfullybooted' >/dev/null 2>&1 && break; sleep 0.2; done
cli() { "$ast" -C "$etc/asterisk.conf" -rx "$1"; }
for i in $(seq 1 "$agents"); do cli "queue add member PJSIP/bench-agent-$i to bench" >/dev/null; done
version=$(cli 'core show version' | head -1)

cd "$root/traces"
python3 "$here/ami-log.py" "$etc" ami.log & amilogpid=$!
sipp -sf "$here/uas-agent.xml" -i 127.0.0.1 -p "$uas" -trace_msg -message_file agents.log -nostdin -bg >/dev/null 2>&1 || true
uaspid=$(pgrep -n -f "sipp -sf $here/uas-agent.xml -i 127.0.0.1 -p $uas" || true)
if [[ " $sides " == *" ctibridge "* ]]; then
  dotnet "$dll" load asterisk-acd --etc "$etc" --agents "$agents" --ari-log ari.log > harness.out 2>&1 & ctipid=$!
  for _ in $(seq 1 300); do grep -q '^ready:' harness.out && break; kill -0 "$ctipid" 2>/dev/null || break; sleep 0.2; done
  grep -q '^ready:' harness.out || { echo "the CtiBridge harness did not start:"; cat harness.out; exit 1; }
fi
# Warm-up, not measured: WARMUP calls (default 150) at 10/s to each side. The CtiBridge process must reach steady
# state first: .NET compiles each method quickly at first, then again optimized (with profile data) once it has run
# ~30 times and a background delay has passed; with 10 warm-up calls the optimizing JIT ran during the measurement and
# was about a quarter of CtiBridge's CPU there.
for side in $sides; do
  case "$side" in app_queue) svc=7000 ;; *) svc=7001 ;; esac
  sipp -sf "$here/uac-customer.xml" -s "$svc" -i 127.0.0.1 -p "$uac" -r 10 -m "${WARMUP:-150}" -l 1000 -nostdin -timeout 120s \
       127.0.0.1:"$sip" >/dev/null 2>&1 || true
done
ticks() { [[ -n "${1:-}" ]] && awk '{print $14+$15}' "/proc/$1/stat" || echo 0; }
echo "# $version; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $agents agents; $calls calls per rate"
echo "| side | rate | completed / attempted | cust. INVITE → agent INVITE p50 / p95 | cust. INVITE → bridged p50 / p95 | agent answered → bridged p50 / p95 | Asterisk CPU (per call/s) | CtiBridge CPU (per call/s) | served /s | agent free → next offer p50 / p95 | load avg (1 min) before → after |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for r in $rates; do
  for side in $sides; do
    case "$side" in app_queue) svc=7000; pid="" ;; ctibridge) svc=7001; pid="${ctipid:-}" ;; *) echo "unknown side $side"; exit 2 ;; esac
    sleep 3  # the previous run's last calls and channels are gone
    load0=$(cut -d' ' -f1 /proc/loadavg)
    astcpu0=$(ticks "$astpid"); cticpu0=$(ticks "$pid"); t0=$(date +%s.%N)
    capture=""
    if [[ "${WIRE:-1}" == 1 ]] && command -v tcpdump >/dev/null; then
      tcpdump -i lo -s 512 -U -w "wire-$side-$r.pcap" "udp port $sip or udp port $uas or tcp port $http" >/dev/null 2>&1 & capture=$!
      sleep 1
    fi
    sipp -sf "$here/uac-customer.xml" -s "$svc" -i 127.0.0.1 -p "$uac" -r "$r" -m "$calls" -l 1000 \
         -trace_msg -message_file "customers-$side-$r.log" -nostdin -timeout 400s 127.0.0.1:"$sip" >/dev/null 2>&1 || true
    t1=$(date +%s.%N); astcpu1=$(ticks "$astpid"); cticpu1=$(ticks "$pid"); load1=$(cut -d' ' -f1 /proc/loadavg)
    sleep 1  # AMI and ARI logs catch up
    python3 "$here/analyse.py" --side "$side" --rate "$r" --customers "customers-$side-$r.log" --agents agents.log \
      --ami ami.log --ari ari.log --cpu-ticks $((astcpu1-astcpu0)) --cti-cpu-ticks $((cticpu1-cticpu0)) \
      --seconds "$(echo "$t1-$t0" | bc)" --hz "$(getconf CLK_TCK)" --load "$load0 → $load1"
    if [[ -n "$capture" ]]; then
      kill "$capture" 2>/dev/null; wait "$capture" 2>/dev/null || true
      python3 "$here/wire-breakdown.py" "wire-$side-$r.pcap" --side "$side" --sip "$sip" --agents "$uas" --http "$http" || true
    fi
  done
done
if [[ -n "${ctipid:-}" ]]; then kill "$ctipid"; wait "$ctipid" 2>/dev/null || true; ctipid=""; grep -v '^ready:' harness.out | sed 's/^/# /'; fi
