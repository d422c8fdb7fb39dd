package org.vaelab.metrics;

/**
 * Protocol of modularity and explicitness: training and test points and the histogram bins for the mutual
 * information. Defaults are dlib's modularity_explicitness gin.
 */
public record ModularityProtocol(int numTrain, int numTest, int numBins) {
    public static final ModularityProtocol DEFAULT = new ModularityProtocol(10_000, 5_000, 20);

    public ModularityProtocol {
        ProtocolChecks.positive(MetricName.MODULARITY.id(), "numTrain", numTrain);
        ProtocolChecks.positive(MetricName.MODULARITY.id(), "numTest", numTest);
        ProtocolChecks.positive(MetricName.MODULARITY.id(), "numBins", numBins);
    }
}
