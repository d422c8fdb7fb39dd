package org.vaelab.data.binarize;

import java.util.SplittableRandom;
import org.vaelab.data.Dataset;

/**
 * A grey-level dataset seen through a fresh Bernoulli sample at every fill: each value p becomes 1 with
 * probability p, drawn from the generator passed to fill, so a run is reproducible given its generator and
 * the model never sees the same binary image twice.
 */
public final class DynamicBinarized extends BinarizedView {

    public DynamicBinarized(Dataset source) {
        super(source);
    }

    @Override
    public String name() {
        return source.name() + "-dynamic-binary";
    }

    @Override
    public void fill(int[] indices, float[] out, SplittableRandom rng) {
        source.fill(indices, out, rng);
        int n = indices.length * source.dim();
        for (int k = 0; k < n; k++) {
            out[k] = rng.nextDouble() < out[k] ? 1f : 0f;
        }
    }

    @Override
    public String provenance() {
        return source.provenance() + "; dynamically binarised (fresh Bernoulli sample per fill)";
    }
}
