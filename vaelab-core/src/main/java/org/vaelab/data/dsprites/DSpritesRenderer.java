package org.vaelab.data.dsprites;

import static org.vaelab.data.dsprites.DSpritesFactors.ELLIPSE;
import static org.vaelab.data.dsprites.DSpritesFactors.HEART;
import static org.vaelab.data.dsprites.DSpritesFactors.ORIENTATION_COUNT;
import static org.vaelab.data.dsprites.DSpritesFactors.ORIENTATION_STRIDE;
import static org.vaelab.data.dsprites.DSpritesFactors.POSITION_COUNT;
import static org.vaelab.data.dsprites.DSpritesFactors.POS_X_STRIDE;
import static org.vaelab.data.dsprites.DSpritesFactors.SCALE_COUNT;
import static org.vaelab.data.dsprites.DSpritesFactors.SCALE_STRIDE;
import static org.vaelab.data.dsprites.DSpritesFactors.SHAPE_COUNT;
import static org.vaelab.data.dsprites.DSpritesFactors.SHAPE_STRIDE;
import static org.vaelab.data.dsprites.DSpritesFactors.SQUARE;

import java.util.Arrays;

/**
 * Renders dSprites images from factor indices, following the geometry of SPEC.md: 64x64, row-major, 0f/1f,
 * a pixel on when at least half of its 4x4 sub-samples fall inside the shape. Stateless and thread-safe;
 * allocates nothing per image and only visits the shape's bounding box. Instead of testing all 16 samples of
 * every pixel it intersects each row of samples with the shape's convex pieces, which gives the same pixels
 * (the ends of each run are checked with the per-sample test) at a few times the speed.
 */
public final class DSpritesRenderer {

    /** Bump when the pixels change, since provenance and cached encodings depend on them. */
    public static final int VERSION = 1;

    public static final int SIDE = 64;
    public static final int PIXELS = SIDE * SIDE;

    private static final int SUBSAMPLES = 4;
    private static final int SAMPLES_PER_PIXEL = SUBSAMPLES * SUBSAMPLES;
    /** ">= 50% covered" as a sample count. */
    private static final int SAMPLES_TO_TURN_ON = (SAMPLES_PER_PIXEL + 1) / 2;

    // Convex pieces whose union is a shape: the square and the ellipse are one piece, the heart three.
    private static final int PIECE_SQUARE = 0;
    private static final int PIECE_ELLIPSE = 1;
    private static final int PIECE_LEFT_LOBE = 2;
    private static final int PIECE_RIGHT_LOBE = 3;
    /** The hull of lobes and tip, cut at the lobe centres so the notch between the lobes stays open. */
    private static final int PIECE_BODY = 4;

    private static final long EMPTY_RUN = run(1, 0);

    // Shape geometry in unscaled shape coordinates (u right, v down at orientation 0), from SPEC.md.
    private static final double SQUARE_HALF_SIDE = 9.6;
    private static final double ELLIPSE_SEMI_U = 12.75;
    private static final double ELLIPSE_SEMI_V = 7.25;
    private static final double HEART_LOBE_RADIUS = 5.2;
    private static final double HEART_LOBE_U = 4.6;
    private static final double HEART_LOBE_V = -4.0;
    private static final double HEART_TIP_V = 8.8;

    private static final double ELLIPSE_INV_U2 = 1.0 / (ELLIPSE_SEMI_U * ELLIPSE_SEMI_U);
    private static final double ELLIPSE_INV_V2 = 1.0 / (ELLIPSE_SEMI_V * ELLIPSE_SEMI_V);
    private static final double HEART_LOBE_RADIUS2 = HEART_LOBE_RADIUS * HEART_LOBE_RADIUS;

    // The heart's body below the lobe centres is bounded by the line from the tip tangent to the outer side
    // of each lobe; for |u| beyond the tangent point the lobe itself covers everything that is left.
    private static final double HEART_TANGENT_NORMAL_U;
    private static final double HEART_TANGENT_NORMAL_V;
    private static final double HEART_TANGENT_OFFSET;
    private static final double HEART_TANGENT_POINT_U;

