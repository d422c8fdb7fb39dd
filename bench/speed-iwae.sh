#!/usr/bin/env bash
# Issue #4, benchmark 3: IWAE evaluation (K=5000) of MNIST test images with a trained MLP VAE, `./vaelab eval
# RUN --iwae K` against bench/python/iwae_eval.py (the same computation in PyTorch on the same checkpoint):
# wall time of each process, alternating. The run is the issue's MLP VAE (784-512-512-z32, Bernoulli, dynamic
# binarisation), trained first if missing (untimed). About 9 minutes on a quiet 2-core machine.
#
# K          importance samples (default 5000)
# LIMIT      test images evaluated (default 500 of 10,000, to keep a run to about 2 minutes; LIMIT=10000 for all)
# ROUNDS     rounds of alternating runs (default 2)
# RUN        the run to evaluate (default runs/bench/iwae-mlp, trained with TRAIN_STEPS=3000 steps if missing)
# PY_POOLS   "OMP_NUM_THREADS OPENBLAS_NUM_THREADS OMP_WAIT_POLICY" for PyTorch (default "1 2 PASSIVE": one torch
#            thread and two BLAS threads, PyTorch's fastest setting for this MLP in bench/speed-mlp.sh and what
#            ./vaelab gives MLP models on 2 cores); its intra-op threads follow OMP_NUM_THREADS. VAELAB_POOLS
#            likewise for ./vaelab (default: the launcher's own)
# Last line: ratio=<vaelab/pytorch wall time> (medians).
source "$(dirname "$0")/lib/common.sh"
k="${K:-5000}"
limit="${LIMIT:-500}"
rounds="${ROUNDS:-2}"
py_pools="${PY_POOLS:-1 2 PASSIVE}"
run="${RUN:-$repo_dir/runs/bench/iwae-mlp}"
out_dir="$repo_dir/runs/bench"
log_file="$out_dir/iwae-$(date +%Y%m%d-%H%M%S).log"
mkdir -p "$out_dir"
unset OMP_NUM_THREADS OPENBLAS_NUM_THREADS OMP_WAIT_POLICY
vaelab_env=()
vaelab_threads=()
if [ -n "${VAELAB_POOLS:-}" ]; then
  vaelab_env=($(thread_env "$VAELAB_POOLS"))
  vaelab_threads=(--threads "${VAELAB_POOLS%% *}")
fi

"$VAELAB_ROOT/vaelab" --version >/dev/null
if [ ! -f "$run/checkpoints/latest" ]; then
  log "training $run (untimed)"
  "$VAELAB_ROOT/vaelab" train --model vae --dataset mnist --latent 32 --batch 128 --steps "${TRAIN_STEPS:-3000}" \
    --out "$run" >/dev/null
fi

{
  machine_info
  echo "command: ${0##*/} K=$k LIMIT=$limit ROUNDS=$rounds RUN=$run PY_POOLS=\"$py_pools\" VAELAB_POOLS=\"${VAELAB_POOLS:-launcher}\""
  echo "pytorch: $(run_python "$py_pools" matmul_probe.py --threads "${py_pools%% *}" --seconds 0.1 | grep '^BLAS' | cut -c6-)"
} | tee "$log_file"

declare -a vt pt
for ((round = 1; round <= rounds; round++)); do
  for side in vaelab pytorch; do
    q=$(wait_quiet)
    if [ "$side" = vaelab ]; then
      "$VAELAB_ROOT/vaelab" --version >/dev/null
      /usr/bin/time -f "%e %M" -o "$out_dir/iwae.time" env "${vaelab_env[@]}" "$VAELAB_ROOT/vaelab" eval "$run" \
        --iwae "$k" --limit "$limit" "${vaelab_threads[@]}" >"$out_dir/iwae.out" 2>&1
      nll=$(sed -n 's/^IWAE.*NLL \([0-9.]*\).*/\1/p' "$out_dir/iwae.out")
    else
      (cd "$repo_dir" && /usr/bin/time -f "%e %M" -o "$out_dir/iwae.time" env $(thread_env "$py_pools") \
        LD_LIBRARY_PATH="$OPENBLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
        "$PYTHON" "$bench_dir/python/iwae_eval.py" "$run" --iwae "$k" --limit "$limit" --threads "${py_pools%% *}" \
        >"$out_dir/iwae.out" 2>&1)
      nll=$(field nll "$(grep '^RESULT' "$out_dir/iwae.out")")
    fi
    read -r secs kb <"$out_dir/iwae.time"
    if [ "$side" = vaelab ]; then vt+=("$secs"); else pt+=("$secs"); fi
    echo "round=$round side=$side wall_s=$secs peak_rss_mb=$((kb / 1024)) nll=$nll before:$q load_after=$(load1)" \
      | tee -a "$log_file"
  done
done

{
  v=$(median "${vt[@]}"); p=$(median "${pt[@]}")
  echo
  echo "summary: IWAE k=$k on $limit test images: vaelab ${v} s [${vt[*]}], pytorch ${p} s [${pt[*]}]"
  echo "log: $log_file"
  echo "ratio=$(awk -v a="$v" -v b="$p" 'BEGIN { printf "%.3f", a / b }')"
} | tee -a "$log_file"
