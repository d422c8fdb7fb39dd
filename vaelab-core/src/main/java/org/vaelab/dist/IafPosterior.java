package org.vaelab.dist;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.vaelab.UserInputException;
import org.vaelab.nn.Made;
import org.vaelab.tensor.NoGrad;
import org.vaelab.tensor.ParameterSet;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * The inverse-autoregressive-flow posterior of Kingma et al. 2016. z_0 = mu + sigma * eps with mu, sigma and a
 * context h from the encoder; then T steps of the numerically stable gated form
 * <pre>  (m_t, s_t) = MADE_t(z_t-1, h),  g_t = sigmoid(s_t + 2),  z_t = g_t * z_t-1 + (1 - g_t) * m_t</pre>
 * with orderings alternating between steps. Each step's Jacobian is triangular with diagonal g_t, so at the sample
 * log q(z_T | x) = log N(z_0; mu, sigma^2) - sum_t sum_i log g_t,i, computed alongside it for free. The +2 starts
 * the gates near 0.88, so each step begins close to the identity (the paper: s_t initially near +1 or +2).
 *
 * <p>log q at an arbitrary z needs the flow inverted, which is sequential. So the distribution remembers the
 * samples it drew ({@link #rsample()}, {@link #rsample(long)}, {@link #mean()}) with their log q, and
 * {@link #logProb} given one of those same tensor objects returns the remembered value, with its gradient. That is
 * exactly how {@code VariationalAutoencoder.forward} (through the Monte-Carlo KL) and the Evaluator's IWAE ask, so
 * both work unchanged. Any other z is inverted exactly by d fixed-point passes per step, without gradient.
 */
public final class IafPosterior implements Distribution {
    /** Added to s_t before the sigmoid so the gates start near 1 and each step near the identity. */
    static final double GATE_BIAS = 2.0;
    /** Recent draws kept for logProb: the callers ask right after sampling. */
    private static final int REMEMBERED = 4;

    /** A sample with its log-density under this posterior, shape [..., d] and [...]. */
    public record Draw(Tensor z, Tensor logProb) {
    }

    private final Flow flow;
    private final Tensor mean;
    private final Tensor logVar;
    private final Tensor context;
    private final Deque<Draw> remembered = new ArrayDeque<>();

    private IafPosterior(Flow flow, Tensor mean, Tensor logVar, Tensor context) {
        this.flow = flow;
        this.mean = mean;
        this.logVar = logVar;
        this.context = context;
    }

    /** The base Gaussian q(z_0 | x). */
    public DiagonalGaussian base() {
        return new DiagonalGaussian(mean, logVar);
    }

    /** A reparameterised sample [B, d] with its log q [B]. */
    public Draw draw() {
        return push(through(Tensor.randn(mean.shape())));
    }

    /** {@code count} reparameterised samples [count, B, d] with their log q [count, B]. */
    public Draw draw(long count) {
        long[] s = mean.shape();
        long[] withCount = new long[s.length + 1];
        withCount[0] = count;
        System.arraycopy(s, 0, withCount, 1, s.length);
        return push(through(Tensor.randn(withCount)));
    }

    @Override
    public Tensor rsample() {
        return draw().z();
    }

    @Override
    public Tensor rsample(long count) {
        return draw(count).z();
    }

    @Override
    public Tensor sample() {
        return rsample().detach();
    }

    /**
     * The flow applied to the base mean (eps = 0): a representative code, not E[z], which has no closed form.
     * Its log q is remembered like a sample's.
     */
    @Override
    public Tensor mean() {
        return push(through(Tensor.zeros(mean.shape()))).z();
    }

    /** log q(z | x): remembered for this posterior's own samples, otherwise by exact inversion (no gradient). */
    @Override
    public Tensor logProb(Tensor value) {
        for (Draw draw : remembered) {
            if (draw.z() == value) {
                return draw.logProb();
            }
        }
        return logProbByInversion(value);
    }

    /** log q at any z [..., d] by running the flow backwards, d fixed-point passes per step; no gradient path. */
    public Tensor logProbByInversion(Tensor value) {
        try (NoGrad ignored = NoGrad.open()) {
            Tensor z = value;
            Tensor logGateSum = Tensor.zeros(value.shape()).sum(-1);
            for (int t = flow.steps.size() - 1; t >= 0; t--) {
                Made step = flow.steps.get(t);
                Tensor target = z;
                // z_t = g(y) y + (1 - g(y)) m(y) solved for y; entry i of g and m reads y's earlier entries only.
                Tensor y = target.mul(1.0);
                for (int pass = 0; pass < flow.dim; pass++) {
                    try (Scope scope = Scope.open()) {
                        Made.Output out = step.forward(y, context);
                        Tensor gate = out.logScale().add(GATE_BIAS).sigmoid();
                        y.assign(target.sub(gate.neg().add(1).mul(out.shift())).div(gate));
                    }
                }
                Made.Output out = step.forward(y, context);
                logGateSum = logGateSum.add(out.logScale().add(GATE_BIAS).logSigmoid().sum(-1));
                z = y;
            }
            return base().logProb(z).sub(logGateSum);
        }
    }

    private Draw through(Tensor eps) {
        Tensor std = logVar.mul(0.5).exp();
        Tensor z = mean.add(std.mul(eps));
        Tensor logQ = eps.square().add(logVar).add(DiagonalGaussian.LOG_2PI).mul(-0.5).sum(-1);
        for (Made step : flow.steps) {
            Made.Output out = step.forward(z, context);
            Tensor s = out.logScale().add(GATE_BIAS);
            Tensor gate = s.sigmoid();
            z = gate.mul(z).add(gate.neg().add(1).mul(out.shift()));
            logQ = logQ.sub(s.logSigmoid().sum(-1));
        }
        return new Draw(z, logQ);
    }

    private Draw push(Draw draw) {
        remembered.addFirst(draw);
        while (remembered.size() > REMEMBERED) {
            remembered.removeLast();
        }
        return draw;
    }

    /**
     * The learnable steps, built once with the model; {@link #posterior} makes the per-batch distribution. The
     * encoder network emits [B, 2d + contextDim]: means, log-variances, then the context h.
     */
    public static final class Flow {
        private final int dim;
        private final int contextDim;
        private final List<Made> steps = new ArrayList<>();

        /**
         * @param steps      T >= 0 IAF steps (0 leaves the diagonal Gaussian, still with Monte-Carlo KL)
         * @param hidden     MADE hidden widths per step
         * @param contextDim width of the encoder's context h fed to every step (0 for none)
         */
        public Flow(ParameterSet parameters, String name, int dim, int steps, int[] hidden, int contextDim) {
            if (steps < 0) {
                throw new UserInputException("--iaf-steps must be at least 0, got " + steps);
            }
            if (dim < 1 || contextDim < 0) {
                throw new IllegalArgumentException("need dim >= 1 and contextDim >= 0");
            }
            this.dim = dim;
            this.contextDim = contextDim;
            ParameterSet own = parameters.child(name);
            int[] ordering = Made.naturalOrdering(dim);
            for (int t = 0; t < steps; t++) {
                this.steps.add(new Made(own, "step" + t, ordering, hidden, contextDim));
                ordering = Made.reversed(ordering);
            }
        }

        /** Width the encoder network must emit: 2d + contextDim. */
        public int networkOutputs() {
            return 2 * dim + contextDim;
        }

        public int steps() {
            return steps.size();
        }

        /** Splits an encoder output [B, 2d + contextDim] into mean, log-variance and context. */
        public IafPosterior fromNetworkOutput(Tensor output) {
            int last = output.rank() - 1;
            Tensor context = contextDim > 0 ? output.narrow(last, 2L * dim, contextDim) : null;
            return posterior(output.narrow(last, 0, dim), output.narrow(last, dim, dim), context);
        }

        /** {@code context} may be null only when the flow was built with contextDim 0. */
        public IafPosterior posterior(Tensor mean, Tensor logVar, Tensor context) {
            if ((context == null) != (contextDim == 0)) {
                throw new IllegalArgumentException("context must be given exactly when contextDim > 0");
            }
            return new IafPosterior(this, mean, logVar, context);
        }
    }
}
