package org.vaelab.nn;

import java.util.ArrayList;
import java.util.List;
import org.vaelab.UserInputException;
import org.vaelab.data.Dataset.Shape;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/**
 * A PixelCNN over one-channel images (binary, or 8-bit levels in [0, 1]) with a deliberately small receptive
 * field, the decoder of the Variational Lossy Autoencoder (Chen et al. 2017), optionally conditioned on a vector
 * (the latent code).
 *
 * <p>Architecture, for receptive field R and width C:
 * <ul>
 *   <li>R masked 3x3 convolutions: mask A on the image (1 to 2C channels), then R-1 with mask B (C to 2C).
 *       Each is followed by the gated unit of van den Oord et al. 2016b, tanh(a) * sigmoid(b) over the two
 *       halves of its 2C channels; layers after the first add their output to their input (residual).</li>
 *   <li>Conditioning: the vector is mapped by one Linear layer to {@link #CONDITION_MAPS} feature maps of the
 *       image's size (as VLAE's decoder network emits a 28x28x4 map), and every masked layer adds its own 1x1
 *       projection of those maps to its 2C pre-activations. The maps depend on the vector only, so conditioning
 *       cannot leak pixels.</li>
 *   <li>Output: ReLU, 1x1 convolution C to C, ReLU, 1x1 convolution C to P: P numbers per pixel, one Bernoulli
 *       logit by default, or the 3K parameters of a discretised logistic mixture for 8-bit images.</li>
 * </ul>
 *
 * <p>Receptive field: each 3x3 layer reaches one more row up and one more column either way, so pixel (r, c) sees
 * rows r-R .. r-1, where row r-k covers columns c-R .. c+k, and columns c-R .. c-1 of its own row. The narrowing to
 * the upper right is the blind spot of stacked masked convolutions. {@link #window()} computes this set exactly
 * from the masks and {@link #describeWindow()} draws it. VLAE's MNIST decoder used 6 masked 3x3 layers, R = 6.
 */
public final class PixelCnn {
    /** Feature maps the conditioning vector is mapped to, as in VLAE's 28x28x4 decoder output. */
    public static final int CONDITION_MAPS = 4;
    private static final int KERNEL = 3;

    private final Shape shape;
    private final int receptiveField;
    private final int channels;
    private final int conditionDim;
    private final int outputsPerPixel;
    private final List<MaskedConv2d> masked = new ArrayList<>();
    private final List<Conv2d> conditionProjections = new ArrayList<>();
    private final Linear toConditionMaps;
    private final Conv2d hidden;
    private final Conv2d output;

    /**
     * @param receptiveField R, the number of masked 3x3 layers: the window reaches R rows up and R pixels left
     * @param channels       C, features per layer after gating
     * @param conditionDim   width of the conditioning vector (the latent size); 0 for an unconditional PixelCNN
     */
    public PixelCnn(ParameterSet parameters, String name, Shape shape, int receptiveField, int channels,
                    int conditionDim) {
        this(parameters, name, shape, receptiveField, channels, conditionDim, 1);
    }

    /**
     * A PixelCNN emitting {@code outputsPerPixel} numbers per pixel, read with {@link #outputs} and
     * {@link #outputsAt} (the other arguments as in the six-argument constructor, which emits one logit).
     */
    public PixelCnn(ParameterSet parameters, String name, Shape shape, int receptiveField, int channels,
                    int conditionDim, int outputsPerPixel) {
        checkReceptiveField(shape, receptiveField);
        if (shape.channels() != 1) {
            throw new UserInputException("the PixelCNN decoder models one-channel images, got "
                    + shape.channels() + " channels");
        }
        if (channels < 1 || conditionDim < 0 || outputsPerPixel < 1) {
            throw new IllegalArgumentException("need channels >= 1, conditionDim >= 0 and outputsPerPixel >= 1");
        }
        ParameterSet own = parameters.child(name);
        this.shape = shape;
        this.receptiveField = receptiveField;
        this.channels = channels;
        this.conditionDim = conditionDim;
        this.outputsPerPixel = outputsPerPixel;
        for (int i = 0; i < receptiveField; i++) {
            masked.add(new MaskedConv2d(own, "masked" + i, i == 0 ? MaskedConv2d.Mask.A : MaskedConv2d.Mask.B,
                    i == 0 ? 1 : channels, 2 * channels, KERNEL));
            if (conditionDim > 0) {
                conditionProjections.add(new Conv2d(own, "condition" + i, CONDITION_MAPS, 2 * channels, 1, 1, 0));
            }
        }
        this.toConditionMaps = conditionDim > 0
                ? new Linear(own, "condition_maps", conditionDim, CONDITION_MAPS * shape.height() * shape.width())
                : null;
        this.hidden = new Conv2d(own, "hidden", channels, channels, 1, 1, 0);
        this.output = new Conv2d(own, "out", channels, outputsPerPixel, 1, 1, 0);
    }

