package org.vaelab.data.dsprites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.vaelab.data.dsprites.DSpritesFactors.ELLIPSE;
import static org.vaelab.data.dsprites.DSpritesFactors.HEART;
import static org.vaelab.data.dsprites.DSpritesFactors.SQUARE;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DSpritesRendererTest {

    private static final int SIDE = DSpritesRenderer.SIDE;
    private static final int PIXELS = DSpritesRenderer.PIXELS;

    private static float[] render(int shape, int scale, int orientation, int posX, int posY) {
        float[] image = new float[PIXELS];
        DSpritesRenderer.render(shape, scale, orientation, posX, posY, image, 0);
        return image;
    }

    private static int area(float[] image) {
        int on = 0;
        for (float value : image) {
            on += (int) value;
        }
        return on;
    }

    /** Mean (x, y) of the pixel centres that are on. */
    private static double[] centroid(float[] image) {
        double sumX = 0;
        double sumY = 0;
        int on = 0;
        for (int row = 0; row < SIDE; row++) {
            for (int column = 0; column < SIDE; column++) {
                if (image[row * SIDE + column] == 1f) {
                    sumX += column + 0.5;
                    sumY += row + 0.5;
                    on++;
                }
            }
        }
        return new double[] {sumX / on, sumY / on};
    }

    @Test
    void pixelsAreExactlyZeroOrOne() {
        float[] image = render(HEART, 3, 7, 10, 20);
        for (float value : image) {
            assertThat(value).isIn(0f, 1f);
        }
        assertThat(area(image)).isPositive();
    }

    @Test
    void pointSymmetricShapesAreCentredAtSixteenPlusThirtyTwoTimesPosition() {
        for (int shape : new int[] {SQUARE, ELLIPSE}) {
            for (int orientation : new int[] {0, 5, 13}) {
                for (int position = 0; position < 32; position += 5) {
                    double centre = 16 + 32 * DSpritesFactors.positionValue(position);
                    double[] xy = centroid(render(shape, 2, orientation, position, 31 - position));
                    double centreY = 16 + 32 * DSpritesFactors.positionValue(31 - position);
                    assertThat(xy[0]).as("x of shape %d at %d", shape, position).isCloseTo(centre, within(0.5));
                    assertThat(xy[1]).as("y of shape %d at %d", shape, position).isCloseTo(centreY, within(0.5));
                }
            }
        }
    }

    @Test
    void posXMovesAlongColumnsAndPosYAlongRows() {
        double[] left = centroid(render(SQUARE, 0, 0, 0, 0));
        double[] right = centroid(render(SQUARE, 0, 0, 31, 0));
        double[] down = centroid(render(SQUARE, 0, 0, 0, 31));
        assertThat(right[0] - left[0]).isCloseTo(32.0, within(0.5));
        assertThat(right[1] - left[1]).isCloseTo(0.0, within(0.5));
        assertThat(down[1] - left[1]).isCloseTo(32.0, within(0.5));
        assertThat(down[0] - left[0]).isCloseTo(0.0, within(0.5));
    }

    @Test
    void squareAtOrientationZeroSpansItsSideAroundTheCentre() {
        // Scale 1 at the middle position: side 19.2 px about x = y = 16 + 32*15/31.
        float[] image = render(SQUARE, 5, 0, 15, 15);
        double centre = 16 + 32 * 15.0 / 31;
        int[] rowRange = onRange(image, true);
        int[] columnRange = onRange(image, false);
        assertThat(columnRange).containsExactly(rowRange);
        assertThat(columnRange[1] - columnRange[0] + 1).isBetween(19, 20);
        assertThat((columnRange[0] + columnRange[1] + 1) / 2.0).isCloseTo(centre, within(0.5));
    }

    @Test
    void heartPointsDownWithItsLobesAboveTheCentre() {
        float[] image = render(HEART, 5, 0, 15, 15);
        double centre = 16 + 32 * 15.0 / 31;
        int[] rows = onRange(image, true);
        assertThat(rows[0]).isCloseTo((int) Math.floor(centre - 9.2), within(1));
        assertThat(rows[1]).isCloseTo((int) Math.floor(centre + 8.8), within(1));
        assertThat(centroid(image)[0]).isCloseTo(centre, within(0.5));
        // The notch between the lobes: the centre column is off on the top row that the lobes reach.
        assertThat(image[rows[0] * SIDE + (int) centre]).isZero();
    }

    @Test
    void areaGrowsWithScale() {
        for (int shape = 0; shape < 3; shape++) {
            int previous = 0;
            for (int scale = 0; scale < 6; scale++) {
                int area = area(render(shape, scale, 11, 16, 16));
                assertThat(area).as("shape %d scale %d", shape, scale).isGreaterThan(previous);
                previous = area;
            }
        }
    }

    @Test
    void areaIsCloseToTheContinuousShape() {
        double scale = DSpritesFactors.scaleValue(5);
        assertThat((double) area(render(SQUARE, 5, 0, 16, 16)))
                .isCloseTo(19.2 * 19.2 * scale * scale, within(25.0));
        assertThat((double) area(render(ELLIPSE, 5, 7, 16, 16)))
                .isCloseTo(Math.PI * 12.75 * 7.25 * scale * scale, within(25.0));
    }

    @Test
    void firstAndLastOrientationGiveIdenticalImages() {
        SplittableRandom random = new SplittableRandom(7);
        for (int shape = 0; shape < 3; shape++) {
            for (int scale = 0; scale < 6; scale++) {
                int posX = random.nextInt(32);
                int posY = random.nextInt(32);
                assertThat(render(shape, scale, 39, posX, posY))
                        .as("shape %d scale %d at (%d, %d)", shape, scale, posX, posY)
                        .containsExactly(render(shape, scale, 0, posX, posY));
            }
        }
    }

    @Test
    void orientationRotatesTheEllipse() {
        // Orientation 10 of 39 is a little over a quarter turn: the major axis becomes nearly vertical.
        int[] wideColumns = onRange(render(ELLIPSE, 5, 0, 16, 16), false);
        int[] wideRows = onRange(render(ELLIPSE, 5, 0, 16, 16), true);
        int[] tallColumns = onRange(render(ELLIPSE, 5, 10, 16, 16), false);
        int[] tallRows = onRange(render(ELLIPSE, 5, 10, 16, 16), true);
        assertThat(wideColumns[1] - wideColumns[0]).isGreaterThan(wideRows[1] - wideRows[0]);
        assertThat(tallRows[1] - tallRows[0]).isGreaterThan(tallColumns[1] - tallColumns[0]);
    }

    @Test
    void rendererEqualsTestingEverySampleOfTheWholeFrame() {
        // The renderer visits only the bounding box and finds runs of samples analytically; testing all 16
        // samples of every pixel must give the same image, for every shape, scale and orientation.
        SplittableRandom random = new SplittableRandom(42);
        DSpritesFactors grid = new DSpritesFactors();
        float[] fast = new float[PIXELS];
        int[] f = new int[5];
        for (int shape = 0; shape < 3; shape++) {
            for (int scale = 0; scale < 6; scale++) {
                for (int orientation = 0; orientation < 40; orientation++) {
                    int index = DSpritesFactors.indexOf(shape, scale, orientation, random.nextInt(32),
                            random.nextInt(32));
                    grid.factorsOf(index, f);
                    DSpritesRenderer.render(index, fast, 0);
                    assertThat(fast).as("index %d", index).containsExactly(bruteForce(f));
                }
            }
        }
    }

    private static float[] bruteForce(int[] f) {
        double scale = DSpritesFactors.scaleValue(f[1]);
        double theta = DSpritesFactors.orientationValue(f[2]);
        double centreX = 16 + 32 * DSpritesFactors.positionValue(f[3]);
        double centreY = 16 + 32 * DSpritesFactors.positionValue(f[4]);
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        float[] image = new float[PIXELS];
        for (int row = 0; row < SIDE; row++) {
            for (int column = 0; column < SIDE; column++) {
                int inside = 0;
                for (int sy = 0; sy < 4; sy++) {
                    for (int sx = 0; sx < 4; sx++) {
                        double dx = column + (sx + 0.5) / 4 - centreX;
                        double dy = row + (sy + 0.5) / 4 - centreY;
                        if (DSpritesRenderer.covers(f[0], (c * dx - s * dy) / scale, (s * dx + c * dy) / scale)) {
                            inside++;
                        }
                    }
                }
                image[row * SIDE + column] = inside >= 8 ? 1f : 0f;
            }
        }
        return image;
    }

    @Test
    void overwritesAStaleBufferAndStaysWithinItsSlot() {
        float[] buffer = new float[3 * PIXELS];
        Arrays.fill(buffer, 0.5f);
        DSpritesRenderer.render(HEART, 1, 4, 3, 30, buffer, PIXELS);
        assertThat(Arrays.copyOfRange(buffer, PIXELS, 2 * PIXELS)).containsExactly(render(HEART, 1, 4, 3, 30));
        for (int i = 0; i < PIXELS; i++) {
            assertThat(buffer[i]).isEqualTo(0.5f);
            assertThat(buffer[2 * PIXELS + i]).isEqualTo(0.5f);
        }
    }

    @Test
    void rendersByIndexLikeByFactors() {
        int index = DSpritesFactors.indexOf(ELLIPSE, 4, 17, 9, 25);
        float[] byIndex = new float[PIXELS];
        DSpritesRenderer.render(index, byIndex, 0);
        assertThat(byIndex).containsExactly(render(ELLIPSE, 4, 17, 9, 25));
    }

    @Test
    void rejectsBadArguments() {
        float[] image = new float[PIXELS];
        assertThatThrownBy(() -> DSpritesRenderer.render(3, 0, 0, 0, 0, image, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> DSpritesRenderer.render(0, 0, 0, 0, 0, image, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> DSpritesRenderer.render(DSpritesFactors.GRID_SIZE, image, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** First and last on row (rows = true) or column (rows = false). */
    private static int[] onRange(float[] image, boolean rows) {
        int first = SIDE;
        int last = -1;
        for (int row = 0; row < SIDE; row++) {
            for (int column = 0; column < SIDE; column++) {
                if (image[row * SIDE + column] == 1f) {
                    int at = rows ? row : column;
                    first = Math.min(first, at);
                    last = Math.max(last, at);
                }
            }
        }
        return new int[] {first, last};
    }
}
