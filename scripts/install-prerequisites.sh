#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian 12 machine (idempotent, quick when present):
#  - PostgreSQL 15 server binaries and contrib (pg_trgm backs the call records' number/name search): the data-layer
#    tests start their own server on loopback;
#  - Chromium: the toolbar's end-to-end tests drive Debian's browser (no browser downloads);
#  - sipp: drives SIP calls in the real-Asterisk tests;
#  - redis-server and docker-compose: the several-nodes tests start their own Redis; docker-compose validates the
#    cluster compose files (no Docker engine);
#  - ICU (libicu72): the service is built with culture data, not in invariant globalization mode;
#  - Asterisk 22 for the real-Asterisk tests, where the CI machine provides its test build beside this checkout
#    (../shared/asterisk-dist/install.sh). Asterisk is not a Debian 12 package: elsewhere install it as
#    docs/asterisk.md says, or the real-Asterisk tests skip, visibly, with the reason.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
[ -f /usr/share/postgresql/15/extension/pg_trgm.control ] || need+=(postgresql-contrib)
[ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
command -v sipp >/dev/null 2>&1 || need+=(sip-tester)
[ -x /usr/bin/redis-server ] || need+=(redis-server)
# docker-compose: validates docker/compose.cluster.yaml (docker-compose config; no Docker engine is needed).
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
# ICU: the service runs with culture data (the SQL Server client refuses invariant globalization mode).
ldconfig -p 2>/dev/null | grep -q 'libicuuc\.so' || need+=(libicu72)

if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The packaged cluster is not used (tests start their own); keep it from holding port 5432.
if command -v pg_lsclusters >/dev/null 2>&1 && pg_lsclusters -h 2>/dev/null | grep -q online; then
  $SUDO pg_ctlcluster 15 main stop 2>/dev/null || true
fi

if [ -f ../shared/asterisk-dist/install.sh ]; then
  $SUDO bash ../shared/asterisk-dist/install.sh
  # That build is installed without Asterisk's XML documentation, without which Asterisk does not start.
  $SUDO bash scripts/asterisk-minimal-documentation.sh /var/lib/asterisk
  # Its sounds link points at /usr/share/asterisk/sounds/en, which only Debian's asterisk-core-sounds-en package
  # creates; the -wav package it installs keeps them in en_US_f_Allison.
  if [ ! -e /var/lib/asterisk/sounds/en/. ] && [ -d /usr/share/asterisk/sounds/en_US_f_Allison ]; then
    $SUDO ln -sfn /usr/share/asterisk/sounds/en_US_f_Allison /var/lib/asterisk/sounds/en
  fi
fi
echo "prerequisites ready"
