package org.vaelab.nn;

import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/** A square-kernel 2-d convolution, initialised as PyTorch's nn.Conv2d: U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
public final class Conv2d implements Layer {
    private final Tensor weight;
    private final Tensor bias;
    private final int stride;
    private final int padding;

    public Conv2d(ParameterSet parameters, String name, int in, int out, int kernel, int stride, int padding) {
        ParameterSet own = parameters.child(name);
        double bound = 1.0 / Math.sqrt((double) in * kernel * kernel);
        this.weight = own.parameter("weight", Tensor.uniform(-bound, bound, out, in, kernel, kernel));
        this.bias = own.parameter("bias", Tensor.uniform(-bound, bound, out));
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.conv2d(weight, bias, stride, padding);
    }
}
