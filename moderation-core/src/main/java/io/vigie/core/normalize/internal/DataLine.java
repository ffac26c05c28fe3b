package io.vigie.core.normalize.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one line of a normalization data file: {@code SOURCE ; TARGET # comment}, where SOURCE is a hex code
 * point or a range {@code FIRST..LAST} and TARGET zero or more hex code points (empty means drop). Blank and
 * comment lines give an empty map. Stateless.
 */
final class DataLine {

    private DataLine() {
    }

    /**
     * @param line     the line, never null
     * @param location "file:line" for error messages
     * @return source code point to target code points, in source order; empty for blank or comment lines
     * @throws IllegalStateException naming the location when the line is malformed
     */
    static Map<Integer, int[]> parse(String line, String location) {
        int hash = line.indexOf('#');
        String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
        Map<Integer, int[]> out = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return out;
        }
        int semi = body.indexOf(';');
        if (semi < 0) {
            throw new IllegalStateException(location + ": expected 'SOURCE ; TARGET', got '" + body + "'");
        }
        String source = body.substring(0, semi).trim();
        String target = body.substring(semi + 1).trim();
        int[] targets = target.isEmpty()
                ? new int[0]
                : java.util.Arrays.stream(target.split("\\s+")).mapToInt(h -> hex(h, location)).toArray();
        int first;
        int last;
        int dots = source.indexOf("..");
        if (dots >= 0) {
            first = hex(source.substring(0, dots), location);
            last = hex(source.substring(dots + 2), location);
        } else {
            first = hex(source, location);
            last = first;
        }
        if (last < first) {
            throw new IllegalStateException(location + ": empty range " + source);
        }
        for (int cp = first; cp <= last; cp++) {
            out.put(cp, targets);
        }
        return out;
    }

    private static int hex(String text, String location) {
        try {
            int cp = Integer.parseInt(text.trim().toUpperCase(Locale.ROOT), 16);
            if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                throw new IllegalStateException(location + ": not a code point: " + text);
            }
            return cp;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(location + ": not a hex code point: '" + text + "'", e);
        }
    }
}
