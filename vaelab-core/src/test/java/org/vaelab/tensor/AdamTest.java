package org.vaelab.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.TensorVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fused Adam against libtorch's torch::optim::Adam: same trajectory, same skipping rule, same saved state. */
class AdamTest {
    private static final double LR = 0.01;
    private static final float TOLERANCE = 1e-5f;

    @TempDir
    Path dir;

    @Test
    void followsLibtorchAdamStepForStep() {
        ParameterSet fused = parameters();
        ParameterSet reference = parameters();
        Adam adam = new Adam(fused, LR);
        org.bytedeco.pytorch.Adam libtorch = libtorchAdam(reference);
        for (int step = 1; step <= 30; step++) {
            stepBoth(adam, fused, libtorch, reference, step, false);
        }
        assertClose(fused, reference);
        // 30 steps of 0.01 moved the parameters well beyond the tolerance: the comparison means something.
        assertThat(Math.abs(fused.all().get(0).toFloats()[0] - parameters().all().get(0).toFloats()[0]))
                .isGreaterThan(0.1f);
    }

    @Test
    void leavesParametersWithoutGradientsAloneAsLibtorchDoes() {
        ParameterSet fused = parameters();
        ParameterSet reference = parameters();
        Adam adam = new Adam(fused, LR);
        org.bytedeco.pytorch.Adam libtorch = libtorchAdam(reference);
        for (int step = 1; step <= 12; step++) {
            stepBoth(adam, fused, libtorch, reference, step, step <= 6);
            if (step == 6) {
                assertThat(fused.all().get(1).toFloats()).containsExactly(parameters().all().get(1).toFloats());
            }
        }
        // The second tensor's bias correction must count its own 6 steps, not the first tensor's 12.
        assertClose(fused, reference);
    }

    @Test
    void zeroGradDropsGradients() {
        ParameterSet set = parameters();
        Adam adam = new Adam(set, LR);
        backward(set, 1, false);
        assertThat(set.all().get(0).t.grad().defined()).isTrue();
        adam.zeroGrad();
        assertThat(set.all()).allSatisfy(p -> assertThat(p.t.grad().defined()).isFalse());
    }

    @Test
    void resumesFromItsOwnSavedStateAndFromLibtorchAdamState() {
        ParameterSet fused = parameters();
        ParameterSet reference = parameters();
        Adam adam = new Adam(fused, LR);
        org.bytedeco.pytorch.Adam libtorch = libtorchAdam(reference);
        for (int step = 1; step <= 5; step++) {
            stepBoth(adam, fused, libtorch, reference, step, step > 3);
        }
        adam.save(dir.resolve("fused.pt"));
        OutputArchive archive = new OutputArchive();
        libtorch.save(archive);
        archive.save_to(dir.resolve("libtorch.pt").toString());

        for (String file : List.of("fused.pt", "libtorch.pt")) {
            ParameterSet resumed = copyOf(fused);
            Adam loaded = new Adam(resumed, LR);
            loaded.load(dir.resolve(file));
            ParameterSet continued = copyOf(reference);
            org.bytedeco.pytorch.Adam going = libtorchAdam(continued);
            InputArchive in = new InputArchive();
            in.load_from(dir.resolve("libtorch.pt").toString());
            going.load(in);
            for (int step = 6; step <= 10; step++) {
                stepBoth(loaded, resumed, going, continued, step, false);
            }
            assertClose(resumed, continued);
        }
    }

    @Test
    void refusesStateForADifferentModel() {
        Adam adam = new Adam(parameters(), LR);
        adam.save(dir.resolve("two.pt"));
        ParameterSet three = parameters();
        three.parameter("c", Tensor.zeros(2));
        assertThatThrownBy(() -> new Adam(three, LR).load(dir.resolve("two.pt")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 parameter tensors, but the model has 3");
    }

    private static ParameterSet parameters() {
        Engine.seed(7);
        ParameterSet set = new ParameterSet();
        set.parameter("weight", Tensor.randn(3, 4));
        set.parameter("bias", Tensor.randn(5));
        return set;
    }

    private static ParameterSet copyOf(ParameterSet source) {
        ParameterSet set = new ParameterSet();
        set.parameter("weight", source.all().get(0).detach());
        set.parameter("bias", source.all().get(1).detach());
        return set;
    }

    private static org.bytedeco.pytorch.Adam libtorchAdam(ParameterSet set) {
        TensorVector list = new TensorVector();
        set.all().forEach(p -> list.push_back(p.t));
        return new org.bytedeco.pytorch.Adam(list, new AdamOptions(LR));
    }

    /** One training step of each optimizer on the same loss. */
    private static void stepBoth(Adam fused, ParameterSet fusedParameters, org.bytedeco.pytorch.Adam libtorch,
            ParameterSet libtorchParameters, int step, boolean firstOnly) {
        fused.zeroGrad();
        backward(fusedParameters, step, firstOnly);
        fused.step();
        libtorch.zero_grad();
        backward(libtorchParameters, step, firstOnly);
        libtorch.step();
    }

    /** Gradients of sum((p - t)^2 * (1 + p^2)) with a target t that moves with the step, for one or all tensors. */
    private static void backward(ParameterSet set, int step, boolean firstOnly) {
        try (Scope ignored = Scope.open()) {
            Tensor loss = Tensor.scalar(0);
            for (Tensor p : firstOnly ? set.all().subList(0, 1) : set.all()) {
                Tensor target = Tensor.full(0.2 * Math.sin(step), p.shape());
                loss = loss.add(p.sub(target).square().mul(p.square().add(1)).sum());
            }
            loss.backward();
        }
    }

    private static void assertClose(ParameterSet actual, ParameterSet expected) {
        for (int i = 0; i < expected.all().size(); i++) {
            float[] a = actual.all().get(i).toFloats();
            float[] e = expected.all().get(i).toFloats();
            assertThat(a).hasSameSizeAs(e);
            for (int j = 0; j < e.length; j++) {
                assertThat(a[j]).as("tensor %d element %d", i, j).isCloseTo(e[j], within(TOLERANCE));
            }
        }
    }
}
