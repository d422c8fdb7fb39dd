"""PyTorch twins of vaelab's networks and objective, for the speed baselines (bench/speed-*.sh).

Same architectures as org.vaelab.model.ModelFactory, same initialisation family (U(-1/sqrt(fan_in), 1/sqrt(fan_in))
for weights and biases, as vaelab's Linear and Conv2d), same op sequence for the posterior, the Bernoulli
likelihood and the closed-form KL, and the same scaling: sums over pixels and latents, means over the batch.
"""
import math
import os

import torch
import torch.nn.functional as F
from torch import nn

LOG_2PI = math.log(2 * math.pi)
MASK64 = (1 << 64) - 1


def _init(layer, fan_in):
    bound = 1.0 / math.sqrt(fan_in)
    with torch.no_grad():
        layer.weight.uniform_(-bound, bound)
        layer.bias.uniform_(-bound, bound)
    return layer


def linear(n_in, n_out):
    return _init(nn.Linear(n_in, n_out), n_in)


def conv(n_in, n_out, kernel, stride, padding):
    return _init(nn.Conv2d(n_in, n_out, kernel, stride, padding), n_in * kernel * kernel)


class Mlp(nn.Module):
    """org.vaelab.nn.Mlp: linear layers, the activation between them and none after the last."""

    def __init__(self, sizes, activation="relu"):
        super().__init__()
        self.layers = nn.ModuleList(linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.act = torch.relu if activation == "relu" else torch.tanh

    def forward(self, x):
        last = len(self.layers) - 1
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < last:
                x = self.act(x)
        return x


class ConvEncoder(nn.Module):
    """org.vaelab.nn.ConvEncoder: 4x4 stride-2 convolutions with ReLU, dense 256 with ReLU, linear output."""

    def __init__(self, side, channels, dense, outputs):
        super().__init__()
        self.side = side
        ins = [1] + channels[:-1]
        self.convs = nn.ModuleList(conv(i, o, 4, 2, 1) for i, o in zip(ins, channels))
        small = side >> len(channels)
        self.dense = linear(channels[-1] * small * small, dense)
        self.out = linear(dense, outputs)

    def forward(self, x):
        x = x.reshape(-1, 1, self.side, self.side)
        for c in self.convs:
            x = torch.relu(c(x))
        return self.out(torch.relu(self.dense(x.flatten(1))))


class ConvDecoder(nn.Module):
    """org.vaelab.nn.ConvDecoder: dense 256, dense to the 4x4 map, then per stage conv 3x3 to 4x the channels and
    pixel shuffle (ReLU between stages, none after the last)."""

    def __init__(self, side, latent, channels, dense):
        super().__init__()
        self.first = channels[-1]
        self.small = side >> len(channels)
        self.dense = linear(latent, dense)
        self.map = linear(dense, self.first * self.small * self.small)
        stages = []
        n_in = self.first
        for i in range(len(channels) - 1, -1, -1):
            n_out = channels[i - 1] if i > 0 else 1
            stages.append(conv(n_in, n_out * 4, 3, 1, 1))
            n_in = n_out
        self.stages = nn.ModuleList(stages)

    def forward(self, z):
        x = torch.relu(self.map(torch.relu(self.dense(z)))).reshape(-1, self.first, self.small, self.small)
        last = len(self.stages) - 1
        for i, stage in enumerate(self.stages):
            x = F.pixel_shuffle(stage(x), 2)
            if i < last:
                x = torch.relu(x)
        return x.flatten(1)


class Vae(nn.Module):
    """org.vaelab.model.VariationalAutoencoder with a Gaussian encoder, Bernoulli decoder and N(0, I) prior."""

    def __init__(self, encoder, decoder, latent):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder
        self.latent = latent

    def posterior(self, x):
        h = self.encoder(x)
        d = h.shape[-1] // 2
        return h.narrow(-1, 0, d), h.narrow(-1, d, d)

    def forward(self, x):
        """Returns (log p(x|z) [B], KL per dimension [B, d]) as vaelab's ForwardPass holds them."""
        mean, log_var = self.posterior(x)
        z = mean + (log_var * 0.5).exp() * torch.randn(mean.shape)
        logits = self.decoder(z)
        log_px = (x * logits - F.softplus(logits)).sum(-1)
        kl_dim = (mean.square() + log_var.exp() - 1 - log_var) * 0.5
        return log_px, kl_dim


def beta_elbo(log_px, kl_dim, beta):
    """org.vaelab.objective.BetaElbo: -mean log p(x|z) + beta * mean KL; returns (total, recon, kl)."""
    recon = -log_px.mean()
    kl = kl_dim.sum(-1).mean()
    return recon + kl * beta, recon, kl


def mlp_vae(dim=784, hidden=(512, 512), latent=32, activation="relu"):
    hidden = list(hidden)
    return Vae(Mlp([dim] + hidden + [2 * latent], activation), Mlp([latent] + hidden[::-1] + [dim], activation),
               latent)


def conv_vae(side=64, latent=10):
    channels = [32, 32, 64, 64]
    return Vae(ConvEncoder(side, channels, 256, 2 * latent), ConvDecoder(side, latent, channels, 256), latent)


def step_seed(run_seed, counter, stream):
    """org.vaelab.train.StepSeeds.of (SplitMix64 finaliser), as a signed 64-bit value for torch.manual_seed."""

    def mix(z):
        z &= MASK64
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    v = mix(mix(run_seed ^ (0x9E3779B97F4A7C15 * stream)) + counter)
    return v - (1 << 64) if v >= 1 << 63 else v


def adam(params, lr, foreach):
    # foreach=None keeps torch's default (the single-tensor loop on CPU in 1.13).
    if foreach is None:
        return torch.optim.Adam(params, lr=lr)
    return torch.optim.Adam(params, lr=lr, foreach=foreach)


def setup_threads(threads):
    """Sets torch's intra-op pool; OpenMP and OpenBLAS pools come from the environment, as in vaelab."""
    torch.set_num_threads(threads)


def blas_report():
    """One line naming the BLAS and OpenMP libraries actually loaded and their thread counts."""
    parts = ["torch=%s" % torch.__version__, "intra_op=%d" % torch.get_num_threads(),
             "mkldnn=%s" % torch.backends.mkldnn.is_available(),
             "OMP_WAIT_POLICY=%s" % os.environ.get("OMP_WAIT_POLICY", "unset")]
    try:
        from threadpoolctl import threadpool_info
        # A tiny matmul makes sure the BLAS is loaded before asking.
        torch.ones(64, 64) @ torch.ones(64, 64)
        for info in threadpool_info():
            parts.append("%s=%s(%s,threads=%d)" % (info["user_api"], info["internal_api"],
                                                    os.path.basename(info["filepath"]), info["num_threads"]))
    except ImportError:
        parts.append("threadpoolctl=missing")
    return " ".join(parts)
