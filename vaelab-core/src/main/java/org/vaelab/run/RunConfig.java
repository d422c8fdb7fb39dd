package org.vaelab.run;

/** The content of a run directory's config.json. */
public record RunConfig(TrainConfig config, Provenance provenance) {
}
