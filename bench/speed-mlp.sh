#!/usr/bin/env bash
# Issue #4, benchmark 1: MLP VAE 784-512-512-z32, Bernoulli, batch 128, Adam: steady-state training steps/s of
# vaelab (its Trainer loop) against PyTorch, alternating runs, at 1 and 2 threads. About 15 minutes on a quiet
# 2-core machine. Each run times 300 steps after 500 warm-up steps, the same on both sides: the JVM compiles
# vaelab's Java code during its first few seconds, and timing from step 30 counted that compilation (about 10%
# of a 2-thread run's steps/s, bench/RESULTS.md run 7). Environment: see bench/lib/steps.sh (ROUNDS, STEPS,
# WARMUP, CONFIGS, PROBE) and bench/lib/common.sh (VAELAB_ROOT, MAX_LOAD, ...). Last line:
# ratio=<vaelab/pytorch steps/s>, the worse of 1 and 2 threads, vaelab with the launcher's settings against
# PyTorch's fastest configuration.
source "$(dirname "$0")/lib/steps.sh"
steps_bench mlp 300 500 t2-blas2
