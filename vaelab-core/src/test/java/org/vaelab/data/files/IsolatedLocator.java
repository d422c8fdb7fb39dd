package org.vaelab.data.files;

import java.nio.file.Path;
import java.util.Map;

/** A locator that sees no environment, caches under a test folder and fails the test if it tries to download. */
public final class IsolatedLocator {

    private IsolatedLocator() {
    }

    public static DataFileLocator.Builder in(Path tmp) {
        return DataFileLocator.builder()
                .environment(Map.of())
                .cacheDir(tmp.resolve("cache"))
                .downloader((url, target) -> {
                    throw new AssertionError("no download expected, got " + url);
                });
    }

    /** The same with {@code tmp/data} as --data-dir, where most tests put their files. */
    public static DataFileLocator.Builder inDataDir(Path tmp) {
        return in(tmp).dataDir(tmp.resolve("data"));
    }
}
