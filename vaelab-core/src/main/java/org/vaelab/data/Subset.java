package org.vaelab.data;

import java.util.Optional;
import java.util.SplittableRandom;

/** A view of selected examples of another dataset, in the given order. */
public final class Subset implements Dataset {
    private final Dataset source;
    private final int[] indices;
    private final String name;

    public Subset(Dataset source, int[] indices, String name) {
        this.source = source;
        this.indices = indices.clone();
        this.name = name;
    }

    /** {@code count} distinct examples drawn uniformly with a fixed seed. */
    public static Subset random(Dataset source, int count, long seed, String name) {
        int[] picked = new SplittableRandom(seed).ints(0, source.size()).distinct().limit(count).toArray();
        return new Subset(source, picked, name);
    }

    /** Index in the source dataset of this view's example {@code i}. */
    public int sourceIndex(int i) {
        return indices[i];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public Shape shape() {
        return source.shape();
    }

    @Override
    public ValueKind valueKind() {
        return source.valueKind();
    }

    @Override
    public void fill(int[] picked, float[] out, SplittableRandom rng) {
        int[] mapped = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            mapped[i] = indices[picked[i]];
        }
        source.fill(mapped, out, rng);
    }

    /** The source's factors, read through this view's indices (a subset cannot look examples up by factors). */
    @Override
    public Optional<FactorGrid> factors() {
        return source.factors().map(grid -> new FactorGrid() {
            @Override
            public String[] names() {
                return grid.names();
            }

            @Override
            public int[] sizes() {
                return grid.sizes();
            }

            @Override
            public void factorsOf(int index, int[] out) {
                grid.factorsOf(indices[index], out);
            }

            @Override
            public int indexOf(int[] factors) {
                throw new UnsupportedOperationException(name + " is a sample of the grid; look factors up in "
                        + source.name());
            }
        });
    }

    @Override
    public String provenance() {
        return source.provenance() + "; subset " + name + " of " + indices.length;
    }
}