    static {
        double toTipU = 0.0 - HEART_LOBE_U;
        double toTipV = HEART_TIP_V - HEART_LOBE_V;
        double distance = Math.hypot(toTipU, toTipV);
        double normalAngle = Math.atan2(toTipV, toTipU) - Math.acos(HEART_LOBE_RADIUS / distance);
        HEART_TANGENT_NORMAL_U = Math.cos(normalAngle);
        HEART_TANGENT_NORMAL_V = Math.sin(normalAngle);
        HEART_TANGENT_OFFSET = HEART_TANGENT_NORMAL_U * HEART_LOBE_U + HEART_TANGENT_NORMAL_V * HEART_LOBE_V
                + HEART_LOBE_RADIUS;
        HEART_TANGENT_POINT_U = HEART_LOBE_U + HEART_LOBE_RADIUS * HEART_TANGENT_NORMAL_U;
    }

    private static final double[] COS = new double[ORIENTATION_COUNT];
    private static final double[] SIN = new double[ORIENTATION_COUNT];
    private static final double[] SCALE = new double[SCALE_COUNT];
    private static final double[] CENTRE = new double[POSITION_COUNT];

    // Pixel offsets of the rotated shape's extent from its centre at scale 1, per shape and orientation.
    private static final double[][] EXTENT_LEFT = new double[SHAPE_COUNT][ORIENTATION_COUNT];
    private static final double[][] EXTENT_RIGHT = new double[SHAPE_COUNT][ORIENTATION_COUNT];
    private static final double[][] EXTENT_UP = new double[SHAPE_COUNT][ORIENTATION_COUNT];
    private static final double[][] EXTENT_DOWN = new double[SHAPE_COUNT][ORIENTATION_COUNT];

    /** Slack on the bounding box so rounding can never drop a sample lying on the shape's edge. */
    private static final double EXTENT_SLACK = 1e-6;

    static {
        for (int o = 0; o < ORIENTATION_COUNT; o++) {
            double theta = DSpritesFactors.orientationValue(o);
            COS[o] = Math.cos(theta);
            SIN[o] = Math.sin(theta);
        }
        for (int s = 0; s < SCALE_COUNT; s++) {
            SCALE[s] = DSpritesFactors.scaleValue(s);
        }
        for (int p = 0; p < POSITION_COUNT; p++) {
            CENTRE[p] = 16.0 + 32.0 * DSpritesFactors.positionValue(p);
        }
        for (int shape = 0; shape < SHAPE_COUNT; shape++) {
            for (int o = 0; o < ORIENTATION_COUNT; o++) {
                double c = COS[o];
                double s = SIN[o];
                // dx = c*u + s*v and dy = -s*u + c*v, so the extent along +x is the support in direction (c, s).
                EXTENT_RIGHT[shape][o] = support(shape, c, s) + EXTENT_SLACK;
                EXTENT_LEFT[shape][o] = support(shape, -c, -s) + EXTENT_SLACK;
                EXTENT_DOWN[shape][o] = support(shape, -s, c) + EXTENT_SLACK;
                EXTENT_UP[shape][o] = support(shape, s, -c) + EXTENT_SLACK;
            }
        }
    }

    private DSpritesRenderer() {
    }

    /** Renders example {@code index} of the grid (see {@link DSpritesFactors}) into out[offset, offset+4096). */
    public static void render(int index, float[] out, int offset) {
        DSpritesFactors.checkIndex(index);
        render(index / SHAPE_STRIDE, index / SCALE_STRIDE % SCALE_COUNT,
                index / ORIENTATION_STRIDE % ORIENTATION_COUNT, index / POS_X_STRIDE % POSITION_COUNT,
                index % POSITION_COUNT, out, offset);
    }

