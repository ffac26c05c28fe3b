package io.vigie.core.normalize.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Step 2: reads leetspeak inside words ({@code leet.txt}: 0→o 1→i 3→e 4→a 5→s 7→t @→a $→s €→e) and squashes
 * any run of the same letter this creates ("co0l" → "cool" → "col").
 *
 * <p>A word is a maximal run of letters, digits and the leet symbols {@code @ $ €}. A leet character at
 * position p of a word is read as a letter only when all of these hold:
 * <ul>
 *   <li>the word starts with a letter (so "14ans", "20h30", "4e", "13yo", "150€", "@lea" never change);</li>
 *   <li>a letter follows it in the word, or it is the single last char right after a letter ("ped0");</li>
 *   <li>for a digit: no digit touches it ("jai14ans", "lea93", "covid19" keep their numbers);</li>
 *   <li>for {@code @}: what follows is not a domain ({@code letters.letter}), so e-mail addresses survive.</li>
 * </ul>
 *
 * <p>Not thread-safe (per normalizer); the leet table is immutable and shared.
 */
final class LeetStep {

    /** Leet source char to letter; 0 when the char is not leet. Indexed up to {@link #LEET_MAX}. */
    private static final char[] LEET;
    private static final int LEET_MAX;

    static {
        char[] table = new char[0x2100];
        int max = 0;
        try (InputStream in = LeetStep.class.getResourceAsStream("/io/vigie/core/normalize/leet.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing data file io/vigie/core/normalize/leet.txt");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                for (Map.Entry<Integer, int[]> e : DataLine.parse(line, "leet.txt:" + lineNo).entrySet()) {
                    int src = e.getKey();
                    if (src >= table.length || e.getValue().length != 1 || e.getValue()[0] >= 0x80
                            || !Character.isLetter(e.getValue()[0])) {
                        throw new IllegalStateException("leet.txt:" + lineNo + ": need one BMP char below U+2100"
                                + " mapped to one ASCII letter");
                    }
                    if (table[src] != 0) {
                        throw new IllegalStateException("leet.txt:" + lineNo + ": duplicate U+" + Integer.toHexString(src));
                    }
                    table[src] = (char) e.getValue()[0];
                    max = Math.max(max, src);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read leet.txt", e);
        }
        LEET = table;
        LEET_MAX = max;
    }

    /** Whether {@code cp} is a leet symbol (a non-digit leet char such as {@code @ $ €}). */
    static boolean isLeetSymbol(int cp) {
        return cp <= LEET_MAX && LEET[cp] != 0 && !(cp >= '0' && cp <= '9');
    }

    /** The letter {@code c} reads as inside a word, or 0. */
    static char letterFor(char c) {
        return c <= LEET_MAX ? LEET[c] : 0;
    }

    private static boolean isWordChar(char[] buf, int i, int len) {
        return CharKind.isWordCharAt(buf, i, len);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Applies the leet rule to {@code b} in place.
     *
     * @return whether any char changed
     */
    boolean apply(FoldBuffer b) {
        char[] buf = b.chars;
        int[] start = b.start;
        int[] end = b.end;
        int len = b.length;
        int w = 0;
        int r = 0;
        boolean changed = false;
        while (r < len) {
            if (!isWordChar(buf, r, len)) {
                b.moveDown(r, w);
                w++;
                r++;
                continue;
            }
            int ws = r;
            int we = r;
            int lastLetter = -1;
            boolean hasLeet = false;
            while (we < len && isWordChar(buf, we, len)) {
                if (CharKind.isLetterAt(buf, we, len)) {
                    lastLetter = we;
                } else if (letterFor(buf[we]) != 0) {
                    hasLeet = true;
                }
                we++;
            }
            boolean convert = hasLeet && CharKind.isLetterAt(buf, ws, len);
            int wordOut = w;
            for (int p = ws; p < we; p++) {
                char x = buf[p];
                if (convert && p > ws && (p < lastLetter || p == we - 1 && p == lastLetter + 1)) {
                    char letter = letterFor(x);
                    if (letter != 0
                            && (!isAsciiDigit(x) || !isAsciiDigit(buf[p - 1]) && (p + 1 >= len || !isAsciiDigit(buf[p + 1])))
                            && (x != '@' || !looksLikeDomain(buf, p + 1, len))) {
                        x = letter;
                        changed = true;
                    }
                }
                if (x < 0x80 && w > wordOut && buf[w - 1] == x && FoldTable.ASCII_KIND[x] == CharKind.LETTER) {
                    end[w - 1] = end[p];
                    continue;
                }
                buf[w] = x;
                if (w != p) {
                    start[w] = start[p];
                    end[w] = end[p];
                }
                w++;
            }
            r = we;
        }
        b.length = w;
        return changed;
    }

    /**
     * Whether {@code buf[from..)} starts with {@code [a-z0-9][a-z0-9-]* '.' [a-z][a-z]}, the shape of a mail
     * domain. The label must start with a letter or digit and the next label with two letters, so that no
     * later separator join can change the verdict on the folded form (idempotence).
     */
    private static boolean looksLikeDomain(char[] buf, int from, int len) {
        if (from >= len || !isAsciiAlnum(buf[from])) {
            return false;
        }
        int q = from + 1;
        while (q < len && (isAsciiAlnum(buf[q]) || buf[q] == '-')) {
            q++;
        }
        return q + 2 < len && buf[q] == '.' && isAsciiLetter(buf[q + 1]) && isAsciiLetter(buf[q + 2]);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAsciiAlnum(char c) {
        return isAsciiLetter(c) || isAsciiDigit(c);
    }
}
