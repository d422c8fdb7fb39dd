#!/usr/bin/env bash
# Issue #4, benchmark 4: the whole default run, `./vaelab train` (beta-VAE, beta 4, 10 latents, conv, procedural
# dSprites, batch 64, Adam 1e-3, 1500 steps, all cores), against bench/python/train_default.py doing the same work
# in PyTorch: wall time and peak RSS of each process (/usr/bin/time), alternating. Both render their dSprites
# batches inside the run (vaelab in Java, the baseline with numpy from the same SPEC; the baseline reports its
# rendering time). About 9 minutes on a quiet 2-core machine.
#
# ROUNDS    rounds of alternating runs (default 2)
# STEPS     override the 1500 steps on both sides (e.g. STEPS=300 for a quick look)
# PY_POOLS  "OMP_NUM_THREADS OPENBLAS_NUM_THREADS OMP_WAIT_POLICY" for PyTorch (default "2 1 PASSIVE", the
#           pools ./vaelab sets for itself on 2 cores); its intra-op threads follow OMP_NUM_THREADS
# OUT_DIR   where the runs and the log go (default runs/bench/train-<time>); runs are deleted after unless KEEP=1
# Last line: ratio=<vaelab/pytorch wall time> (medians).
source "$(dirname "$0")/lib/common.sh"
rounds="${ROUNDS:-2}"
py_pools="${PY_POOLS:-2 1 PASSIVE}"
out_dir="${OUT_DIR:-$repo_dir/runs/bench/train-$(date +%Y%m%d-%H%M%S)}"
log_file="$out_dir/log"
mkdir -p "$out_dir"
steps_flag=()
[ -n "${STEPS:-}" ] && steps_flag=(--steps "$STEPS")
# The launcher's own defaults, not whatever this shell has.
unset OMP_NUM_THREADS OPENBLAS_NUM_THREADS OMP_WAIT_POLICY

{
  machine_info
  echo "command: ${0##*/} ROUNDS=$rounds STEPS=${STEPS:-default} PY_POOLS=\"$py_pools\""
  echo "pytorch: $(run_python "$py_pools" matmul_probe.py --threads "${py_pools%% *}" --seconds 0.1 | grep '^BLAS' | cut -c6-)"
} | tee "$log_file"

"$VAELAB_ROOT/vaelab" --version >/dev/null   # build outside the timed runs
declare -a vt vm pt pm
for ((round = 1; round <= rounds; round++)); do
  for side in vaelab pytorch; do
    q=$(wait_quiet)
    run="$out_dir/$side-$round"
    if [ "$side" = vaelab ]; then
      "$VAELAB_ROOT/vaelab" --version >/dev/null
      /usr/bin/time -f "%e %M" -o "$out_dir/time" "$VAELAB_ROOT/vaelab" train --out "$run" "${steps_flag[@]}" \
        >"$run.out" 2>&1
      final=$(tail -n 1 "$run/metrics.jsonl" | sed 's/.*"loss" *: *\([-0-9.eE]*\).*/\1/')
      extra=""
    else
      /usr/bin/time -f "%e %M" -o "$out_dir/time" env $(thread_env "$py_pools") \
        LD_LIBRARY_PATH="$OPENBLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
        "$PYTHON" "$bench_dir/python/train_default.py" --out "$run" --threads "${py_pools%% *}" "${steps_flag[@]}" \
        >"$run.out" 2>&1
      line=$(grep '^RESULT' "$run.out")
      final=$(field final_loss "$line")
      extra=" render_s=$(field render_seconds "$line")"
    fi
    read -r secs kb <"$out_dir/time"
    if [ "$side" = vaelab ]; then vt+=("$secs"); vm+=("$kb"); else pt+=("$secs"); pm+=("$kb"); fi
    echo "round=$round side=$side wall_s=$secs peak_rss_mb=$((kb / 1024)) final_loss=$final$extra before:$q" \
      "load_after=$(load1)" | tee -a "$log_file"
    [ "${KEEP:-0}" = 1 ] || rm -rf "$run"
  done
done

{
  v=$(median "${vt[@]}"); p=$(median "${pt[@]}")
  echo
  echo "summary: vaelab wall ${v} s [${vt[*]}], peak RSS $(( $(median "${vm[@]}" | cut -d. -f1) / 1024 )) MB;" \
    "pytorch wall ${p} s [${pt[*]}], peak RSS $(( $(median "${pm[@]}" | cut -d. -f1) / 1024 )) MB"
  echo "peak RSS ratio $(awk -v a="$(median "${vm[@]}")" -v b="$(median "${pm[@]}")" 'BEGIN { printf "%.3f", a / b }')"
  echo "log: $log_file"
  echo "ratio=$(awk -v a="$v" -v b="$p" 'BEGIN { printf "%.3f", a / b }')"
} | tee -a "$log_file"
