package org.vaelab.train;

import java.util.SplittableRandom;
import org.vaelab.data.Dataset;
import org.vaelab.tensor.Tensor;

/**
 * The batch of any training step, as a pure function of (seed, step): epochs are fresh permutations of the
 * dataset, each drawn from its own seed; the last incomplete batch of an epoch is dropped.
 */
public final class BatchSource {
    private final Dataset dataset;
    private final int batchSize;
    private final long seed;
    private final long batchesPerEpoch;
    private final float[] buffer;
    private final int[] indices;
    private long cachedEpoch = -1;
    private int[] permutation;

    public BatchSource(Dataset dataset, int batchSize, long seed) {
        if (batchSize > dataset.size()) {
            throw new org.vaelab.UserInputException("--batch " + batchSize + " is larger than the dataset ("
                    + dataset.size() + " examples); choose a smaller batch");
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.seed = seed;
        this.batchesPerEpoch = dataset.size() / batchSize;
        this.buffer = new float[batchSize * dataset.dim()];
        this.indices = new int[batchSize];
    }

    public long batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** The data of step {@code step} as a [batch, D] tensor, in the current {@link org.vaelab.tensor.Scope}. */
    public Tensor batch(long step) {
        int[] order = permutationOf(step / batchesPerEpoch);
        int offset = (int) (step % batchesPerEpoch) * batchSize;
        System.arraycopy(order, offset, indices, 0, batchSize);
        dataset.fill(indices, buffer, new SplittableRandom(StepSeeds.of(seed, step, StepSeeds.DATA_NOISE)));
        return Tensor.of(buffer, batchSize, dataset.dim());
    }

    private int[] permutationOf(long epoch) {
        if (epoch != cachedEpoch) {
            int n = dataset.size();
            int[] p = permutation == null ? new int[n] : permutation;
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            SplittableRandom rng = new SplittableRandom(StepSeeds.of(seed, epoch, StepSeeds.DATA_ORDER));
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = p[i];
                p[i] = p[j];
                p[j] = tmp;
            }
            permutation = p;
            cachedEpoch = epoch;
        }
        return permutation;
    }
}
