package org.vaelab.objective;

import org.vaelab.UserInputException;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/**
 * A divergence D(q(z), p(z)) between the aggregate posterior q(z) = E_x[q(z|x)], represented by one batch, and
 * the prior: the term Mathieu et al. 2019 add to the ELBO to impose the prior's structure on the whole code
 * distribution rather than on each q(z|x).
 */
public interface Divergence {

    /** A scalar estimate from one forward pass (its codes z, its posteriors q(z|x_i) and its prior). */
    Tensor estimate(ForwardPass pass);

    /** The divergence --divergence names: mmd-imq, mmd-rbf or kl-inc. */
    static Divergence named(String name) {
        return switch (name) {
            case "mmd-imq" -> Mmd.perDimensionImq();
            case "mmd-rbf" -> Mmd.rbf(1.0);
            case "kl-inc" -> new InclusiveKl();
            default -> throw new UserInputException("unknown --divergence '" + name
                    + "'; choose mmd-imq, mmd-rbf or kl-inc");
        };
    }
}