    /**
     * Renders the image of the given 0-based factor indices into out[offset, offset+4096), row-major with
     * row = y (downwards) and column = x; every one of those 4096 entries is overwritten with 0f or 1f.
     */
    public static void render(int shape, int scale, int orientation, int posX, int posY, float[] out, int offset) {
        // indexOf validates every factor range.
        DSpritesFactors.indexOf(shape, scale, orientation, posX, posY);
        if (offset < 0 || offset > out.length - PIXELS) {
            throw new IndexOutOfBoundsException(
                    "image at offset " + offset + " does not fit an array of length " + out.length);
        }
        Arrays.fill(out, offset, offset + PIXELS, 0f);

        double size = SCALE[scale];
        double centreX = CENTRE[posX];
        double centreY = CENTRE[posY];
        int firstColumn = Math.max(0, (int) Math.floor(centreX - size * EXTENT_LEFT[shape][orientation]));
        int lastColumn = Math.min(SIDE - 1, (int) Math.floor(centreX + size * EXTENT_RIGHT[shape][orientation]));
        int firstRow = Math.max(0, (int) Math.floor(centreY - size * EXTENT_UP[shape][orientation]));
        int lastRow = Math.min(SIDE - 1, (int) Math.floor(centreY + size * EXTENT_DOWN[shape][orientation]));

        // u = a*dx - b*dy and v = b*dx + a*dy: the spec's rotation with the 1/scale folded in.
        double a = COS[orientation] / size;
        double b = SIN[orientation] / size;
        int firstSample = firstColumn * SUBSAMPLES;
        int lastSample = lastColumn * SUBSAMPLES + SUBSAMPLES - 1;

        // Each sample row crosses every convex piece of the shape in one run of samples, so the runs are found
        // from the line's intersection with the piece and the per-pixel sample counts are added up in out.
        for (int row = firstRow; row <= lastRow; row++) {
            int rowStart = offset + row * SIDE;
            for (int sy = 0; sy < SUBSAMPLES; sy++) {
                double dy = row + (sy + 0.5) / SUBSAMPLES - centreY;
                double u0 = -b * dy;
                double v0 = a * dy;
                if (shape == HEART) {
                    long left = pieceRun(PIECE_LEFT_LOBE, a, b, u0, v0, centreX, firstSample, lastSample);
                    long right = pieceRun(PIECE_RIGHT_LOBE, a, b, u0, v0, centreX, firstSample, lastSample);
                    long body = pieceRun(PIECE_BODY, a, b, u0, v0, centreX, firstSample, lastSample);
                    // Inclusion-exclusion counts each sample of the union once without sorting runs.
                    addRun(out, rowStart, left, 1f);
                    addRun(out, rowStart, right, 1f);
                    addRun(out, rowStart, body, 1f);
                    addRun(out, rowStart, intersect(left, right), -1f);
                    addRun(out, rowStart, intersect(left, body), -1f);
                    addRun(out, rowStart, intersect(right, body), -1f);
                    addRun(out, rowStart, intersect(intersect(left, right), body), 1f);
                } else {
                    int piece = shape == SQUARE ? PIECE_SQUARE : PIECE_ELLIPSE;
                    addRun(out, rowStart, pieceRun(piece, a, b, u0, v0, centreX, firstSample, lastSample), 1f);
                }
            }
            for (int i = rowStart + firstColumn; i <= rowStart + lastColumn; i++) {
                out[i] = out[i] >= SAMPLES_TO_TURN_ON ? 1f : 0f;
            }
        }
    }

    /** Whether point (u, v) in unscaled, unrotated shape coordinates lies in the shape (edges included). */
    static boolean covers(int shape, double u, double v) {
        switch (shape) {
            case SQUARE:
                return pieceContains(PIECE_SQUARE, u, v);
            case ELLIPSE:
                return pieceContains(PIECE_ELLIPSE, u, v);
            case HEART:
                return pieceContains(PIECE_LEFT_LOBE, u, v) || pieceContains(PIECE_RIGHT_LOBE, u, v)
                        || pieceContains(PIECE_BODY, u, v);
            default:
                throw new IllegalArgumentException("shape must be 0.." + (SHAPE_COUNT - 1) + ", got " + shape);
        }
    }

    private static boolean pieceContains(int piece, double u, double v) {
        switch (piece) {
            case PIECE_SQUARE:
                return Math.abs(u) <= SQUARE_HALF_SIDE && Math.abs(v) <= SQUARE_HALF_SIDE;
            case PIECE_ELLIPSE:
                return u * u * ELLIPSE_INV_U2 + v * v * ELLIPSE_INV_V2 <= 1.0;
            case PIECE_LEFT_LOBE:
                return inLobe(u + HEART_LOBE_U, v - HEART_LOBE_V);
            case PIECE_RIGHT_LOBE:
                return inLobe(u - HEART_LOBE_U, v - HEART_LOBE_V);
            case PIECE_BODY:
                double absU = Math.abs(u);
                return v >= HEART_LOBE_V && absU <= HEART_TANGENT_POINT_U
                        && absU * HEART_TANGENT_NORMAL_U + v * HEART_TANGENT_NORMAL_V <= HEART_TANGENT_OFFSET;
            default:
                throw new IllegalArgumentException("unknown piece " + piece);
        }
    }

