package org.vaelab.tensor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.StringTensorDict;

/**
 * A named tree of learnable tensors: every layer, learned variance or learned prior registers its parameters
 * here under a path of names. It is what the optimizer updates and what a checkpoint saves.
 */
public final class ParameterSet {
    final Module module;
    /**
     * Native modules call back into their Java peers (during save, for instance), so each child's Java object
     * must live as long as the tree: without these references the collector frees them mid-run.
     */
    private final List<ParameterSet> children = new ArrayList<>();

    public ParameterSet() {
        this(new Module());
    }

    private ParameterSet(Module module) {
        this.module = module;
    }

    /** A nested set registered under {@code name} (names are path segments; no dots). */
    public ParameterSet child(String name) {
        checkName(name);
        ParameterSet child = new ParameterSet(module.register_module(name, new Module()));
        children.add(child);
        return child;
    }

    /** Registers {@code initial} as a learnable parameter and returns it. Call outside any {@link Scope}. */
    public Tensor parameter(String name, Tensor initial) {
        checkName(name);
        // register_parameter returns a reference into the module's table, which moves as the table grows:
        // keep our own handle to the same tensor instead.
        return new Tensor(new org.bytedeco.pytorch.Tensor(
                module.register_parameter(name, initial.t.detach().clone(), true)));
    }

    /** Every parameter in registration order, with dotted path names. */
    public Map<String, Tensor> named() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        StringTensorDict dict = module.named_parameters(true);
        for (long i = 0; i < dict.size(); i++) {
            out.put(dict.get(i).key().getString(), new Tensor(new org.bytedeco.pytorch.Tensor(dict.get(i).value())));
        }
        return out;
    }

    public List<Tensor> all() {
        return new ArrayList<>(named().values());
    }

    /** Total number of scalar parameters. */
    public long count() {
        long n = 0;
        for (Tensor p : all()) {
            n += p.numel();
        }
        return n;
    }

    /** Writes every parameter's values to {@code file} (libtorch's archive format). */
    public void save(Path file) {
        OutputArchive archive = new OutputArchive();
        module.save(archive);
        archive.save_to(file.toString());
    }

    /**
     * Overwrites every parameter with the values saved in {@code file}. libtorch replaces each tensor wholesale,
     * whatever its shape, so the shapes are compared afterwards: a file from another model is an error.
     */
    public void load(Path file) {
        Map<String, long[]> expected = new LinkedHashMap<>();
        named().forEach((name, p) -> expected.put(name, p.shape()));
        InputArchive archive = new InputArchive();
        archive.load_from(file.toString());
        module.load(archive);
        named().forEach((name, p) -> {
            if (!java.util.Arrays.equals(expected.get(name), p.shape())) {
                throw new IllegalStateException("parameter " + name + " has shape "
                        + java.util.Arrays.toString(p.shape()) + " in " + file.getFileName() + " but "
                        + java.util.Arrays.toString(expected.get(name)) + " in the model");
            }
        });
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("parameter names are non-empty and have no dots: '" + name + "'");
        }
    }
}
