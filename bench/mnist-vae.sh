#!/usr/bin/env bash
# Fidelity check (a benchmark, not a test): the one-stochastic-layer VAE of Burda et al. 2016 (two deterministic
# layers of 200 tanh units, 50 latents, Bernoulli decoder) on dynamically binarised MNIST, scored by the IWAE
# bound with k=5000 on the test set, next to the published 86.76 nats.
#
#   bench/mnist-vae.sh                 # 100 epochs, k=5000 (about 20 minutes on 2 cores)
#   EPOCHS=10 K=500 bench/mnist-vae.sh # a quicker look; THREADS=1 to leave a core free;
#                                      # LIMIT=N scores only the first N test images
set -euo pipefail
cd "$(dirname "$0")/.."
epochs="${EPOCHS:-100}"
k="${K:-5000}"
out="${OUT:-runs/bench-mnist-vae-$(date +%Y%m%d-%H%M%S)}"
threads="${THREADS:-$(nproc)}"
limit="${LIMIT:-10000}"

start=$(date +%s)
./vaelab train --model vae --dataset mnist --binarize dynamic --arch mlp --hidden 200,200 --activation tanh \
  --latent 50 --batch 100 --lr 1e-3 --epochs "$epochs" --checkpoint-every 5000 --threads "$threads" --out "$out"
trained=$(date +%s)
./vaelab eval "$out" --split test --iwae "$k" --batch 20 --limit "$limit" --threads "$threads"
done_at=$(date +%s)

nll=$(sed -n 's/^ *"nll" : \([0-9.]*\).*/\1/p' "$out/eval.json" | head -n 1)
echo
echo "machine: $(nproc) cores, $(uname -m); training $((trained - start)) s, evaluation $((done_at - trained)) s"
echo "vaelab:    test NLL (IWAE k=$k, first $limit test images) after $epochs epochs = $nll nats"
echo "published: 86.76 nats (Burda et al. 2016, Table 1, VAE with 1 stochastic layer, k=1 training, k=5000 evaluation, 3280 epochs)"