    private static boolean inLobe(double fromCentreU, double fromCentreV) {
        return fromCentreU * fromCentreU + fromCentreV * fromCentreV <= HEART_LOBE_RADIUS2;
    }

    /**
     * The run of sample columns in [firstSample, lastSample] on one sample row that lie in a convex piece,
     * packed by {@link #run}. Along the row, dx = (k + 0.5)/4 - centreX for sample column k, u = a*dx + u0 and
     * v = b*dx + v0. The run's ends come from the exact intersection and are then moved onto the point test,
     * so rounding never makes the result differ from testing every sample.
     */
    private static long pieceRun(int piece, double a, double b, double u0, double v0, double centreX,
            int firstSample, int lastSample) {
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        switch (piece) {
            case PIECE_SQUARE:
                low = lowerLimit(low, a, u0, SQUARE_HALF_SIDE);
                high = upperLimit(high, a, u0, SQUARE_HALF_SIDE);
                low = lowerLimit(low, -a, -u0, SQUARE_HALF_SIDE);
                high = upperLimit(high, -a, -u0, SQUARE_HALF_SIDE);
                low = lowerLimit(low, b, v0, SQUARE_HALF_SIDE);
                high = upperLimit(high, b, v0, SQUARE_HALF_SIDE);
                low = lowerLimit(low, -b, -v0, SQUARE_HALF_SIDE);
                high = upperLimit(high, -b, -v0, SQUARE_HALF_SIDE);
                break;
            case PIECE_ELLIPSE:
            case PIECE_LEFT_LOBE:
            case PIECE_RIGHT_LOBE: {
                // Solve (a*dx + p)^2 * su + (b*dx + q)^2 * sv <= 1 for dx.
                double p = u0;
                double q = v0;
                double su = ELLIPSE_INV_U2;
                double sv = ELLIPSE_INV_V2;
                if (piece != PIECE_ELLIPSE) {
                    p = u0 + (piece == PIECE_LEFT_LOBE ? HEART_LOBE_U : -HEART_LOBE_U);
                    q = v0 - HEART_LOBE_V;
                    su = 1.0 / HEART_LOBE_RADIUS2;
                    sv = su;
                }
                double quadratic = a * a * su + b * b * sv;
                double halfLinear = a * p * su + b * q * sv;
                double constant = p * p * su + q * q * sv - 1.0;
                double quarterDiscriminant = halfLinear * halfLinear - quadratic * constant;
                if (quarterDiscriminant < 0) {
                    return EMPTY_RUN;
                }
                double root = Math.sqrt(quarterDiscriminant);
                low = (-halfLinear - root) / quadratic;
                high = (-halfLinear + root) / quadratic;
                break;
            }
            case PIECE_BODY: {
                low = lowerLimit(low, -b, -v0, -HEART_LOBE_V);
                high = upperLimit(high, -b, -v0, -HEART_LOBE_V);
                low = lowerLimit(low, a, u0, HEART_TANGENT_POINT_U);
                high = upperLimit(high, a, u0, HEART_TANGENT_POINT_U);
                low = lowerLimit(low, -a, -u0, HEART_TANGENT_POINT_U);
                high = upperLimit(high, -a, -u0, HEART_TANGENT_POINT_U);
                double alongU = a * HEART_TANGENT_NORMAL_U;
                double alongV = b * HEART_TANGENT_NORMAL_V;
                double atU = u0 * HEART_TANGENT_NORMAL_U;
                double atV = v0 * HEART_TANGENT_NORMAL_V;
                low = lowerLimit(low, alongU + alongV, atU + atV, HEART_TANGENT_OFFSET);
                high = upperLimit(high, alongU + alongV, atU + atV, HEART_TANGENT_OFFSET);
                low = lowerLimit(low, alongV - alongU, atV - atU, HEART_TANGENT_OFFSET);
                high = upperLimit(high, alongV - alongU, atV - atU, HEART_TANGENT_OFFSET);
                break;
            }
            default:
                throw new IllegalArgumentException("unknown piece " + piece);
        }
        if (!(low <= high)) {
            return EMPTY_RUN;
        }
        // Sample column k sits at x = (k + 0.5)/4; clamp in double so infinite limits cast safely.
        double firstGuess = Math.ceil((centreX + low) * SUBSAMPLES - 0.5);
        double lastGuess = Math.floor((centreX + high) * SUBSAMPLES - 0.5);
        int first = (int) Math.max(firstSample, Math.min(lastSample + 1, firstGuess));
        int last = (int) Math.min(lastSample, Math.max(firstSample - 1, lastGuess));
        while (first > firstSample && sampleInside(piece, first - 1, a, b, u0, v0, centreX)) {
            first--;
        }
        while (first <= last && !sampleInside(piece, first, a, b, u0, v0, centreX)) {
            first++;
        }
        while (last < lastSample && last >= first && sampleInside(piece, last + 1, a, b, u0, v0, centreX)) {
            last++;
        }
        while (last >= first && !sampleInside(piece, last, a, b, u0, v0, centreX)) {
            last--;
        }
        return run(first, last);
    }

