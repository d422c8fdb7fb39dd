package org.vaelab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The building blocks on cases small enough to work out by hand. */
class InformationTheoryTest {

    @Test
    void mutualInformationOfASmallTableMatchesHandComputation() {
        // Joint counts (0,0)=2, (0,1)=1, (1,1)=1 of 4: 1/2 ln(4/3) + 1/4 ln(2/3) + 1/4 ln 2.
        double expected = 0.5 * Math.log(4 / 3.0) + 0.25 * Math.log(2 / 3.0) + 0.25 * Math.log(2);
        assertThat(DiscreteInformation.mutualInformation(new int[] {0, 0, 0, 1}, new int[] {0, 0, 1, 1}))
                .isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(0.21576155433884, within(1e-12));
    }

    @Test
    void independentLabellingsShareNoInformationAndIdenticalOnesShareTheirEntropy() {
        assertThat(DiscreteInformation.mutualInformation(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}))
                .isCloseTo(0, within(1e-12));
        assertThat(DiscreteInformation.mutualInformation(new int[] {5, 5, 9, 9}, new int[] {1, 1, 0, 0}))
                .isCloseTo(Math.log(2), within(1e-12));
    }

    @Test
    void entropyIsInNats() {
        // p = (1/2, 1/4, 1/4): 1/2 ln 2 + 2 * 1/4 ln 4 = 1.5 ln 2.
        assertThat(DiscreteInformation.entropy(new int[] {0, 0, 1, 2})).isCloseTo(1.5 * Math.log(2), within(1e-12));
    }

    @Test
    void histogramBinsFollowNumpyDigitizeOfHistogramEdges() {
        // np.digitize(x, np.histogram(x, 5)[1][:-1]) with edges 0, 1.8, 3.6, 5.4, 7.2.
        float[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(HistogramDiscretizer.discretize(values, 5)).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        // The maximum lands in the last bin, a value on an edge in the bin to its right.
        assertThat(HistogramDiscretizer.discretize(new float[] {0, 0.5f, 1}, 2)).containsExactly(1, 2, 2);
    }

    @Test
    void constantValuesFallInOneBin() {
        int[] labels = HistogramDiscretizer.discretize(new float[] {3, 3, 3}, 20);
        assertThat(labels).containsOnly(labels[0]);
    }

    @Test
    void rocAucCountsOrderedPairsAndHalvesTies() {
        assertThat(RocAuc.auc(new boolean[] {true, false, true, false}, new double[] {0.9, 0.8, 0.3, 0.1}))
                .isCloseTo(0.75, within(1e-12));
        assertThat(RocAuc.auc(new boolean[] {true, false}, new double[] {0.5, 0.5})).isCloseTo(0.5, within(1e-12));
        assertThat(RocAuc.auc(new boolean[] {true, true}, new double[] {0.1, 0.2})).isNaN();
    }

    @Test
    void disentanglementAndCompletenessOfHandMadeImportanceMatrices() {
        double[][] identity = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        assertThat(ImportanceScores.disentanglement(identity)).isCloseTo(1, within(1e-8));
        assertThat(ImportanceScores.completeness(identity)).isCloseTo(1, within(1e-8));

        double[][] uniform = {{1, 1, 1}, {1, 1, 1}};
        assertThat(ImportanceScores.disentanglement(uniform)).isCloseTo(0, within(1e-8));
        assertThat(ImportanceScores.completeness(uniform)).isCloseTo(0, within(1e-8));

        // Code 0 splits evenly over two factors (1 - log3(2), weight 2/3); code 1 serves one (1, weight 1/3).
        double[][] mixed = {{1, 1, 0}, {0, 0, 1}};
        double expected = (1 - Math.log(2) / Math.log(3)) * 2 / 3 + 1 / 3.0;
        assertThat(ImportanceScores.disentanglement(mixed)).isCloseTo(expected, within(1e-8));
        assertThat(ImportanceScores.completeness(mixed)).isCloseTo(1, within(1e-8));
    }

    @Test
    void modularityRewardsCodesThatInformAboutOneFactor() {
        // One code about one factor (1), one split evenly (0), one carrying nothing (0 by definition).
        double[][] mi = {{1, 0}, {0.5, 0.5}, {0, 0}};
        assertThat(ModularityExplicitnessMetric.modularity(mi)).isCloseTo(1 / 3.0, within(1e-12));
    }
}
