package org.vaelab.nn;

import org.vaelab.tensor.Tensor;

/** Elementwise nonlinearities between layers. */
public enum Activation implements Layer {
    RELU {
        @Override
        public Tensor forward(Tensor x) {
            return x.relu();
        }
    },
    TANH {
        @Override
        public Tensor forward(Tensor x) {
            return x.tanh();
        }
    }
}
