package org.vaelab.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vaelab.data.Dataset;
import org.vaelab.data.ValueKind;

class SpiralsTest {

    private static float[] points(Dataset data) {
        float[] out = new float[data.size() * 2];
        data.fill(IntStream.range(0, data.size()).toArray(), out, new SplittableRandom(0));
        return out;
    }

    @Test
    void noiselessPointsLieExactlyOnTheirSpiral() {
        Spirals s = new Spirals(400, 2.0, 3.0, 0.0, 5);
        float[] xy = points(s);
        for (int i = 0; i < s.size(); i++) {
            double r = Math.hypot(xy[2 * i], xy[2 * i + 1]);
            double t = r / s.radius();
            double expectedAngle = t * s.turns() * 2 * Math.PI + s.labels().orElseThrow().label(i) * Math.PI;
            double angle = Math.atan2(xy[2 * i + 1], xy[2 * i]);
            assertThat(Math.IEEEremainder(angle - expectedAngle, 2 * Math.PI)).isCloseTo(0.0, within(1e-4));
        }
    }

    @Test
    void twoAlternatingLabelledSpiralsThatStaySeparable() {
        Spirals s = new Spirals(1000, 1);
        assertThat(s.shape()).isEqualTo(Dataset.Shape.flat(2));
        assertThat(s.valueKind()).isEqualTo(ValueKind.REAL);
        Dataset.Labels labels = s.labels().orElseThrow();
        assertThat(labels.classCount()).isEqualTo(2);
        assertThat(labels.label(0)).isZero();
        assertThat(labels.label(1)).isOne();

        float[] xy = points(s);
        int agree = 0;
        for (int i = 0; i < s.size(); i++) {
            int nearest = -1;
            double best = Double.MAX_VALUE;
            for (int j = 0; j < s.size(); j++) {
                double d = Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
                if (j != i && d < best) {
                    best = d;
                    nearest = j;
                }
            }
            if (labels.label(nearest) == labels.label(i)) {
                agree++;
            }
        }
        assertThat(agree / (double) s.size()).isGreaterThan(0.95);
    }

    @Test
    void deterministicGivenSeed() {
        assertThat(points(new Spirals(300, 4))).isEqualTo(points(new Spirals(300, 4)));
        assertThat(points(new Spirals(300, 4))).isNotEqualTo(points(new Spirals(300, 5)));
    }
}
