package org.vaelab.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CapacityBetaElboTest {
    @Test
    void capacityRisesLinearlyThenHolds() {
        CapacityBetaElbo objective = new CapacityBetaElbo(1000, 25, 100);
        assertThat(objective.capacityAt(0)).isZero();
        assertThat(objective.capacityAt(40)).isCloseTo(10, within(1e-12));
        assertThat(objective.capacityAt(100)).isCloseTo(25, within(1e-12));
        assertThat(objective.capacityAt(5000)).isCloseTo(25, within(1e-12));
    }
}
