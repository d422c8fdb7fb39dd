"""sgemm probe for the PyTorch side: GFLOPS of an n x n float32 matmul (torch.mm on the loaded BLAS)."""
import argparse
import time

import torch

import vae_models as vm

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=1)
p.add_argument("--size", type=int, default=1024)
p.add_argument("--seconds", type=float, default=3.0)
a = p.parse_args()
vm.setup_threads(a.threads)
x, y = torch.randn(a.size, a.size), torch.randn(a.size, a.size)
with torch.no_grad():
    for _ in range(3):
        (x @ y).sum().item()
    start, iters = time.perf_counter(), 0
    while time.perf_counter() - start < a.seconds:
        (x @ y).sum().item()
        iters += 1
    seconds = time.perf_counter() - start
print("RESULT side=pytorch probe=matmul threads=%d size=%d gflops=%.1f" % (a.threads, a.size,
                                                                          2.0 * a.size ** 3 * iters / seconds / 1e9))
print("BLAS " + vm.blas_report())
