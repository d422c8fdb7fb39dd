package org.vaelab.tensor;

import java.nio.file.Path;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.TensorVector;

/**
 * libtorch's own Adam (Kingma and Ba 2015, with bias correction), updating parameters in place in native code:
 * as fast as Python's, with no per-step copies through Java.
 */
public final class Adam {
    private final org.bytedeco.pytorch.Adam adam;
    private final AdamOptions options;

    public Adam(ParameterSet parameters, double learningRate) {
        TensorVector list = new TensorVector();
        for (Tensor p : parameters.all()) {
            list.push_back(p.t);
        }
        this.options = new AdamOptions(learningRate);
        this.adam = new org.bytedeco.pytorch.Adam(list, options);
    }

    public void zeroGrad() {
        adam.zero_grad();
    }

    public void step() {
        adam.step();
    }

    /** Writes the moment estimates and step counts, so a resumed run continues the same trajectory. */
    public void save(Path file) {
        OutputArchive archive = new OutputArchive();
        adam.save(archive);
        archive.save_to(file.toString());
    }

    public void load(Path file) {
        InputArchive archive = new InputArchive();
        archive.load_from(file.toString());
        adam.load(archive);
    }
}
