package org.vaelab.workflow;

import java.time.Instant;
import org.vaelab.run.Provenance;
import org.vaelab.tensor.Engine;

/** Software versions for run provenance. */
public final class Versions {
    private Versions() {
    }

    public static String vaelab() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    static Provenance provenance(String dataset, String datasetProvenance) {
        return new Provenance(vaelab(), Engine.LIBTORCH_VERSION, System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), dataset, datasetProvenance,
                Instant.now().toString());
    }
}
