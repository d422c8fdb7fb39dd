# Steady-state steps/s of one model, vaelab against PyTorch (sourced by speed-mlp.sh and speed-conv.sh).
#
# ROUNDS   rounds of alternating runs (default 5); each round runs every config, vaelab then PyTorch
# STEPS    timed steps per run; WARMUP steps before them (defaults per model)
# CONFIGS  space-separated name:OMP_NUM_THREADS:OPENBLAS_NUM_THREADS:OMP_WAIT_POLICY:intra-op threads, e.g.
#          "t2:2:1:PASSIVE:2"; policy "default" leaves OMP_WAIT_POLICY unset. The default set: one thread (t1);
#          two torch threads and one BLAS thread (t2, what ./vaelab gives conv models on 2 cores); one torch
#          thread and two BLAS threads (t2-blas2, what it gives MLP models); t2 with libgomp's default spinning
#          (t2-spin).
# PROBE    1 (default) to measure the sgemm ceiling first, 0 to skip
# OUT      log file (default runs/bench/speed-ARCH-<time>.log)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# steps_bench ARCH STEPS WARMUP LAUNCHER2: LAUNCHER2 names the config ./vaelab uses on 2 cores for this model.
steps_bench() {
  local arch="$1" default_steps="$2" default_warmup="$3" launcher2="$4"
  local rounds="${ROUNDS:-5}" steps="${STEPS:-$default_steps}" warmup="${WARMUP:-$default_warmup}"
  local configs="${CONFIGS:-t1:1:1:PASSIVE:1 t2:2:1:PASSIVE:2 t2-blas2:2:2:PASSIVE:1 t2-spin:2:1:default:2}"
  local out="${OUT:-$repo_dir/runs/bench/speed-$arch-$(date +%Y%m%d-%H%M%S).log}"
  mkdir -p "$(dirname "$out")"
  build_probe
  {
    machine_info
    echo "command: ${0##*/} ROUNDS=$rounds STEPS=$steps WARMUP=$warmup CONFIGS=\"$configs\""
    echo "pytorch: $(run_python "1 1 PASSIVE" matmul_probe.py --seconds 0.1 | grep '^BLAS' | cut -c6-)"
  } | tee "$out"

  local flops
  flops=$(field per_step "$(run_python "1 1 PASSIVE" flops.py --arch "$arch")")
  declare -A ceiling=()
  if [ "${PROBE:-1}" = 1 ]; then
    local t side line q
    for t in 1 2; do
      q=$(wait_quiet)
      line=$(run_vaelab_probe "$t $t PASSIVE" matmul --threads "$t" --size 2048 --seconds 3 | grep '^RESULT')
      echo "$line $q" | tee -a "$out"
      ceiling[$t]=$(field gflops "$line")
      q=$(wait_quiet)
      line=$(run_python "$t $t PASSIVE" matmul_probe.py --threads "$t" --size 2048 --seconds 3 | grep '^RESULT')
      echo "$line $q" | tee -a "$out"
      ceiling[$t]=$(awk -v a="${ceiling[$t]}" -v b="$(field gflops "$line")" 'BEGIN { print (a > b) ? a : b }')
    done
  fi

  declare -A runs=() cpus=()
  local round entry name omp blas policy threads q line rate after
  for ((round = 1; round <= rounds; round++)); do
    for entry in $configs; do
      IFS=: read -r name omp blas policy threads <<<"$entry"
      for side in vaelab pytorch; do
        q=$(wait_quiet)
        if [ "$side" = vaelab ]; then
          line=$(run_vaelab_probe "$omp $blas $policy" steps --arch "$arch" --threads "$threads" --warmup "$warmup" \
            --steps "$steps" | grep '^RESULT')
        else
          line=$(run_python "$omp $blas $policy" speed_steps.py --arch "$arch" --threads "$threads" --warmup "$warmup" \
            --steps "$steps" | grep '^RESULT')
        fi
        after=$(load1)
        rate=$(field steps_per_s "$line")
        runs[$name,$side]="${runs[$name,$side]:-} $rate"
        cpus[$name,$side]="${cpus[$name,$side]:-} $(field cpu_ms_per_step "$line")"
        echo "round=$round config=$name pools=$omp,$blas,$policy,$threads side=$side steps_per_s=$rate" \
          "median_step_ms=$(field median_step_ms "$line") cpu_ms_per_step=$(field cpu_ms_per_step "$line")" \
          "faults_per_step=$(field faults_per_step "$line")" \
          "rss_kb=$(field rss_kb "$line") before:$q load_after=$after" \
          | tee -a "$out"
      done
    done
  done

  {
    echo
    echo "summary ($arch, $rounds rounds, $steps steps after $warmup warm-up; medians; ${flops} FLOP per step;" \
      "sgemm ceiling 1 thread ${ceiling[1]:-?} GFLOPS, 2 threads ${ceiling[2]:-?} GFLOPS)"
    declare -A best=() launcher=()
    local v p ratio budget gf
    for entry in $configs; do
      IFS=: read -r name omp blas policy threads <<<"$entry"
      v=$(median ${runs[$name,vaelab]})
      p=$(median ${runs[$name,pytorch]})
      ratio=$(awk -v v="$v" -v p="$p" 'BEGIN { printf "%.3f", v / p }')
      budget=$((omp > blas ? omp : blas))
      gf=$(awk -v v="$v" -v f="$flops" 'BEGIN { printf "%.1f", v * f / 1e9 }')
      echo "$name (OMP=$omp BLAS=$blas wait=$policy intra-op=$threads): vaelab $v steps/s [${runs[$name,vaelab]# }]," \
        "pytorch $p [${runs[$name,pytorch]# }], ratio $ratio; CPU ms/step vaelab $(median ${cpus[$name,vaelab]})" \
        "pytorch $(median ${cpus[$name,pytorch]}); vaelab $gf GFLOPS" \
        "($(awk -v g="$gf" -v c="${ceiling[$budget]:-0}" 'BEGIN { if (c > 0) printf "%.0f%%", 100 * g / c; else print "?" }')" \
        "of the $budget-thread sgemm ceiling)"
      best[$budget]=$(awk -v a="${best[$budget]:-0}" -v b="$p" 'BEGIN { print (a > b) ? a : b }')
      if { [ "$budget" = 1 ] && [ "$name" = t1 ]; } || [ "$name" = "$launcher2" ]; then launcher[$budget]=$v; fi
    done
    local worst=""
    for budget in 1 2; do
      [ -n "${launcher[$budget]:-}" ] && [ -n "${best[$budget]:-}" ] || continue
      ratio=$(awk -v v="${launcher[$budget]}" -v p="${best[$budget]}" 'BEGIN { printf "%.3f", v / p }')
      echo "$budget thread(s): vaelab with the launcher's settings ${launcher[$budget]} steps/s vs PyTorch's best" \
        "config ${best[$budget]}: $ratio"
      worst=$(awk -v a="${worst:-1e9}" -v b="$ratio" 'BEGIN { print (b < a) ? b : a }')
    done
    echo "log: $out"
    echo "ratio=${worst:-?}"
  } | tee -a "$out"
}
