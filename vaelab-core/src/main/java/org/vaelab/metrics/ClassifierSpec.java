package org.vaelab.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which classifier a metric trained and with what settings, recorded next to its scores so a reader can
 * tell how a number was obtained.
 */
public record ClassifierSpec(String name, String library, Map<String, Object> settings) {
    public ClassifierSpec {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
