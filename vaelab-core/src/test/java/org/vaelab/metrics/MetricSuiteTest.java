package org.vaelab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;

class MetricSuiteTest {
    private static final MetricProtocol SMALL = MetricProtocol.DLIB
            .withBetaVae(new BetaVaeProtocol(300, 200, 32))
            .withFactorVae(new FactorVaeProtocol(300, 200, 32, 600, 0.05))
            .withMig(new MigProtocol(1000, 20))
            .withDci(new DciProtocol(1000, 500))
            .withSap(new SapProtocol(1000, 500))
            .withModularity(new ModularityProtocol(1000, 500, 20))
            .withSparsity(new SparsityProtocol(1000));

    private static final List<String> ALL =
            List.of("beta_vae", "factor_vae", "mig", "dci", "sap", "modularity", "sparsity");

    @Test
    void runsEveryMetricFromAGridAndSerialisesAsJson() throws Exception {
        MetricsReport report = MetricSuite.run(ALL,
                MetricInputs.ofGrid(new SmallGrid(), Representations.disentangled(1)), SMALL, 42);

        assertThat(report.results().keySet()).containsExactlyElementsOf(ALL);
        assertThat(((MigResult) report.results().get("mig")).mig()).isGreaterThan(0.9);
        assertThat(((DciResult) report.results().get("dci")).disentanglement()).isGreaterThan(0.9);
        assertThat(((BetaVaeResult) report.results().get("beta_vae")).evalAccuracy()).isGreaterThan(0.95);
        assertThat(((DciResult) report.results().get("dci")).protocol()).isEqualTo(SMALL.dci());

        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(report));
        assertThat(json.get("seed").asLong()).isEqualTo(42);
        assertThat(json.at("/results/mig/mig").asDouble()).isGreaterThan(0.9);
        assertThat(json.at("/results/dci/protocol/numTrain").asInt()).isEqualTo(1000);
        assertThat(json.at("/results/sap/classifier/settings/C").asDouble()).isEqualTo(0.01);
        assertThat(json.at("/results/factor_vae/protocol/pruneThreshold").asDouble()).isEqualTo(0.05);
        assertThat(json.at("/results/beta_vae/protocol/batchSize").asInt()).isEqualTo(32);
        assertThat(json.at("/results/mig/scores").isMissingNode()).isTrue();
    }

    @Test
    void usesTheFirstRowsOfLargerArrays() {
        var train = Representations.Sample.draw(Representations.disentangled(1), 1500, 2);
        MetricsReport report = MetricSuite.run(List.of("mig"),
                MetricInputs.ofArrays(train.codes(), train.factors(), null, null), SMALL, 0);
        assertThat(((MigResult) report.results().get("mig")).protocol().numTrain()).isEqualTo(1000);
    }

    @Test
    void unknownAndMissingNamesAreRejected() {
        MetricInputs inputs = MetricInputs.ofGrid(new SmallGrid(), Representations.disentangled(1));
        assertThatThrownBy(() -> MetricSuite.run(List.of("mig", "irs"), inputs, SMALL, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessage("unknown metric 'irs'; choose from beta_vae, factor_vae, mig, dci, sap, modularity,"
                        + " sparsity");
        assertThatThrownBy(() -> MetricSuite.run(List.of(), inputs, SMALL, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("no metrics chosen");
    }

    @Test
    void badArraysAreRejectedWithOneLine() {
        var train = Representations.Sample.draw(Representations.disentangled(1), 1000, 2);
        var test = Representations.Sample.draw(Representations.disentangled(1), 500, 3);

        float[][] withNaN = train.codes().clone();
        withNaN[7] = new float[] {0, Float.NaN, 0, 0};
        expectRejection(List.of("mig"), MetricInputs.ofArrays(withNaN, train.factors(), null, null),
                "mig: training codes contain NaN at row 7, dimension 1");

        float[][] withInfinity = test.codes().clone();
        withInfinity[0] = new float[] {Float.POSITIVE_INFINITY, 0, 0, 0};
        expectRejection(List.of("dci"), MetricInputs.ofArrays(train.codes(), train.factors(), withInfinity,
                test.factors()), "dci: test codes contain an infinite value at row 0, dimension 0");

        int[][] shortFactors = Arrays.copyOf(train.factors(), 999);
        expectRejection(List.of("sap"), MetricInputs.ofArrays(train.codes(), shortFactors, test.codes(),
                test.factors()), "sap: 1000 training codes but 999 training factor rows; they must pair up one to one");

        expectRejection(List.of("mig"), MetricInputs.ofArrays(new float[0][], new int[0][], null, null),
                "mig: training codes are empty");

        var few = Representations.Sample.draw(Representations.disentangled(1), 999, 2);
        expectRejection(List.of("mig"), MetricInputs.ofArrays(few.codes(), few.factors(), null, null),
                "mig: the protocol uses 1000 training points but only 999 were given; supply more or lower the"
                        + " protocol's count");

        expectRejection(List.of("dci"), MetricInputs.ofArrays(train.codes(), train.factors(), null, null),
                "dci needs held-out test codes and factors, or a dataset with factors and an encoder");

        expectRejection(List.of("beta_vae"), MetricInputs.ofArrays(train.codes(), train.factors(), null, null),
                "beta_vae needs a dataset with ground-truth factors");
    }

    @Test
    void allInputsAreCheckedBeforeAnyMetricRuns() {
        var train = Representations.Sample.draw(Representations.disentangled(1), 1000, 2);
        var test = Representations.Sample.draw(Representations.disentangled(1), 500, 3);
        int[][] constantColumn = new int[1000][];
        for (int i = 0; i < constantColumn.length; i++) {
            constantColumn[i] = new int[] {train.factors()[i][0], 2, train.factors()[i][2]};
        }
        AtomicInteger encoderCalls = new AtomicInteger();
        FactorEncoder counting = rows -> {
            encoderCalls.incrementAndGet();
            return Representations.disentangled(1).encode(rows);
        };
        MetricInputs inputs = MetricInputs.ofArrays(train.codes(), constantColumn, test.codes(), test.factors())
                .withGrid(new SmallGrid(), counting);
        expectRejection(List.of("beta_vae", "sap"), inputs, "sap: factor column 1 of the training data is constant"
                + " (always 2); every factor must take at least two values");
        assertThat(encoderCalls.get()).isZero();
    }

    private static void expectRejection(List<String> names, MetricInputs inputs, String message) {
        assertThatThrownBy(() -> MetricSuite.run(names, inputs, SMALL, 0))
                .isInstanceOf(UserInputException.class)
                .hasMessage(message);
    }
}
