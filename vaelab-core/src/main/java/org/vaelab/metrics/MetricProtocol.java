package org.vaelab.metrics;

import java.util.Collection;
import java.util.Objects;

/** The protocols of all metrics together; {@link #DLIB} holds disentanglement_lib's defaults. */
public record MetricProtocol(BetaVaeProtocol betaVae, FactorVaeProtocol factorVae, MigProtocol mig, DciProtocol dci,
                             SapProtocol sap, ModularityProtocol modularity, SparsityProtocol sparsity) {

    public static final MetricProtocol DLIB = new MetricProtocol(BetaVaeProtocol.DEFAULT, FactorVaeProtocol.DEFAULT,
            MigProtocol.DEFAULT, DciProtocol.DEFAULT, SapProtocol.DEFAULT, ModularityProtocol.DEFAULT,
            SparsityProtocol.DEFAULT);

    public MetricProtocol {
        Objects.requireNonNull(betaVae, "betaVae");
        Objects.requireNonNull(factorVae, "factorVae");
        Objects.requireNonNull(mig, "mig");
        Objects.requireNonNull(dci, "dci");
        Objects.requireNonNull(sap, "sap");
        Objects.requireNonNull(modularity, "modularity");
        Objects.requireNonNull(sparsity, "sparsity");
    }

    public MetricProtocol withBetaVae(BetaVaeProtocol p) {
        return new MetricProtocol(p, factorVae, mig, dci, sap, modularity, sparsity);
    }

    public MetricProtocol withFactorVae(FactorVaeProtocol p) {
        return new MetricProtocol(betaVae, p, mig, dci, sap, modularity, sparsity);
    }

    public MetricProtocol withMig(MigProtocol p) {
        return new MetricProtocol(betaVae, factorVae, p, dci, sap, modularity, sparsity);
    }

    public MetricProtocol withDci(DciProtocol p) {
        return new MetricProtocol(betaVae, factorVae, mig, p, sap, modularity, sparsity);
    }

    public MetricProtocol withSap(SapProtocol p) {
        return new MetricProtocol(betaVae, factorVae, mig, dci, p, modularity, sparsity);
    }

    public MetricProtocol withModularity(ModularityProtocol p) {
        return new MetricProtocol(betaVae, factorVae, mig, dci, sap, p, sparsity);
    }

    public MetricProtocol withSparsity(SparsityProtocol p) {
        return new MetricProtocol(betaVae, factorVae, mig, dci, sap, modularity, p);
    }

    /** Training codes the array metrics among {@code names} need: the caller samples this many. */
    public int trainPointsNeeded(Collection<MetricName> names) {
        int needed = 0;
        for (MetricName name : names) {
            needed = Math.max(needed, switch (name) {
                case MIG -> mig.numTrain();
                case DCI -> dci.numTrain();
                case SAP -> sap.numTrain();
                case MODULARITY -> modularity.numTrain();
                case SPARSITY -> sparsity.numPoints();
                case BETA_VAE, FACTOR_VAE -> 0;
            });
        }
        return needed;
    }

    /** Held-out codes the array metrics among {@code names} need. */
    public int testPointsNeeded(Collection<MetricName> names) {
        int needed = 0;
        for (MetricName name : names) {
            needed = Math.max(needed, switch (name) {
                case DCI -> dci.numTest();
                case SAP -> sap.numTest();
                case MODULARITY -> modularity.numTest();
                case MIG, SPARSITY, BETA_VAE, FACTOR_VAE -> 0;
            });
        }
        return needed;
    }
}
