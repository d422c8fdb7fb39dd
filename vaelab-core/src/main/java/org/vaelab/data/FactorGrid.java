package org.vaelab.data;

/**
 * The factors of variation behind a generated dataset, as integer indices into each factor's value grid.
 * Metrics read factors through this interface and nothing else of the data.
 */
public interface FactorGrid {

    /** Factor names in order, e.g. shape, scale, orientation, posX, posY. */
    String[] names();

    /** Number of distinct values of each factor. */
    int[] sizes();

    /** Factor indices of example {@code index}, written into {@code out} (length sizes().length). */
    void factorsOf(int index, int[] out);

    /** The example index whose factors are {@code factors}; the inverse of factorsOf on a full grid. */
    int indexOf(int[] factors);

    /** Number of factor combinations: the product of {@link #sizes()}, the size of the full grid. */
    default long combinations() {
        long product = 1;
        for (int size : sizes()) {
            product *= size;
        }
        return product;
    }
}
