package org.vaelab.data.binarize;

import java.util.Optional;
import org.vaelab.data.Dataset;
import org.vaelab.data.FactorGrid;
import org.vaelab.data.ValueKind;

/** A binary view of a grey-level dataset: same examples, shape, labels and factors; values 0 or 1. */
abstract class BinarizedView implements Dataset {
    final Dataset source;

    BinarizedView(Dataset source) {
        this.source = ProbabilitySource.require(source);
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public Shape shape() {
        return source.shape();
    }

    @Override
    public ValueKind valueKind() {
        return ValueKind.BINARY;
    }

    @Override
    public Optional<Labels> labels() {
        return source.labels();
    }

    @Override
    public Optional<FactorGrid> factors() {
        return source.factors();
    }
}
