package org.vaelab.tensor;

import org.bytedeco.javacpp.BoolPointer;
import org.bytedeco.pytorch.T_TensorTensorTensor_T;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps libtorch's oneDNN convolutions off a CPU where they compute wrong gradients. On an AMD EPYC (Zen 5) virtual
 * machine, oneDNN 3.7.1 inside libtorch 2.10 ran its AVX2 and AVX-512 kernels for convolutions whose output channels
 * are not a multiple of 16 (and some strided ones) and returned input gradients with relative errors near 1, while
 * forward passes and weight gradients stayed right; capped at AVX (ONEDNN_MAX_CPU_ISA=AVX) every shape was right
 * (docs/decisions/0005-onednn-isa.md). Training would silently follow wrong gradients, so before the first convolution
 * of a process this check runs shapes that failed there through oneDNN and through libtorch's reference
 * convolution and, on any disagreement, leaves the reference path (correct, several times slower) in charge. The
 * launcher runs {@link #main} once per CPU model under narrower instruction sets to find the widest correct one.
 */
public final class ConvolutionCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ConvolutionCheck.class);
    private static final double TOLERANCE = 1e-3;
    /** batch, input channels, output channels, kernel, stride, padding, side: shapes that failed there. */
    private static final int[][] SHAPES = {
        {4, 1, 1, 5, 1, 2, 7}, {8, 32, 4, 3, 1, 1, 16}, {2, 1, 1, 7, 1, 3, 12}, {3, 2, 5, 4, 2, 1, 8},
        {2, 48, 16, 3, 2, 1, 16}};

    static {
        String disagreement = disagreement();
        if (disagreement != null) {
            torch.globalContext().setUserEnabledMkldnn(false);
            LOG.warn("oneDNN's convolution gradients are wrong on this CPU ({}); using libtorch's reference "
                    + "convolution instead: correct but several times slower. The ./vaelab launcher caps oneDNN at "
                    + "an instruction set that computes them right (ONEDNN_MAX_CPU_ISA); see docs/engine.md.",
                    disagreement);
        }
    }

    private ConvolutionCheck() {
    }

    /** Does nothing itself: the first call runs the check (once per process, as the class initializer). */
    static void ensureVerified() {
    }

    /**
     * Exit status 0 when oneDNN's convolutions agree with the reference under this process's environment
     * (ONEDNN_MAX_CPU_ISA), 1 when they do not: the launcher's probe.
     */
    public static void main(String[] args) {
        boolean trusted = torch.globalContext().userEnabledMkldnn();
        System.out.println(trusted ? "oneDNN convolutions agree with the reference" : "oneDNN convolutions disagree");
        System.exit(trusted ? 0 : 1);
    }

    /** Where oneDNN first disagrees with the reference convolution, or null when it agrees on every shape. */
    private static String disagreement() {
        if (!torch.globalContext().userEnabledMkldnn()) {
            return null;
        }
        for (int[] shape : SHAPES) {
            double error = relativeError(results(shape, true), results(shape, false));
            if (!(error <= TOLERANCE)) {
                return String.format("relative error %.2g on a %d-to-%d-channel %dx%d convolution", error, shape[1],
                        shape[2], shape[3], shape[3]);
            }
        }
        return null;
    }

    /** Output, input gradient and weight gradient of one convolution under the given backend, concatenated. */
    private static float[] results(int[] shape, boolean oneDnn) {
        int batch = shape[0], in = shape[1], out = shape[2], kernel = shape[3], side = shape[6];
        torch.globalContext().setUserEnabledMkldnn(oneDnn);
        try (Scope ignored = Scope.open()) {
            // Fixed values, not random ones, so the check leaves the engine's generator where the caller put it.
            Tensor input = Tensor.of(waves(batch * in * side * side, 0.3), batch, in, side, side);
            Tensor weight = Tensor.of(waves(out * in * kernel * kernel, 1.7), out, in, kernel, kernel);
            long[] stride = {shape[4], shape[4]};
            long[] pad = {shape[5], shape[5]};
            long[] dilation = {1, 1};
            Tensor output = new Tensor(torch.conv2d(input.t, weight.t, new TensorOptional(), stride, pad, dilation, 1));
            T_TensorTensorTensor_T grads = torch.convolution_backward(output.t, input.t, weight.t,
                    new long[] {out}, stride, pad, dilation, false, new long[] {0, 0}, 1,
                    new BoolPointer(3).put(0, true).put(1, true).put(2, false));
            return concat(output.toFloats(), new Tensor(grads.get0()).toFloats(), new Tensor(grads.get1()).toFloats());
        } finally {
            torch.globalContext().setUserEnabledMkldnn(true);
        }
    }

    private static float[] waves(int count, double phase) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) Math.sin(1.3 * i + phase);
        }
        return values;
    }

    private static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] all = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Largest absolute difference relative to the reference's largest magnitude (NaN when either has NaN). */
    private static double relativeError(float[] candidate, float[] reference) {
        double difference = 0;
        double scale = 0;
        for (int i = 0; i < reference.length; i++) {
            difference = Math.max(difference, Math.abs(candidate[i] - reference[i]));
            scale = Math.max(scale, Math.abs(reference[i]));
            if (Float.isNaN(candidate[i]) || Float.isNaN(reference[i])) {
                return Double.NaN;
            }
        }
        return difference / Math.max(scale, 1e-12);
    }
}
