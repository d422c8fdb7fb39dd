#!/usr/bin/env bash
# Issue #7's comparison (a benchmark, not a test): on dynamically binarised MNIST, a VAE with a factorised
# Bernoulli decoder, the unconditional PixelCNN, VLAE with a Gaussian prior and VLAE with the AF prior, all sized
# for 2 CPU cores. Prints test NLL (IWAE bound, K samples; the PixelCNN's is exact) and the bits each model puts
# in z (KL / ln 2) and in x given z. Chen et al. 2017 (full-size models): VLAE 78.53 nats, unconditional decoder
# 87.55; VLAE spends 19.2 bits in z, a VAE 37.3.
#
#   bench/vlae-mnist.sh                      # STEPS=3000 K=100 LIMIT=1000: about 40 minutes of one core per
#                                            # PixelCNN model; PARALLEL=2 (default) trains two models at once
#   STEPS=300 K=10 LIMIT=100 bench/vlae-mnist.sh   # a quick look
#
# Architecture (every model): encoder MLP 784-256-256 (ReLU) to 16 Gaussian latents; PixelCNN decoder of
# R=3 masked 3x3 layers (causal window printed by train), 32 feature maps, z mapped to a feature map and added in
# every layer; AF prior of 2 MADE layers. The VAE decodes with MLP 16-256-256-784. Batch 64, Adam 1e-3.
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${STEPS:-3000}"
k="${K:-100}"
limit="${LIMIT:-1000}"
parallel="${PARALLEL:-2}"
work="${WORK:-runs/vlae-mnist-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$work"
common=(--dataset mnist --binarize dynamic --arch mlp --hidden 256,256 --latent 16 --batch 64 --lr 1e-3
  --steps "$steps" --checkpoint-every 1000 --receptive-field 3 --pixelcnn-channels 32)
declare -A flags=(
  [vae]="--model vae"
  [pixelcnn]="--model pixelcnn"
  [vlae-gaussian]="--model vlae"
  [vlae-af]="--model vlae --prior af --flow-layers 2"
)
models=(vae pixelcnn vlae-gaussian vlae-af)
threads=$(( $(nproc) / parallel ))
[ "$threads" -ge 1 ] || threads=1

./vaelab --version >/dev/null   # build once, before models start side by side
run_one() {
  local name="$1" start end
  start=$(date +%s)
  # shellcheck disable=SC2086
  ./vaelab train ${flags[$name]} "${common[@]}" --threads "$threads" --out "$work/$name" >"$work/$name.train.log" 2>&1
  end=$(date +%s)
  ./vaelab eval "$work/$name" --split test --iwae "$k" --limit "$limit" --batch 10 --code-length \
    --threads "$threads" >"$work/$name.eval.log" 2>&1
  echo "$name train_s=$((end - start)) eval_s=$(( $(date +%s) - end ))" >"$work/$name.time"
}
running=0
for name in "${models[@]}"; do
  run_one "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

json() { sed -n "s/^ *\"$2\" : \\(-\\{0,1\\}[0-9][0-9.E-]*\\).*/\\1/p" "$1" | head -n 1; }
echo
echo "dynamically binarised MNIST, $steps steps of batch 64, test NLL = IWAE bound with K=$k on the first $limit test images"
printf '%-15s %12s %12s %14s %14s %10s\n' model "NLL (nats)" "ELBO" "bits in z" "bits in x|z" "train s"
for name in "${models[@]}"; do
  e="$work/$name/eval.json"
  printf '%-15s %12.2f %12.2f %14.2f %14.2f %10s\n' "$name" "$(json "$e" nll)" "$(json "$e" elbo)" \
    "$(json "$e" bitsInZ)" "$(json "$e" bitsInX)" "$(sed 's/.*train_s=\([0-9]*\).*/\1/' "$work/$name.time")"
done
grep -h "^PixelCNN receptive field" "$work"/*.train.log | sort -u | head -n 1 || true
echo "published (Chen et al. 2017, full-size): VLAE 78.53 nats, unconditional PixelCNN 87.55; bits in z: VLAE 19.2, VAE 37.3"
echo "runs in $work ($(nproc) cores)"
