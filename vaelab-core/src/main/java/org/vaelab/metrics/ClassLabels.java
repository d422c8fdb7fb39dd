package org.vaelab.metrics;

import java.util.Arrays;

/** The distinct values of a factor column, mapped to class indices 0..count-1 in increasing order. */
final class ClassLabels {
    private final int[] values;

    private ClassLabels(int[] sortedDistinct) {
        this.values = sortedDistinct;
    }

    static ClassLabels of(int[] column) {
        return new ClassLabels(Arrays.stream(column).sorted().distinct().toArray());
    }

    int count() {
        return values.length;
    }

    /** Class index of {@code value}, or -1 for a value the training data never showed. */
    int indexOf(int value) {
        int index = Arrays.binarySearch(values, value);
        return index < 0 ? -1 : index;
    }

    int[] encode(int[] column) {
        int[] classes = new int[column.length];
        for (int i = 0; i < column.length; i++) {
            classes[i] = indexOf(column[i]);
        }
        return classes;
    }
}
