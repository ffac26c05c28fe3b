package io.vigie.load.bench;

import io.vigie.stream.sim.ChatSimulator;
import io.vigie.stream.sim.SimConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

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

    /** The messages lower-cased with {@link Locale#ROOT}, the input the library baselines match. */
    public static String[] lowerCased(String[] messages) {
        String[] out = new String[messages.length];
        for (int i = 0; i < messages.length; i++) {
            out[i] = messages[i].toLowerCase(Locale.ROOT);
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
     * The lexicon terms of the core's data files ({@code *.tsv} under {@link #LEXICON_DIR}), lower-cased and
     * deduplicated: the first tab-separated column of every line that is neither blank nor a {@code #}
     * comment. Empty when the core ships no lexicon files.
     */
    public static List<String> coreLexiconTerms() {
        Set<String> terms = new LinkedHashSet<>();
        for (Path file : lexiconFiles()) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                readTerms(reader, terms);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read lexicon " + file, e);
            }
        }
        return List.copyOf(terms);
    }

    static void readTerms(BufferedReader reader, Set<String> terms) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int tab = trimmed.indexOf('\t');
            String term = (tab < 0 ? trimmed : trimmed.substring(0, tab)).strip().toLowerCase(Locale.ROOT);
            if (!term.isEmpty() && !term.equals("term")) {
                terms.add(term);
            }
        }
    }

    private static List<Path> lexiconFiles() {
        URL url = BenchData.class.getClassLoader().getResource(LEXICON_DIR);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            Path dir;
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                dir = fs.getPath(LEXICON_DIR);
            } else {
                dir = Path.of(uri);
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the core lexicon at " + url, e);
        }
    }

    /**
     * The terms the library baselines match: the core's lexicon, or, while the core ships none, the cue
     * examples of docs/concepts.md (a small stand-in, reported as such by the benchmarks).
     */
    public static List<String> baselineTerms() {
        List<String> core = coreLexiconTerms();
        return core.isEmpty() ? CONCEPT_EXAMPLES : core;
    }

    /** True when {@link #baselineTerms()} come from the core's data files. */
    public static boolean usingCoreLexicon() {
        return !coreLexiconTerms().isEmpty();
    }

    private static final List<String> CONCEPT_EXAMPLES = List.of(
            "t'as quel âge", "asv", "tu as quel age", "how old r u", "asl", "au collège", "en 4e",
            "en troisième", "brevet", "ma mère veut pas", "middle school", "8th grade", "mature pour ton âge",
            "t'es trop belle", "you're so mature", "t'es seule", "tes parents sont là", "are your parents home",
            "le seul qui te comprend", "only i understand you", "tes parents te comprennent pas",
            "dis rien à tes parents", "notre secret", "supprime la conv", "don't tell anyone", "delete the chat",
            "envoie une photo", "montre toi", "allume ta cam", "send a pic", "je te paye du crédit", "recharge",
            "cadeau", "robux", "gift card", "on se voit", "je viens te chercher", "let's meet", "pick you up",
            "snap", "insta", "whatsapp", "telegram", "kik", "discord", "ajoute moi sur", "viens seul",
            "viens seule", "come alone", "chez moi", "au parking", "derrière la gare", "my place", "tarifs",
            "rates", "escort", "plan rémunéré", "rencontre tarifée", "travailler pour moi",
            "je te trouve des clients", "échange", "trade", "pack", "liens", "mega", "pthc", "sale", "crève",
            "on va te", "je suis gay", "mon mec", "ma copine", "i'm gay", "my boyfriend", "arrêtez de dire",
            "c'est homophobe", "stop saying", "avec mes potes", "on sera plusieurs", "guet-apens",
            "viens discret", "rdv derrière", "endormie", "droguée", "elle dort", "inconsciente", "passed out",
            "ghb", "qui veut venir", "cherche des mecs pour", "plan à plusieurs", "looking for guys",
            "elle saura rien", "elle s'en souviendra pas", "won't remember", "je vais te tuer",
            "je sais où tu habites", "i'll kill you", "je vais diffuser tes photos", "sinon j'envoie",
            "i'll send your pics", "pd", "tapette", "fag");

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
