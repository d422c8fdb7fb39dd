package org.vaelab.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.pytorch.AutoGradMode;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 2-d convolution that never trains on a wrong gradient. On an AMD EPYC (Zen 5) machine, oneDNN 3.7.1 inside
 * libtorch 2.10 returned wrong input gradients from its AVX2 and AVX-512 kernels for about a third of the shapes
 * tried, mostly those with an output channel count that is not a multiple of 16; forward passes and weight
 * gradients were right, and the same shapes padded to 16 output channels were right too (docs/decisions/
 * 0005-onednn-gradients.md). So the first convolution of a process compares oneDNN with libtorch's reference
 * convolution on shapes that failed there. If they agree, every convolution goes straight to libtorch. If not,
 * each distinct convolution shape is checked once, the first time it is used, and takes the fastest route that
 * agrees with the reference: oneDNN as it is, oneDNN with the output channels padded to a multiple of 16, or the
 * reference convolution itself.
 */
final class CheckedConvolution {
    private static final Logger LOG = LoggerFactory.getLogger(CheckedConvolution.class);
    private static final double TOLERANCE = 1e-3;
    private static final int CHANNEL_BLOCK = 16;
    /** Shapes whose input gradients oneDNN got wrong there (fields in {@link Shape}'s order). */
    private static final List<Shape> KNOWN_FAILURES = List.of(
            new Shape(4, 1, 1, 5, 1, 2, 7, 7), new Shape(8, 32, 4, 3, 1, 1, 16, 16),
            new Shape(3, 2, 5, 4, 2, 1, 8, 8), new Shape(2, 48, 16, 3, 2, 1, 16, 16));
    private static final boolean ONE_DNN_TRUSTED = KNOWN_FAILURES.stream()
            .allMatch(shape -> agreesWithReference(Route.DIRECT, shape));
    private static final Map<Shape, Route> ROUTES = new ConcurrentHashMap<>();

    static {
        if (!ONE_DNN_TRUSTED) {
            LOG.info("oneDNN computes wrong convolution gradients on this CPU; each convolution shape is checked "
                    + "once against libtorch's reference convolution and routed around the fault "
                    + "(docs/decisions/0005-onednn-gradients.md)");
        }
    }

    private CheckedConvolution() {
    }

    /** One convolution's geometry: everything a kernel choice can depend on. */
    private record Shape(long batch, long in, long out, long kernel, long stride, long padding, long height,
            long width) {
        static Shape of(org.bytedeco.pytorch.Tensor input, org.bytedeco.pytorch.Tensor weight, int stride,
                int padding) {
            return new Shape(input.size(0), input.size(1), weight.size(0), weight.size(2), stride, padding,
                    input.size(2), input.size(3));
        }
    }

    /** The ways to compute one convolution, fastest first. */
    private enum Route {
        /** libtorch's dispatch as it is (oneDNN where it applies). */
        DIRECT,
        /** The same with zero filters added up to a multiple of 16 output channels, then sliced off. */
        PADDED,
        /** libtorch's reference convolution (im2col and GEMM), whatever oneDNN's state. */
        REFERENCE;

        org.bytedeco.pytorch.Tensor apply(org.bytedeco.pytorch.Tensor input, org.bytedeco.pytorch.Tensor weight,
                org.bytedeco.pytorch.Tensor bias, long stride, long padding) {
            long[] strides = {stride, stride};
            long[] paddings = {padding, padding};
            return switch (this) {
                case DIRECT -> torch.conv2d(input, weight, new TensorOptional(bias), strides, paddings,
                        new long[] {1, 1}, 1);
                case PADDED -> {
                    long out = weight.size(0);
                    long extra = (out + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK - out;
                    org.bytedeco.pytorch.Tensor paddedWeight = torch.cat(new TensorVector(weight,
                            torch.zeros(new long[] {extra, weight.size(1), weight.size(2), weight.size(3)})), 0);
                    org.bytedeco.pytorch.Tensor paddedBias = torch.cat(new TensorVector(bias,
                            torch.zeros(new long[] {extra})), 0);
                    yield DIRECT.apply(input, paddedWeight, paddedBias, stride, padding).narrow(1, 0, out);
                }
                case REFERENCE -> torch.thnn_conv2d(input, weight, new long[] {weight.size(2), weight.size(3)},
                        new TensorOptional(bias), strides, paddings);
            };
        }
    }

