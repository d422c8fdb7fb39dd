package org.vaelab.tensor;

import org.bytedeco.pytorch.global.torch.ScalarType;

import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * A float tensor with autograd, the one type model code sees. It wraps a libtorch tensor; the native memory
 * belongs to the innermost open {@link Scope} (or lives until the process ends when created outside any scope,
 * which is right for parameters and long-lived data only).
 */
public final class Tensor {
    final org.bytedeco.pytorch.Tensor t;

    Tensor(org.bytedeco.pytorch.Tensor t) {
        this.t = t;
    }

    // ---- creation -------------------------------------------------------------------------------

    /** Copies {@code data} into a new tensor of the given shape. */
    public static Tensor of(float[] data, long... shape) {
        long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, got " + data.length);
        }
        try (FloatPointer p = new FloatPointer(data)) {
            return new Tensor(torch.from_blob(p, shape).clone());
        }
    }

    /** Copies the first {@code count} values of {@code data}, for reusable host buffers. */
    public static Tensor ofPrefix(float[] data, int count, long... shape) {
        try (FloatPointer p = new FloatPointer(count)) {
            p.put(data, 0, count);
            return new Tensor(torch.from_blob(p, shape).clone());
        }
    }

    public static Tensor scalar(double value) {
        return new Tensor(torch.full(new long[] {}, new Scalar(value)));
    }

    public static Tensor zeros(long... shape) {
        return new Tensor(torch.zeros(shape));
    }

    public static Tensor full(double value, long... shape) {
        return new Tensor(torch.full(shape, new Scalar(value)));
    }

    /** The n x n identity matrix. */
    public static Tensor eye(long n) {
        return new Tensor(torch.eye(n));
    }

    /** Standard normal samples from the engine's generator (see {@link Engine#seed}). */
    public static Tensor randn(long... shape) {
        return new Tensor(torch.randn(shape));
    }

    /** Uniform samples on [0, 1). */
    public static Tensor rand(long... shape) {
        return new Tensor(torch.rand(shape));
    }

    /** Uniform samples on [low, high). */
    public static Tensor uniform(double low, double high, long... shape) {
        return rand(shape).mul(high - low).add(low);
    }

    /** Independent 0/1 draws with probabilities given by this tensor. */
    public Tensor bernoulli() {
        return new Tensor(t.bernoulli());
    }

    public static Tensor cat(int dim, Tensor... parts) {
        TensorVector v = new TensorVector();
        for (Tensor p : parts) {
            v.push_back(p.t);
        }
        return new Tensor(torch.cat(v, dim));
    }

    // ---- shape ----------------------------------------------------------------------------------

    public long[] shape() {
        long[] s = new long[(int) t.dim()];
        for (int i = 0; i < s.length; i++) {
            s[i] = t.size(i);
        }
        return s;
    }

    public long size(int dim) {
        return t.size(dim < 0 ? dim + t.dim() : dim);
    }

    public int rank() {
        return (int) t.dim();
    }

    public long numel() {
        return t.numel();
    }

    public Tensor reshape(long... shape) {
        return new Tensor(t.reshape(shape));
    }

    /** Keeps the first dimension and flattens the rest: [B, ...] to [B, prod(...)]. */
    public Tensor flattenBatch() {
        return new Tensor(t.flatten(1, -1));
    }

    public Tensor unsqueeze(int dim) {
        return new Tensor(t.unsqueeze(dim));
    }

    public Tensor squeeze(int dim) {
        return new Tensor(t.squeeze(dim));
    }

    public Tensor expand(long... shape) {
        return new Tensor(t.expand(shape));
    }

    public Tensor transpose(int a, int b) {
        return new Tensor(t.transpose(a, b));
    }

    /** Elements {@code start .. start+length-1} along {@code dim}, sharing storage. */
    public Tensor narrow(int dim, long start, long length) {
        return new Tensor(t.narrow(dim, start, length));
    }

    /** Index {@code index} along {@code dim}, which is removed. */
    public Tensor select(int dim, long index) {
        return new Tensor(t.select(dim, index));
    }

    /** Rows of dimension 0 picked by {@code indices}. */
    public Tensor rows(long[] indices) {
        try (LongPointer p = new LongPointer(indices)) {
            org.bytedeco.pytorch.Tensor idx = torch.from_blob(p, new long[] {indices.length},
                    new org.bytedeco.pytorch.TensorOptions(ScalarType.Long)).clone();
            return new Tensor(t.index_select(0, idx));
        }
    }

    // ---- arithmetic (broadcasting) --------------------------------------------------------------

    public Tensor add(Tensor o) {
        return new Tensor(t.add(o.t));
    }

    public Tensor add(double c) {
        return new Tensor(t.add(new Scalar(c)));
    }

    public Tensor sub(Tensor o) {
        return new Tensor(t.sub(o.t));
    }

    public Tensor sub(double c) {
        return new Tensor(t.sub(new Scalar(c)));
    }

    public Tensor mul(Tensor o) {
        return new Tensor(t.mul(o.t));
    }

    public Tensor mul(double c) {
        return new Tensor(t.mul(new Scalar(c)));
    }

    public Tensor div(Tensor o) {
        return new Tensor(t.div(o.t));
    }

    public Tensor div(double c) {
        return new Tensor(t.div(new Scalar(c)));
    }

    public Tensor neg() {
        return new Tensor(t.neg());
    }

    public Tensor pow(double p) {
        return new Tensor(t.pow(new Scalar(p)));
    }

    public Tensor matmul(Tensor o) {
        return new Tensor(t.matmul(o.t));
    }

    public Tensor maximum(Tensor o) {
        return new Tensor(t.maximum(o.t));
    }

    public Tensor clamp(double min, double max) {
        return new Tensor(t.clamp_min(new Scalar(min)).clamp_max(new Scalar(max)));
    }

    public Tensor clampMin(double min) {
        return new Tensor(t.clamp_min(new Scalar(min)));
    }

    /** Elementwise choice: this where {@code condition} holds, else {@code other}. */
    public Tensor where(Tensor condition, Tensor other) {
        return new Tensor(t.where(condition.t, other.t));
    }

    /**
     * The same values in float64: every method works on the result (libtorch keeps the dtype; {@link #toFloat()}
     * converts back). For sums whose terms cancel, such as an expanded square.
     */
    public Tensor toDouble() {
        return new Tensor(t.to(ScalarType.Double));
    }

    /** Converts a boolean (comparison) result to 0/1 floats. */
    public Tensor toFloat() {
        return new Tensor(t.to(ScalarType.Float));
    }

    public Tensor lessThan(double c) {
        return new Tensor(t.lt(new Scalar(c)));
    }

    public Tensor greaterThan(double c) {
        return new Tensor(t.gt(new Scalar(c)));
    }

    // ---- layers ---------------------------------------------------------------------------------

    /** x W^T + b for x of shape [..., in], W [out, in], b [out]. */
    public Tensor linear(Tensor weight, Tensor bias) {
        return new Tensor(torch.linear(t, weight.t, new org.bytedeco.pytorch.TensorOptional(bias.t)));
    }

    /** 2-d convolution of [B, C, H, W] input with weight [out, C, k, k] and bias [out]. */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        return new Tensor(CheckedConvolution.conv2d(t, weight.t, bias.t, stride, padding));
    }

    /** Rearranges [B, C*r*r, H, W] to [B, C, H*r, W*r] (sub-pixel upsampling, Shi et al. 2016). */
    public Tensor pixelShuffle(int factor) {
        return new Tensor(torch.pixel_shuffle(t, factor));
    }

    // ---- elementwise functions ------------------------------------------------------------------

    public Tensor exp() {
        return new Tensor(t.exp());
    }

    public Tensor log() {
        return new Tensor(t.log());
    }

    public Tensor log1p() {
        return new Tensor(t.log1p());
    }

    public Tensor floor() {
        return new Tensor(t.floor());
    }

    public Tensor sqrt() {
        return new Tensor(t.sqrt());
    }

    public Tensor square() {
        return new Tensor(torch.square(t));
    }

    public Tensor abs() {
        return new Tensor(t.abs());
    }

    public Tensor tanh() {
        return new Tensor(t.tanh());
    }

    public Tensor sigmoid() {
        return new Tensor(t.sigmoid());
    }

    public Tensor relu() {
        return new Tensor(t.relu());
    }

    public Tensor logSigmoid() {
        return new Tensor(torch.log_sigmoid(t));
    }

    public Tensor softplus() {
        return new Tensor(torch.softplus(t));
    }

    public Tensor lgamma() {
        return new Tensor(t.lgamma());
    }

    public Tensor cos() {
        return new Tensor(t.cos());
    }

    public Tensor sin() {
        return new Tensor(t.sin());
    }

    public Tensor logSoftmax(int dim) {
        return new Tensor(t.log_softmax(dim));
    }

    // ---- reductions -----------------------------------------------------------------------------

    public Tensor sum() {
        return new Tensor(t.sum());
    }

    public Tensor sum(int dim) {
        return new Tensor(t.sum(new long[] {dim}, false, new org.bytedeco.pytorch.ScalarTypeOptional()));
    }

    public Tensor mean() {
        return new Tensor(t.mean());
    }

    public Tensor mean(int dim) {
        return new Tensor(t.mean(new long[] {dim}, false, new org.bytedeco.pytorch.ScalarTypeOptional()));
    }

    /** Unbiased variance along {@code dim}. */
    public Tensor variance(int dim) {
        return new Tensor(t.var(new long[] {dim}, true, false));
    }

    public Tensor logSumExp(int dim) {
        return new Tensor(t.logsumexp(new long[] {dim}, false));
    }

    public Tensor max() {
        return new Tensor(t.max());
    }

    /**
     * 1 at the position of the largest value along {@code dim} and 0 elsewhere, same shape (the first of tied
     * maxima); no gradient path. With Gumbel noise added first, a draw from a categorical given its logits.
     */
    public Tensor oneHotArgmax(int dim) {
        org.bytedeco.pytorch.Tensor index = t.argmax(new org.bytedeco.pytorch.LongOptional(dim), true);
        return new Tensor(torch.zeros_like(t.detach()).scatter(dim, index, new Scalar(1.0)));
    }

    /** True when no element is NaN or infinite. */
    public boolean allFinite() {
        return t.isfinite().all().item_bool();
    }

    // ---- autograd -------------------------------------------------------------------------------

    public Tensor requiresGrad() {
        t.requires_grad_(true);
        return this;
    }

    public void backward() {
        t.backward();
    }

    /** The accumulated gradient, or null before the first backward pass. */
    public Tensor grad() {
        org.bytedeco.pytorch.Tensor g = t.grad();
        return g.defined() ? new Tensor(g) : null;
    }

    public Tensor detach() {
        return new Tensor(t.detach());
    }

    /** Copies {@code source}'s values into this tensor without recording the write for autograd. */
    public void assign(Tensor source) {
        try (NoGrad ignored = NoGrad.open()) {
            t.copy_(source.t);
        }
    }

    // ---- values ---------------------------------------------------------------------------------

    public double item() {
        return t.item_double();
    }

    /** All values in row-major order. */
    public float[] toFloats() {
        org.bytedeco.pytorch.Tensor c = t.detach().contiguous().to(ScalarType.Float);
        float[] out = new float[(int) c.numel()];
        new FloatPointer(c.data_ptr()).get(out);
        return out;
    }

    /** A [rows, cols] tensor as a Java matrix. */
    public float[][] toMatrix() {
        long[] s = shape();
        if (s.length != 2) {
            throw new IllegalStateException("expected a matrix, got shape " + Arrays.toString(s));
        }
        float[] flat = toFloats();
        float[][] out = new float[(int) s[0]][(int) s[1]];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(flat, i * out[i].length, out[i], 0, out[i].length);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape());
    }
}
