package org.vaelab.data.dsprites;

import java.util.Optional;
import java.util.SplittableRandom;
import org.vaelab.data.Dataset;
import org.vaelab.data.FactorGrid;
import org.vaelab.data.ValueKind;

/**
 * dSprites (Matthey et al. 2017) rendered on demand from its factor grid, since no registry ships the
 * original file: 737,280 binary 64x64 images indexed exactly as the original (see {@link DSpritesFactors}).
 * Rendering is cheap enough that no cache is kept.
 */
public final class DSprites implements Dataset {

    public static final String NAME = "dsprites";

    private static final Shape SHAPE = new Shape(1, DSpritesRenderer.SIDE, DSpritesRenderer.SIDE);
    private static final String PROVENANCE =
            "procedural dSprites per SPEC, renderer version " + DSpritesRenderer.VERSION + " (no files)";

    private final DSpritesFactors factors = new DSpritesFactors();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int size() {
        return DSpritesFactors.GRID_SIZE;
    }

    @Override
    public Shape shape() {
        return SHAPE;
    }

    @Override
    public ValueKind valueKind() {
        return ValueKind.BINARY;
    }

    /** Renders each index in turn; {@code rng} is ignored because the images are deterministic. */
    @Override
    public void fill(int[] indices, float[] out, SplittableRandom rng) {
        long needed = (long) indices.length * DSpritesRenderer.PIXELS;
        if (out.length < needed) {
            throw new IllegalArgumentException(
                    "output holds " + out.length + " values, " + indices.length + " images need " + needed);
        }
        for (int i = 0; i < indices.length; i++) {
            DSpritesRenderer.render(indices[i], out, i * DSpritesRenderer.PIXELS);
        }
    }

    @Override
    public Optional<FactorGrid> factors() {
        return Optional.of(factors);
    }

    @Override
    public String provenance() {
        return PROVENANCE;
    }
}
