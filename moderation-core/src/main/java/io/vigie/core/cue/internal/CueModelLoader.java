package io.vigie.core.cue.internal;

import io.vigie.core.model.RiskModel;

import io.vigie.core.normalize.TextNormalizer;
import io.vigie.core.load.LoadError;
import io.vigie.core.load.LoadException;
import io.vigie.core.cue.CueModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads the embedded lexicons and inflection tables (listed in {@code io/vigie/core/lexicon/index.txt}), an
 * optional operator lexicon folder ({@code *.tsv} lexicons and {@code *.forms} inflection tables, added to the
 * embedded ones) and an optional hash-list folder, and compiles them. Collects every error before failing. Load-time only; thread-safe (stateless).
 */
public final class CueModelLoader {

    /** Classpath folder of the embedded lexicons. */
    public static final String EMBEDDED = "/io/vigie/core/lexicon/";
    /** File suffix of inflection tables (lemma and forms, see {@link InflectionTable}); lexicons are {@code .tsv}. */
    static final String FORMS = ".forms";

    private CueModelLoader() {
    }

    /**
     * Compiles a model.
     *
     * @param normalizers   gives each extractor (and the compiler) its own normalizer, never null
     * @param lexiconDir    extra lexicon folder, may be null
     * @param hashListDir   known-media hash lists, may be null
     * @param pdqThreshold  PDQ Hamming threshold, 0..255
     * @param withEmbedded  false to compile only the folder's lexicons (tests)
     * @throws LoadException with every problem as file:line: reason
     */
    public static CueModel load(Supplier<TextNormalizer> normalizers, Path lexiconDir, Path hashListDir,
                                   int pdqThreshold, boolean withEmbedded, RiskModel riskModel)
            throws LoadException {
        Objects.requireNonNull(normalizers, "normalizers must not be null");
        List<LoadError> errors = new ArrayList<>();
        List<LexiconEntry> entries = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        InflectionTable inflections = new InflectionTable();
        if (withEmbedded) {
            for (String name : embeddedFiles()) {
                String content = resource(name);
                contents.add(content);
                parse(name, content, entries, inflections, errors);
            }
        }
        if (lexiconDir != null) {
            List<Path> files;
            try (Stream<Path> s = Files.list(lexiconDir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".tsv")
                        || p.getFileName().toString().endsWith(FORMS)).sorted().toList();
            } catch (IOException e) {
                throw new LoadException(List.of(new LoadError(lexiconDir.toString(), 0, 0,
                        "cannot list lexicon folder: " + e.getMessage(), null)));
            }
            for (Path p : files) {
                try {
                    String content = Files.readString(p, StandardCharsets.UTF_8);
                    contents.add(content);
                    parse(p.toString(), content, entries, inflections, errors);
                } catch (IOException e) {
                    errors.add(new LoadError(p.toString(), 0, 0, "cannot read: " + e.getMessage(), null));
                }
            }
        }
        HashListLoader hashes = null;
        if (hashListDir != null) {
            hashes = new HashListLoader();
            hashes.load(hashListDir, errors);
            contents.addAll(hashes.fingerprints);
        }
        if (!errors.isEmpty()) {
            throw new LoadException(errors);
        }
        return new DefaultCueModel(normalizers, entries, inflections, hashes, pdqThreshold,
                DefaultCueModel.digest(contents), riskModel);
    }

    private static void parse(String name, String content, List<LexiconEntry> entries, InflectionTable inflections,
                              List<LoadError> errors) {
        if (name.endsWith(FORMS)) {
            inflections.parse(name, content, errors);
        } else {
            LexiconParser.parse(name, content, entries, errors);
        }
    }

    /** Names of the embedded lexicon files, in load order. */
    public static List<String> embeddedFiles() {
        List<String> names = new ArrayList<>();
        for (String line : resource("index.txt").split("\r?\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                names.add(l);
            }
        }
        return names;
    }

    /** The text of an embedded lexicon resource. */
    public static String resource(String name) {
        try (InputStream in = CueModelLoader.class.getResourceAsStream(EMBEDDED + name)) {
            if (in == null) {
                throw new IllegalStateException("embedded lexicon missing from the jar: " + EMBEDDED + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read embedded lexicon " + name, e);
        }
    }
}
