#!/usr/bin/env bash
# The beta-VAE metric table of Higgins et al. 2017 (Table 1, dSprites), reproduced (a benchmark, not a test):
# trains a VAE (beta=1) and a beta-VAE (beta=4), fits the PCA, ICA and raw-pixel baselines, keeps an untrained
# VAE, scores all with the beta-VAE metric (disentanglement_lib's protocol) and prints the table beside the
# published accuracies. Expected ordering: beta-VAE > PCA > VAE > raw. Numbers are reported as measured.
#
#   bench/higgins-table.sh                 # STEPS=24000 per trained model (2.1 epochs): about an hour on 2 cores,
#                                          # the two trainings side by side on one core each (48 minutes), then
#                                          # the baselines and metrics, two at a time
#   STEPS=8000 SEED=1 bench/higgins-table.sh
#   WORK=runs/higgins-X STEPS=48000 bench/higgins-table.sh   # reuses WORK: trainings resume to STEPS, finished
#                                                             # baselines and up-to-date metrics are kept
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${STEPS:-24000}"
seed="${SEED:-0}"
work="${WORK:-runs/higgins-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$work"
start=$(date +%s)
cores="$(nproc)"
each=$(( cores > 1 ? cores / 2 : 1 ))

# side_by_side CMD1 -- CMD2: runs both at once, fails if either fails.
side_by_side() {
  local first=() second=() pid status=0
  while [ "$1" != "--" ]; do first+=("$1"); shift; done
  shift
  second=("$@")
  "${first[@]}" & pid=$!
  "${second[@]}" || status=$?
  wait "$pid" || status=$?
  return "$status"
}

train() {
  local name="$1"
  shift
  if [ "$(cat "$work/$name/checkpoints/latest" 2>/dev/null)" = "$(printf 'step-%09d' "$steps")" ]; then
    return 0
  elif [ -f "$work/$name/checkpoints/latest" ]; then
    ./vaelab train --resume --out "$work/$name" --steps "$steps" --threads "$each" >/dev/null
  else
    ./vaelab train "$@" --steps "$steps" --seed "$seed" --threads "$each" --out "$work/$name" >/dev/null
  fi
}

baseline() {
  [ -f "$work/$1/baseline.json" ] ||
    ./vaelab baseline "$1" --latent 10 --seed "$seed" --out "$work/$1" >/dev/null
}

# Scores a row unless its metrics.json is newer than everything else in the row's directory.
score() {
  local dir="$work/$1"
  if [ -f "$dir/metrics.json" ] && [ -z "$(find "$dir" -newer "$dir/metrics.json" -type f -print -quit)" ]; then
    return 0
  fi
  ./vaelab metrics "$dir" --only beta_vae --seed "$seed" --threads "$each" >/dev/null
}

side_by_side train beta-vae --model beta-vae --beta 4 -- train vae --model vae
[ -f "$work/vae-untrained/config.json" ] ||
  ./vaelab train --model vae --steps 0 --seed "$seed" --out "$work/vae-untrained" >/dev/null
side_by_side baseline pca -- baseline ica
baseline raw
# Ground truth: the factor indices themselves, as codes of the whole grid.
if [ ! -f "$work/ground-truth-metrics.json" ]; then
  ./vaelab encode "$work/vae-untrained" --split all --out "$work/grid-untrained.npy" \
    --factors "$work/ground-truth.npy" >/dev/null
  ./vaelab metrics --codes "$work/ground-truth.npy" --dataset dsprites --only beta_vae --seed "$seed" \
    --out "$work/ground-truth-metrics.json" >/dev/null
fi
side_by_side score raw -- score pca
side_by_side score ica -- score vae-untrained
side_by_side score vae -- score beta-vae

accuracy() { sed -n 's/^ *"evalAccuracy" : \([0-9.]*\).*/\1/p' "$1" | head -n 1; }
printf '\n%-16s %12s %12s\n' "model" "vaelab" "published"
printf '%-16s %11.2f%% %12s\n' "ground truth" "$(awk -v a="$(accuracy "$work/ground-truth-metrics.json")" 'BEGIN {print 100 * a}')" "100%"
while read -r row label published; do
  printf '%-16s %11.2f%% %12s\n' "$label" "$(awk -v a="$(accuracy "$work/$row/metrics.json")" 'BEGIN {print 100 * a}')" "$published"
done <<'ROWS'
raw raw-pixels 45.75%
pca PCA 84.90%
ica ICA 42.03%
vae-untrained VAE-untrained 44.14%
vae VAE 61.58%
beta-vae beta-VAE 99.23%
ROWS
holds=$(awk -v b="$(accuracy "$work/beta-vae/metrics.json")" -v p="$(accuracy "$work/pca/metrics.json")" \
  -v v="$(accuracy "$work/vae/metrics.json")" -v r="$(accuracy "$work/raw/metrics.json")" \
  'BEGIN { print (b > p && p > v && v > r) ? "holds" : "does not hold" }')
echo "published ordering beta-VAE > PCA > VAE > raw pixels: $holds"
echo "steps per trained model: $steps, seed $seed, $(nproc) cores, $(( $(date +%s) - start )) s; runs in $work"
