#!/usr/bin/env bash
# Starts a one-node Slurm cluster on localhost: munged, slurmctld and slurmd, all of their state in DIR.
#   examples/slurm/local-cluster/start.sh DIR
# Prints `export SLURM_CONF=DIR/slurm.conf`; stop.sh DIR stops exactly the daemons started here (by pid).
# Needs Debian's slurm-wlm and munge, and root (slurmd runs jobs as their submitting user).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:?usage: start.sh DIR}"
mkdir -p "$dir/state" "$dir/spool"
chmod 755 "$dir"
dir="$(cd "$dir" && pwd)"

for tool in munged slurmctld slurmd sinfo; do
  command -v "$tool" >/dev/null || { echo "start.sh: $tool not found (apt-get install slurm-wlm munge)" >&2; exit 3; }
done

# A fresh key for this cluster only; munged insists that nobody else can read it.
if [ ! -f "$dir/munge.key" ]; then
  head -c 1024 /dev/urandom > "$dir/munge.key"
  chmod 400 "$dir/munge.key"
fi
munged --force --socket="$dir/munge.socket" --key-file="$dir/munge.key" \
  --log-file="$dir/munged.log" --pid-file="$dir/munged.pid" --seed-file="$dir/munged.seed"

# Two free ports, so that a second cluster (or a system one) does not clash.
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
  else
    shuf -i 20000-60000 -n 1
  fi
}
ctld_port="${FEX_SLURMCTLD_PORT:-$(free_port)}"
slurmd_port="${FEX_SLURMD_PORT:-$(free_port)}"
mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
sed -e "s|@DIR@|$dir|g" -e "s|@HOST@|$(hostname)|g" -e "s|@USER@|$(id -un)|g" \
    -e "s|@CPUS@|$(nproc)|g" -e "s|@MEM_MB@|$mem_mb|g" \
    -e "s|@CTLD_PORT@|$ctld_port|g" -e "s|@SLURMD_PORT@|$slurmd_port|g" \
    "$here/slurm.conf.in" > "$dir/slurm.conf"
export SLURM_CONF="$dir/slurm.conf"

slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"

# Wait until the node is idle (at most 60 s).
for _ in $(seq 1 120); do
  state="$(sinfo -h -o %T 2>/dev/null || true)"
  if [ "$state" = "idle" ]; then
    echo "export SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 0.5
done
echo "start.sh: the node did not become idle within 60 s; logs in $dir" >&2
tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
"$here/stop.sh" "$dir" || true
exit 1
