package org.vaelab.data.files;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The settings every locator shares. Defaults read the process environment; tests override each setting.
 *
 * @param <B> the concrete builder, returned by each setter so calls chain
 */
public abstract class LocatorBuilder<B extends LocatorBuilder<B>> {

    private Path dataDir;
    private Map<String, String> environment = System.getenv();
    private Path cacheDir;
    private Boolean allowDownload;
    private Downloader downloader = new HttpDownloader();

    protected LocatorBuilder() {
    }

    protected abstract B self();

    /** The --data-dir folder, searched first; null for none. */
    public B dataDir(Path dir) {
        this.dataDir = dir;
        return self();
    }

    /** Source of $VAELAB_DATA, $VAELAB_OFFLINE and $XDG_CACHE_HOME. */
    public B environment(Map<String, String> env) {
        this.environment = Map.copyOf(env);
        return self();
    }

    /** Root of the download cache; default ~/.cache/vaelab (or $XDG_CACHE_HOME/vaelab). */
    public B cacheDir(Path dir) {
        this.cacheDir = dir;
        return self();
    }

    /** Overrides $VAELAB_OFFLINE. */
    public B allowDownload(boolean on) {
        this.allowDownload = on;
        return self();
    }

    public B downloader(Downloader d) {
        this.downloader = Objects.requireNonNull(d);
        return self();
    }

    protected DataFolders folders() {
        return new DataFolders(dataDir, environment, cacheDir, allowDownload);
    }

    protected Downloader chosenDownloader() {
        return downloader;
    }
}