    /** Rejects a window smaller than one layer or reaching past the image's top or left edge. */
    public static void checkReceptiveField(Shape shape, int receptiveField) {
        int max = Math.min(shape.height(), shape.width()) - 1;
        if (receptiveField < 1 || receptiveField > max) {
            throw new UserInputException("--receptive-field must be between 1 and " + max + " for "
                    + shape.height() + "x" + shape.width() + " images (it counts masked 3x3 layers: the window "
                    + "reaches that many rows up and pixels left), got " + receptiveField);
        }
    }

    /**
     * The per-layer conditioning for a batch, computed once per decode and reused by every pass of the sampler.
     * {@code maps} is empty for an unconditional network.
     */
    public record Conditioning(long batch, List<Tensor> maps) {
    }

    /** Conditioning for {@code vector} [N, conditionDim]; an unconditional network reads only N from it. */
    public Conditioning condition(Tensor vector) {
        long n = vector.size(0);
        if (conditionDim == 0) {
            return new Conditioning(n, List.of());
        }
        if (vector.size(-1) != conditionDim) {
            throw new IllegalArgumentException("conditioning vector has width " + vector.size(-1) + ", expected "
                    + conditionDim);
        }
        Tensor maps = toConditionMaps.forward(vector).reshape(n, CONDITION_MAPS, shape.height(), shape.width());
        List<Tensor> perLayer = new ArrayList<>();
        for (Conv2d projection : conditionProjections) {
            perLayer.add(projection.forward(maps));
        }
        return new Conditioning(n, perLayer);
    }

    /** Conditioning for codes z [N, d] through {@code latentNetwork}, which an unconditional network never runs. */
    public Conditioning condition(Tensor z, Layer latentNetwork) {
        return condition(conditionDim > 0 ? latentNetwork.forward(z) : z);
    }

    /** Logits [N, H*W] of every pixel given the pixels before it in x [N, H*W]: one parallel pass. */
    public Tensor logits(Tensor x, Conditioning conditioning) {
        requireOneOutput();
        return outputs(x, conditioning).reshape(-1, (long) shape.height() * shape.width());
    }

    /** The P outputs of every pixel given the pixels before it in x [N, H*W], as [N, P, H*W]: one parallel pass. */
    public Tensor outputs(Tensor x, Conditioning conditioning) {
        Tensor image = x.reshape(-1, 1, shape.height(), shape.width());
        return network(image, conditioning.maps()).reshape(-1, outputsPerPixel, (long) shape.height() * shape.width());
    }

    /**
     * The logit [N, 1] of pixel {@code index} (raster order) alone: the same value as {@code logits(x)} at that
     * pixel for a fraction of the work, which is what makes pixel-by-pixel sampling affordable. Layer i (0-based)
     * is evaluated only where the output still needs it: R-1-i rows up and columns either side of the pixel,
     * clipped to the image. Each layer is computed on the previous, one-larger region and then cut down, so the
     * values kept read real neighbours or the image's own zero padding, never the cut edge.
     */
    public Tensor logitAt(Tensor x, Conditioning conditioning, int index) {
        requireOneOutput();
        return outputsAt(x, conditioning, index).reshape(-1, 1);
    }

    /** The P outputs [N, P, 1] of pixel {@code index} alone, computed as {@link #logitAt} computes its logit. */
    public Tensor outputsAt(Tensor x, Conditioning conditioning, int index) {
        int row = index / shape.width();
        int col = index % shape.width();
        Region region = regionAround(row, col, receptiveField);
        Tensor h = region.of(x.reshape(-1, 1, shape.height(), shape.width())).mul(2).sub(1);
        for (int i = 0; i < masked.size(); i++) {
            Region needed = regionAround(row, col, receptiveField - 1 - i);
            Tensor pre = needed.within(region, masked.get(i).forward(h));
            if (!conditioning.maps().isEmpty()) {
                pre = pre.add(needed.of(conditioning.maps().get(i)));
            }
            Tensor gated = gate(pre);
            h = i == 0 ? gated : needed.within(region, h).add(gated);
            region = needed;
        }
        return output.forward(hidden.forward(h.relu()).relu()).reshape(-1, outputsPerPixel, 1);
    }

    private void requireOneOutput() {
        if (outputsPerPixel != 1) {
            throw new IllegalStateException("this PixelCNN emits " + outputsPerPixel + " outputs per pixel; "
                    + "read them with outputs() or outputsAt()");
        }
    }

