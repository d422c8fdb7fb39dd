package org.vaelab.metrics;

/**
 * Centres and scales codes by the training mean and population std, as dlib's normalize_data. A constant
 * dimension is only centred: dividing by its zero std would give NaN.
 */
final class Standardiser {
    private final double[] means;
    private final double[] scales;

    private Standardiser(double[] means, double[] scales) {
        this.means = means;
        this.scales = scales;
    }

    static Standardiser fit(float[][] codes) {
        double[] stds = Columns.stds(codes);
        for (int j = 0; j < stds.length; j++) {
            if (stds[j] == 0) {
                stds[j] = 1;
            }
        }
        return new Standardiser(Columns.means(codes), stds);
    }

    double[][] apply(float[][] codes) {
        double[][] out = new double[codes.length][means.length];
        for (int i = 0; i < codes.length; i++) {
            for (int j = 0; j < means.length; j++) {
                out[i][j] = (codes[i][j] - means[j]) / scales[j];
            }
        }
        return out;
    }
}
