#!/usr/bin/env bash
# Lists, kills and fails on any Asterisk, sipp, Chromium or dotnet process that a test of this run left behind: one whose
# command line mentions the run's temporary directory or whose working directory is inside it or inside the checkout.
#   usage: leftover-processes.sh <run's TMPDIR> <checkout>
set -uo pipefail
tmp=$1; checkout=$2; left=0
for dir in /proc/[0-9]*; do
  pid=${dir#/proc/}
  [ "$pid" = "$$" ] && continue
  exe=$(basename "$(readlink "$dir/exe" 2>/dev/null)" 2>/dev/null) || continue
  case "$exe" in asterisk|sipp|chromium|chrome|dotnet|node) ;; *) continue ;; esac
  cmd=$(tr '\0' ' ' < "$dir/cmdline" 2>/dev/null) || continue
  cwd=$(readlink "$dir/cwd" 2>/dev/null) || cwd=""
  if [[ "$cmd" == *"$tmp"* || "$cwd" == "$tmp"* || "$cwd" == "$checkout"/* ]]; then
    # The dotnet build servers (MSBuild node reuse, Roslyn) outlive a build by design; they are not test processes.
    [[ "$cmd" == *MSBuild.dll*nodeReuse* || "$cmd" == *VBCSCompiler* || "$cmd" == *"build-server"* ]] && continue
    echo "left running by a test: pid $pid ($exe) cwd=$cwd: ${cmd:0:200}"
    left=1
    kill -9 "$pid" 2>/dev/null
  fi
done
[ $left -eq 0 ] && echo "no test process left running"
exit $left
