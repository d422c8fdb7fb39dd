package org.vaelab.data.dsprites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DSpritesFactorsTest {

    private final DSpritesFactors grid = new DSpritesFactors();

    @Test
    void describesTheFiveFactorsInDatasetOrder() {
        assertThat(grid.names()).containsExactly("shape", "scale", "orientation", "posX", "posY");
        assertThat(grid.sizes()).containsExactly(3, 6, 40, 32, 32);
        assertThat(DSpritesFactors.GRID_SIZE).isEqualTo(737_280);
    }

    @Test
    void returnedArraysCannotChangeTheGrid() {
        grid.names()[0] = "changed";
        grid.sizes()[0] = 99;
        assertThat(grid.names()[0]).isEqualTo("shape");
        assertThat(grid.sizes()[0]).isEqualTo(3);
    }

    @Test
    void indexFollowsTheSpecFormula() {
        assertThat(DSpritesFactors.indexOf(0, 0, 0, 0, 0)).isZero();
        assertThat(DSpritesFactors.indexOf(0, 0, 0, 0, 1)).isEqualTo(1);
        assertThat(DSpritesFactors.indexOf(0, 0, 0, 1, 0)).isEqualTo(32);
        assertThat(DSpritesFactors.indexOf(0, 0, 1, 0, 0)).isEqualTo(1024);
        assertThat(DSpritesFactors.indexOf(0, 1, 0, 0, 0)).isEqualTo(40_960);
        assertThat(DSpritesFactors.indexOf(1, 0, 0, 0, 0)).isEqualTo(245_760);
        assertThat(DSpritesFactors.indexOf(2, 5, 39, 31, 31)).isEqualTo(737_279);
        assertThat(grid.indexOf(new int[] {1, 2, 3, 4, 5})).isEqualTo(245_760 + 2 * 40_960 + 3 * 1024 + 4 * 32 + 5);
    }

    @Test
    void roundTripsAtEveryCornerOfTheGrid() {
        int[] sizes = grid.sizes();
        int[] factors = new int[sizes.length];
        int[] decoded = new int[sizes.length];
        for (int corner = 0; corner < 1 << sizes.length; corner++) {
            for (int f = 0; f < sizes.length; f++) {
                factors[f] = (corner >> f & 1) == 0 ? 0 : sizes[f] - 1;
            }
            int index = grid.indexOf(factors);
            grid.factorsOf(index, decoded);
            assertThat(decoded).as("corner %s", corner).containsExactly(factors);
        }
    }

    @Test
    void roundTripsAtRandomPointsBothWays() {
        SplittableRandom random = new SplittableRandom(20170101);
        int[] sizes = grid.sizes();
        int[] factors = new int[sizes.length];
        int[] decoded = new int[sizes.length];
        for (int trial = 0; trial < 10_000; trial++) {
            for (int f = 0; f < sizes.length; f++) {
                factors[f] = random.nextInt(sizes[f]);
            }
            int index = grid.indexOf(factors);
            assertThat(index).isBetween(0, DSpritesFactors.GRID_SIZE - 1);
            grid.factorsOf(index, decoded);
            assertThat(decoded).containsExactly(factors);

            int randomIndex = random.nextInt(DSpritesFactors.GRID_SIZE);
            grid.factorsOf(randomIndex, decoded);
            assertThat(grid.indexOf(decoded)).isEqualTo(randomIndex);
        }
    }

    @Test
    void rejectsIndicesOutsideTheGrid() {
        int[] out = new int[5];
        assertThatThrownBy(() -> grid.factorsOf(-1, out)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> grid.factorsOf(DSpritesFactors.GRID_SIZE, out))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> grid.indexOf(new int[] {3, 0, 0, 0, 0}))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> grid.indexOf(new int[] {0, 0, 0, 0, -1}))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> grid.indexOf(new int[] {0, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> grid.factorsOf(0, new int[4])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realValuesAreTheDatasetLinspaces() {
        assertThat(DSpritesFactors.scaleValue(0)).isEqualTo(0.5);
        assertThat(DSpritesFactors.scaleValue(1)).isCloseTo(0.6, within(1e-12));
        assertThat(DSpritesFactors.scaleValue(5)).isEqualTo(1.0);
        assertThat(DSpritesFactors.orientationValue(0)).isEqualTo(0.0);
        assertThat(DSpritesFactors.orientationValue(1)).isCloseTo(2 * Math.PI / 39, within(1e-12));
        assertThat(DSpritesFactors.orientationValue(39)).isEqualTo(2 * Math.PI);
        assertThat(DSpritesFactors.positionValue(0)).isEqualTo(0.0);
        assertThat(DSpritesFactors.positionValue(16)).isCloseTo(16.0 / 31, within(1e-12));
        assertThat(DSpritesFactors.positionValue(31)).isEqualTo(1.0);

        assertThat(DSpritesFactors.factorValue(DSpritesFactors.SHAPE, DSpritesFactors.HEART)).isEqualTo(3.0);
        assertThat(DSpritesFactors.factorValue(DSpritesFactors.SCALE, 5)).isEqualTo(1.0);
        assertThat(DSpritesFactors.factorValue(DSpritesFactors.POS_Y, 31)).isEqualTo(1.0);
        assertThatThrownBy(() -> DSpritesFactors.scaleValue(6)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> DSpritesFactors.factorValue(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
