package org.vaelab.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Tensor;

/**
 * A masked autoencoder for distribution estimation (Germain et al. 2015) emitting, for each of d dimensions, a
 * shift and a log-scale that depend only on the dimensions before it in a given ordering: the autoregressive
 * network inside an autoregressive flow (VLAE's AF prior) or an inverse autoregressive flow (Kingma et al. 2016).
 *
 * <p>Degrees: input dimension i has degree {@code ordering[i]} in 1..d. Hidden unit k of every layer gets degree
 * 1 + (k mod (d-1)), so each degree up to d-1 is present when the width is at least d-1. A hidden unit connects to
 * units of degree at most its own; an output of degree m connects to hidden units of degree below m, so output i
 * never depends on input i or any later input. Hidden layers use ReLU (as VLAE's MADEs). An optional context
 * vector (IAF's h from the encoder) enters the first hidden layer unmasked: it is not one of the d dimensions.
 * Inputs may have leading dimensions: [..., d] gives outputs [..., d].
 */
public final class Made {
    /** Per-dimension shift and log-scale, each shaped like the input. */
    public record Output(Tensor shift, Tensor logScale) {
    }

    private final int dim;
    private final int[] ordering;
    private final List<MaskedLinear> hiddenLayers = new ArrayList<>();
    private final MaskedLinear shiftLayer;
    private final MaskedLinear logScaleLayer;
    private final Linear context;

    /**
     * @param ordering   degree of each input dimension, a permutation of 1..d (see {@link #naturalOrdering})
     * @param hidden     widths of the hidden layers, at least one
     * @param contextDim width of the unmasked context input, or 0 for none
     */
    public Made(ParameterSet parameters, String name, int[] ordering, int[] hidden, int contextDim) {
        this.dim = ordering.length;
        this.ordering = ordering.clone();
        checkPermutation(this.ordering);
        if (hidden.length < 1 || Arrays.stream(hidden).anyMatch(h -> h < 1) || contextDim < 0) {
            throw new IllegalArgumentException("MADE needs at least one hidden layer of width >= 1 and contextDim >= 0");
        }
        ParameterSet own = parameters.child(name);
        int[] previous = this.ordering;
        for (int l = 0; l < hidden.length; l++) {
            int[] degrees = hiddenDegrees(hidden[l], dim);
            hiddenLayers.add(new MaskedLinear(own, "hidden" + l, connect(degrees, previous, false)));
            previous = degrees;
        }
        Connectivity outputMask = connect(this.ordering, previous, true);
        this.shiftLayer = new MaskedLinear(own, "shift", outputMask);
        this.logScaleLayer = new MaskedLinear(own, "log_scale", outputMask);
        this.context = contextDim > 0 ? new Linear(own, "context", contextDim, hidden[0]) : null;
    }

    /** Degrees 1..d in the natural order: dimension i comes i-th. */
    public static int[] naturalOrdering(int dim) {
        int[] order = new int[dim];
        for (int i = 0; i < dim; i++) {
            order[i] = i + 1;
        }
        return order;
    }

    /** The ordering read backwards: the last dimension becomes the first. Stacked flows alternate the two. */
    public static int[] reversed(int[] ordering) {
        int[] out = new int[ordering.length];
        for (int i = 0; i < ordering.length; i++) {
            out[i] = ordering.length + 1 - ordering[i];
        }
        return out;
    }

    /** Degree of each input dimension: dimension i is the {@code ordering()[i]}-th in the autoregressive order. */
    public int[] ordering() {
        return ordering.clone();
    }

    public int dim() {
        return dim;
    }

    public Output forward(Tensor input) {
        if (context != null) {
            throw new IllegalStateException("this MADE was built with a context input; pass it");
        }
        return forward(input, null);
    }

    /** {@code context} [..., contextDim] broadcasts against the input's leading dimensions. */
    public Output forward(Tensor input, Tensor contextInput) {
        Tensor h = input;
        for (int l = 0; l < hiddenLayers.size(); l++) {
            h = hiddenLayers.get(l).forward(h);
            if (l == 0 && context != null) {
                h = h.add(context.forward(contextInput));
            }
            h = h.relu();
        }
        return new Output(shiftLayer.forward(h), logScaleLayer.forward(h));
    }

    private static int[] hiddenDegrees(int width, int dim) {
        int[] degrees = new int[width];
        int span = Math.max(1, dim - 1);
        for (int k = 0; k < width; k++) {
            degrees[k] = 1 + k % span;
        }
        return degrees;
    }

    /** Mask [out, in]: hidden units take inputs of degree <= theirs; outputs only of degree strictly below. */
    private static Connectivity connect(int[] outDegrees, int[] inDegrees, boolean strict) {
        float[] mask = new float[outDegrees.length * inDegrees.length];
        for (int o = 0; o < outDegrees.length; o++) {
            for (int i = 0; i < inDegrees.length; i++) {
                boolean connected = strict ? outDegrees[o] > inDegrees[i] : outDegrees[o] >= inDegrees[i];
                mask[o * inDegrees.length + i] = connected ? 1 : 0;
            }
        }
        return new Connectivity(mask, outDegrees.length, inDegrees.length);
    }

    private static void checkPermutation(int[] ordering) {
        boolean[] seen = new boolean[ordering.length + 1];
        for (int degree : ordering) {
            if (degree < 1 || degree > ordering.length || seen[degree]) {
                throw new IllegalArgumentException("ordering must be a permutation of 1.." + ordering.length + ": "
                        + Arrays.toString(ordering));
            }
            seen[degree] = true;
        }
    }

    /** A 0/1 mask [out, in], row-major. */
    private record Connectivity(float[] mask, int out, int in) {
    }

    /** A dense layer whose weight is multiplied by a fixed 0/1 mask on every pass (zero gradient where masked). */
    private static final class MaskedLinear {
        private final Tensor weight;
        private final Tensor bias;
        private final Tensor mask;

        MaskedLinear(ParameterSet parameters, String name, Connectivity connectivity) {
            int out = connectivity.out();
            int in = connectivity.in();
            ParameterSet own = parameters.child(name);
            double bound = 1.0 / Math.sqrt(in);
            this.weight = own.parameter("weight", Tensor.uniform(-bound, bound, out, in));
            this.bias = own.parameter("bias", Tensor.uniform(-bound, bound, out));
            this.mask = Tensor.of(connectivity.mask(), out, in);
        }

        Tensor forward(Tensor input) {
            return input.linear(weight.mul(mask), bias);
        }
    }
}
