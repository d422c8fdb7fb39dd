package org.vaelab.data.files;

import java.nio.file.Path;

/**
 * Reads a freshly downloaded file the way its dataset will, so a wrong or damaged download is refused before it
 * is kept (and before its checksum is recorded). Throws {@link org.vaelab.UserInputException} naming the defect.
 */
@FunctionalInterface
public interface FormatCheck {
    FormatCheck NONE = file -> { };

    void check(Path file);
}
