#!/usr/bin/env bash
# Issue #4, benchmark 1: MLP VAE 784-512-512-z32, Bernoulli, batch 128, Adam: steady-state training steps/s of
# vaelab (its Trainer loop) against PyTorch, alternating runs, at 1 and 2 threads. About 6 minutes on a quiet
# 2-core machine. Environment: see bench/lib/steps.sh (ROUNDS, STEPS, WARMUP, CONFIGS, PROBE) and
# bench/lib/common.sh (VAELAB_ROOT, MAX_LOAD, ...). Last line: ratio=<vaelab/pytorch steps/s>, the worse of 1
# and 2 threads, vaelab with the launcher's settings against PyTorch's fastest configuration.
source "$(dirname "$0")/lib/steps.sh"
steps_bench mlp 300 30 t2-blas2
