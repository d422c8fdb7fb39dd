package org.vaelab.objective;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.vaelab.UserInputException;
import org.vaelab.dist.DiagonalGaussian;
import org.vaelab.dist.Density;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/**
 * beta-TCVAE (Chen et al. 2018, "Isolating Sources of Disentanglement in VAEs"). At the posterior sample z of
 * each example the single-sample KL splits into three parts,
 * <pre>
 *   log q(z|x) - log p(z) = [log q(z|x) - log q(z)]               index-code mutual information (mi)
 *                         + [log q(z) - log prod_j q(z_j)]        total correlation (tc)
 *                         + [log prod_j q(z_j) - log p(z)]        dimension-wise KL (dwkl)
 * </pre>
 * and the loss is -log p(x|z) + alpha * mi + beta * tc + gamma * dwkl, averaged over the batch. The aggregate
 * posterior q(z) = (1/N) sum_n q(z|x_n) over the N training examples, and its marginals q(z_j), are estimated
 * from the minibatch's own posteriors with the {@link Estimator}'s weights. The three terms add up to
 * log q(z|x) - log p(z) whatever the estimator, so alpha = beta = gamma = 1 is the plain (Monte-Carlo KL)
 * negative ELBO. "kl" is logged as the model's usual KL (closed form where known) for comparison with other
 * objectives.
 */
public final class BetaTcvae implements Objective {

    /** How the minibatch stands in for the whole dataset in q(z) = (1/N) sum_n q(z|x_n). */
    public enum Estimator {
        /**
         * Minibatch weighted sampling (the paper's main-text estimator): every one of the B posteriors weighs
         * 1/(N B). Its expectation is below q(z): each log-density comes out between log B too low (when a
         * sample's own posterior dominates the sum) and log N too low (when the batch resolves the aggregate, so
         * that (1/B) sum_j q(z|x_j) is already about q(z)). With d latent dimensions, tc is then offset by up to
         * (d - 1) log N, mi by up to +log N and dwkl by up to -d log N; they still add up to the KL. The paper
         * trains with it, but the logged terms are not the true ones: read them from MSS or the whole-dataset
         * decomposition (org.vaelab.eval.KlDecomposition).
         */
        MWS,
        /**
         * Minibatch stratified sampling (the paper's appendix): for the sample z_i drawn from q(z|x_i), its own
         * posterior weighs 1/N, one other batch member (x_{i+1 mod B} here; the batch is in random order)
         * weighs (N - M) / (N M), and the remaining M - 1 weigh 1/M, with M = B - 1. Each row sums to 1, so the
         * estimate of q(z) is consistent and the logged terms are near their true values for large batches.
         * (The authors' code builds this matrix with a stride of B instead of B + 1, which fills columns 0 and 1
         * instead of the diagonal; this is the matrix their appendix derives.)
         */
        MSS;

        public static Estimator parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "mws" -> MWS;
                case "mss" -> MSS;
                default -> throw new UserInputException("--estimator must be mss or mws, got '" + name + "'");
            };
        }

        /**
         * Log-weights [B, B]: row i is the sample z_i drawn from q(z|x_i), column j the posterior q(.|x_j);
         * log q(z_i) is estimated as logsumexp_j (w_ij + log q(z_i|x_j)).
         */
        public Tensor logWeights(int batch, long datasetSize) {
            float[] w = new float[batch * batch];
            if (this == MWS || batch == 1) {
                java.util.Arrays.fill(w, (float) -Math.log((double) datasetSize * batch));
                return Tensor.of(w, batch, batch);
            }
            double m = batch - 1;
            float others = (float) -Math.log(m);
            float own = (float) -Math.log(datasetSize);
            float stratum = (float) Math.log((datasetSize - m) / (datasetSize * m));
            java.util.Arrays.fill(w, others);
            for (int i = 0; i < batch; i++) {
                w[i * batch + i] = own;
                w[i * batch + (i + 1) % batch] = stratum;
            }
            return Tensor.of(w, batch, batch);
        }
    }

    /** The three parts of log q(z|x) - log p(z) per example, each of shape [B]. */
    public record Terms(Tensor mi, Tensor tc, Tensor dwkl) {
    }

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final Estimator estimator;
    private final long datasetSize;

    /**
     * @param datasetSize N, the number of training examples the aggregate posterior averages over
     */
    public BetaTcvae(double alpha, double beta, double gamma, Estimator estimator, long datasetSize) {
        this.alpha = checkWeight("--alpha", alpha);
        this.beta = checkWeight("--beta", beta);
        this.gamma = checkWeight("--gamma", gamma);
        if (datasetSize < 1) {
            throw new IllegalArgumentException("the dataset size must be at least 1, got " + datasetSize);
        }
        this.estimator = estimator;
        this.datasetSize = datasetSize;
    }

    private static double checkWeight(String flag, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UserInputException(flag + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    public Estimator estimator() {
        return estimator;
    }

    @Override
    public Loss evaluate(ForwardPass pass, long step) {
        if (!(pass.posterior() instanceof DiagonalGaussian posterior)) {
            throw new UserInputException("--model beta-tcvae needs a diagonal Gaussian posterior (its estimator reads "
                    + "q(z_j|x) per dimension), got " + pass.posterior().getClass().getSimpleName());
        }
        Terms parts = decompose(posterior, pass.z(), pass.prior());
        Tensor recon = pass.logLikelihood().mean().neg();
        Tensor regulariser = parts.mi().mul(alpha).add(parts.tc().mul(beta)).add(parts.dwkl().mul(gamma)).mean();
        Map<String, Tensor> terms = new LinkedHashMap<>();
        terms.put("recon", recon);
        terms.put("kl", pass.kl().total().mean());
        terms.put("mi", parts.mi().mean());
        terms.put("tc", parts.tc().mean());
        terms.put("dwkl", parts.dwkl().mean());
        return new Loss(recon.add(regulariser), terms);
    }

    /** Splits log q(z|x) - log p(z) at the batch's samples z [B, d] (z_i drawn from the i-th posterior). */
    public Terms decompose(DiagonalGaussian posterior, Tensor z, Density prior) {
        int batch = (int) z.size(0);
        if (batch > datasetSize) {
            throw new UserInputException("--batch " + batch + " is larger than the dataset (" + datasetSize
                    + " examples) that beta-tcvae's aggregate posterior averages over; choose a smaller batch");
        }
        // [i, j, k] = log q(z_ik | x_j): every sample under every posterior of the batch, per dimension.
        Tensor pairwise = new DiagonalGaussian(posterior.mean().unsqueeze(0), posterior.logVar().unsqueeze(0))
                .logProbPerDim(z.unsqueeze(1));
        Tensor logWeights = estimator.logWeights(batch, datasetSize);
        Tensor logQz = pairwise.sum(2).add(logWeights).logSumExp(1);
        Tensor logProductOfMarginals = pairwise.add(logWeights.unsqueeze(2)).logSumExp(1).sum(1);
        Tensor logQzGivenX = posterior.logProb(z);
        Tensor logPz = prior.logProb(z);
        return new Terms(logQzGivenX.sub(logQz), logQz.sub(logProductOfMarginals), logProductOfMarginals.sub(logPz));
    }
}
