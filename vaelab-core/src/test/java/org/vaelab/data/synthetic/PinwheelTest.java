package org.vaelab.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;

class PinwheelTest {

    private static float[] points(Dataset data) {
        float[] out = new float[data.size() * 2];
        data.fill(IntStream.range(0, data.size()).toArray(), out, new SplittableRandom(0));
        return out;
    }

    /**
     * Undoes the construction: from a point's radius recover the bend, and assign the arm whose rotated
     * direction is closest in angle to the point.
     */
    private static int nearestArm(Pinwheel p, double x, double y) {
        double radial = Math.hypot(x, y) / p.scale();
        double pointAngle = Math.atan2(y, x);
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int arm = 0; arm < p.arms(); arm++) {
            // The construction rotates clockwise, so an arm at rotation a points at polar angle -a.
            double armDirection = -(p.armAngle(arm) + p.rate() * Math.exp(radial));
            double distance = Math.abs(Math.IEEEremainder(pointAngle - armDirection, 2 * Math.PI));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = arm;
            }
        }
        return best;
    }

    @Test
    void defaultHasFiveBalancedArmsAsLabels() {
        Pinwheel p = new Pinwheel(1000, 3);

        assertThat(p.arms()).isEqualTo(5);
        assertThat(p.size()).isEqualTo(1000);
        assertThat(p.shape()).isEqualTo(Dataset.Shape.flat(2));
        assertThat(p.valueKind()).isEqualTo(ValueKind.REAL);
        Dataset.Labels labels = p.labels().orElseThrow();
        assertThat(labels.classCount()).isEqualTo(5);
        int[] counts = new int[5];
        for (int i = 0; i < p.size(); i++) {
            counts[labels.label(i)]++;
        }
        assertThat(counts).containsOnly(200);
    }

    @Test
    void pointsLieOnTheirOwnArms() {
        for (int arms : new int[] {5, 4}) {
            Pinwheel p = new Pinwheel(5000, arms, 17);
            float[] xy = points(p);
            int agree = 0;
            double radiusSum = 0;
            for (int i = 0; i < p.size(); i++) {
                if (nearestArm(p, xy[2 * i], xy[2 * i + 1]) == p.labels().orElseThrow().label(i)) {
                    agree++;
                }
                radiusSum += Math.hypot(xy[2 * i], xy[2 * i + 1]);
            }
            // Only points that fall near the centre, where arms meet, can be ambiguous.
            assertThat(agree / (double) p.size()).as("arms=" + arms).isGreaterThan(0.97);
            // Radial coordinate is 1 +- 0.3 before scaling by 10.
            assertThat(radiusSum / p.size()).isCloseTo(10.0, within(0.3));
        }
    }

    @Test
    void armsAreThin() {
        // The tangential spread (0.05) is much smaller than the radial one (0.3): within an arm, the spread
        // across the arm direction at fixed radius is small.
        Pinwheel p = new Pinwheel(4000, 5, 0.3, 0.05, 0.0, 1.0, 8); // rate 0: straight arms
        float[] xy = points(p);
        double across = 0;
        double along = 0;
        int n = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.labels().orElseThrow().label(i) == 0) { // arm 0 points along +x when unbent
                along += (xy[2 * i] - 1.0) * (xy[2 * i] - 1.0);
                across += xy[2 * i + 1] * xy[2 * i + 1];
                n++;
            }
        }
        assertThat(Math.sqrt(along / n)).isCloseTo(0.3, within(0.02));
        assertThat(Math.sqrt(across / n)).isCloseTo(0.05, within(0.005));
    }

    @Test
    void mathieusSmallPinwheelHasFourArmsOfAHundredPointsAroundTheUnitCircle() {
        Pinwheel p = Pinwheel.mathieu(0);
        assertThat(p.size()).isEqualTo(400);
        assertThat(p.arms()).isEqualTo(4);
        float[] xy = points(p);
        double meanRadius = 0;
        for (int i = 0; i < p.size(); i++) {
            meanRadius += Math.hypot(xy[2 * i], xy[2 * i + 1]) / p.size();
        }
        // Unscaled: radii spread around 1 (radial std 0.3), not around 10 like the default pinwheel.
        assertThat(meanRadius).isBetween(0.9, 1.15);
        assertThat(p.provenance()).contains("arms=4", "radialStd=0.3", "tangentialStd=0.1", "scale=1.0");
    }

    @Test
    void sameSeedSamePointsOtherSeedOtherPoints() {
        assertThat(points(new Pinwheel(500, 4, 9))).isEqualTo(points(new Pinwheel(500, 4, 9)));
        assertThat(points(new Pinwheel(500, 4, 9))).isNotEqualTo(points(new Pinwheel(500, 4, 10)));
    }

    @Test
    void provenanceNamesParameters() {
        assertThat(new Pinwheel(100, 4, 2).provenance())
                .contains("points=100", "arms=4", "radialStd=0.3", "tangentialStd=0.05", "rate=0.25", "seed=2");
    }

    @Test
    void badSizesAreUserErrors() {
        assertThatThrownBy(() -> new Pinwheel(0, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("points");
        assertThatThrownBy(() -> new Pinwheel(10, 0, 1)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("arms");
    }
}
