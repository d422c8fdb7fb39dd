package org.vaelab.nn;

import java.util.ArrayList;
import java.util.List;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/** Fully connected layers with an activation between them and none after the last. */
public final class Mlp implements Layer {
    private final List<Linear> layers = new ArrayList<>();
    private final Activation activation;

    /** {@code sizes} lists input, hidden and output widths, e.g. 784, 512, 512, 64. */
    public Mlp(ParameterSet parameters, Activation activation, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size");
        }
        for (int i = 0; i + 1 < sizes.length; i++) {
            layers.add(new Linear(parameters, "fc" + i, sizes[i], sizes[i + 1]));
        }
        this.activation = activation;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).forward(x);
            if (i + 1 < layers.size()) {
                x = activation.forward(x);
            }
        }
        return x;
    }
}