    /** Rows top..bottom and columns left..right of the image: the part of a window that lies inside it. */
    private record Region(int top, int left, int bottom, int right) {
        /** This region cut out of a full-size map [N, C, H, W]. */
        Tensor of(Tensor map) {
            return map.narrow(2, top, bottom - top + 1).narrow(3, left, right - left + 1);
        }

        /** This region cut out of a map that covers {@code outer}. */
        Tensor within(Region outer, Tensor map) {
            return map.narrow(2, top - outer.top, bottom - top + 1).narrow(3, left - outer.left, right - left + 1);
        }
    }

    private Region regionAround(int row, int col, int reach) {
        return new Region(Math.max(0, row - reach), Math.max(0, col - reach), row,
                Math.min(shape.width() - 1, col + reach));
    }

    private Tensor network(Tensor image, List<Tensor> conditionMaps) {
        // Centre pixels on 0 (0/1 or levels in [0, 1] to [-1, 1]) so that zero padding reads as "unknown" rather
        // than "off".
        Tensor h = image.mul(2).sub(1);
        for (int i = 0; i < masked.size(); i++) {
            Tensor pre = masked.get(i).forward(h);
            if (!conditionMaps.isEmpty()) {
                pre = pre.add(conditionMaps.get(i));
            }
            Tensor gated = gate(pre);
            h = i == 0 ? gated : h.add(gated);
        }
        return output.forward(hidden.forward(h.relu()).relu());
    }

    /** tanh of the first C channels times sigmoid of the last C (van den Oord et al. 2016b). */
    private Tensor gate(Tensor pre) {
        return pre.narrow(1, 0, channels).tanh().mul(pre.narrow(1, channels, channels).sigmoid());
    }

    public Shape shape() {
        return shape;
    }

    public int receptiveField() {
        return receptiveField;
    }

    public int conditionDim() {
        return conditionDim;
    }

    public int outputsPerPixel() {
        return outputsPerPixel;
    }

    /**
     * The pixels each output reads, as offsets from it: {@code window()[dr + R][dc + R]} for row offset dr in
     * [-R, 0] and column offset dc in [-R, R]. Computed by composing the layers' kernel masks (a Minkowski sum of
     * their allowed taps), so it is exactly what the network can see, blind spot included.
     */
    public boolean[][] window() {
        int r = receptiveField;
        boolean[][] seen = new boolean[r + 1][2 * r + 1];
        // Offsets reachable after the first (mask A) layer, then grown by each mask B layer.
        for (int dr = -1; dr <= 0; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                seen[dr + r][dc + r] = MaskedConv2d.Mask.A.allows(dr, dc);
            }
        }
        for (int layer = 1; layer < r; layer++) {
            boolean[][] grown = new boolean[r + 1][2 * r + 1];
            for (int i = 0; i <= r; i++) {
                for (int j = 0; j <= 2 * r; j++) {
                    if (!seen[i][j]) {
                        continue;
                    }
                    for (int dr = -1; dr <= 0; dr++) {
                        for (int dc = -1; dc <= 1; dc++) {
                            int ni = i + dr;
                            int nj = j + dc;
                            if (MaskedConv2d.Mask.B.allows(dr, dc) && ni >= 0 && nj >= 0 && nj <= 2 * r) {
                                grown[ni][nj] = true;
                            }
                        }
                    }
                }
            }
            seen = grown;
        }
        return seen;
    }

    /** How many earlier pixels each output reads (away from the image's edges). */
    public int windowSize() {
        int count = 0;
        for (boolean[] row : window()) {
            for (boolean b : row) {
                count += b ? 1 : 0;
            }
        }
        return count;
    }

    /**
     * A few lines stating the effective window and drawing it: 'x' marks a pixel the prediction reads, 'o' the
     * predicted pixel, '.' a pixel it cannot see.
     */
    public String describeWindow() {
        int r = receptiveField;
        StringBuilder out = new StringBuilder();
        out.append("PixelCNN receptive field ").append(r).append(": ").append(r)
                .append(" masked 3x3 layers (mask A, then B), gated, ").append(channels).append(" channels; each pixel reads ")
                .append(windowSize()).append(" earlier pixels in a window ").append(r + 1).append(" rows x ")
                .append(2 * r + 1).append(" columns (row k above reaches k columns right: the blind spot)")
                .append(conditionDim > 0 ? ", conditioned on a " + conditionDim + "-d code" : ", unconditional")
                .append('\n');
        boolean[][] seen = window();
        for (int i = 0; i <= r; i++) {
            out.append("  ");
            for (int j = 0; j <= 2 * r; j++) {
                out.append(i == r && j == r ? 'o' : seen[i][j] ? 'x' : '.');
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return describeWindow();
    }
}
