"""Forward + backward of each convolution of the conv VAE alone (PyTorch side of SpeedProbe layers): best of K."""
import argparse
import time

import torch
import torch.nn.functional as F

import vae_models as vm

LAYERS = [(1, 32, 4, 2, 1, 64, 0), (32, 32, 4, 2, 1, 32, 0), (32, 64, 4, 2, 1, 16, 0), (64, 64, 4, 2, 1, 8, 0),
          (64, 256, 3, 1, 1, 4, 1), (64, 128, 3, 1, 1, 8, 1), (32, 128, 3, 1, 1, 16, 1), (32, 4, 3, 1, 1, 32, 1)]

p = argparse.ArgumentParser()
p.add_argument("--threads", type=int, default=1)
p.add_argument("--iters", type=int, default=30)
p.add_argument("--mkldnn", type=int, default=1, help="0 turns oneDNN off for convolutions")
a = p.parse_args()
torch.backends.mkldnn.enabled = bool(a.mkldnn)
vm.setup_threads(a.threads)
out = ["RESULT side=pytorch probe=layers threads=%d" % a.threads]
for cin, cout, k, stride, pad, side, shuffle in LAYERS:
    w = (torch.randn(cout, cin, k, k) * 0.05).requires_grad_()
    b = torch.zeros(cout).requires_grad_()
    x = torch.rand(64, cin, side, side)
    if cin > 1:
        x.requires_grad_()
    best = float("inf")
    for _ in range(a.iters + 3):
        start = time.perf_counter()
        y = F.conv2d(x, w, b, stride, pad)
        if shuffle:
            y = F.pixel_shuffle(y, 2)
        y.sum().backward()
        best = min(best, time.perf_counter() - start)
    out.append("conv%dx%d_%d_%d_%d=%.2f" % (k, k, cin, cout, side, best * 1e3))
print(" ".join(out))
