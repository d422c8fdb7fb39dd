package org.vaelab.objective;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaelab.model.ForwardPass;
import org.vaelab.tensor.Tensor;

/** The plain autoencoder's loss: -log p(x | z) at the deterministic code; the KL is logged, not trained. */
public final class Reconstruction implements Objective {
    @Override
    public Loss evaluate(ForwardPass pass, long step) {
        Tensor recon = pass.logLikelihood().mean().neg();
        Map<String, Tensor> terms = new LinkedHashMap<>();
        terms.put("recon", recon);
        terms.put("kl", pass.kl().total().mean().detach());
        return new Loss(recon, terms);
    }
}
