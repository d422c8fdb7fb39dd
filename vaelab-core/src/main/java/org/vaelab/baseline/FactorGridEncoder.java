package org.vaelab.baseline;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.FactorGrid;
import org.vaelab.metrics.FactorEncoder;

/**
 * Lets the metrics score a baseline: factor rows become grid indices, the dataset renders those images, and the
 * representation encodes them. The dataset must be the whole grid (e.g. dSprites' train split), because
 * {@link FactorGrid#indexOf} gives an index into the full grid; a subset such as dsprites-test shares the grid
 * but numbers its images differently, and would silently return the wrong images. Not thread-safe: the metrics
 * call their encoder from one thread.
 */
public final class FactorGridEncoder implements FactorEncoder {
    private final Representation representation;
    private final Dataset data;
    private final FactorGrid grid;
    /** Only stochastic views (dynamic binarisation) use it; dSprites ignores it. */
    private final SplittableRandom random;

    public FactorGridEncoder(Representation representation, Dataset data, long seed) {
        this.grid = data.factors().orElseThrow(() -> new UserInputException("--dataset " + data.name()
                + " has no ground-truth factors; disentanglement metrics need a factor grid such as dsprites"));
        if (grid.combinations() != data.size()) {
            throw new UserInputException("dataset " + data.name() + " holds " + data.size() + " of the "
                    + grid.combinations() + " factor combinations; encode factor rows with the full grid (the train "
                    + "split)");
        }
        if (representation.inputDim() != data.dim()) {
            throw new UserInputException("the " + representation.name() + " baseline takes images of "
                    + representation.inputDim() + " values; --dataset " + data.name() + " has " + data.dim());
        }
        this.representation = representation;
        this.data = data;
        this.random = new SplittableRandom(seed);
    }

    /** The dataset's factor grid, for MetricInputs.ofGrid. */
    public FactorGrid grid() {
        return grid;
    }

    @Override
    public float[][] encode(int[][] factorRows) {
        int[] indices = new int[factorRows.length];
        for (int i = 0; i < factorRows.length; i++) {
            indices[i] = grid.indexOf(factorRows[i]);
        }
        int dim = data.dim();
        float[] pixels = new float[indices.length * dim];
        data.fill(indices, pixels, random);
        float[][] images = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            images[i] = Arrays.copyOfRange(pixels, i * dim, (i + 1) * dim);
        }
        return representation.encode(images);
    }
}
