#!/usr/bin/env bash
# run-app-queue.sh — app_queue side only of the real-Asterisk bench (kept for compatibility): run-bench.sh with
# SIDES=app_queue. See run-bench.sh for what it starts and measures.
# Usage: bench/asterisk/run-app-queue.sh [RATES (default "2 5 10")] [CALLS per rate (default 200)] [AGENTS (default 40)]
exec env SIDES=app_queue "$(dirname "${BASH_SOURCE[0]}")/run-bench.sh" "$@"
