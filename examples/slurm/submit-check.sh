#!/usr/bin/env bash
# Submits a sharded conjecture check: an array of SHARDS tasks and a merge job that runs after all of them succeed.
#   FEX=/shared/fex/fex RUN_DIR=/shared/check-5 CLAIMS=/shared/my.claims SHARDS=64 examples/slurm/submit-check.sh
# CHECK_ARGS holds budgets for the shards (e.g. "--max-depth 2"); the merge takes them from the parts, and
# MERGE_ARGS holds its own options (e.g. "--allow-path DIR"). JSON=1 writes report.json instead of report.txt.
# Prints the two job ids. Extra sbatch options (partition, account, time) go in SBATCH_ARGS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${FEX:?set FEX}" "${RUN_DIR:?set RUN_DIR}" "${CLAIMS:?set CLAIMS}" "${SHARDS:?set SHARDS}"
mkdir -p "$RUN_DIR/parts"
CLAIMS="$(cd "$(dirname "$CLAIMS")" && pwd)/$(basename "$CLAIMS")"
export FEX RUN_DIR CLAIMS CHECK_ARGS="${CHECK_ARGS:-}" MERGE_ARGS="${MERGE_ARGS:-}" JSON="${JSON:-0}"
cd "$RUN_DIR"
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_ARGS:-} --array="0-$((SHARDS - 1))" --export=ALL "$here/check.sbatch")
array="${array%%;*}"
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency="afterok:$array" --export=ALL "$here/merge-check.sbatch")
echo "array job $array ($SHARDS shards), merge job ${merge%%;*}"
