"""PyTorch side of bench/speed-mlp.sh and speed-conv.sh: vaelab's Trainer loop, step for step.

Per step, as org.vaelab.train.Trainer: seed the generator from (seed, step), take the batch of a per-epoch
permutation from an in-memory pool of synthetic binary images (one gather copy, as vaelab's BatchSource.fill),
forward, BetaElbo, read loss/recon/kl as Python floats, zero_grad (set_to_none, as libtorch's), backward, Adam
step, and the per-dimension KL every 100 steps. Prints one RESULT line.
"""
import argparse
import resource
import time

import numpy as np
import torch

import vae_models as vm


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--arch", default="mlp", choices=["mlp", "conv"])
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--warmup", type=int, default=30)
    p.add_argument("--steps", type=int, default=200)
    p.add_argument("--rss-every", type=int, default=0)
    p.add_argument("--foreach", default="default", choices=["default", "true", "false"])
    a = p.parse_args()

    vm.setup_threads(a.threads)
    seed = 0
    torch.manual_seed(seed)
    mlp = a.arch == "mlp"
    model = vm.mlp_vae() if mlp else vm.conv_vae()
    batch, beta, kl_every = (128, 1.0, 100) if mlp else (64, 4.0, 100)
    dim = 784 if mlp else 4096
    pool_size = 8192 if mlp else 2048
    pool = (np.random.default_rng(42).random((pool_size, dim)) < 0.3).astype(np.float32)
    optimizer = vm.adam(model.parameters(), 1e-3, {"default": None, "true": True, "false": False}[a.foreach])
    per_epoch = pool_size // batch
    order = {}

    total = a.warmup + a.steps
    done = [0.0] * (total + 1)
    trace = []
    done[0] = time.perf_counter()
    cpu = [time.process_time(), 0.0]
    faults = [0, 0]
    for step in range(total):
        torch.manual_seed(vm.step_seed(seed, step, 1))
        epoch = step // per_epoch
        if epoch not in order:
            order.clear()
            order[epoch] = np.random.default_rng(vm.step_seed(seed, epoch, 3) & vm.MASK64).permutation(pool_size)
        offset = (step % per_epoch) * batch
        x = torch.from_numpy(pool[order[epoch][offset:offset + batch]])
        log_px, kl_dim = model(x)
        loss, recon, kl = vm.beta_elbo(log_px, kl_dim, beta)
        values = (loss.item(), recon.item(), kl.item())
        if not all(np.isfinite(values)):
            raise SystemExit("non-finite loss at step %d" % (step + 1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        completed = step + 1
        if completed % kl_every == 0 or completed == 1:
            kl_dim.detach().mean(0).tolist()
        done[completed] = time.perf_counter()
        if completed == a.warmup:
            cpu[0] = time.process_time()
            faults[0] = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        elif completed == total:
            cpu[1] = time.process_time()
            faults[1] = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        if a.rss_every and (completed % a.rss_every == 0 or completed == 1):
            trace.append("%d:%d" % (completed, rss_kb()))

    seconds = done[total] - done[a.warmup]
    per = sorted((done[a.warmup + i + 1] - done[a.warmup + i]) * 1e3 for i in range(a.steps))
    print("RESULT side=pytorch arch=%s threads=%d steps=%d seconds=%.3f steps_per_s=%.3f median_step_ms=%.3f "
          "cpu_ms_per_step=%.3f faults_per_step=%d rss_kb=%d foreach=%s%s"
          % (a.arch, a.threads, a.steps, seconds, a.steps / seconds, per[a.steps // 2],
             (cpu[1] - cpu[0]) * 1e3 / a.steps, (faults[1] - faults[0]) // a.steps, rss_kb(), a.foreach, (" rss_trace=" + ",".join(trace)) if trace else ""))
    print("BLAS " + vm.blas_report())


if __name__ == "__main__":
    main()
