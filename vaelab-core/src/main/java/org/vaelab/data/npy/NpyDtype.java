package org.vaelab.data.npy;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vaelab.UserInputException;

/** The element types vaelab reads and writes in .npy files; all little-endian. */
public enum NpyDtype {
    FLOAT32("float32", "<f4", 4),
    FLOAT64("float64", "<f8", 8),
    INT32("int32", "<i4", 4),
    INT64("int64", "<i8", 8),
    /** NumPy writes single-byte types with the "not applicable" byte order '|'. */
    UINT8("uint8", "|u1", 1);

    private static final Pattern SIMPLE_DESCR = Pattern.compile("([<>|=]?)([a-zA-Z])(\\d*)(?:\\[\\w+\\])?");

    private final String numpyName;
    private final String descr;
    private final int byteSize;

    NpyDtype(String numpyName, String descr, int byteSize) {
        this.numpyName = numpyName;
        this.descr = descr;
        this.byteSize = byteSize;
    }

    /** The NumPy name, e.g. "float32". */
    public String numpyName() {
        return numpyName;
    }

    /** The array-protocol type string stored in the header, e.g. "&lt;f4". */
    public String descr() {
        return descr;
    }

    public int byteSize() {
        return byteSize;
    }

    public boolean isInteger() {
        return this == INT32 || this == INT64 || this == UINT8;
    }

    /** "float32, float64, int32, int64, uint8", for error messages. */
    public static String supportedNames() {
        return Arrays.stream(values()).map(NpyDtype::numpyName).collect(Collectors.joining(", "));
    }

    /**
     * The dtype named by a header's descr string; {@code source} names the file in error messages.
     *
     * @throws UserInputException for object, big-endian or otherwise unsupported dtypes
     */
    public static NpyDtype fromDescr(String descr, String source) {
        Matcher m = SIMPLE_DESCR.matcher(descr);
        if (!m.matches()) {
            throw unsupported(source, descr, descr);
        }
        char order = m.group(1).isEmpty() ? '|' : m.group(1).charAt(0);
        char kind = m.group(2).charAt(0);
        int size = m.group(3).isEmpty() ? 0 : parseSize(m.group(3));
        if (kind == 'O') {
            throw new UserInputException(source + " holds Python objects (dtype '" + descr
                    + "'), which cannot be read outside Python; save a numeric array instead (supported: "
                    + supportedNames() + ")");
        }
        NpyDtype match = null;
        for (NpyDtype candidate : values()) {
            if (candidate.descr.charAt(1) == kind && candidate.byteSize == size) {
                match = candidate;
            }
        }
        if (match == null) {
            throw unsupported(source, descr, describe(kind, size, descr));
        }
        if (order == '>' && size > 1) {
            throw new UserInputException(source + " is big-endian (dtype '" + descr
                    + "'); only little-endian is supported: re-save it with arr.astype('" + match.descr + "')");
        }
        return match;
    }

    private static int parseSize(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooLong) {
            return -1;
        }
    }

    private static UserInputException unsupported(String source, String descr, String name) {
        return new UserInputException(source + " has unsupported dtype " + name + " ('" + descr + "'); supported: "
                + supportedNames());
    }

    private static String describe(char kind, int size, String descr) {
        return switch (kind) {
            case 'f' -> "float" + size * 8;
            case 'i' -> "int" + size * 8;
            case 'u' -> "uint" + size * 8;
            case 'c' -> "complex" + size * 8;
            case 'b', '?' -> "bool";
            case 'S', 'a' -> "bytes";
            case 'U' -> "str";
            case 'V' -> "void";
            case 'M' -> "datetime64";
            case 'm' -> "timedelta64";
            default -> descr;
        };
    }
}
