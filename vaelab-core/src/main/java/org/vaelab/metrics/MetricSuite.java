package org.vaelab.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.vaelab.UserInputException;

/**
 * Runs a chosen subset of the metrics by name. All inputs are checked before any metric runs, so a bad input
 * fails fast with one line instead of after minutes of classifier training. Each metric gets the same seed,
 * as dlib evaluates every metric in its own run seeded alike.
 */
public final class MetricSuite {
    /** Batch size for encoding the sampled arrays; it does not change any score. */
    static final int ENCODE_BATCH = 64;

    private MetricSuite() {
    }

    public static MetricsReport run(Collection<String> names, MetricInputs inputs, long seed) {
        return run(names, inputs, MetricProtocol.DLIB, seed);
    }

    public static MetricsReport run(Collection<String> names, MetricInputs inputs, MetricProtocol protocol,
                                    long seed) {
        List<MetricName> chosen = parse(names);
        MetricInputs data = withSampledArrays(chosen, inputs, protocol, seed);
        Map<String, Supplier<MetricResult>> planned = new LinkedHashMap<>();
        for (MetricName name : chosen) {
            planned.put(name.id(), plan(name, data, protocol, seed));
        }
        Map<String, MetricResult> results = new LinkedHashMap<>();
        planned.forEach((id, metric) -> results.put(id, metric.get()));
        return new MetricsReport(seed, results);
    }

    /** Metric names in the order given, without repeats. */
    static List<MetricName> parse(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw new UserInputException("no metrics chosen; choose from " + MetricName.allIds());
        }
        Set<MetricName> chosen = new LinkedHashSet<>();
        for (String name : names) {
            chosen.add(MetricName.parse(name == null ? "" : name.trim()));
        }
        return new ArrayList<>(chosen);
    }

    private static Supplier<MetricResult> plan(MetricName name, MetricInputs in, MetricProtocol p, long seed) {
        String id = name.id();
        switch (name) {
            case BETA_VAE -> {
                requireSampling(id, in);
                return () -> BetaVaeMetric.compute(in.grid(), in.encoder(), p.betaVae(), seed);
            }
            case FACTOR_VAE -> {
                requireSampling(id, in);
                return () -> FactorVaeMetric.compute(in.grid(), in.encoder(), p.factorVae(), seed);
            }
            case MIG -> {
                float[][] codes = trainCodes(id, in, p.mig().numTrain());
                int[][] factors = head(in.trainFactors(), p.mig().numTrain());
                MigMetric.check(codes, factors);
                return () -> MigMetric.compute(codes, factors, p.mig().numBins(), seed);
            }
            case DCI -> {
                Split split = split(id, in, p.dci().numTrain(), p.dci().numTest());
                DciMetric.check(split.trainCodes, split.trainFactors, split.testCodes, split.testFactors);
                return () -> DciMetric.compute(split.trainCodes, split.trainFactors, split.testCodes,
                        split.testFactors, seed);
            }
            case SAP -> {
                Split split = split(id, in, p.sap().numTrain(), p.sap().numTest());
                SapMetric.check(split.trainCodes, split.trainFactors, split.testCodes, split.testFactors);
                return () -> SapMetric.compute(split.trainCodes, split.trainFactors, split.testCodes,
                        split.testFactors, seed);
            }
            case MODULARITY -> {
                Split split = split(id, in, p.modularity().numTrain(), p.modularity().numTest());
                ModularityExplicitnessMetric.check(split.trainCodes, split.trainFactors, split.testCodes,
                        split.testFactors);
                return () -> ModularityExplicitnessMetric.compute(split.trainCodes, split.trainFactors,
                        split.testCodes, split.testFactors, p.modularity().numBins(), seed);
            }
            case SPARSITY -> {
                if (in.trainCodes() == null) {
                    throw new UserInputException(id + " needs codes, or a dataset with factors and an encoder");
                }
                InputChecks.codes(id, "codes", in.trainCodes());
                InputChecks.enoughRows(id, "codes", in.trainCodes().length, p.sparsity().numPoints());
                float[][] codes = head(in.trainCodes(), p.sparsity().numPoints());
                HoyerSparsity.check(codes);
                return () -> HoyerSparsity.compute(codes);
            }
            default -> throw new IllegalStateException("unplanned metric " + id);
        }
    }

    private record Split(float[][] trainCodes, int[][] trainFactors, float[][] testCodes, int[][] testFactors) {
    }

    private static Split split(String id, MetricInputs in, int numTrain, int numTest) {
        float[][] trainCodes = trainCodes(id, in, numTrain);
        if (!in.hasTestArrays()) {
            throw new UserInputException(id + " needs held-out test codes and factors, or a dataset with factors"
                    + " and an encoder");
        }
        InputChecks.split(id, "test", in.testCodes(), in.testFactors());
        InputChecks.enoughRows(id, "test points", in.testCodes().length, numTest);
        return new Split(trainCodes, head(in.trainFactors(), numTrain), head(in.testCodes(), numTest),
                head(in.testFactors(), numTest));
    }

    private static float[][] trainCodes(String id, MetricInputs in, int numTrain) {
        if (!in.hasTrainArrays()) {
            throw new UserInputException(id + " needs training codes and factors, or a dataset with factors and an"
                    + " encoder");
        }
        InputChecks.split(id, "training", in.trainCodes(), in.trainFactors());
        InputChecks.enoughRows(id, "training points", in.trainCodes().length, numTrain);
        return head(in.trainCodes(), numTrain);
    }

    private static void requireSampling(String id, MetricInputs in) {
        InputChecks.grid(id, in.grid());
        if (in.encoder() == null) {
            throw new UserInputException(id + " needs an encoder that maps factor rows to codes");
        }
    }

    /** Fills in training and test arrays from the grid when the caller gave none and an array metric wants them. */
    private static MetricInputs withSampledArrays(List<MetricName> chosen, MetricInputs in, MetricProtocol p,
                                                  long seed) {
        int trainNeeded = p.trainPointsNeeded(chosen);
        int testNeeded = p.testPointsNeeded(chosen);
        boolean sampleTrain = trainNeeded > 0 && !in.hasTrainArrays() && in.canSample();
        boolean sampleTest = testNeeded > 0 && !in.hasTestArrays() && in.canSample();
        if (!sampleTrain && !sampleTest) {
            return in;
        }
        InputChecks.grid("metrics", in.grid());
        FactorSampler sampler = new FactorSampler(in.grid().sizes(), new SplittableRandom(seed));
        CheckedEncoder encoder = new CheckedEncoder("metrics", in.encoder());
        int[][] trainFactors = sampleTrain ? sampler.sample(trainNeeded) : in.trainFactors();
        float[][] trainCodes = sampleTrain ? encoder.encodeInBatches(trainFactors, ENCODE_BATCH) : in.trainCodes();
        int[][] testFactors = sampleTest ? sampler.sample(testNeeded) : in.testFactors();
        float[][] testCodes = sampleTest ? encoder.encodeInBatches(testFactors, ENCODE_BATCH) : in.testCodes();
        return new MetricInputs(trainCodes, trainFactors, testCodes, testFactors, in.grid(), in.encoder());
    }

    private static <T> T[] head(T[] rows, int count) {
        return rows.length == count ? rows : Arrays.copyOf(rows, count);
    }
}
