#!/usr/bin/env bash
# run-app-queue.sh — Asterisk's own Queue() under sipp load, for the comparison with CtiBridge (docs/benchmarks.md,
# "Real Asterisk: CtiBridge vs app_queue"). Starts the installed Asterisk with this repository's asterisk-config/ on
# free loopback ports in a temporary directory (as the integration suite does), adds 40 agent endpoints whose contact
# is one sipp UAS (answers at once, talks 2 s, hangs up) and a bench trunk whose calls go to [bench-app-queue]
# (Queue(bench), wrap-up 0, ringinuse no), then offers sipp UAC customers at each rate and analyses the message traces.
#
# Usage: bench/asterisk/run-app-queue.sh [RATES (default "2 5 10")] [CALLS per rate (default 200)] [AGENTS (default 40)]
# Environment: CTI_ASTERISK_BIN (default: asterisk on PATH, else /usr/sbin/asterisk), CTI_ASTERISK_MODULES,
# CTI_ASTERISK_DATA, KEEP=1 keeps the run directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rates="${1:-2 5 10}"; calls="${2:-200}"; agents="${3:-40}"
ast="${CTI_ASTERISK_BIN:-$(command -v asterisk || echo /usr/sbin/asterisk)}"
mods="${CTI_ASTERISK_MODULES:-/usr/lib/asterisk/modules}"; data="${CTI_ASTERISK_DATA:-/var/lib/asterisk}"
[[ -x "$ast" ]] || { echo "Asterisk not found (CTI_ASTERISK_BIN)"; exit 2; }
command -v sipp >/dev/null || { echo "sipp not found"; exit 2; }

root="$(mktemp -d /tmp/cti-bench-XXXXXX)"; etc="$root/etc"
mkdir -p "$etc" "$root"/{run,log,lib,db,spool/recording,traces}
cp "$repo"/asterisk-config/*.conf "$repo"/asterisk-config/*.sh "$etc/"
port() { python3 -c 'import socket;s=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
http=$(port); ami=$(port); sip=$(port); uas=$(port); uac=$(port); trunk=$(port)
sed -i "s/^bindport *=.*/bindport = $http/" "$etc/http.conf"
sed -i "s/^port *=.*/port = $ami/" "$etc/manager.conf"
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
cleanup() { "$ast" -C "$etc/asterisk.conf" -rx 'core stop now' >/dev/null 2>&1 || kill "$astpid" 2>/dev/null || true
            [[ -n "${uaspid:-}" ]] && kill "$uaspid" 2>/dev/null || true
            [[ "${KEEP:-}" == 1 ]] && echo "kept $root" || rm -rf "$root"; }
trap cleanup EXIT
for _ in $(seq 1 300); do "$ast" -C "$etc/asterisk.conf" -rx 'core waitfullybooted' >/dev/null 2>&1 && break; sleep 0.2; done
cli() { "$ast" -C "$etc/asterisk.conf" -rx "$1"; }
for i in $(seq 1 "$agents"); do cli "queue add member PJSIP/bench-agent-$i to bench" >/dev/null; done
version=$(cli 'core show version' | head -1)

cd "$root/traces"
sipp -sf "$here/uas-agent.xml" -i 127.0.0.1 -p "$uas" -trace_msg -message_file agents.log -nostdin -bg >/dev/null 2>&1 || true
uaspid=$(pgrep -n -f "sipp -sf $here/uas-agent.xml -i 127.0.0.1 -p $uas" || true)
echo "# $version; $(nproc) cores; $agents agents; $calls calls per rate; app_queue (Queue(bench), rrmemory, wrapuptime 0)"
for r in $rates; do
  astcpu0=$(awk '{print $14+$15}' /proc/$astpid/stat); t0=$(date +%s.%N)
  sipp -sf "$here/uac-customer.xml" -s 7000 -i 127.0.0.1 -p "$uac" -r "$r" -m "$calls" -l 1000 \
       -trace_msg -message_file "customers-$r.log" -nostdin -timeout 400s 127.0.0.1:"$sip" >/dev/null 2>&1 || true
  t1=$(date +%s.%N); astcpu1=$(awk '{print $14+$15}' /proc/$astpid/stat)
  python3 "$here/analyse.py" --rate "$r" --customers "customers-$r.log" --agents agents.log \
    --cpu-ticks $((astcpu1-astcpu0)) --seconds "$(echo "$t1-$t0" | bc)" --hz "$(getconf CLK_TCK)"
done
