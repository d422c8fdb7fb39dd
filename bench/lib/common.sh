# Shared helpers for bench/speed-*.sh (sourced, not run).
#
# VAELAB_ROOT  checkout whose ./vaelab and jar are measured (default: this repository); point it at a clean
#              snapshot (git archive HEAD) when the working tree is mid-edit, and name its commit in VAELAB_COMMIT.
# PYTHON       the Python with Debian's torch (default /usr/bin/python3)
# OPENBLAS_DIR OpenBLAS for the PyTorch baseline (default Debian's pthread build), put first on
#              LD_LIBRARY_PATH for the Python side only
# MAX_LOAD     before each run, wait until the 1-minute load average is below this (default 1.0; 0 = never wait)
# MAX_BUSY     ... and until other processes used less than this percentage of the CPUs over 3 s (default 10)
# LOAD_WAIT    longest wait for a quiet machine, seconds (default 600), after which the run goes ahead; the load
#              is recorded with every run either way
# VAELAB_ENV   NAME=value pairs for the vaelab side only (default: the launcher's GLIBC_TUNABLES, read from
#              ./vaelab; VAELAB_ENV=" " runs without them); VAELAB_JAVA_OPTS adds JVM options
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo_dir="$(cd "$bench_dir/.." && pwd)"
VAELAB_ROOT="${VAELAB_ROOT:-$repo_dir}"
PYTHON="${PYTHON:-/usr/bin/python3}"
OPENBLAS_DIR="${OPENBLAS_DIR:-/usr/lib/x86_64-linux-gnu/openblas-pthread}"
MAX_LOAD="${MAX_LOAD:-1.0}"
MAX_BUSY="${MAX_BUSY:-10}"
LOAD_WAIT="${LOAD_WAIT:-600}"
jar="$VAELAB_ROOT/vaelab-cli/target/vaelab.jar"
launcher_malloc="$(sed -n 's/^export GLIBC_TUNABLES="${GLIBC_TUNABLES:-\(.*\)}"$/\1/p' "$VAELAB_ROOT/vaelab")"
VAELAB_ENV="${VAELAB_ENV:-${launcher_malloc:+GLIBC_TUNABLES=$launcher_malloc}}"
probe_classes="$VAELAB_ROOT/vaelab-core/target/bench-probe"
cd "$repo_dir"
# The launcher's JVM options, read from ./vaelab so the probe runs as the launcher would.
eval "$(sed -n '/^java_opts=(/,/)$/p' "$VAELAB_ROOT/vaelab")"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

load1() { cut -d' ' -f1 /proc/loadavg; }

# Percentage of all CPUs busy over the next 3 seconds (from /proc/stat).
cpu_busy() {
  local a b
  a=($(head -n 1 /proc/stat))
  sleep 3
  b=($(head -n 1 /proc/stat))
  awk -v u=$((b[1] + b[2] + b[3] + b[6] + b[7] + b[8] - a[1] - a[2] - a[3] - a[6] - a[7] - a[8])) \
      -v i=$((b[4] + b[5] - a[4] - a[5])) 'BEGIN { printf "%.0f", (u + i) ? 100 * u / (u + i) : 0 }'
}

# Waits (up to LOAD_WAIT s) for a quiet machine; prints "load=<1-min load> busy=<CPU %>" as it starts.
wait_quiet() {
  local waited=0 busy
  busy=$(cpu_busy)
  if [ "$MAX_LOAD" != 0 ]; then
    while { awk -v l="$(load1)" -v m="$MAX_LOAD" 'BEGIN { exit !(l >= m) }' || [ "$busy" -ge "$MAX_BUSY" ]; } \
        && [ "$waited" -lt "$LOAD_WAIT" ]; do
      [ $((waited % 60)) -eq 0 ] && log "load $(load1), CPU ${busy}% busy: waiting for a quiet moment"
      sleep 7
      waited=$((waited + 10))
      busy=$(cpu_busy)
    done
  fi
  echo "load=$(load1) busy=${busy}%"
}

# Builds the jar through the launcher if needed, then compiles the probe against it.
build_probe() {
  "$VAELAB_ROOT/vaelab" --version >/dev/null
  local src="$repo_dir/vaelab-core/src/test/java/org/vaelab/bench/SpeedProbe.java"
  if [ ! -f "$probe_classes/org/vaelab/bench/SpeedProbe.class" ] || [ "$src" -nt "$probe_classes/org/vaelab/bench/SpeedProbe.class" ] \
      || [ "$jar" -nt "$probe_classes/org/vaelab/bench/SpeedProbe.class" ]; then
    mkdir -p "$probe_classes"
    javac -nowarn -cp "$jar" -d "$probe_classes" "$src"
  fi
}

# thread_env "OMP BLAS POLICY": env(1) arguments for the native pools; POLICY "default" leaves OMP_WAIT_POLICY unset
# (libgomp then spins a while before sleeping).
thread_env() {
  local omp blas policy
  read -r omp blas policy <<<"$1"
  if [ "$policy" = default ]; then echo "-u OMP_WAIT_POLICY"; else echo "OMP_WAIT_POLICY=$policy"; fi
  echo "OMP_NUM_THREADS=$omp OPENBLAS_NUM_THREADS=$blas"
}

# run_vaelab_probe "OMP BLAS POLICY" ARGS...: the probe with the launcher's kind of environment.
run_vaelab_probe() {
  local pools="$1"
  shift
  env $(thread_env "$pools") ${VAELAB_ENV:-} java "${java_opts[@]}" ${VAELAB_JAVA_OPTS:-} -cp "$jar:$probe_classes" \
    org.vaelab.bench.SpeedProbe "$@"
}

# run_python "OMP BLAS POLICY" SCRIPT ARGS...: a baseline script on OpenBLAS with the given pools.
run_python() {
  local pools="$1" script="$2"
  shift 2
  env $(thread_env "$pools") LD_LIBRARY_PATH="$OPENBLAS_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$PYTHON" "$bench_dir/python/$script" "$@"
}

# field KEY LINE: the value of KEY=... in a RESULT line.
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<"$2" | head -n 1; }

# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# machine and software line for the record
machine_info() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ { print $2 }') GB;" \
    "kernel $(uname -r); $(java -version 2>&1 | head -n 1); date $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "vaelab: $VAELAB_ROOT at commit ${VAELAB_COMMIT:-$(git -C "$VAELAB_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')}"
  echo "vaelab environment: ${VAELAB_ENV:-none} ${VAELAB_JAVA_OPTS:-}"
}
