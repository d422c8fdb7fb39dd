package org.vaelab.metrics;

import org.vaelab.UserInputException;

/**
 * Hoyer sparsity of codes (Hoyer 2004; used for VAEs by Tonolini et al. 2020): each dimension is divided by its
 * std over the data so no dimension wins by scale, then each code scores (sqrt(d) - |z|_1/|z|_2) / (sqrt(d) - 1),
 * 1 for a one-hot code and 0 for equal magnitudes, and the scores are averaged.
 */
public final class HoyerSparsity {
    private static final String METRIC = MetricName.SPARSITY.id();

    private HoyerSparsity() {
    }

    public static SparsityResult compute(float[][] codes) {
        check(codes);
        int d = codes[0].length;
        double[] scales = Columns.stds(codes);
        double sqrtD = Math.sqrt(d);
        double sum = 0;
        int zeroCodes = 0;
        for (float[] code : codes) {
            double l1 = 0;
            double l2Squared = 0;
            for (int j = 0; j < d; j++) {
                // A constant dimension is left unscaled; dividing by its zero std would give infinities.
                double value = scales[j] == 0 ? code[j] : code[j] / scales[j];
                l1 += Math.abs(value);
                l2Squared += value * value;
            }
            if (l2Squared == 0) {
                zeroCodes++;
                continue;
            }
            sum += (sqrtD - l1 / Math.sqrt(l2Squared)) / (sqrtD - 1);
        }
        if (zeroCodes == codes.length) {
            throw new UserInputException(METRIC + ": every code is all zeros, so sparsity is undefined");
        }
        return new SparsityResult(sum / (codes.length - zeroCodes), zeroCodes, new SparsityProtocol(codes.length));
    }

    static void check(float[][] codes) {
        InputChecks.codes(METRIC, "codes", codes);
        // With one dimension sqrt(d) - 1 is zero.
        InputChecks.minimumCodeDims(METRIC, codes, 2);
    }
}
