package org.vaelab.metrics;

/**
 * DCI's disentanglement and completeness from an importance matrix [code][factor]: one minus the entropy of
 * each code's (factor's) importance distribution, in base #factors (#codes), weighted by its share of the
 * total importance. The 1e-11 added before normalising is dlib's, so all-zero rows count as uniform.
 */
final class ImportanceScores {
    private static final double EPSILON = 1e-11;

    private ImportanceScores() {
    }

    static double disentanglement(double[][] importance) {
        int codes = importance.length;
        int factors = importance[0].length;
        double total = total(importance);
        double score = 0;
        for (int i = 0; i < codes; i++) {
            double[] row = importance[i].clone();
            double share = total == 0 ? 1.0 / codes : sum(row) / total;
            score += (1 - entropy(row, factors)) * share;
        }
        return score;
    }

    static double completeness(double[][] importance) {
        int codes = importance.length;
        int factors = importance[0].length;
        double total = total(importance);
        double score = 0;
        for (int j = 0; j < factors; j++) {
            double[] column = new double[codes];
            for (int i = 0; i < codes; i++) {
                column[i] = importance[i][j];
            }
            double share = total == 0 ? 1.0 / factors : sum(column) / total;
            score += (1 - entropy(column, codes)) * share;
        }
        return score;
    }

    /** Entropy in base {@code base} of the distribution proportional to weights + epsilon. */
    private static double entropy(double[] weights, int base) {
        double sum = 0;
        for (double w : weights) {
            sum += w + EPSILON;
        }
        double h = 0;
        for (double w : weights) {
            double p = (w + EPSILON) / sum;
            h -= p * Math.log(p);
        }
        return h / Math.log(base);
    }

    private static double total(double[][] matrix) {
        double total = 0;
        for (double[] row : matrix) {
            total += sum(row);
        }
        return total;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}
