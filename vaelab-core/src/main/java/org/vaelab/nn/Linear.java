package org.vaelab.nn;

import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/** A fully connected layer, initialised as PyTorch's nn.Linear: U(-1/sqrt(in), 1/sqrt(in)) for W and b. */
public final class Linear implements Layer {
    private final Tensor weight;
    private final Tensor bias;

    public Linear(ParameterSet parameters, String name, int in, int out) {
        ParameterSet own = parameters.child(name);
        double bound = 1.0 / Math.sqrt(in);
        this.weight = own.parameter("weight", Tensor.uniform(-bound, bound, out, in));
        this.bias = own.parameter("bias", Tensor.uniform(-bound, bound, out));
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.linear(weight, bias);
    }
}
