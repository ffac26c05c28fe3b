package io.vigie.core.cue.internal;

import io.vigie.core.match.Boundary;
import io.vigie.core.load.LoadError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads lexicon TSV files: {@code term<TAB>cue[<TAB>flags]}, '#' starts a comment line, blank lines are
 * skipped, and an optional header line names the columns ({@code term cue flags}). Flags, comma-separated:
 * {@code word} (whole word, the default), {@code prefix} (word start only), {@code sub} (anywhere). Problems
 * are collected, never thrown one by one. Load-time only; thread-safe (stateless).
 */
final class LexiconParser {

    /** Dotted lower-case cue names, e.g. {@code groom.secrecy}; a load-time check on file data only. */
    private static final Pattern CUE_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final List<String> COLUMNS = List.of("term", "cue", "flags");

    private LexiconParser() {
    }

    static void parse(String file, String content, List<LexiconEntry> out, List<LoadError> errors) {
        String[] lines = content.split("\r?\n", -1);
        List<String> columns = COLUMNS;
        boolean headerAllowed = true;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (i == 0 && line.startsWith("\ufeff")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (headerAllowed && fields[0].strip().equals("term")) {
                headerAllowed = false;
                List<String> cols = new ArrayList<>();
                for (int f = 0; f < fields.length; f++) {
                    String col = fields[f].strip();
                    if (!COLUMNS.contains(col)) {
                        errors.add(new LoadError(file, lineNo, f + 1, "unknown column '" + col + "'",
                                "columns are term, cue, flags"));
                    }
                    cols.add(col);
                }
                if (!cols.contains("term") || !cols.contains("cue")) {
                    errors.add(new LoadError(file, lineNo, 0, "header must name the term and cue columns",
                            "term<TAB>cue<TAB>flags"));
                    return;
                }
                columns = cols;
                continue;
            }
            headerAllowed = false;
            if (fields.length > columns.size()) {
                errors.add(new LoadError(file, lineNo, columns.size() + 1,
                        "unknown column " + (columns.size() + 1) + " (" + fields.length + " fields)",
                        "a line is term<TAB>cue<TAB>flags; use one tab between columns"));
                continue;
            }
            String term = null;
            String cue = null;
            String flags = "";
            for (int f = 0; f < fields.length; f++) {
                switch (columns.get(f)) {
                    case "term" -> term = fields[f].strip();
                    case "cue" -> cue = fields[f].strip();
                    case "flags" -> flags = fields[f].strip();
                    default -> { }
                }
            }
            if (term == null || term.isEmpty()) {
                errors.add(new LoadError(file, lineNo, 1, "empty term", null));
                continue;
            }
            if (cue == null || cue.isEmpty()) {
                errors.add(new LoadError(file, lineNo, 0, "missing cue for term '" + term + "'",
                        "term<TAB>cue<TAB>flags"));
                continue;
            }
            if (!CUE_NAME.matcher(cue).matches()) {
                errors.add(new LoadError(file, lineNo, 0, "bad cue name '" + cue + "'",
                        "cue names are dotted lower case, e.g. groom.secrecy"));
                continue;
            }
            Boundary boundary = Boundary.WORD;
            boolean ok = true;
            if (!flags.isEmpty()) {
                for (String flag : flags.split(",")) {
                    Boundary b = Boundary.parse(flag.strip());
                    if (b == null) {
                        errors.add(new LoadError(file, lineNo, 0, "unknown flag '" + flag.strip() + "'",
                                "flags are word, prefix, sub"));
                        ok = false;
                    } else {
                        boundary = b;
                    }
                }
            }
            if (ok) {
                out.add(new LexiconEntry(term, cue, boundary, file, lineNo));
            }
        }
    }
}
