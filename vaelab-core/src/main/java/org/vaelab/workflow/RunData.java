package org.vaelab.workflow;

import java.nio.file.Path;
import org.vaelab.data.Dataset;
import org.vaelab.data.DatasetCatalog;
import org.vaelab.data.OneHotLabelled;
import org.vaelab.run.TrainConfig;

/** A dataset as a run's model reads it: a class-conditional model (cvae) sees [x, one-hot label]. */
public final class RunData {
    private RunData() {
    }

    /** {@code data} as {@code model} reads it; already-wrapped data is returned as it is. */
    public static Dataset forModel(String model, Dataset data) {
        return model.equals("cvae") && !(data instanceof OneHotLabelled) ? new OneHotLabelled(data) : data;
    }

    /** The split of a trained run's dataset, found in {@code dataDir} first when it is given. */
    public static Dataset open(TrainConfig config, String split, Path dataDir) {
        return forModel(config.model(), DatasetCatalog.open(config.dataset(), split, dataDir, config.binarize()));
    }
}
