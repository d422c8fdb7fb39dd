package org.vaelab.cli;

import org.vaelab.tensor.Engine;
import org.vaelab.workflow.Versions;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"vaelab " + Versions.vaelab() + " (libtorch " + Engine.LIBTORCH_VERSION + ", Java "
                + System.getProperty("java.version") + ")"};
    }
}
