#!/usr/bin/env bash
# Submits a sharded census: an array of SHARDS tasks and a merge job that runs after all of them succeed.
#   FEX=/shared/fex/fex RUN_DIR=/shared/census-5 STATES=5 ALPHABET=a,b SHARDS=64 examples/slurm/submit-census.sh
# Prints the two job ids. Extra sbatch options (partition, account, time) go in SBATCH_ARGS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${FEX:?set FEX}" "${RUN_DIR:?set RUN_DIR}" "${STATES:?set STATES}" "${SHARDS:?set SHARDS}"
mkdir -p "$RUN_DIR/parts"
export FEX RUN_DIR STATES ALPHABET="${ALPHABET:-a,b}" WINDOW_SIZES="${WINDOW_SIZES:-1,2,3,4}" CENSUS_ARGS="${CENSUS_ARGS:-}"
cd "$RUN_DIR"
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_ARGS:-} --array="0-$((SHARDS - 1))" --export=ALL "$here/census.sbatch")
array="${array%%;*}"
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency="afterok:$array" --export=ALL "$here/merge-census.sbatch")
echo "array job $array ($SHARDS shards), merge job ${merge%%;*}"
