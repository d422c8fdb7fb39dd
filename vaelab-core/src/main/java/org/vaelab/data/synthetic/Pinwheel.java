package org.vaelab.data.synthetic;

import java.util.SplittableRandom;
import org.vaelab.UserInputException;

/**
 * The pinwheel of Johnson et al. 2016, "Composing graphical models with neural networks": each arm starts as a
 * Gaussian blob at (1, 0) with radial std 0.3 and tangential std 0.05, and is then rotated by its arm's base
 * angle plus {@code rate * exp(radial coordinate)}, which bends it into a curved arm; everything is scaled by 10.
 * The original has 5 arms; Mathieu et al. 2019 use 4, hence the parameter. Point i belongs to arm i mod arms,
 * so every prefix of the data is balanced. Labels are the arm.
 */
public final class Pinwheel extends PlanarDataset {

    public static final int DEFAULT_ARMS = 5;
    public static final double RADIAL_STD = 0.3;
    public static final double TANGENTIAL_STD = 0.05;
    public static final double RATE = 0.25;
    public static final double SCALE = 10.0;
    public static final long DEFAULT_SEED = 0;

    private final int arms;
    private final double radialStd;
    private final double tangentialStd;
    private final double rate;
    private final double scale;
    private final long seed;
    private final PlanarPoints points;

    /**
     * The small pinwheel of Mathieu et al. 2019 (their clustering demonstration): 4 arms of 100 points, radial std
     * 0.3, tangential std 0.1, rate 0.25, around the unit circle (no scaling). Their generator's arguments are
     * named the other way round: its "tangential" std is applied to the radius.
     */
    public static Pinwheel mathieu(long seed) {
        return new Pinwheel(400, 4, 0.3, 0.1, RATE, 1.0, seed);
    }

    public Pinwheel(int points, long seed) {
        this(points, DEFAULT_ARMS, seed);
    }

    public Pinwheel(int points, int arms, long seed) {
        this(points, arms, RADIAL_STD, TANGENTIAL_STD, RATE, SCALE, seed);
    }

    public Pinwheel(int points, int arms, double radialStd, double tangentialStd, double rate, double scale,
                    long seed) {
        PlanarPoints.requirePositive("pinwheel points", points);
        PlanarPoints.requirePositive("pinwheel arms", arms);
        if (!(radialStd >= 0 && tangentialStd >= 0 && scale > 0 && Double.isFinite(rate))) {
            throw new UserInputException("pinwheel needs non-negative stds, a positive scale and a finite rate; got "
                    + "radial std " + radialStd + ", tangential std " + tangentialStd + ", scale " + scale
                    + ", rate " + rate);
        }
        this.arms = arms;
        this.radialStd = radialStd;
        this.tangentialStd = tangentialStd;
        this.rate = rate;
        this.scale = scale;
        this.seed = seed;
        this.points = generate(points);
    }

    private PlanarPoints generate(int n) {
        SplittableRandom rng = PlanarPoints.rng(seed);
        float[] xy = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int arm = i % arms;
            double radial = 1.0 + radialStd * StandardNormal.next(rng);
            double tangential = tangentialStd * StandardNormal.next(rng);
            double angle = armAngle(arm) + rate * Math.exp(radial);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            // Row vector (radial, tangential) times [[cos, -sin], [sin, cos]], as in the original construction.
            xy[2 * i] = (float) (scale * (radial * cos + tangential * sin));
            xy[2 * i + 1] = (float) (scale * (-radial * sin + tangential * cos));
            labels[i] = arm;
        }
        return new PlanarPoints(xy, labels, arms);
    }

    /** The base rotation of arm {@code arm}, before the radius-dependent bend. */
    public double armAngle(int arm) {
        return 2.0 * Math.PI * arm / arms;
    }

    public int arms() {
        return arms;
    }

    public double rate() {
        return rate;
    }

    public double scale() {
        return scale;
    }

    @Override
    PlanarPoints points() {
        return points;
    }

    @Override
    public String name() {
        return "pinwheel";
    }

    @Override
    public String provenance() {
        return "pinwheel (Johnson et al. 2016): points=" + size() + " arms=" + arms + " radialStd=" + radialStd
                + " tangentialStd=" + tangentialStd + " rate=" + rate + " scale=" + scale + " seed=" + seed;
    }
}
