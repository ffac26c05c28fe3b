package io.vigie.core.rule;

import io.vigie.core.load.LoadError;
import io.vigie.core.load.LoadException;
import io.vigie.core.rule.internal.RuleCompiler;
import io.vigie.core.cue.CueModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads rule packs: the embedded default pack, or a folder of YAML files an operator edits. Loading compiles
 * everything (cue names to ids, regexes, context conditions) and either returns a whole pack or throws a
 * {@link LoadException} carrying every error as file:line:column with a hint; it never half-applies.
 * Stateless and thread-safe.
 */
public final class RulePackLoader {

    /** Classpath folder of the default pack. */
    static final String DEFAULT_DIR = "/io/vigie/core/rules/default/";

    /** Lists the default pack's files, one per line, since a jar cannot be listed. */
    static final String DEFAULT_INDEX = DEFAULT_DIR + "INDEX";

    /** Most rule files one folder may hold. */
    public static final int MAX_FILES = 500;

    private RulePackLoader() {
    }

    /**
     * The embedded default pack, compiled against {@code model}'s cues.
     *
     * @throws IllegalStateException if the embedded pack does not compile against this model (a build defect,
     *                               with every error in the message)
     */
    public static RulePack defaults(CueModel model) {
        Objects.requireNonNull(model, "model must not be null");
        try {
            return RuleCompiler.compile("default", defaultSources(), model.cues());
        } catch (LoadException e) {
            throw new IllegalStateException("the embedded default rule pack does not compile: "
                    + e.errors(), e);
        }
    }

    /**
     * Loads every {@code *.yaml} / {@code *.yml} file of {@code dir} (not its subfolders), in name order.
     *
     * @param dir   the pack folder, never null; its name is the first part of the pack's version
     * @param model the signal model whose cues the rules may name, never null
     * @throws LoadException with every error found, file by file; also when the folder is missing,
     *                           empty or unreadable
     */
    public static RulePack load(Path dir, CueModel model) throws LoadException {
        Objects.requireNonNull(dir, "dir must not be null");
        Objects.requireNonNull(model, "model must not be null");
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        return RuleCompiler.compile(name, sources(dir), model.cues());
    }

    /** Reads the rule files of a folder, in name order. */
    static List<RuleCompiler.Source> sources(Path dir) throws LoadException {
        if (!Files.isDirectory(dir)) {
            throw new LoadException(List.of(new LoadError(dir.toString(), 0, 0,
                    "not a folder", "give the folder that holds the pack's *.yaml files")));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> {
                String f = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && (f.endsWith(".yaml") || f.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new LoadException(List.of(new LoadError(dir.toString(), 0, 0,
                    "cannot list the folder: " + e.getMessage(), null)));
        }
        if (files.size() > MAX_FILES) {
            throw new LoadException(List.of(new LoadError(dir.toString(), 0, 0,
                    files.size() + " rule files, over the limit of " + MAX_FILES, "merge small files")));
        }
        List<RuleCompiler.Source> out = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        for (Path p : files) {
            try {
                long size = Files.size(p);
                if (size > RuleCompiler.MAX_FILE_BYTES) {
                    errors.add(new LoadError(p.toString(), 0, 0, "file is " + size
                            + " bytes, over the limit of " + RuleCompiler.MAX_FILE_BYTES,
                            "split the rules over several files"));
                    continue;
                }
                out.add(new RuleCompiler.Source(p.toString(), Files.readAllBytes(p)));
            } catch (IOException e) {
                errors.add(new LoadError(p.toString(), 0, 0, "cannot read: " + e.getMessage(), null));
            }
        }
        if (!errors.isEmpty()) {
            throw new LoadException(errors);
        }
        return out;
    }

    static List<RuleCompiler.Source> defaultSources() {
        List<RuleCompiler.Source> out = new ArrayList<>();
        for (String line : new String(resource(DEFAULT_INDEX), StandardCharsets.UTF_8).split("\n")) {
            String f = line.trim();
            if (!f.isEmpty() && !f.startsWith("#")) {
                out.add(new RuleCompiler.Source("default/" + f, resource(DEFAULT_DIR + f)));
            }
        }
        return out;
    }

    private static byte[] resource(String path) {
        try (InputStream in = RulePackLoader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing embedded resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read embedded resource " + path, e);
        }
    }
}
