package io.vigie.core.cue.internal;

import io.vigie.core.load.LoadError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The forms of a lemma, for the {@code <lemma>} atoms of lexicon patterns: read from {@code *.forms} files,
 * one lemma a line: {@code lemma<TAB>spec}, where spec lists the forms (space separated) or starts with a
 * regular class whose forms are generated, optionally followed by more forms:
 * <ul>
 *   <li>{@code -er}: French first group (parler: parle, parles, parlent, parlons, parlez, parlais, parlait,
 *   parlaient, parlerai ... parleraient, parlé(e)(s), parlant), with the e/ç of manger/commencer;</li>
 *   <li>{@code -ir}: French second group (finir: finis, finit, finissons ... fini(e)(s), finissant);</li>
 *   <li>{@code +ed}: English regular verb (post: posts, posted, posting; like: likes, liked, liking; try:
 *   tries, tried, trying).</li>
 * </ul>
 * The lemma itself is always a form. In French tables (a file name with {@code .fr.}), a form that starts with a
 * vowel or h also gets its elided spellings (j', t', m', l', s', n', qu', d'), since the apostrophe folds away:
 * "m'envoies" reads as "menvoies". Load time only; not thread-safe while loading, read-only after.
 */
final class InflectionTable {

    private static final String[] ER = {"er", "e", "es", "ent", "ons", "ez", "ais", "ait", "aient", "ions", "iez",
        "erai", "eras", "era", "erons", "erez", "eront", "erais", "erait", "erions", "eriez", "eraient", "é", "ée",
        "és", "ées", "ant", "ai", "a", "èrent"};
    private static final String[] IR = {"ir", "is", "it", "issons", "issez", "issent", "issais", "issait",
        "issaient", "issions", "issiez", "irai", "iras", "ira", "irons", "irez", "iront", "irais", "irait",
        "irions", "iriez", "iraient", "i", "ie", "ies", "issant", "isse", "isses"};

    /** Elided French clitics (j', t', m', l', s', n', qu', d'). */
    private static final String[] CLITICS = {"j", "t", "m", "l", "s", "n", "qu", "d"};

    private final Map<String, List<String>> forms = new LinkedHashMap<>();

    /** French tables (a file name with ".fr.") get elided spellings of vowel-initial forms. */
    private static boolean elides(String file) {
        return file.contains(".fr.");
    }

    /** Parses one {@code .forms} file into this table; problems go to {@code errors}. */
    void parse(String file, String content, List<LoadError> errors) {
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\ufeff") ? lines[i].substring(1) : lines[i];
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                errors.add(new LoadError(file, i + 1, 1, "missing tab between lemma and forms",
                        "lemma<TAB>forms, or lemma<TAB>-er / -ir / +ed"));
                continue;
            }
            String lemma = line.substring(0, tab).strip().toLowerCase(Locale.ROOT);
            String spec = line.substring(tab + 1).strip();
            if (lemma.isEmpty() || lemma.contains(" ") || spec.isEmpty()) {
                errors.add(new LoadError(file, i + 1, 1, "a line needs one lemma and its forms", null));
                continue;
            }
            if (forms.containsKey(lemma)) {
                errors.add(new LoadError(file, i + 1, 1, "lemma '" + lemma + "' is listed twice", "keep one line"));
                continue;
            }
            Set<String> out = new LinkedHashSet<>();
            out.add(lemma);
            String[] words = spec.split("\\s+");
            int from = 0;
            switch (words[0]) {
                case "-er" -> {
                    if (!lemma.endsWith("er")) {
                        errors.add(new LoadError(file, i + 1, tab + 2, "-er needs a lemma ending in -er", null));
                        continue;
                    }
                    frenchEr(lemma, out);
                    from = 1;
                }
                case "-ir" -> {
                    if (!lemma.endsWith("ir")) {
                        errors.add(new LoadError(file, i + 1, tab + 2, "-ir needs a lemma ending in -ir", null));
                        continue;
                    }
                    String stem = lemma.substring(0, lemma.length() - 2);
                    for (String e : IR) {
                        out.add(stem + e);
                    }
                    from = 1;
                }
                case "+ed" -> {
                    englishRegular(lemma, out);
                    from = 1;
                }
                default -> { }
            }
            for (int w = from; w < words.length; w++) {
                String f = words[w].toLowerCase(Locale.ROOT);
                if (f.startsWith("-") || f.startsWith("+")) {
                    errors.add(new LoadError(file, i + 1, 0, "unknown class '" + f + "'",
                            "classes are -er, -ir, +ed and come first"));
                    continue;
                }
                out.add(f);
            }
            if (elides(file)) {
                // French clitics elide before a vowel and the apostrophe folds away: "m'envoies" is read as
                // "menvoies", "t'habites" as "thabites"; every such form gets its elided spellings
                for (String f : List.copyOf(out)) {
                    if (f.length() >= 3 && "aeiouyhéèêàâîôû".indexOf(f.charAt(0)) >= 0) {
                        for (String clitic : CLITICS) {
                            out.add(clitic + f);
                        }
                    }
                }
            }
            forms.put(lemma, List.copyOf(out));
        }
    }

    /** The forms of a lemma (the lemma first), or null when the tables do not list it. */
    List<String> forms(String lemma) {
        return forms.get(lemma.toLowerCase(Locale.ROOT));
    }

    /** Number of lemmas listed. */
    int size() {
        return forms.size();
    }

    private static void frenchEr(String lemma, Set<String> out) {
        String stem = lemma.substring(0, lemma.length() - 2);
        boolean soft = stem.endsWith("g");
        for (String e : ER) {
            // manger: mangeons, mangeais, mangeant (the e keeps the g soft before a and o)
            boolean hard = e.startsWith("a") || e.startsWith("o");
            out.add(soft && hard ? stem + "e" + e : stem + e);
        }
    }

    private static void englishRegular(String lemma, Set<String> out) {
        int n = lemma.length();
        char last = lemma.charAt(n - 1);
        boolean consonantY = last == 'y' && n > 1 && "aeiou".indexOf(lemma.charAt(n - 2)) < 0;
        if (consonantY) {
            String stem = lemma.substring(0, n - 1);
            out.add(stem + "ies");
            out.add(stem + "ied");
            out.add(lemma + "ing");
        } else if (last == 'e') {
            out.add(lemma + "s");
            out.add(lemma + "d");
            out.add(lemma.endsWith("ee") ? lemma + "ing" : lemma.substring(0, n - 1) + "ing");
        } else {
            boolean sibilant = lemma.endsWith("s") || lemma.endsWith("x") || lemma.endsWith("z")
                    || lemma.endsWith("ch") || lemma.endsWith("sh") || lemma.endsWith("o");
            out.add(lemma + (sibilant ? "es" : "s"));
            out.add(lemma + "ed");
            out.add(lemma + "ing");
        }
    }

    /** Every lemma listed, for docs and tests. */
    List<String> lemmas() {
        return new ArrayList<>(forms.keySet());
    }
}
