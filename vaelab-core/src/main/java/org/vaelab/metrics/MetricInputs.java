package org.vaelab.metrics;

import org.vaelab.data.FactorGrid;

/**
 * What the suite computes metrics from. The array metrics read training and test codes with their factor rows;
 * beta_vae and factor_vae sample factor rows from {@code grid} and have {@code encoder} turn them into codes.
 * When only a grid and encoder are given, the suite samples the arrays from them too. Absent parts are null.
 */
public record MetricInputs(float[][] trainCodes, int[][] trainFactors, float[][] testCodes, int[][] testFactors,
                           FactorGrid grid, FactorEncoder encoder) {

    public static MetricInputs ofArrays(float[][] trainCodes, int[][] trainFactors, float[][] testCodes,
                                        int[][] testFactors) {
        return new MetricInputs(trainCodes, trainFactors, testCodes, testFactors, null, null);
    }

    public static MetricInputs ofGrid(FactorGrid grid, FactorEncoder encoder) {
        return new MetricInputs(null, null, null, null, grid, encoder);
    }

    public MetricInputs withGrid(FactorGrid newGrid, FactorEncoder newEncoder) {
        return new MetricInputs(trainCodes, trainFactors, testCodes, testFactors, newGrid, newEncoder);
    }

    boolean hasTrainArrays() {
        return trainCodes != null || trainFactors != null;
    }

    boolean hasTestArrays() {
        return testCodes != null || testFactors != null;
    }

    boolean canSample() {
        return grid != null && encoder != null;
    }
}
