package org.vaelab.tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Dispatcher;
import org.bytedeco.pytorch.GenericList;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.OperatorHandle;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorType;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.global.torch;

/**
 * Adam (Kingma and Ba 2015, with bias correction; betas 0.9 and 0.999, epsilon 1e-8) through libtorch's fused CPU
 * kernel, {@code aten::_fused_adam_}: one pass over each parameter's value, gradient and moments per step, where
 * torch::optim::Adam makes a pass for each arithmetic op (for the MLP VAE, 1.3 instead of 1.9 ms a step;
 * docs/decisions/0006-fused-adam.md). Parameters without a gradient in a step are left alone, as
 * torch::optim::Adam does. The state is saved in torch::optim::Adam's archive layout, so checkpoints from before
 * this class load too.
 */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final List<org.bytedeco.pytorch.Tensor> parameters = new ArrayList<>();
    private final List<org.bytedeco.pytorch.Tensor> firstMoments = new ArrayList<>();
    private final List<org.bytedeco.pytorch.Tensor> secondMoments = new ArrayList<>();
    /** Steps taken per parameter, as the float scalars the kernel reads (torch.optim's state_steps). */
    private final List<org.bytedeco.pytorch.Tensor> stepCounts = new ArrayList<>();
    private final OperatorHandle fusedAdam;

    public Adam(ParameterSet parameters, double learningRate) {
        this.learningRate = learningRate;
        for (Tensor p : parameters.all()) {
            this.parameters.add(outliveScopes(new org.bytedeco.pytorch.Tensor(p.t)));
            firstMoments.add(outliveScopes(torch.zeros_like(p.t.detach())));
            secondMoments.add(outliveScopes(torch.zeros_like(p.t.detach())));
            stepCounts.add(outliveScopes(torch.zeros(new long[] {})));
        }
        this.fusedAdam = outliveScopes(Dispatcher.singleton().findSchemaOrThrow("aten::_fused_adam_", ""));
    }

    /** Drops every parameter's gradient (libtorch's zero_grad with set_to_none), so backward writes fresh ones. */
    public void zeroGrad() {
        for (org.bytedeco.pytorch.Tensor p : parameters) {
            p.mutable_grad().reset();
        }
    }

    public void step() {
        try (Scope ignored = Scope.open()) {
            GenericList params = tensorList();
            GenericList grads = tensorList();
            GenericList first = tensorList();
            GenericList second = tensorList();
            GenericList steps = tensorList();
            for (int i = 0; i < parameters.size(); i++) {
                org.bytedeco.pytorch.Tensor grad = parameters.get(i).grad();
                if (!grad.defined()) {
                    continue;
                }
                // The kernel reads the step count after this increment, as torch.optim's fused path does.
                stepCounts.get(i).add_(new Scalar(1.0));
                params.push_back(new IValue(parameters.get(i)));
                grads.push_back(new IValue(grad));
                first.push_back(new IValue(firstMoments.get(i)));
                second.push_back(new IValue(secondMoments.get(i)));
                steps.push_back(new IValue(stepCounts.get(i)));
            }
            if (params.empty()) {
                return;
            }
            IValueVector stack = new IValueVector();
            for (GenericList list : new GenericList[] {params, grads, first, second, tensorList(), steps}) {
                stack.push_back(new IValue(list));
            }
            for (double value : new double[] {learningRate, BETA1, BETA2, 0.0, EPSILON}) {
                stack.push_back(new IValue(value));
            }
            stack.push_back(new IValue(false)); // amsgrad
            stack.push_back(new IValue(false)); // maximize
            stack.push_back(new IValue()); // grad_scale
            stack.push_back(new IValue()); // found_inf
            fusedAdam.callBoxed(stack);
        }
    }

    /**
     * Writes the moment estimates and step counts, so a resumed run continues the same trajectory. The layout is
     * torch::optim::Adam's: a "state" archive per parameter key and the keys in order under "param_groups".
     */
    public void save(Path file) {
        try (Scope ignored = Scope.open()) {
            OutputArchive root = new OutputArchive();
            OutputArchive states = new OutputArchive();
            OutputArchive group = new OutputArchive();
            group.write("params/size", torch.tensor(parameters.size()));
            for (int i = 0; i < parameters.size(); i++) {
                String key = Integer.toString(i);
                group.write("params/" + i, new IValue(key));
                long step = (long) stepCounts.get(i).item_float();
                if (step > 0) {
                    OutputArchive state = new OutputArchive();
                    state.write("step", new IValue(step));
                    state.write("exp_avg", firstMoments.get(i));
                    state.write("exp_avg_sq", secondMoments.get(i));
                    states.write(key, state);
                }
            }
            OutputArchive groups = new OutputArchive();
            groups.write("param_groups/0", group);
            root.write("state", states);
            root.write("param_groups", groups);
            root.save_to(file.toString());
        }
    }

    /** Reads state written by {@link #save} or by torch::optim::Adam for the same parameters in the same order. */
    public void load(Path file) {
        try (Scope ignored = Scope.open()) {
            InputArchive root = new InputArchive();
            root.load_from(file.toString());
            InputArchive groups = new InputArchive();
            root.read("param_groups", groups);
            InputArchive group = new InputArchive();
            groups.read("param_groups/0", group);
            org.bytedeco.pytorch.Tensor size = new org.bytedeco.pytorch.Tensor();
            group.read("params/size", size);
            if (size.item_long() != parameters.size()) {
                throw new IllegalStateException("the optimizer state in " + file + " is for " + size.item_long()
                        + " parameter tensors, but the model has " + parameters.size());
            }
            InputArchive states = new InputArchive();
            root.read("state", states);
            for (int i = 0; i < parameters.size(); i++) {
                IValue key = new IValue();
                group.read("params/" + i, key);
                InputArchive state = new InputArchive();
                if (!states.try_read(key.toStringRef().getString(), state)) {
                    // No step taken for this parameter yet.
                    stepCounts.get(i).zero_();
                    firstMoments.get(i).zero_();
                    secondMoments.get(i).zero_();
                    continue;
                }
                IValue step = new IValue();
                state.read("step", step);
                stepCounts.get(i).fill_(new Scalar((double) step.toInt()));
                firstMoments.get(i).copy_(read(state, "exp_avg"));
                secondMoments.get(i).copy_(read(state, "exp_avg_sq"));
            }
        }
    }

    private static org.bytedeco.pytorch.Tensor read(InputArchive archive, String key) {
        org.bytedeco.pytorch.Tensor value = new org.bytedeco.pytorch.Tensor();
        archive.read(key, value);
        return value;
    }

    private static GenericList tensorList() {
        return new GenericList(new Type.TypePtr(TensorType.get()));
    }

    /** Keeps a long-lived handle out of whatever scope is open while the optimizer is built. */
    private static <P extends org.bytedeco.javacpp.Pointer> P outliveScopes(P pointer) {
        PointerScope inner = PointerScope.getInnerScope();
        if (inner != null) {
            inner.detach(pointer);
        }
        return pointer;
    }
}
