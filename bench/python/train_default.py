"""PyTorch twin of `./vaelab train` with every default (bench/speed-train.sh).

beta-VAE (beta 4), 10 latents, the conv networks, Bernoulli likelihood, procedural dSprites, batch 64, Adam lr
1e-3, 1500 steps, seed 0, all cores. The same work as vaelab's run: data rendered inside the loop from each
epoch's permutation of the 737,280-image grid, the generator seeded per step, a metrics.jsonl line every 10
steps (and at step 1 and with the per-dimension KL every 100), config.json, and a checkpoint (model + optimizer,
fsynced, renamed into place, the last two kept) every 500 steps. Prints the time spent rendering.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time

import numpy as np
import torch

import dsprites
import vae_models as vm


def fsync(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def save_checkpoint(root, step, model, optimizer):
    ckpts = os.path.join(root, "checkpoints")
    os.makedirs(ckpts, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".writing-", dir=ckpts)
    torch.save(model.state_dict(), os.path.join(staging, "model.pt"))
    torch.save(optimizer.state_dict(), os.path.join(staging, "optimizer.pt"))
    fsync(os.path.join(staging, "model.pt"))
    fsync(os.path.join(staging, "optimizer.pt"))
    name = "step-%09d" % step
    target = os.path.join(ckpts, name)
    shutil.rmtree(target, ignore_errors=True)
    os.rename(staging, target)
    fsync(ckpts)
    with open(os.path.join(ckpts, ".latest.tmp"), "w") as f:
        f.write(name)
        f.flush()
        os.fsync(f.fileno())
    os.replace(os.path.join(ckpts, ".latest.tmp"), os.path.join(ckpts, "latest"))
    for old in sorted(d for d in os.listdir(ckpts) if d.startswith("step-"))[:-2]:
        shutil.rmtree(os.path.join(ckpts, old))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--steps", type=int, default=1500)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    start = time.perf_counter()
    batch, beta, lr, log_every, kl_every, ckpt_every = 64, 4.0, 1e-3, 10, 100, 500

    vm.setup_threads(a.threads)
    torch.manual_seed(a.seed)
    model = vm.conv_vae(64, 10)
    optimizer = vm.adam(model.parameters(), lr, None)
    os.makedirs(a.out)
    with open(os.path.join(a.out, "config.json"), "w") as f:
        json.dump({"model": "beta-vae", "dataset": "dsprites", "latent": 10, "arch": "conv",
                   "likelihood": "bernoulli", "beta": beta, "steps": a.steps, "batch": batch, "lr": lr,
                   "seed": a.seed, "threads": a.threads, "logEvery": log_every, "klEvery": kl_every,
                   "checkpointEvery": ckpt_every, "torch": torch.__version__}, f, indent=2)
    print("training beta-vae on dsprites: 10 latents, %d steps of %d, from scratch, run %s" % (a.steps, batch, a.out))
    sys.stdout.flush()

    per_epoch = dsprites.GRID // batch
    buffer = np.zeros((batch, 4096), np.float32)
    order, order_epoch = None, -1
    render_seconds = 0.0
    last = None
    metrics = open(os.path.join(a.out, "metrics.jsonl"), "w")
    for step in range(a.steps):
        torch.manual_seed(vm.step_seed(a.seed, step, 1))
        epoch = step // per_epoch
        if epoch != order_epoch:
            order = np.random.default_rng(vm.step_seed(a.seed, epoch, 3) & vm.MASK64).permutation(dsprites.GRID)
            order_epoch = epoch
        offset = (step % per_epoch) * batch
        t = time.perf_counter()
        dsprites.render(order[offset:offset + batch], buffer)
        x = torch.from_numpy(buffer.copy())
        render_seconds += time.perf_counter() - t
        log_px, kl_dim = model(x)
        loss, recon, kl = vm.beta_elbo(log_px, kl_dim, beta)
        values = {"loss": loss.item(), "recon": recon.item(), "kl": kl.item()}
        for k, v in values.items():
            if not np.isfinite(v):
                raise SystemExit("loss term %s is %s at step %d" % (k, v, step + 1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        completed = step + 1
        kl_due = completed % kl_every == 0 or completed == 1
        kl_per_dim = kl_dim.detach().mean(0).tolist() if kl_due else None
        if completed % log_every == 0 or completed == 1 or completed == a.steps or kl_per_dim is not None:
            line = {"step": completed, **values}
            if kl_per_dim is not None:
                line["klPerDim"] = kl_per_dim
            metrics.write(json.dumps(line) + "\n")
            metrics.flush()
        if completed % ckpt_every == 0:
            save_checkpoint(a.out, completed, model, optimizer)
            last = completed
        if completed % max(1, a.steps // 10) == 0:
            print("train %d/%d loss %.2f recon %.2f kl %.2f" % (completed, a.steps, values["loss"],
                                                                values["recon"], values["kl"]))
            sys.stdout.flush()
    if last != a.steps:
        save_checkpoint(a.out, a.steps, model, optimizer)
    metrics.close()
    print("RESULT side=pytorch run=train steps=%d seconds_in_script=%.2f render_seconds=%.2f final_loss=%.3f"
          % (a.steps, time.perf_counter() - start, render_seconds, values["loss"]))
    print("BLAS " + vm.blas_report())


if __name__ == "__main__":
    main()
