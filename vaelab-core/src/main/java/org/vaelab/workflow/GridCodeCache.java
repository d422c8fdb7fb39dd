package org.vaelab.workflow;

import java.util.Arrays;
import java.util.function.Function;
import org.vaelab.data.FactorGrid;
import org.vaelab.metrics.FactorEncoder;

/**
 * Encodes each image of a factor grid at most once. The metrics' protocols draw their samples with replacement
 * (the beta-VAE metric alone asks for 1.92 million dSprites images, about 2.6 per image of the grid), and a model's
 * posterior mean of a deterministically rendered image never changes, so repeats are answered from memory.
 */
final class GridCodeCache implements FactorEncoder {
    /** Marks an index asked for twice in one batch, so it is encoded once. */
    private static final float[] PENDING = new float[0];

    private final FactorGrid grid;
    private final Function<int[], float[][]> encodeIndices;
    private final float[][] known;

    /** {@code encodeIndices} gives the codes of the grid images with these indices, in order. */
    GridCodeCache(FactorGrid grid, Function<int[], float[][]> encodeIndices) {
        this.grid = grid;
        this.encodeIndices = encodeIndices;
        this.known = new float[Math.toIntExact(grid.combinations())][];
    }

    @Override
    public float[][] encode(int[][] factorRows) {
        int[] indices = new int[factorRows.length];
        int[] missing = new int[factorRows.length];
        int missingCount = 0;
        for (int i = 0; i < factorRows.length; i++) {
            int index = grid.indexOf(factorRows[i]);
            indices[i] = index;
            if (known[index] == null) {
                known[index] = PENDING;
                missing[missingCount++] = index;
            }
        }
        if (missingCount > 0) {
            int[] fresh = Arrays.copyOf(missing, missingCount);
            float[][] codes = encodeIndices.apply(fresh);
            for (int i = 0; i < fresh.length; i++) {
                known[fresh[i]] = codes[i];
            }
        }
        float[][] out = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = known[indices[i]];
        }
        return out;
    }
}
