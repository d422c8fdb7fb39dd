"""PyTorch side of SpeedProbe parts: forward + backward of the encoder, the decoder (with its Bernoulli
log-likelihood) and the log-likelihood alone, median ms of each."""
import argparse
import time

import numpy as np
import torch
import torch.nn.functional as F

import vae_models as vm

p = argparse.ArgumentParser()
p.add_argument("--arch", default="conv", choices=["mlp", "conv"])
p.add_argument("--threads", type=int, default=1)
p.add_argument("--warmup", type=int, default=5)
p.add_argument("--steps", type=int, default=20)
a = p.parse_args()
vm.setup_threads(a.threads)
torch.manual_seed(0)
mlp = a.arch == "mlp"
model = vm.mlp_vae() if mlp else vm.conv_vae()
batch, dim, latent = (128, 784, 32) if mlp else (64, 4096, 10)
pool = (np.random.default_rng(42).random((2048, dim)) < 0.3).astype(np.float32)
names = ["encoder", "decoder", "likelihood"]
times = [[] for _ in names]
for step in range(a.warmup + a.steps):
    for part in range(3):
        x = torch.from_numpy(pool[(step * batch) % (2048 - batch):][:batch])
        start = time.perf_counter()
        if part == 0:
            mean, _ = model.posterior(x)
            mean.sum().backward()
        elif part == 1:
            logits = model.decoder(torch.randn(batch, latent))
            (x * logits - F.softplus(logits)).sum(-1).sum().backward()
        else:
            logits = torch.randn(batch, dim, requires_grad=True)
            (x * logits - F.softplus(logits)).sum(-1).sum().backward()
        if step >= a.warmup:
            times[part].append(time.perf_counter() - start)
print("RESULT side=pytorch probe=parts arch=%s threads=%d %s" % (
    a.arch, a.threads, " ".join("%s_ms=%.3f" % (n, sorted(v)[len(v) // 2] * 1e3) for n, v in zip(names, times))))
