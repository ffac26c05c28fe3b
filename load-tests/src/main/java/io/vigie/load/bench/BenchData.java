package io.vigie.load.bench;

import io.vigie.stream.sim.ChatSimulator;
import io.vigie.stream.sim.SimConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Inputs shared by the benchmarks, built once per trial: simulator messages cut to a target length, and the
 * lexicon terms of the core's data files. Stateless; every method is deterministic for its arguments.
 */
public final class BenchData {

    /** Where moderation-core keeps its lexicon files on the classpath. */
    public static final String LEXICON_DIR = "io/vigie/core/lexicon/";

    private BenchData() {
    }

    /**
     * Simulator messages of about {@code length} chars: short lines are joined (as chat bursts are) and long
     * ones cut at a word boundary, so the mix of languages, noise and emoji stays realistic at every length.
     *
     * @param count       number of messages, at least 1
     * @param length      target length in UTF-16 chars, at least 8
     * @param harmfulRate share of scenario messages in the source feed, in [0, 1]
     */
    public static String[] messages(int count, int length, double harmfulRate, long seed) {
        ChatSimulator sim = new ChatSimulator(seed, SimConfig.defaults().withHarmfulRate(harmfulRate));
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder(length + 64);
            while (text.length() < length * 0.8) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(sim.nextMessage().message().text());
            }
            out[i] = cut(text, length);
        }
        return out;
    }

    private static String cut(StringBuilder text, int length) {
        if (text.length() <= length) {
            return text.toString();
        }
        int end = text.lastIndexOf(" ", length);
        if (end < length / 2) {
            end = length;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
        }
        return text.substring(0, end);
    }

    /** The messages {@linkplain #fold folded}, the input the library baselines match. */
    public static String[] folded(String[] messages) {
        String[] out = new String[messages.length];
        for (int i = 0; i < messages.length; i++) {
            out[i] = fold(messages[i]);
        }
        return out;
    }

    /** Mean length of the messages in UTF-16 chars. */
    public static double meanLength(String[] messages) {
        long total = 0;
        for (String m : messages) {
            total += m.length();
        }
        return total / (double) messages.length;
    }

    /**
     * The lexicon terms of the core's data files (the files named in {@code index.txt} under
     * {@link #LEXICON_DIR}), {@linkplain #fold folded} and deduplicated: the first tab-separated column of every
     * line that is neither blank, a {@code #} comment nor the {@code term} header.
     *
     * @throws IllegalStateException when the core ships no lexicon
     */
    public static List<String> coreLexiconTerms() {
        Set<String> terms = new LinkedHashSet<>();
        for (String file : resourceLines(LEXICON_DIR + "index.txt")) {
            String name = file.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            List<String> lines = resourceLines(LEXICON_DIR + name);
            if (lines.isEmpty()) {
                throw new IllegalStateException("lexicon index names " + name + " but it is not on the classpath");
            }
            for (String line : lines) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int tab = trimmed.indexOf('\t');
                String term = fold(tab < 0 ? trimmed : trimmed.substring(0, tab)).strip();
                if (!term.isEmpty() && !term.equals("term")) {
                    terms.add(term);
                }
            }
        }
        if (terms.isEmpty()) {
            throw new IllegalStateException("no lexicon terms under " + LEXICON_DIR + " (index.txt)");
        }
        return List.copyOf(terms);
    }

    /**
     * A simple fold for the library baselines, applied to terms and messages alike: lower case
     * ({@link Locale#ROOT}), accents dropped, typographic apostrophes made straight. The core folds far more
     * (homoglyphs, leet, separators, repeats); this is the least that makes the comparison meaningful.
     */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return COMBINING.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    private static final Pattern COMBINING = Pattern.compile("\\p{M}+");

    private static List<String> resourceLines(String name) {
        InputStream in = BenchData.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            return List.of();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Random 256-bit hashes as 4 longs each, for the hash-list lookups (generated, never real lists). */
    public static long[] randomHashes(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] out = new long[count * 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = rnd.nextLong();
        }
        return out;
    }

    /**
     * Query hashes: half are a listed hash with {@code flips} random bits flipped (should match within a
     * threshold above {@code flips}), half are fresh random hashes (should not).
     */
    public static long[] queries(long[] listed, int count, int flips, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int listedCount = listed.length / 4;
        long[] out = new long[count * 4];
        for (int q = 0; q < count; q++) {
            if (q % 2 == 0) {
                int from = rnd.nextInt(listedCount);
                System.arraycopy(listed, from * 4, out, q * 4, 4);
                for (int f = 0; f < flips; f++) {
                    int bit = rnd.nextInt(256);
                    out[q * 4 + bit / 64] ^= 1L << (bit % 64);
                }
            } else {
                for (int w = 0; w < 4; w++) {
                    out[q * 4 + w] = rnd.nextLong();
                }
            }
        }
        return out;
    }

    /** Lower-case hex of 4 longs, the contract's PDQ form. */
    public static String hex(long[] words, int offset) {
        StringBuilder sb = new StringBuilder(64);
        for (int w = 0; w < 4; w++) {
            String h = Long.toHexString(words[offset + w]);
            sb.append("0".repeat(16 - h.length())).append(h);
        }
        return sb.toString();
    }
}
