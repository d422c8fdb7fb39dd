package org.vaelab.data.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.vaelab.UserInputException;

/**
 * Where every locator looks for dataset files and downloads them, as the user chose: the explicit data dir
 * (--data-dir), then $VAELAB_DATA, each tried as {@code <dir>/<dataset>/} and then {@code <dir>/}; last the
 * download cache {@code ~/.cache/vaelab/<dataset>/}. Downloads are allowed unless $VAELAB_OFFLINE is set.
 */
public final class DataFolders {

    public static final String DATA_ENV = "VAELAB_DATA";
    public static final String OFFLINE_ENV = "VAELAB_OFFLINE";
    /** The fix every reader of dataset files offers for a bad local copy. */
    public static final String REPLACE_FIX = "delete it and run again to re-download, or point --data-dir elsewhere";

    private final Path dataDir;
    private final Path envDataDir;
    private final Path cacheRoot;
    private final boolean downloadsAllowed;

    /** {@code cacheRoot} and {@code downloadsAllowed} override the environment when not null. */
    DataFolders(Path dataDir, Map<String, String> env, Path cacheRoot, Boolean downloadsAllowed) {
        this.dataDir = dataDir;
        String envData = env.get(DATA_ENV);
        this.envDataDir = envData == null || envData.isBlank() ? null : Path.of(envData);
        this.cacheRoot = cacheRoot != null ? cacheRoot : defaultCacheRoot(env);
        String offline = env.get(OFFLINE_ENV);
        this.downloadsAllowed = downloadsAllowed != null ? downloadsAllowed : offline == null || offline.isBlank();
    }

    /** The folders searched for a dataset's files, in order and without repeats; {@code more} come before the cache. */
    public List<Path> searchPath(String dataset, List<Path> more) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path root : new Path[] {dataDir, envDataDir}) {
            if (root != null) {
                dirs.add(root.resolve(dataset));
                dirs.add(root);
            }
        }
        dirs.addAll(more);
        dirs.add(cacheFolder(dataset));
        return new ArrayList<>(dirs);
    }

    public Path cacheFolder(String dataset) {
        return cacheRoot.resolve(dataset);
    }

    public boolean downloadsAllowed() {
        return downloadsAllowed;
    }

    /** The clause a "cannot find" error adds when downloading was not allowed. */
    public static String offlineClause() {
        return " and downloads are off ($" + OFFLINE_ENV + " is set)";
    }

    /** Folders as a message lists them. */
    public static String describe(List<Path> dirs) {
        return dirs.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /** Creates {@code folder} in the cache before a download; the error offers {@code otherwise} as the way out. */
    public static void createCacheFolder(Path folder, String otherwise) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UserInputException("cannot create the download cache " + folder + " (" + e.getMessage()
                    + "); make it writable, or " + otherwise, e);
        }
    }

    private static Path defaultCacheRoot(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "vaelab");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "vaelab");
    }
}
