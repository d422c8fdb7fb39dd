package org.vaelab.objective;

import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * Squared maximum mean discrepancy between the batch's codes z ~ q(z) and as many fresh prior samples, by the
 * unbiased estimator of Gretton et al. 2012:
 * sum_{i != j} [k(x_i, x_j)] / (n (n-1)) + sum_{i != j} [k(y_i, y_j)] / (m (m-1)) - 2 sum_{i,j} k(x_i, y_j) / (n m).
 * Dropping the diagonals removes the positive bias of the plain average, so the estimate is centred on 0 (and may
 * dip below it) when both samples come from the same distribution.
 */
public final class Mmd implements Divergence {
    private final MmdKernel kernel;

    public Mmd(MmdKernel kernel) {
        this.kernel = kernel;
    }

    /** --divergence mmd-imq: Mathieu et al. 2019's per-dimension IMQ kernel. */
    public static Mmd perDimensionImq() {
        return new Mmd(new PerDimensionImqKernel());
    }

    /** The WAE's IMQ kernel on whole codes, for a prior with variance {@code priorVariance} per dimension. */
    public static Mmd imq(double priorVariance) {
        return new Mmd(new ImqKernel(priorVariance));
    }

    /** --divergence mmd-rbf: the Gaussian kernel of InfoVAE. */
    public static Mmd rbf(double priorVariance) {
        return new Mmd(new RbfKernel(priorVariance));
    }

    public MmdKernel kernel() {
        return kernel;
    }

    /** MMD between the codes z [B, d] and B samples of the prior (reparameterised where the prior allows). */
    @Override
    public Tensor estimate(ForwardPass pass) {
        Tensor codes = pass.z();
        return between(codes, pass.prior().sample(codes.size(0)));
    }

    /** The unbiased squared MMD between samples x [n, d] and y [m, d], n and m at least 2. */
    public Tensor between(Tensor x, Tensor y) {
        long n = x.size(0);
        long m = y.size(0);
        if (n < 2 || m < 2) {
            throw new IllegalArgumentException("the unbiased MMD needs at least 2 samples a side, got " + n + " and " + m);
        }
        Tensor within = offDiagonalMean(kernel.matrix(x, x), n).add(offDiagonalMean(kernel.matrix(y, y), m));
        return within.sub(kernel.matrix(x, y).mean().mul(2));
    }

    /**
     * The same estimate for samples too large for whole kernel matrices (evaluation over thousands of codes): rows
     * in blocks, each block's temporaries freed before the next. No gradient; call under NoGrad.
     */
    public double betweenInBlocks(Tensor x, Tensor y) {
        long n = x.size(0);
        long m = y.size(0);
        if (n < 2 || m < 2) {
            throw new IllegalArgumentException("the unbiased MMD needs at least 2 samples a side, got " + n + " and " + m);
        }
        double xx = (sum(x, x) - diagonalSum(x)) / ((double) n * (n - 1));
        double yy = (sum(y, y) - diagonalSum(y)) / ((double) m * (m - 1));
        return xx + yy - 2 * sum(x, y) / ((double) n * m);
    }

    /** Rows per block: about a million kernel entries per coordinate-wise temporary. */
    private static long blockRows(Tensor a, Tensor b) {
        return Math.max(1, BLOCK_ENTRIES / (b.size(0) * a.size(1)));
    }

    private static final long BLOCK_ENTRIES = 1L << 20;

    /** sum_{i, j} k(a_i, b_j). */
    private double sum(Tensor a, Tensor b) {
        double total = 0;
        long block = blockRows(a, b);
        for (long start = 0; start < a.size(0); start += block) {
            try (Scope scope = Scope.open()) {
                total += kernel.matrix(a.narrow(0, start, Math.min(block, a.size(0) - start)), b).sum().item();
            }
        }
        return total;
    }

    /** sum_i k(a_i, a_i). */
    private double diagonalSum(Tensor a) {
        double total = 0;
        long block = blockRows(a, a);
        for (long start = 0; start < a.size(0); start += block) {
            try (Scope scope = Scope.open()) {
                long rows = Math.min(block, a.size(0) - start);
                Tensor rowsOfA = a.narrow(0, start, rows);
                total += kernel.matrix(rowsOfA, rowsOfA).mul(Tensor.eye(rows)).sum().item();
            }
        }
        return total;
    }

    private static Tensor offDiagonalMean(Tensor square, long n) {
        Tensor offDiagonal = Tensor.eye(n).neg().add(1);
        return square.mul(offDiagonal).sum().div((double) n * (n - 1));
    }
}