    private static boolean sampleInside(int piece, int sampleColumn, double a, double b, double u0, double v0,
            double centreX) {
        double dx = (sampleColumn + 0.5) / SUBSAMPLES - centreX;
        return pieceContains(piece, a * dx + u0, b * dx + v0);
    }

    /** Tightens the lower limit on dx by the half-plane along*dx + at <= limit. */
    private static double lowerLimit(double low, double along, double at, double limit) {
        if (along < 0) {
            return Math.max(low, (limit - at) / along);
        }
        return along == 0 && at > limit ? Double.POSITIVE_INFINITY : low;
    }

    /** Tightens the upper limit on dx by the half-plane along*dx + at <= limit. */
    private static double upperLimit(double high, double along, double at, double limit) {
        if (along > 0) {
            return Math.min(high, (limit - at) / along);
        }
        return along == 0 && at > limit ? Double.NEGATIVE_INFINITY : high;
    }

    /** Sample columns first..last packed in one long; first > last is empty. */
    private static long run(int first, int last) {
        return ((long) first << 32) | (last & 0xffffffffL);
    }

    private static long intersect(long run, long other) {
        return run(Math.max((int) (run >> 32), (int) (other >> 32)), Math.min((int) run, (int) other));
    }

    /** Adds weight for each sample of the run to the pixel holding it. */
    private static void addRun(float[] out, int rowStart, long run, float weight) {
        int first = (int) (run >> 32);
        int last = (int) run;
        if (first > last) {
            return;
        }
        int firstPixel = first / SUBSAMPLES;
        int lastPixel = last / SUBSAMPLES;
        if (firstPixel == lastPixel) {
            out[rowStart + firstPixel] += weight * (last - first + 1);
            return;
        }
        out[rowStart + firstPixel] += weight * (SUBSAMPLES - first % SUBSAMPLES);
        for (int pixel = firstPixel + 1; pixel < lastPixel; pixel++) {
            out[rowStart + pixel] += weight * SUBSAMPLES;
        }
        out[rowStart + lastPixel] += weight * (last % SUBSAMPLES + 1);
    }

    /** Support function of the (convex hull of the) unscaled shape: max over the shape of u*du + v*dv. */
    private static double support(int shape, double du, double dv) {
        switch (shape) {
            case SQUARE:
                return SQUARE_HALF_SIDE * (Math.abs(du) + Math.abs(dv));
            case ELLIPSE:
                return Math.hypot(ELLIPSE_SEMI_U * du, ELLIPSE_SEMI_V * dv);
            case HEART:
                double lobes = HEART_LOBE_U * Math.abs(du) + HEART_LOBE_V * dv + HEART_LOBE_RADIUS;
                return Math.max(lobes, HEART_TIP_V * dv);
            default:
                throw new IllegalArgumentException("shape must be 0.." + (SHAPE_COUNT - 1) + ", got " + shape);
        }
    }
}
