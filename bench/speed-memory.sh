#!/usr/bin/env bash
# Issue #4's memory target: resident memory over 10,000 training steps of the MLP VAE (784-512-512-z32, batch
# 128), sampled every 1000 steps: vaelab's Trainer loop (every step in a Scope) with the JVM's default heap, the
# same with the Java heap capped at 64 MB (so any growth left is native), and PyTorch's loop. "Flat" means no
# growth after warm-up. About 12 minutes on a quiet 2-core machine.
#
# STEPS   steps per run (default 10000); EVERY: sampling interval (default 1000)
# POOLS   "OMP_NUM_THREADS OPENBLAS_NUM_THREADS OMP_WAIT_POLICY intra-op" for every run (default "2 1 PASSIVE 2")
# Last line: ratio=<vaelab/pytorch RSS at the last step> (vaelab with the default heap, as ./vaelab runs).
source "$(dirname "$0")/lib/common.sh"
steps="${STEPS:-10000}"
every="${EVERY:-1000}"
read -r omp blas policy threads <<<"${POOLS:-2 1 PASSIVE 2}"
log_file="$repo_dir/runs/bench/memory-$(date +%Y%m%d-%H%M%S).log"
mkdir -p "$(dirname "$log_file")"
build_probe
{
  machine_info
  echo "command: ${0##*/} STEPS=$steps EVERY=$every POOLS=\"$omp $blas $policy $threads\""
  echo "trace entries are step:RSS MB (vaelab also :Java heap committed MB:native MB JavaCPP tracks)"
} | tee "$log_file"

declare -A last first
for side in vaelab vaelab-xmx64m pytorch; do
  q=$(wait_quiet)
  case "$side" in
    vaelab) line=$(run_vaelab_probe "$omp $blas $policy" steps --arch mlp --threads "$threads" --warmup 0 \
      --steps "$steps" --rss-every "$every" --heap 1 | grep '^RESULT') ;;
    vaelab-xmx64m) line=$(VAELAB_JAVA_OPTS="${VAELAB_JAVA_OPTS:-} -Xms64m -Xmx64m" run_vaelab_probe \
      "$omp $blas $policy" steps --arch mlp --threads "$threads" --warmup 0 --steps "$steps" --rss-every "$every" \
      --heap 1 | grep '^RESULT') ;;
    pytorch) line=$(run_python "$omp $blas $policy" speed_steps.py --arch mlp --threads "$threads" --warmup 0 \
      --steps "$steps" --rss-every "$every" | grep '^RESULT') ;;
  esac
  trace=$(field rss_trace "$line")
  # RSS (kB) at the first sample after warm-up (step EVERY) and at the end
  first[$side]=$(tr ',' '\n' <<<"$trace" | sed -n 2p | cut -d: -f2)
  last[$side]=$(tr ',' '\n' <<<"$trace" | tail -n 1 | cut -d: -f2)
  mb=$(tr ',' '\n' <<<"$trace" | awk -F: '{ printf "%s%d:%.0f", (NR > 1 ? "," : ""), $1, $2 / 1024;
    if (NF > 2) printf ":%.0f", $3 / 1024; if (NF > 3) printf ":%.0f", $4 / 1024 }')
  echo "side=$side steps_per_s=$(field steps_per_s "$line") trace=$mb" \
    "growth_after_step_${every}_mb=$(( (last[$side] - first[$side]) / 1024 )) before:$q load_after=$(load1)" \
    | tee -a "$log_file"
done
{
  echo "log: $log_file"
  echo "ratio=$(awk -v a="${last[vaelab]}" -v b="${last[pytorch]}" 'BEGIN { printf "%.3f", a / b }')"
} | tee -a "$log_file"
