package org.vaelab.data.synthetic;

import java.util.SplittableRandom;
import org.vaelab.UserInputException;

/**
 * Two interleaved Archimedean spirals with Gaussian noise. A point at position t in [0, 1] along its spiral lies
 * at radius {@code t * radius} and angle {@code t * turns * 2 pi}, the second spiral turned by half a revolution.
 * t is the square root of a uniform draw so the points spread evenly along the arm rather than crowding the
 * centre. Point i belongs to spiral i mod 2; labels are the spiral.
 */
public final class Spirals extends PlanarDataset {

    public static final double DEFAULT_TURNS = 1.5;
    public static final double DEFAULT_RADIUS = 1.0;
    public static final double DEFAULT_NOISE = 0.05;
    public static final long DEFAULT_SEED = 0;

    private final double turns;
    private final double radius;
    private final double noise;
    private final long seed;
    private final PlanarPoints points;

    public Spirals(int points, long seed) {
        this(points, DEFAULT_TURNS, DEFAULT_RADIUS, DEFAULT_NOISE, seed);
    }

    public Spirals(int points, double turns, double radius, double noise, long seed) {
        PlanarPoints.requirePositive("spirals points", points);
        if (!(turns > 0 && radius > 0 && noise >= 0 && Double.isFinite(turns + radius + noise))) {
            throw new UserInputException("spirals need positive turns and radius and non-negative noise; got turns "
                    + turns + ", radius " + radius + ", noise " + noise);
        }
        this.turns = turns;
        this.radius = radius;
        this.noise = noise;
        this.seed = seed;
        this.points = generate(points);
    }

    private PlanarPoints generate(int n) {
        SplittableRandom rng = PlanarPoints.rng(seed);
        float[] xy = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int arm = i % 2;
            double t = Math.sqrt(rng.nextDouble());
            double angle = t * turns * 2.0 * Math.PI + arm * Math.PI;
            double r = t * radius;
            xy[2 * i] = (float) (r * Math.cos(angle) + noise * StandardNormal.next(rng));
            xy[2 * i + 1] = (float) (r * Math.sin(angle) + noise * StandardNormal.next(rng));
            labels[i] = arm;
        }
        return new PlanarPoints(xy, labels, 2);
    }

    public double turns() {
        return turns;
    }

    public double radius() {
        return radius;
    }

    @Override
    PlanarPoints points() {
        return points;
    }

    @Override
    public String name() {
        return "spirals";
    }

    @Override
    public String provenance() {
        return "two spirals: points=" + size() + " turns=" + turns + " radius=" + radius + " noise=" + noise
                + " seed=" + seed;
    }
}
