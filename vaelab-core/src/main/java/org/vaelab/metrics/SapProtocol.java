package org.vaelab.metrics;

/** Protocol of SAP with discrete factors: training and test points. Defaults are dlib's sap_score gin. */
public record SapProtocol(int numTrain, int numTest) {
    public static final SapProtocol DEFAULT = new SapProtocol(10_000, 5_000);

    public SapProtocol {
        ProtocolChecks.positive(MetricName.SAP.id(), "numTrain", numTrain);
        ProtocolChecks.positive(MetricName.SAP.id(), "numTest", numTest);
    }
}
