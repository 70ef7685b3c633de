#!/usr/bin/env bash
# Does `up` always come back after `kill -9`, wherever the kill lands? (README, "Restart after a
# crash": the hanging transactions found this way.)
#
#   bench/restart/kill9-soak.sh [RUNS=12] [ARTICLES=300] [HOGS=2]
#
# Each run: a fresh data dir and ARTICLES distinct text files; `up` is started and killed with
# SIGKILL at a random point (after 3-22 s, or once 1-60 articles are stored), started again, and
# given 6 minutes to store all of them. HOGS busy loops load the machine meanwhile (a loaded
# machine is where it went wrong). Prints one line per run: where the kill landed, seconds from
# the restart to the last article, the distinct|rows|extra-version counts (exactly once:
# ARTICLES|ARTICLES|0), how many hanging transactions the restarted broker aborted, and the load.
# A run that does not finish keeps its directory (logs and data) and the script exits 1. Uses the
# fat jar (`./mvnw -pl app -am package -DskipTests`), SQLite, its own ports.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-12}"
ARTICLES="${2:-300}"
HOGS="${3:-2}"
PORT_BASE="${PORT_BASE:-19600}"
# shellcheck source=bench/restart/lib.sh
. "$ROOT/bench/restart/lib.sh"

hogs=()
for _ in $(seq 1 "$HOGS"); do yes >/dev/null & hogs+=($!); done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT

failed=0
printf 'run  kill_at               stored_at_kill  restart->all_s  distinct|rows|extra  hanging_aborted  load\n'
for run in $(seq 1 "$RUNS"); do
  work="$(mktemp -d /tmp/np-kill9-soak.XXXXXX)"
  write_sources "$work/src" "$ARTICLES"
  db="$work/data/newspipe.db"
  if ((RANDOM % 4 == 0)); then
    secs=$((RANDOM % 20 + 3)); at="after ${secs} s"; threshold=""
  else
    threshold=$((RANDOM % 60 + 1)); at="at ${threshold} stored"
  fi
  pid="$(start_up "$work/data" "$work/src" "$work/first.log" "$run")"
  for tick in $(seq 1 3000); do
    sleep 0.1
    if [[ -z "$threshold" ]]; then
      ((tick >= secs * 10)) && break
    elif (($(count "$db" | cut -d'|' -f1) >= threshold)); then
      break
    fi
  done
  kill -9 "$pid"; wait "$pid" 2>/dev/null
  at_kill="$(count "$db" | cut -d'|' -f1)"
  t0="$(date +%s.%N)"
  pid="$(start_up "$work/data" "$work/src" "$work/second.log" "$run")"
  done_s="-"
  for _ in $(seq 1 3600); do
    sleep 0.1
    if (($(count "$db" | cut -d'|' -f1) >= ARTICLES)); then
      done_s="$(printf '%.1f' "$(echo "$(date +%s.%N) - $t0" | bc)")"
      break
    fi
  done
  sleep 2 # let a duplicate, if any, arrive before counting
  counts="$(count "$db")"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null
  aborted="$(grep -c 'aborting a hanging transaction' "$work/second.log")"
  printf '%3d  %-20s  %14s  %14s  %19s  %15s  %s\n' "$run" "$at" "$at_kill" "$done_s" "$counts" \
    "$aborted" "$(cut -d' ' -f1 /proc/loadavg)"
  if [[ "$done_s" == "-" || "$counts" != "$ARTICLES|$ARTICLES|0" ]]; then
    echo "     run $run FAILED: logs and data kept in $work" >&2
    failed=1
  else
    rm -rf "$work"
  fi
done
exit "$failed"
