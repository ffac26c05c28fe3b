package io.vigie.core.cue.internal;

import io.vigie.core.load.LoadError;
import io.vigie.core.match.Boundary;
import io.vigie.core.match.TermAutomaton;
import io.vigie.core.match.TokenPatterns;
import io.vigie.core.normalize.TextNormalizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the pattern lines of the lexicons (see {@link PatternSyntax}) into the automaton's hidden terms and
 * a {@link TokenPatterns} set. Words and lemma forms become automaton terms whose payload is
 * {@link #ATOM_BASE} plus their unit; cues named with '@' become units fed when the cue fires; a pattern whose
 * output cue other patterns use feeds that unit in turn, so patterns are ordered by what they use (a cycle is an
 * error). A pattern of one element made of words only needs no matching stage: its words are plain terms of its
 * cue. Load time only; not thread-safe.
 */
final class PatternCompiler {

    /** Automaton payloads from this value up are pattern atoms (unit = payload - ATOM_BASE). */
    static final int ATOM_BASE = 1 << 24;

    private final TextNormalizer normalizer;
    private final InflectionTable inflections;
    private final TermAutomaton.Builder automaton;
    private final Map<String, Integer> cueIds;
    private final List<LoadError> errors;
    private final Map<String, Integer> atoms = new LinkedHashMap<>();
    private final List<Integer> atomRarity = new ArrayList<>();
    private final List<Parsed> patterns = new ArrayList<>();

    /** One pattern line, parsed, with the atoms and cues it uses. */
    private record Parsed(LexiconEntry entry, int cue, List<PatternSyntax.Element> elements, int[][] atomAlts,
                          String[][] cueAlts) {
    }

    /**
     * @param cueIds every cue name to its id (all lexicon cues already registered)
     */
    PatternCompiler(TextNormalizer normalizer, InflectionTable inflections, TermAutomaton.Builder automaton,
                    Map<String, Integer> cueIds, List<LoadError> errors) {
        this.normalizer = normalizer;
        this.inflections = inflections;
        this.automaton = automaton;
        this.cueIds = cueIds;
        this.errors = errors;
    }

    /**
     * Takes one pattern line. A single element of words (and lemmas) becomes plain terms of the entry's cue at
     * once; anything else is kept for {@link #compile}.
     *
     * @return the number of automaton terms added
     */
    int add(LexiconEntry e, int cue) {
        List<PatternSyntax.Element> elements;
        try {
            elements = PatternSyntax.parse(e.term());
        } catch (PatternSyntax.SyntaxError x) {
            errors.add(new LoadError(e.file(), e.line(), x.column(), "bad pattern '" + e.term() + "': "
                    + x.getMessage(), "see the pattern syntax in docs/rule-authoring.md"));
            return 0;
        }
        if (elements.size() == 1 && !elements.get(0).optional() && wordsOnly(elements.get(0))) {
            return plainTerms(e, cue, elements.get(0));
        }
        int[][] atomAlts = new int[elements.size()][];
        String[][] cueAlts = new String[elements.size()][];
        for (int i = 0; i < elements.size(); i++) {
            List<PatternSyntax.Alt> alts = elements.get(i).alts();
            List<Integer> a = new ArrayList<>();
            List<String> c = new ArrayList<>();
            for (PatternSyntax.Alt alt : alts) {
                if (alt instanceof PatternSyntax.Words w) {
                    int unit = atom(e, w);
                    if (unit >= 0) {
                        a.add(unit);
                    }
                } else if (alt instanceof PatternSyntax.Lemma l) {
                    int unit = lemmaAtom(e, l);
                    if (unit >= 0) {
                        a.add(unit);
                    }
                } else if (alt instanceof PatternSyntax.CueRef r) {
                    if (!cueIds.containsKey(r.cue())) {
                        errors.add(new LoadError(e.file(), e.line(), 1, "unknown cue '@" + r.cue()
                                + "' in pattern '" + e.term() + "'", "define it on a lexicon line first"));
                    } else {
                        c.add(r.cue());
                    }
                }
            }
            atomAlts[i] = a.stream().mapToInt(Integer::intValue).toArray();
            cueAlts[i] = c.toArray(new String[0]);
        }
        patterns.add(new Parsed(e, cue, elements, atomAlts, cueAlts));
        return 0;
    }

    private static boolean wordsOnly(PatternSyntax.Element el) {
        for (PatternSyntax.Alt a : el.alts()) {
            if (a instanceof PatternSyntax.CueRef) {
                return false;
            }
        }
        return true;
    }

    private int plainTerms(LexiconEntry e, int cue, PatternSyntax.Element el) {
        int added = 0;
        Set<String> done = new LinkedHashSet<>();
        for (PatternSyntax.Alt alt : el.alts()) {
            List<String> texts;
            Boundary boundary;
            if (alt instanceof PatternSyntax.Words w) {
                texts = List.of(w.text());
                boundary = w.prefix() ? Boundary.PREFIX : e.boundary();
            } else {
                texts = lemmaForms(e, (PatternSyntax.Lemma) alt);
                boundary = Boundary.WORD;
            }
            for (String t : texts) {
                String folded = DefaultCueModel.fold(normalizer, t);
                if (folded.isEmpty() || !done.add(folded + boundary)) {
                    continue;
                }
                // alternatives overlap other lines of the same concept: a repeat is harmless
                if (automaton.addIfAbsent(folded, cue, boundary)) {
                    added++;
                }
            }
        }
        return added;
    }

    private int atom(LexiconEntry e, PatternSyntax.Words w) {
        String folded = DefaultCueModel.fold(normalizer, w.text());
        if (folded.isEmpty()) {
            errors.add(new LoadError(e.file(), e.line(), 1, "'" + w.text() + "' folds to nothing", null));
            return -1;
        }
        String key = folded + (w.prefix() ? "*" : "");
        Integer unit = atoms.get(key);
        if (unit == null) {
            unit = atoms.size();
            atoms.put(key, unit);
            atomRarity.add(folded.length());
            automaton.add(folded, ATOM_BASE + unit, w.prefix() ? Boundary.PREFIX : Boundary.WORD);
        }
        return unit;
    }

    private int lemmaAtom(LexiconEntry e, PatternSyntax.Lemma l) {
        String key = "<" + l.lemma() + ">";
        Integer unit = atoms.get(key);
        if (unit != null) {
            return unit;
        }
        List<String> forms = lemmaForms(e, l);
        if (forms.isEmpty()) {
            return -1;
        }
        unit = atoms.size();
        atoms.put(key, unit);
        Set<String> folded = new LinkedHashSet<>();
        int shortest = Integer.MAX_VALUE;
        for (String f : forms) {
            String fo = DefaultCueModel.fold(normalizer, f);
            if (!fo.isEmpty() && folded.add(fo)) {
                automaton.add(fo, ATOM_BASE + unit, Boundary.WORD);
                shortest = Math.min(shortest, fo.length());
            }
        }
        atomRarity.add(shortest);
        return unit;
    }

    private List<String> lemmaForms(LexiconEntry e, PatternSyntax.Lemma l) {
        List<String> forms = inflections.forms(l.lemma());
        if (forms == null) {
            errors.add(new LoadError(e.file(), e.line(), 1, "lemma <" + l.lemma() + "> is not in the inflection"
                    + " tables", "add a line '" + l.lemma() + "<TAB>forms' to a .forms file"));
            return List.of();
        }
        return forms;
    }

    /** The compiled patterns, their output cues, and which cue feeds which unit. */
    record Result(TokenPatterns patterns, int[] patternCue, int[] cueUnit) {
    }

    /**
     * Orders the kept patterns by what they use and compiles them.
     *
     * @param cueCount number of cues (ids 0..cueCount-1)
     * @return null when there is an error (already reported)
     */
    Result compile(int cueCount) {
        int[] cueUnit = new int[cueCount];
        Arrays.fill(cueUnit, -1);
        int units = atoms.size();
        for (Parsed p : patterns) {
            for (String[] alts : p.cueAlts()) {
                for (String c : alts) {
                    int id = cueIds.get(c);
                    if (cueUnit[id] < 0) {
                        cueUnit[id] = units++;
                    }
                }
            }
        }
        List<Parsed> ordered = order();
        if (ordered == null) {
            return null;
        }
        int[] rarity = new int[units];
        for (int i = 0; i < atomRarity.size(); i++) {
            rarity[i] = atomRarity.get(i);
        }
        for (int c = 0; c < cueCount; c++) {
            if (cueUnit[c] >= 0) {
                rarity[cueUnit[c]] = 4; // a concept: about as rare as a short word
            }
        }
        TokenPatterns.Builder b = TokenPatterns.builder(units).rarities(rarity);
        int[] patternCue = new int[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            Parsed p = ordered.get(i);
            List<TokenPatterns.Element> els = new ArrayList<>();
            for (int k = 0; k < p.elements().size(); k++) {
                int[] a = p.atomAlts()[k];
                String[] c = p.cueAlts()[k];
                int[] u = Arrays.copyOf(a, a.length + c.length);
                for (int j = 0; j < c.length; j++) {
                    u[a.length + j] = cueUnit[cueIds.get(c[j])];
                }
                if (u.length == 0) {
                    return null; // its atoms failed and were reported
                }
                PatternSyntax.Element el = p.elements().get(k);
                els.add(new TokenPatterns.Element(u, el.optional(), el.gapBefore()));
            }
            b.add(els, cueUnit[p.cue()]);
            patternCue[i] = p.cue();
        }
        try {
            return new Result(b.build(), patternCue, cueUnit);
        } catch (IllegalArgumentException x) {
            errors.add(new LoadError("lexicons", 0, 0, "patterns: " + x.getMessage(), null));
            return null;
        }
    }

    /** The patterns in an order where each comes after every pattern feeding a cue it uses (file order otherwise). */
    private List<Parsed> order() {
        Map<Integer, List<Integer>> producers = new HashMap<>();
        for (int i = 0; i < patterns.size(); i++) {
            producers.computeIfAbsent(patterns.get(i).cue(), k -> new ArrayList<>()).add(i);
        }
        int n = patterns.size();
        int[] pending = new int[n];
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Set<Integer> deps = new LinkedHashSet<>();
            for (String[] alts : patterns.get(i).cueAlts()) {
                for (String c : alts) {
                    deps.addAll(producers.getOrDefault(cueIds.get(c), List.of()));
                }
            }
            for (int d : deps) {
                users.get(d).add(i);
                pending[i]++;
            }
        }
        ArrayDeque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<Parsed> out = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out.add(patterns.get(i));
            for (int u : users.get(i)) {
                if (--pending[u] == 0) {
                    ready.add(u);
                }
            }
        }
        if (out.size() < n) {
            for (int i = 0; i < n; i++) {
                if (pending[i] > 0) {
                    LexiconEntry e = patterns.get(i).entry();
                    errors.add(new LoadError(e.file(), e.line(), 1, "pattern '" + e.term() + "' is part of a cycle:"
                            + " it uses a cue that is, through other patterns, fed by itself", "break the cycle"));
                }
            }
            return null;
        }
        return out;
    }

    /** Number of pattern lines kept for the matching stage. */
    int patternCount() {
        return patterns.size();
    }
}
