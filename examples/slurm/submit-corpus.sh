#!/usr/bin/env bash
# Submits a sharded corpus: an array of SHARDS tasks and a merge job that runs after all of them succeed.
#   FEX=/shared/fex/fex RUN_DIR=/shared/corpus-1 LANG_SPEC='re:(a|b)*ab(a|b)*' SHARDS=64 \
#     CORPUS_ARGS='--splits train=1-40,test=41-500 --per-length 100000 --format parquet' examples/slurm/submit-corpus.sh
# The dataset appears in RUN_DIR/dataset. Prints the two job ids. Extra sbatch options go in SBATCH_ARGS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${FEX:?set FEX}" "${RUN_DIR:?set RUN_DIR}" "${LANG_SPEC:?set LANG_SPEC}" "${SHARDS:?set SHARDS}"
mkdir -p "$RUN_DIR/parts"
export FEX RUN_DIR LANG_SPEC CORPUS_ARGS="${CORPUS_ARGS:-}"
cd "$RUN_DIR"
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_ARGS:-} --array="0-$((SHARDS - 1))" --export=ALL "$here/corpus.sbatch")
array="${array%%;*}"
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency="afterok:$array" --export=ALL "$here/merge-corpus.sbatch")
echo "array job $array ($SHARDS shards), merge job ${merge%%;*}"
