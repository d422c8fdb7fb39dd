"""PyTorch side of SpeedProbe phases: a training step of speed_steps.py cut into phases, median ms of each."""
import argparse
import time

import numpy as np
import torch

import vae_models as vm

p = argparse.ArgumentParser()
p.add_argument("--arch", default="mlp", choices=["mlp", "conv"])
p.add_argument("--threads", type=int, default=1)
p.add_argument("--warmup", type=int, default=30)
p.add_argument("--steps", type=int, default=200)
p.add_argument("--mkldnn", type=int, default=1, help="0 turns oneDNN off for convolutions")
a = p.parse_args()
torch.backends.mkldnn.enabled = bool(a.mkldnn)
vm.setup_threads(a.threads)
torch.manual_seed(0)
mlp = a.arch == "mlp"
model = vm.mlp_vae() if mlp else vm.conv_vae()
batch, beta = (128, 1.0) if mlp else (64, 4.0)
dim = 784 if mlp else 4096
pool_size = 8192 if mlp else 2048
pool = (np.random.default_rng(42).random((pool_size, dim)) < 0.3).astype(np.float32)
optimizer = vm.adam(model.parameters(), 1e-3, None)
names = ["batch", "forward_loss", "backward", "optimizer", "free"]
times = [[] for _ in names]
order = np.random.default_rng(0).permutation(pool_size)
for step in range(a.warmup + a.steps):
    t = [time.perf_counter()]
    torch.manual_seed(step)
    offset = (step * batch) % (pool_size - batch)
    x = torch.from_numpy(pool[order[offset:offset + batch]])
    t.append(time.perf_counter())
    log_px, kl_dim = model(x)
    loss, recon, kl = vm.beta_elbo(log_px, kl_dim, beta)
    loss.item(), recon.item(), kl.item()
    t.append(time.perf_counter())
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    t.append(time.perf_counter())
    optimizer.step()
    t.append(time.perf_counter())
    del x, log_px, kl_dim, loss, recon, kl
    t.append(time.perf_counter())
    if step >= a.warmup:
        for i in range(len(names)):
            times[i].append(t[i + 1] - t[i])
print("RESULT side=pytorch probe=phases arch=%s threads=%d %s" % (
    a.arch, a.threads, " ".join("%s_ms=%.3f" % (n, sorted(v)[len(v) // 2] * 1e3) for n, v in zip(names, times))))
