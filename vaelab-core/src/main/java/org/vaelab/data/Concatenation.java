package org.vaelab.data;

import java.util.Optional;
import java.util.SplittableRandom;

/** Two datasets of the same shape one after the other (a train split followed by its test split). */
public final class Concatenation implements Dataset {
    private final Dataset first;
    private final Dataset second;
    private final String name;

    public Concatenation(Dataset first, Dataset second, String name) {
        if (!first.shape().equals(second.shape())) {
            throw new IllegalArgumentException("cannot join " + first.shape() + " and " + second.shape() + " data");
        }
        this.first = first;
        this.second = second;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return first.size() + second.size();
    }

    @Override
    public Shape shape() {
        return first.shape();
    }

    @Override
    public ValueKind valueKind() {
        return first.valueKind();
    }

    @Override
    public void fill(int[] indices, float[] out, SplittableRandom rng) {
        int dim = dim();
        int[] one = new int[1];
        float[] row = new float[dim];
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            boolean inFirst = index < first.size();
            one[0] = inFirst ? index : index - first.size();
            (inFirst ? first : second).fill(one, row, rng);
            System.arraycopy(row, 0, out, i * dim, dim);
        }
    }

    @Override
    public Optional<Labels> labels() {
        if (first.labels().isEmpty() || second.labels().isEmpty()) {
            return Optional.empty();
        }
        Labels a = first.labels().get();
        Labels b = second.labels().get();
        return Optional.of(new Labels() {
            @Override
            public int classCount() {
                return Math.max(a.classCount(), b.classCount());
            }

            @Override
            public int label(int index) {
                return index < first.size() ? a.label(index) : b.label(index - first.size());
            }
        });
    }

    @Override
    public String provenance() {
        return first.provenance() + " + " + second.provenance();
    }
}
