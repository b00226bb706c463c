#!/usr/bin/env bash
# Stops the daemons that start.sh DIR started, by the pids they recorded in DIR (and nothing else).
set -uo pipefail
dir="${1:?usage: stop.sh DIR}"
for daemon in slurmd slurmctld munged; do
  pidfile="$dir/$daemon.pid"
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
done
