package org.vaelab.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScopeTest {
    @Test
    void aKeptTensorOutlivesItsScopeAndTheOthersAreFreed() {
        try (Scope outer = Scope.open()) {
            Tensor kept;
            Tensor dropped;
            try (Scope inner = Scope.open()) {
                kept = inner.keep(Tensor.full(1.5, 3));
                dropped = Tensor.full(1.5, 3);
            }
            assertThat(kept.sum().item()).isCloseTo(4.5, within(1e-6));
            assertThatThrownBy(dropped::sum).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void backwardStillReachesParametersThroughActivationsWhoseHandlesWereFreed() {
        Tensor w = Tensor.full(0.5, 3).requiresGrad();
        try (Scope step = Scope.open()) {
            Tensor loss;
            try (Scope forward = Scope.open()) {
                loss = forward.keep(w.mul(2).exp().sum());
            }
            loss.backward();
            // d/dw sum(exp(2w)) = 2 exp(2w) = 2e at w = 0.5.
            for (float g : w.grad().toFloats()) {
                assertThat((double) g).isCloseTo(2 * Math.E, within(1e-5));
            }
        }
    }
}
