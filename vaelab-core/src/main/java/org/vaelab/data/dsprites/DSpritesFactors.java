package org.vaelab.data.dsprites;

import org.vaelab.data.FactorGrid;

/**
 * The dSprites factor grid: shape(3), scale(6), orientation(40), posX(32), posY(32), in the order of the
 * original dataset (posY fastest). The single-valued color factor is left out, as disentanglement_lib does.
 * Stateless, so one instance can be shared freely.
 */
public final class DSpritesFactors implements FactorGrid {

    /** Positions of each factor in {@link #names()}, {@link #sizes()} and factor arrays. */
    public static final int SHAPE = 0;
    public static final int SCALE = 1;
    public static final int ORIENTATION = 2;
    public static final int POS_X = 3;
    public static final int POS_Y = 4;
    public static final int FACTOR_COUNT = 5;

    /** Shape indices (0-based; the original latents_values call them 1, 2, 3). */
    public static final int SQUARE = 0;
    public static final int ELLIPSE = 1;
    public static final int HEART = 2;

    public static final int SHAPE_COUNT = 3;
    public static final int SCALE_COUNT = 6;
    public static final int ORIENTATION_COUNT = 40;
    public static final int POSITION_COUNT = 32;

    static final int POS_X_STRIDE = POSITION_COUNT;
    static final int ORIENTATION_STRIDE = POS_X_STRIDE * POSITION_COUNT;
    static final int SCALE_STRIDE = ORIENTATION_STRIDE * ORIENTATION_COUNT;
    static final int SHAPE_STRIDE = SCALE_STRIDE * SCALE_COUNT;

    /** Number of images in the full grid: 737,280. */
    public static final int GRID_SIZE = SHAPE_STRIDE * SHAPE_COUNT;

    private static final String[] NAMES = {"shape", "scale", "orientation", "posX", "posY"};
    private static final int[] SIZES = {SHAPE_COUNT, SCALE_COUNT, ORIENTATION_COUNT, POSITION_COUNT, POSITION_COUNT};

    @Override
    public String[] names() {
        return NAMES.clone();
    }

    @Override
    public int[] sizes() {
        return SIZES.clone();
    }

    @Override
    public void factorsOf(int index, int[] out) {
        checkIndex(index);
        if (out.length < FACTOR_COUNT) {
            throw new IllegalArgumentException("factor array needs length " + FACTOR_COUNT + ", got " + out.length);
        }
        out[SHAPE] = index / SHAPE_STRIDE;
        out[SCALE] = index / SCALE_STRIDE % SCALE_COUNT;
        out[ORIENTATION] = index / ORIENTATION_STRIDE % ORIENTATION_COUNT;
        out[POS_X] = index / POS_X_STRIDE % POSITION_COUNT;
        out[POS_Y] = index % POSITION_COUNT;
    }

    @Override
    public int indexOf(int[] factors) {
        if (factors.length != FACTOR_COUNT) {
            throw new IllegalArgumentException("expected " + FACTOR_COUNT + " factors, got " + factors.length);
        }
        return indexOf(factors[SHAPE], factors[SCALE], factors[ORIENTATION], factors[POS_X], factors[POS_Y]);
    }

    /** index = shape*245760 + scale*40960 + orientation*1024 + posX*32 + posY, every factor 0-based. */
    public static int indexOf(int shape, int scale, int orientation, int posX, int posY) {
        checkFactor("shape", shape, SHAPE_COUNT);
        checkFactor("scale", scale, SCALE_COUNT);
        checkFactor("orientation", orientation, ORIENTATION_COUNT);
        checkFactor("posX", posX, POSITION_COUNT);
        checkFactor("posY", posY, POSITION_COUNT);
        return shape * SHAPE_STRIDE + scale * SCALE_STRIDE + orientation * ORIENTATION_STRIDE
                + posX * POS_X_STRIDE + posY;
    }

    /** Scale of a scale index: linspace(0.5, 1, 6). */
    public static double scaleValue(int scale) {
        checkFactor("scale", scale, SCALE_COUNT);
        return linspace(0.5, 1.0, SCALE_COUNT, scale);
    }

    /** Orientation in radians of an orientation index: linspace(0, 2*pi, 40). */
    public static double orientationValue(int orientation) {
        checkFactor("orientation", orientation, ORIENTATION_COUNT);
        return linspace(0.0, 2.0 * Math.PI, ORIENTATION_COUNT, orientation);
    }

    /** Position in [0, 1] of a posX or posY index: linspace(0, 1, 32). */
    public static double positionValue(int position) {
        checkFactor("position", position, POSITION_COUNT);
        return linspace(0.0, 1.0, POSITION_COUNT, position);
    }

    /**
     * The real value of factor {@code factor} (SHAPE..POS_Y) at index {@code value}, as in the original
     * latents_values: shapes are 1, 2, 3 there, so this returns value + 1 for SHAPE.
     */
    public static double factorValue(int factor, int value) {
        switch (factor) {
            case SHAPE:
                checkFactor("shape", value, SHAPE_COUNT);
                return value + 1;
            case SCALE:
                return scaleValue(value);
            case ORIENTATION:
                return orientationValue(value);
            case POS_X:
            case POS_Y:
                return positionValue(value);
            default:
                throw new IllegalArgumentException("factor must be 0.." + (FACTOR_COUNT - 1) + ", got " + factor);
        }
    }

    /** numpy.linspace element i: start + i*step, with the last element exactly stop. */
    private static double linspace(double start, double stop, int count, int i) {
        if (i == count - 1) {
            return stop;
        }
        return start + i * ((stop - start) / (count - 1));
    }

    static void checkIndex(int index) {
        if (index < 0 || index >= GRID_SIZE) {
            throw new IndexOutOfBoundsException("dSprites index must be in [0, " + GRID_SIZE + "), got " + index);
        }
    }

    private static void checkFactor(String name, int value, int count) {
        if (value < 0 || value >= count) {
            throw new IndexOutOfBoundsException(name + " index must be in [0, " + count + "), got " + value);
        }
    }
}
