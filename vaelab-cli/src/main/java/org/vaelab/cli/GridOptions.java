package org.vaelab.cli;

import picocli.CommandLine.Option;

/** Rows and columns of a picture grid. */
final class GridOptions {
    @Option(names = "--rows", description = "rows (default: ${DEFAULT-VALUE})", defaultValue = "6")
    int rows;

    @Option(names = "--cols", description = "columns (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int cols;

    GridOptions validated() {
        Counts.positive("--rows", rows);
        Counts.positive("--cols", cols);
        return this;
    }
}
