package org.vaelab.metrics;

/** Protocol of Hoyer sparsity: codes averaged over. Not a dlib metric; 10,000 matches the others. */
public record SparsityProtocol(int numPoints) {
    public static final SparsityProtocol DEFAULT = new SparsityProtocol(10_000);

    public SparsityProtocol {
        ProtocolChecks.positive(MetricName.SPARSITY.id(), "numPoints", numPoints);
    }
}
