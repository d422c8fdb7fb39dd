package org.vaelab.run;

/** Where a run came from: software versions, the data's checksum and when it started. */
public record Provenance(String vaelabVersion, String libtorchVersion, String javaVersion, String os,
                         String dataset, String datasetProvenance, String createdAt) {
}
