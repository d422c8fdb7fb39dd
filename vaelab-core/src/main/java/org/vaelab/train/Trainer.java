package org.vaelab.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaelab.model.ForwardPass;
import org.vaelab.model.VariationalAutoencoder;
import org.vaelab.objective.Loss;
import org.vaelab.objective.Objective;
import org.vaelab.tensor.Adam;
import org.vaelab.tensor.Engine;
import org.vaelab.tensor.Scope;
import org.vaelab.tensor.Tensor;

/**
 * The training loop: one step per batch, each inside its own native-memory scope, with listeners for everything
 * else. A step whose loss or any logged term is not finite is not applied: the loop stops with a
 * {@link TrainingDivergedException} naming the step and the term.
 */
public final class Trainer {
    private final VariationalAutoencoder model;
    private final Objective objective;
    private final Adam optimizer;
    private final BatchSource batches;
    private final long seed;
    private final int klEvery;
    private final List<TrainingListener> listeners;

    public Trainer(VariationalAutoencoder model, Objective objective, Adam optimizer, BatchSource batches,
                   long seed, int klEvery, List<TrainingListener> listeners) {
        this.model = model;
        this.objective = objective;
        this.optimizer = optimizer;
        this.batches = batches;
        this.seed = seed;
        this.klEvery = klEvery;
        this.listeners = List.copyOf(listeners);
    }

    /** Runs steps {@code startStep} .. {@code totalSteps - 1}. */
    public void run(long startStep, long totalSteps) {
        listeners.forEach(l -> l.onStart(startStep, totalSteps));
        for (long step = startStep; step < totalSteps; step++) {
            try (Scope ignored = Scope.open()) {
                StepRecord record = step(step);
                listeners.forEach(l -> l.onStep(record));
            }
        }
        listeners.forEach(l -> l.onEnd(totalSteps));
    }

    private StepRecord step(long step) {
        Engine.seed(StepSeeds.of(seed, step, StepSeeds.TENSOR_NOISE));
        long completed = step + 1;
        Tensor total;
        double totalValue;
        Map<String, Double> terms = new LinkedHashMap<>();
        double[] klPerDim = null;
        // The forward pass gets its own scope, closed before backward: vaelab's handles on activations go, so
        // backward frees each one once it has used it (as PyTorch does) instead of all at the end of the step.
        try (Scope forward = Scope.open()) {
            ForwardPass pass = model.forward(batches.batch(step));
            Loss loss = objective.evaluate(pass, step);
            totalValue = finite(completed, "loss", loss.total().item());
            for (Map.Entry<String, Tensor> term : loss.terms().entrySet()) {
                terms.put(term.getKey(), finite(completed, term.getKey(), term.getValue().item()));
            }
            boolean klDue = completed % klEvery == 0 || completed == 1;
            if (klDue && pass.kl().perDimension() != null) {
                float[] values = pass.kl().perDimension().detach().mean(0).toFloats();
                klPerDim = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    klPerDim[i] = values[i];
                }
            }
            total = forward.keep(loss.total());
        }
        optimizer.zeroGrad();
        total.backward();
        optimizer.step();
        return new StepRecord(completed, totalValue, terms, klPerDim);
    }

    private static double finite(long step, String term, double value) {
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(step, term, value);
        }
        return value;
    }
}
