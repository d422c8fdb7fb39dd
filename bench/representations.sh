#!/usr/bin/env bash
# Representations in and out (a benchmark, not a test): encode throughput over the whole dSprites grid, and the
# time of each metric on 10,000 points with 10-d codes (targets on 2 cores: DCI under 50 s, SAP under 6 s).
# Each metric time is one ./vaelab process, so it includes about 1-2 s of JVM and native start-up.
#
#   bench/representations.sh             # trains a short beta-VAE first (STEPS=300)
#   RUN=runs/my-dsprites-run bench/representations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work="${WORK:-$(mktemp -d)}"
run="${RUN:-$work/run}"
if [ -z "${RUN:-}" ]; then
  ./vaelab train --steps "${STEPS:-300}" --out "$run" >/dev/null
fi

seconds() { local start=$1; echo "$(( $(date +%s%N) - start ))" | awk '{printf "%.1f", $1 / 1e9}'; }

start=$(date +%s%N)
./vaelab encode "$run" --split all --out "$work/grid.npy" >/dev/null
t=$(seconds "$start")
echo "encode: 737280 dSprites images in $t s = $(awk -v t="$t" 'BEGIN {printf "%.0f", 737280 / t}') images/s ($(nproc) cores)"

./vaelab encode "$run" --split test --out "$work/codes.npy" --factors "$work/factors.npy" >/dev/null
for metric in mig dci sap modularity sparsity; do
  start=$(date +%s%N)
  ./vaelab metrics --codes "$work/codes.npy" --factors "$work/factors.npy" --only "$metric" \
    --out "$work/$metric.json" >/dev/null
  echo "metric $metric: $(seconds "$start") s on 10000 points x 10 dims"
done
for metric in beta_vae factor_vae; do
  start=$(date +%s%N)
  ./vaelab metrics --codes "$work/grid.npy" --dataset dsprites --only "$metric" --out "$work/$metric.json" >/dev/null
  echo "metric $metric: $(seconds "$start") s from whole-grid codes (dlib protocol)"
done
echo "files in $work"
