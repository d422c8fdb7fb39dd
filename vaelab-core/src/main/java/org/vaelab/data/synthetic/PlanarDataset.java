package org.vaelab.data.synthetic;

import java.util.Optional;
import java.util.SplittableRandom;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;

/** What every generated 2-d dataset shares: real-valued points with class labels, read from stored points. */
abstract class PlanarDataset implements Dataset {

    /** The generated points and their labels. */
    abstract PlanarPoints points();

    @Override
    public int size() {
        return points().size();
    }

    @Override
    public Shape shape() {
        return Shape.flat(2);
    }

    @Override
    public ValueKind valueKind() {
        return ValueKind.REAL;
    }

    @Override
    public void fill(int[] indices, float[] out, SplittableRandom rng) {
        points().fill(indices, out);
    }

    @Override
    public Optional<Labels> labels() {
        return points().asLabels();
    }
}
