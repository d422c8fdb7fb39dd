package org.vaelab.data;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Labelled images kept as one byte per value, level k filled as k/255: 8-bit grey or colour levels, or binary
 * images stored as 0 and 255 so they fill exactly 0 and 1. Values are laid out channel by channel, each channel
 * row-major, one example after another.
 */
public final class LabelledImages implements Dataset {

    private final String name;
    private final Shape shape;
    private final ValueKind valueKind;
    private final byte[] levels;
    private final int count;
    private final ByteLabels labels;
    private final String provenance;

    public LabelledImages(String name, Shape shape, ValueKind valueKind, byte[] levels, byte[] labels, int classCount,
                          String provenance) {
        if (levels.length != labels.length * shape.size()) {
            throw new IllegalArgumentException(name + ": " + levels.length + " values for " + labels.length
                    + " examples of " + shape.size());
        }
        this.name = name;
        this.shape = shape;
        this.valueKind = valueKind;
        this.levels = levels;
        this.count = labels.length;
        this.labels = new ByteLabels(labels, classCount);
        this.provenance = provenance;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public Shape shape() {
        return shape;
    }

    @Override
    public ValueKind valueKind() {
        return valueKind;
    }

    @Override
    public void fill(int[] indices, float[] out, SplittableRandom rng) {
        int dim = shape.size();
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= count) {
                throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (count - 1));
            }
            int from = index * dim;
            int to = i * dim;
            for (int j = 0; j < dim; j++) {
                out[to + j] = (levels[from + j] & 0xff) / 255f;
            }
        }
    }

    @Override
    public Optional<Labels> labels() {
        return Optional.of(labels);
    }

    @Override
    public String provenance() {
        return provenance;
    }

    private record ByteLabels(byte[] values, int classCount) implements Labels {
        @Override
        public int label(int index) {
            return values[index] & 0xff;
        }
    }
}
