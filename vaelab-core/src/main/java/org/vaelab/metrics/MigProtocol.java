package org.vaelab.metrics;

/** Protocol of MIG: points used and histogram bins per code dimension. Defaults are dlib's mig gin. */
public record MigProtocol(int numTrain, int numBins) {
    public static final MigProtocol DEFAULT = new MigProtocol(10_000, 20);

    public MigProtocol {
        ProtocolChecks.positive(MetricName.MIG.id(), "numTrain", numTrain);
        ProtocolChecks.positive(MetricName.MIG.id(), "numBins", numBins);
    }
}
