package io.vigie.core.cue.internal;

import io.vigie.core.contract.Category;
import io.vigie.core.model.RiskModel;

import io.vigie.core.match.Boundary;
import io.vigie.core.match.TermAutomaton;
import io.vigie.core.match.TokenPatterns;
import io.vigie.core.normalize.NormalizedText;
import io.vigie.core.normalize.TextNormalizer;
import io.vigie.core.load.LoadError;
import io.vigie.core.load.LoadException;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.Cues;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.CueModel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The compiled cue model: cue table, lexicon automaton (with hidden number-word and pattern-word terms), the
 * token patterns, the extractors' word lists and the known-media indexes. Immutable and thread-safe; each {@link #newExtractor()} gets its
 * own normalizer and scratch.
 */
public final class DefaultCueModel implements CueModel {

    /** Top-level domains a link may end with (squashed forms are added when folding changes them). */
    private static final String[] TLDS = {"com", "fr", "net", "org", "io", "me", "ly", "co", "be", "ch", "ca",
        "tv", "xyz", "info", "app", "link", "to", "uk", "de", "ru", "eu", "biz", "site", "online", "club",
        "gl", "lu", "es", "it", "nl", "onion", "gg"};
    /**
     * Top-level domains that only count with a path ("discord.gg/x" folds to "discord.g/x"), and the newer generic
     * ones that are ordinary words alone ("vault.chat/inv/x", "drop.cloud/k/9", but not "live chat").
     */
    private static final String[] SLASH_TLDS = {"gg", "g", "cc", "am", "fm", "im", "is", "ms", "sh", "su", "chat",
        "live", "space", "store", "shop", "cloud", "zip", "top", "pw", "ws", "dev", "page", "vip", "icu", "fun",
        "host", "tk", "sbs", "lat", "click"};
    /** Capitalized words that are not names of anything one could move a chat to (English capitalizes them). */
    private static final String[] NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "christmas", "easter", "noel", "ramadan", "eid", "halloween", "god",
        "mum", "mom", "dad", "mummy", "mommy", "daddy", "maman", "papa", "english", "french", "anglais", "lol",
        "omg", "sir", "madam", "ok", "okay", "yes", "no", "oui", "non", "the", "and", "but"};

    final TermAutomaton automaton;
    final Vocab vocab;
    final TokenTable tlds;
    final TokenTable slashTlds;
    final TokenTable notNames;
    final Sha256Set sha256;
    final PdqIndex pdq;
    final int cueAgeStated;
    final int cueAgeMinor;
    final int cueAgeAdult;
    final int cueMinorContext;
    final int cuePhone;
    final int cueEmail;
    final int cueLink;
    final int cueHandle;
    final int cueTime;
    final int cueAddress;
    final int cuePrice;
    final int cueSha;
    final int cuePdq;
    final int cueNumber;
    final int cueSize;
    final int cueName;
    final int cueModelHarm;
    final int cueModelHigh;
    final int cueModelPlausible;
    final int cueModelContext;
    final int cueModelWeak;
    /** Per output category of the risk model: its {@code model.<category>} cue. */
    final int[] cueModelCategory;
    /** The statistical risk model, or null. */
    final RiskModel risk;
    /** Token patterns over the lexicons' pattern lines. */
    final TokenPatterns patterns;
    /** The cue each pattern feeds. */
    final int[] patternCue;
    /** Per cue id: the pattern unit it feeds when it fires, -1 when no pattern uses it. */
    final int[] cueUnit;
    private final CueTable cues;
    private final Supplier<TextNormalizer> normalizers;
    private final String version;
    private final int termCount;

    /**
     * Compiles a model.
     *
     * @param normalizers    a fresh normalizer per call (each extractor owns one), never null
     * @param entries        every lexicon line, in file order
     * @param inflections    the lemma forms pattern lines may use, never null
     * @param hashes         known-media lists, may be null
     * @param pdqThreshold   PDQ match threshold (Hamming distance)
     * @param contentDigest  SHA-256 over the data files, for the version string
     * @param riskModel      the statistical model behind the {@code model.*} cues, may be null
     * @throws LoadException on terms that fold to nothing or repeat, bad patterns, unknown lemmas or cues
     */
    DefaultCueModel(Supplier<TextNormalizer> normalizers, List<LexiconEntry> entries, InflectionTable inflections,
                    HashListLoader hashes, int pdqThreshold, byte[] contentDigest, RiskModel riskModel)
            throws LoadException {
        this.normalizers = normalizers;
        this.risk = riskModel;
        TextNormalizer n = normalizers.get();
        List<String> names = new ArrayList<>(List.of(Cues.builtIn()));
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), i);
        }
        // every cue a lexicon line names exists before any pattern refers to it
        for (LexiconEntry e : entries) {
            if (!ids.containsKey(e.cue())) {
                ids.put(e.cue(), names.size());
                names.add(e.cue());
            }
        }
        List<LoadError> errors = new ArrayList<>();
        TermAutomaton.Builder ac = TermAutomaton.builder();
        PatternCompiler patternCompiler = new PatternCompiler(n, inflections, ac, ids, errors);
        Map<String, LexiconEntry> seen = new LinkedHashMap<>();
        int terms = 0;
        for (LexiconEntry e : entries) {
            int id = ids.get(e.cue());
            if (PatternSyntax.isPattern(e.term())) {
                terms += patternCompiler.add(e, id);
                continue;
            }
            String folded = fold(n, e.term());
            if (folded.isEmpty()) {
                errors.add(new LoadError(e.file(), e.line(), 1, "term '" + e.term() + "' folds to nothing",
                        "a term needs at least one letter, digit or sign that folding keeps"));
                continue;
            }
            String key = folded + '\t' + e.cue() + '\t' + e.boundary();
            LexiconEntry first = seen.putIfAbsent(key, e);
            if (first != null) {
                errors.add(new LoadError(e.file(), e.line(), 1, "duplicate term '" + e.term() + "' for "
                        + e.cue() + " (folds like " + first.file() + ":" + first.line() + ")", "remove one"));
                continue;
            }
            if (ac.addIfAbsent(folded, id, e.boundary())) { // a pattern line may already give the cue this word
                terms++;
            }
        }
        PatternCompiler.Result compiled = errors.isEmpty() ? patternCompiler.compile(names.size()) : null;
        if (!errors.isEmpty()) {
            throw new LoadException(errors);
        }
        this.patterns = compiled.patterns();
        this.patternCue = compiled.patternCue();
        this.cueUnit = compiled.cueUnit();
        Map<String, Integer> numberWords = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> w : Vocab.NUMBER_WORDS.entrySet()) {
            String folded = fold(n, w.getKey());
            if (!folded.isEmpty()) {
                numberWords.putIfAbsent(folded, w.getValue());
            }
        }
        for (Map.Entry<String, Integer> w : numberWords.entrySet()) {
            ac.add(w.getKey(), -w.getValue() - 1, Boundary.WORD);
        }
        try {
            this.automaton = ac.build();
        } catch (IllegalArgumentException e) {
            throw new LoadException(List.of(new LoadError("lexicons", 0, 0, e.getMessage(),
                    "split the lexicon or drop rarely useful terms")));
        }
        this.termCount = terms;
        this.cues = new CueTable(names);
        this.vocab = new Vocab(n);
        this.tlds = TokenTable.builder(n).add(TLDS).build();
        this.slashTlds = TokenTable.builder(n).add(SLASH_TLDS).build();
        this.notNames = TokenTable.builder(n).add(NOT_NAMES).build();
        this.sha256 = hashes == null || hashes.shaCount == 0 ? null : new Sha256Set(hashes.sha, hashes.shaCount);
        this.pdq = hashes == null || hashes.pdqCount == 0 ? null
                : new PdqIndex(hashes.pdq, hashes.pdqCount, pdqThreshold);
        cueAgeStated = ids.get(Cues.AGE_STATED);
        cueAgeMinor = ids.get(Cues.AGE_STATED_MINOR);
        cueAgeAdult = ids.get(Cues.AGE_STATED_ADULT);
        cueMinorContext = ids.get(Cues.AGE_MINOR_CONTEXT);
        cuePhone = ids.get(Cues.CONTACT_PHONE);
        cueEmail = ids.get(Cues.CONTACT_EMAIL);
        cueLink = ids.get(Cues.CONTACT_LINK);
        cueHandle = ids.get(Cues.CONTACT_HANDLE);
        cueTime = ids.get(Cues.MEETING_TIME);
        cueAddress = ids.get(Cues.MEETING_ADDRESS);
        cuePrice = ids.get(Cues.MONEY_PRICE);
        cueSha = ids.get(Cues.MEDIA_KNOWN_SHA256);
        cuePdq = ids.get(Cues.MEDIA_KNOWN_PDQ);
        cueNumber = ids.get(Cues.NUMBER_ANY);
        cueSize = ids.get(Cues.NUMBER_SIZE);
        cueName = ids.get(Cues.TEXT_NAME);
        cueModelHarm = ids.get(Cues.MODEL_HARM);
        cueModelHigh = ids.get(Cues.MODEL_HARM_HIGH);
        cueModelPlausible = ids.get(Cues.MODEL_PLAUSIBLE);
        cueModelContext = ids.get(Cues.MODEL_CONTEXT);
        cueModelWeak = ids.get(Cues.MODEL_HARM_WEAK);
        List<Category> modelCategories = riskModel == null ? List.of() : riskModel.categories();
        cueModelCategory = new int[modelCategories.size()];
        for (int c = 0; c < cueModelCategory.length; c++) {
            cueModelCategory[c] = ids.get(Cues.model(modelCategories.get(c)));
        }
        String digest = HexFormat.of().formatHex(contentDigest, 0, 6);
        int shaN = sha256 == null ? 0 : sha256.size();
        int pdqN = pdq == null ? 0 : pdq.size();
        this.version = "lexicon-" + terms + "t" + patterns.size() + "p-" + digest
                + (shaN + pdqN > 0 ? "+media-" + shaN + "s" + pdqN + "p" : "")
                + (riskModel == null ? "" : "+" + riskModel.version());
    }

    /** Folds a data term through the model's normalizer, trimming surrounding spaces. */
    static String fold(TextNormalizer n, String term) {
        NormalizedText t = n.normalize(term);
        return new String(t.chars(), 0, t.length()).strip();
    }

    /** SHA-256 of the given texts, for version strings. */
    static byte[] digest(List<String> contents) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String c : contents) {
                md.update(c.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public CueRegistry cues() {
        return cues;
    }

    @Override
    public RiskModel riskModel() {
        return risk;
    }

    @Override
    public CueExtractor newExtractor() {
        return new DefaultCueExtractor(this, normalizers.get());
    }

    @Override
    public String version() {
        return version;
    }

    /** Number of lexicon terms compiled (without the hidden number words). */
    public int termCount() {
        return termCount;
    }

    @Override
    public String toString() {
        return "CueModel[" + version + ", cues=" + cues.size() + ", " + automaton + ", " + patterns + "]";
    }
}
