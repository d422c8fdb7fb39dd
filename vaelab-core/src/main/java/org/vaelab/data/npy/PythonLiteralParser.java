package org.vaelab.data.npy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literal syntax that .npy headers use: a dict of strings, booleans, integers,
 * tuples and lists. NumPy reads headers with ast.literal_eval, so writers are free in spacing and key order.
 */
final class PythonLiteralParser {

    /** A Python tuple; kept apart from lists because the shape must be a tuple. */
    record Tuple(List<Object> items) {
    }

    /** Python's None; a sentinel because map values may not be null in our use. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private final String text;
    private int pos;

    private PythonLiteralParser(String text) {
        this.text = text;
    }

    /**
     * Parses a dict literal whose keys are strings.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    static Map<String, Object> parseDict(String text) {
        PythonLiteralParser parser = new PythonLiteralParser(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the dict");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("header is not a dict");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> dict = (Map<String, Object>) map;
        return dict;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end of header");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> dict();
            case '(' -> new Tuple(sequence(')'));
            case '[' -> sequence(']');
            case '\'', '"' -> string();
            default -> {
                if (c == '-' || Character.isDigit(c)) {
                    yield integer();
                }
                if (Character.isLetter(c)) {
                    yield keyword();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> dict() {
        pos++; // '{'
        Map<String, Object> entries = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (consume('}')) {
                return entries;
            }
            Object key = value();
            if (!(key instanceof String name)) {
                throw error("dict key is not a string");
            }
            skipSpace();
            if (!consume(':')) {
                throw error("expected ':'");
            }
            if (entries.put(name, value()) != null) {
                throw error("duplicate key '" + name + "'");
            }
            skipSpace();
            if (!consume(',')) {
                skipSpace();
                if (!consume('}')) {
                    throw error("expected ',' or '}'");
                }
                return entries;
            }
        }
    }

    private List<Object> sequence(char close) {
        pos++; // opening bracket
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (consume(close)) {
                return Collections.unmodifiableList(items);
            }
            items.add(value());
            skipSpace();
            if (!consume(',')) {
                skipSpace();
                if (!consume(close)) {
                    throw error("expected ',' or '" + close + "'");
                }
                return Collections.unmodifiableList(items);
            }
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            out.append(c);
        }
        throw error("unterminated string");
    }

    private Long integer() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        // Python 2 wrote long integers with an L suffix, e.g. (3L, 2L).
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++;
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("bad integer '" + digits + "'");
        }
    }

    private Object keyword() {
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        return switch (word) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> NONE;
            default -> throw error("unexpected name '" + word + "'");
        };
    }

    private boolean consume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + pos);
    }
}