    /** Convolution of [B, C, H, W] input with weight [out, C, k, k] and bias [out], square stride and padding. */
    static org.bytedeco.pytorch.Tensor conv2d(org.bytedeco.pytorch.Tensor input, org.bytedeco.pytorch.Tensor weight,
            org.bytedeco.pytorch.Tensor bias, int stride, int padding) {
        Route route = ONE_DNN_TRUSTED ? Route.DIRECT
                : ROUTES.computeIfAbsent(Shape.of(input, weight, stride, padding), CheckedConvolution::fastestCorrect);
        return route.apply(input, weight, bias, stride, padding);
    }

    private static Route fastestCorrect(Shape shape) {
        try (Scope ignored = Scope.open()) {
            Tensor reference = results(Route.REFERENCE, shape);
            for (Route route : new Route[] {Route.DIRECT, Route.PADDED}) {
                if (agrees(route, shape, reference)) {
                    LOG.debug("{} convolution route: {}", shape, route);
                    return route;
                }
            }
        }
        LOG.warn("oneDNN's gradients are wrong for a {}-to-{}-channel {}x{} convolution on {}x{} inputs even "
                + "padded; using libtorch's slower reference convolution for it", shape.in(), shape.out(),
                shape.kernel(), shape.kernel(), shape.height(), shape.width());
        return Route.REFERENCE;
    }

    private static boolean agreesWithReference(Route route, Shape shape) {
        try (Scope ignored = Scope.open()) {
            return agrees(route, shape, results(Route.REFERENCE, shape));
        }
    }

    /**
     * Whether a route's output, input gradient and weight gradient match the reference convolution's: the largest
     * difference over the reference's largest magnitude. Compared in native memory, so that checks leave no large
     * Java arrays behind to grow the heap.
     */
    private static boolean agrees(Route route, Shape shape, Tensor reference) {
        try (Scope ignored = Scope.open()) {
            // A NaN on either side makes the maximum NaN, which never passes the comparison.
            double difference = results(route, shape).sub(reference).abs().max().item();
            double scale = Math.max(reference.abs().max().item(), 1e-12);
            return difference / scale <= TOLERANCE;
        }
    }

    /**
     * Output, input gradient and weight gradient of the loss sum(output * r) for fixed values, flattened and
     * concatenated, handed to the caller's scope.
     */
    private static Tensor results(Route route, Shape shape) {
        try (Scope scope = Scope.open(); AutoGradMode gradients = new AutoGradMode(true)) {
            return scope.keep(resultsWithGradients(route, shape));
        }
    }

    private static Tensor resultsWithGradients(Route route, Shape shape) {
        // Fixed values, not random ones, so checking leaves the engine's generator where the caller put it.
        Tensor input = waves(0.3, shape.batch(), shape.in(), shape.height(), shape.width()).requiresGrad();
        Tensor weight = waves(1.7, shape.out(), shape.in(), shape.kernel(), shape.kernel()).requiresGrad();
        Tensor bias = waves(2.9, shape.out());
        Tensor output = new Tensor(route.apply(input.t, weight.t, bias.t, shape.stride(), shape.padding()));
        output.mul(waves(0.8, output.shape())).sum().backward();
        return Tensor.cat(0, output.detach().reshape(-1), input.grad().reshape(-1), weight.grad().reshape(-1));
    }

    /** sin(1.3 i + phase) for i = 0, 1, ... in the given shape, computed in double precision. */
    private static Tensor waves(double phase, long... shape) {
        long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        org.bytedeco.pytorch.Tensor index = torch.arange(new Scalar(count), new TensorOptions(ScalarType.Double));
        return new Tensor(index.mul(new Scalar(1.3)).add(new Scalar(phase)).sin().to(ScalarType.Float)
                .reshape(shape));
    }
}
