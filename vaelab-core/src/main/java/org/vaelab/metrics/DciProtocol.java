package org.vaelab.metrics;

/** Protocol of DCI: training and test points. Defaults are dlib's dci gin. */
public record DciProtocol(int numTrain, int numTest) {
    public static final DciProtocol DEFAULT = new DciProtocol(10_000, 5_000);

    public DciProtocol {
        ProtocolChecks.positive(MetricName.DCI.id(), "numTrain", numTrain);
        ProtocolChecks.positive(MetricName.DCI.id(), "numTest", numTest);
    }
}
