#!/usr/bin/env bash
# Recovery time after `kill -9` of `newspipe up` mid-stream (issue 16, AC4).
#
#   bench/restart/kill9-restart.sh [ARTICLES=2000] [RUNS=3]
#
# Each run: a fresh data dir and a source folder of ARTICLES distinct text files; `up` is started,
# killed with SIGKILL once the store holds between a quarter and three quarters of them, and
# started again. Reported per run: seconds from the restarted broker's "Kafka broker ready" line
# to the first article stored after the restart (the stall: group and transaction recovery) and to
# the last one, the same from the process start, and the distinct/rows/extra-version counts
# (exactly once: ARTICLES, ARTICLES, 0), with the 1-minute load average. Uses the fat jar (build it with
# `./newspipe --help` or `./mvnw -pl app -am package -DskipTests`), SQLite, its own ports.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ARTICLES="${1:-2000}"
RUNS="${2:-3}"
PORT_BASE="${PORT_BASE:-19400}"
# shellcheck source=bench/restart/lib.sh
. "$ROOT/bench/restart/lib.sh"

now() { date +%s.%N; }
log_at() { # epoch seconds of the first line of log $1 matching $2 (logged as HH:MM:SS.mmm)
  local t
  t="$(grep -m1 "$2" "$1" | cut -d' ' -f1)" || return 1
  [[ -n "$t" ]] && date -d "$(date +%F) $t" +%s.%N
}
since() { # seconds from $1 to the first line of log $2 matching $3, or "-"
  local t
  if t="$(log_at "$2" "$3")"; then printf '%.1f' "$(echo "$t - $1" | bc)"; else echo "-"; fi
}

printf 'run  stored_at_kill  ready->enrich_running_s  ready->sink_assigned_s  ready->first_new_s  ready->all_stored_s  start->all_stored_s  distinct|rows|extra_versions  load\n'
for run in $(seq 1 "$RUNS"); do
  work="$(mktemp -d /tmp/np-kill9.XXXXXX)"
  write_sources "$work/src" "$ARTICLES"
  db="$work/data/newspipe.db"
  pid="$(start_up "$work/data" "$work/src" "$work/first.log" "$run")"
  killed=""
  for _ in $(seq 1 1200); do
    sleep 0.1
    n="$(count "$db" | cut -d'|' -f1)"
    if (( n >= ARTICLES / 4 )); then killed="$n"; break; fi
  done
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  if [[ -z "$killed" || "$killed" -ge $((ARTICLES * 3 / 4)) ]]; then
    echo "run $run: not killed mid-stream (stored $killed); see $work/first.log" >&2
  fi
  t0="$(now)"
  pid="$(start_up "$work/data" "$work/src" "$work/second.log" "$run")"
  at_kill="$(count "$db" | cut -d'|' -f1)"
  done_at=""
  first_at=""
  for _ in $(seq 1 3000); do
    sleep 0.1
    n="$(count "$db" | cut -d'|' -f1)"
    if [[ -z "$first_at" ]] && (( n > at_kill )); then first_at="$(now)"; fi
    if (( n >= ARTICLES )); then done_at="$(now)"; break; fi
  done
  sleep 2 # let a duplicate, if any, arrive before counting
  counts="$(count "$db")"
  ready="$(log_at "$work/second.log" 'Kafka broker ready' || echo "$t0")"
  running="$(since "$ready" "$work/second.log" 'enrich is running')"
  assigned="$(since "$ready" "$work/second.log" 'SinkService - sink group .* reads')"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  if [[ -z "$done_at" ]]; then
    printf '%3d  %9s  %s\n' "$run" "$killed" "NOT ALL STORED within 300 s: $counts, log $work/second.log"
    continue
  fi
  printf '%3d  %14s  %23s  %22s  %17.1f  %19.1f  %19.1f  %s  %s\n' "$run" "$at_kill" \
    "$running" "$assigned" \
    "$(echo "$first_at - $ready" | bc)" "$(echo "$done_at - $ready" | bc)" \
    "$(echo "$done_at - $t0" | bc)" "$counts" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  [[ -n "${KEEP:-}" ]] || rm -rf "$work"
done
