#!/usr/bin/env bash
# Issue #4, benchmark 2: the default run's conv beta-VAE on 64x64 images (conv 32,32,64,64 4x4 stride 2, dense
# 256, 10 latents; decoder conv 3x3 + pixel shuffle), Bernoulli, batch 64, Adam: steady-state steps/s of vaelab
# against PyTorch, alternating runs, at 1 and 2 threads. About 7 minutes on a quiet 2-core machine.
# Environment and last line: as bench/speed-mlp.sh.
source "$(dirname "$0")/lib/steps.sh"
steps_bench conv 40 5 t2
