package org.vaelab.nn;

import org.vaelab.tensor.Tensor;

/** A differentiable map from one tensor to another, its parameters registered in a ParameterSet. */
@FunctionalInterface
public interface Layer {
    Tensor forward(Tensor input);
}
