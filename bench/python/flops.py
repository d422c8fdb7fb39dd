"""Floating-point operations of one training step of the benchmark models, counted from their layers.

A step is the forward pass, the backward pass for the weights and, for every layer except the encoder's
first (its input needs no gradient), for the layer's input: 3 x 2 x multiply-adds, less the one input gradient.
Elementwise work (activations, likelihood, KL, Adam) is left out, so the figure is a floor.
"""
import argparse

import torch
from torch import nn

import vae_models as vm


def train_step_flops(model, x):
    macs = []

    def hook(module, inputs, output):
        if isinstance(module, nn.Linear):
            macs.append(output.numel() * module.in_features)
        else:
            k = module.kernel_size[0] * module.kernel_size[1]
            macs.append(output.numel() * module.in_channels * k)

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (nn.Linear, nn.Conv2d))]
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    return 2 * (3 * sum(macs) - macs[0])


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--arch", default="mlp", choices=["mlp", "conv"])
    a = p.parse_args()
    if a.arch == "mlp":
        f = train_step_flops(vm.mlp_vae(), torch.zeros(128, 784))
    else:
        f = train_step_flops(vm.conv_vae(), torch.zeros(64, 4096))
    print("FLOPS arch=%s per_step=%d" % (a.arch, f))
