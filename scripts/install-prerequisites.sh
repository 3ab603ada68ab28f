#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian 12 machine (idempotent, quick when present):
#  - PostgreSQL 15 server binaries: the data-layer tests start their own server on loopback;
#  - Chromium: the toolbar's end-to-end tests drive Debian's browser (no browser downloads);
#  - sipp: drives SIP calls in the real-Asterisk tests (those skip, visibly, without Asterisk).
# Asterisk itself is not a Debian 12 package: see docs/asterisk.md.
set -euo pipefail

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
command -v sipp >/dev/null 2>&1 || need+=(sip-tester)

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The packaged cluster is not used (tests start their own); keep it from holding port 5432.
if command -v pg_lsclusters >/dev/null 2>&1 && pg_lsclusters -h 2>/dev/null | grep -q online; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO pg_ctlcluster 15 main stop 2>/dev/null || true
fi
echo "prerequisites ready"
