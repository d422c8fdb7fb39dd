package org.vaelab.metrics;

/** Fraction of predictions equal to the true class; a true class of -1 (unseen in training) never matches. */
final class Accuracy {
    private Accuracy() {
    }

    static double of(int[] predicted, int[] actual) {
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i] == actual[i]) {
                correct++;
            }
        }
        return correct / (double) actual.length;
    }
}
