package org.vaelab.metrics;

import org.vaelab.data.FactorGrid;

/** Three factors of sizes 3, 4 and 5 on a full mixed-radix grid. */
class SmallGrid implements FactorGrid {
    private static final int[] SIZES = {3, 4, 5};

    @Override
    public String[] names() {
        return new String[] {"shape", "scale", "position"};
    }

    @Override
    public int[] sizes() {
        return SIZES.clone();
    }

    @Override
    public void factorsOf(int index, int[] out) {
        for (int k = SIZES.length - 1; k >= 0; k--) {
            out[k] = index % SIZES[k];
            index /= SIZES[k];
        }
    }

    @Override
    public int indexOf(int[] factors) {
        int index = 0;
        for (int k = 0; k < SIZES.length; k++) {
            index = index * SIZES[k] + factors[k];
        }
        return index;
    }
}
