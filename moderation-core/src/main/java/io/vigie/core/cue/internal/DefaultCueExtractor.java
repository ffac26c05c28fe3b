package io.vigie.core.cue.internal;

import io.vigie.core.model.RiskModel;

import io.vigie.core.contract.Attachment;
import io.vigie.core.match.MatchSink;
import io.vigie.core.match.TermAutomaton;
import io.vigie.core.match.TokenPatterns;
import io.vigie.core.match.WordChars;
import io.vigie.core.normalize.NormalizedText;
import io.vigie.core.normalize.TextNormalizer;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.MessageCues;

import java.util.Arrays;
import java.util.List;

/**
 * The per-session extractor: normalize, one automaton pass, then the gated pattern extractors and the
 * known-media lookups, all into one reused {@link CueHits}. Nothing is allocated per message once the
 * scratch arrays have grown to the session's largest message. Not thread-safe.
 */
final class DefaultCueExtractor implements CueExtractor, MatchSink, TokenPatterns.PatternSink {

    private static final int DIGIT = 1;
    private static final int AT = 2;
    private static final int DOT = 4;
    private static final int UNDERSCORE = 8;
    private static final int[] KIND = new int[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            KIND[c] = DIGIT;
        }
        KIND['@'] = AT;
        KIND['.'] = DOT;
        KIND[':'] = DOT;
        KIND['_'] = UNDERSCORE;
    }

    private final DefaultCueModel model;
    private final TextNormalizer normalizer;
    private final CueHits features;
    private final FoldedView view = new FoldedView();
    private final AgeExtractor ages;
    private final NumberExtractor numbers;
    private final ContactExtractor contacts;
    private final long[] hash = new long[4];
    private final TokenPatterns.Matcher patterns;
    private final RiskModel.Scorer risk;
    private final TermAutomaton.Scratch scanScratch = new TermAutomaton.Scratch();
    private NormalizedText folded;
    private int[] wordStart = new int[4];
    private int[] wordEnd = new int[4];
    private int[] wordValue = new int[4];
    private int words;
    /** Folded indexes right after an elided apostrophe in the current text, ascending (the normalizer's array). */
    private int[] elisionAt = new int[0];
    private int elisionCount;
    private long errors;

    DefaultCueExtractor(DefaultCueModel model, TextNormalizer normalizer) {
        this.model = model;
        this.normalizer = normalizer;
        this.features = new CueHits(model.cues().size());
        this.ages = new AgeExtractor(model.vocab);
        this.numbers = new NumberExtractor(model.vocab, ages, model.cuePhone, model.cueTime, model.cueAddress,
                model.cuePrice, model.cueNumber, model.cueSize);
        this.contacts = new ContactExtractor(model.tlds, model.slashTlds, model.cueEmail, model.cueHandle,
                model.cueLink);
        this.patterns = model.patterns.newMatcher();
        this.risk = model.risk == null ? null : model.risk.newScorer();
    }

    @Override
    public MessageCues extract(CharSequence text, List<Attachment> attachments, long eventTimeMs) {
        return extract(text, attachments, eventTimeMs, 0f, 0);
    }

    @Override
    public MessageCues extract(CharSequence text, List<Attachment> attachments, long eventTimeMs,
                               float contextBefore, int messagesBefore) {
        CharSequence raw = text == null ? "" : text;
        features.reset(raw);
        try {
            run(raw, eventTimeMs, contextBefore, messagesBefore);
            if (attachments != null && !attachments.isEmpty()) {
                media(attachments);
            }
        } catch (RuntimeException e) {
            // the contract says extraction never throws: keep the cues found so far and report the failure
            errors++;
            features.error("cue extraction failed: " + e.getClass().getSimpleName());
        }
        features.finish();
        return features;
    }

    private void run(CharSequence raw, long eventTimeMs, float contextBefore, int messagesBefore) {
        NormalizedText nt = normalizer.normalize(raw);
        folded = nt;
        char[] b = nt.chars();
        int len = nt.length();
        view.reset(b, len);
        features.folded(b, len);
        // where an apostrophe after a letter was folded away ("l'article"): found by the fold itself
        elisionAt = nt.elisions();
        elisionCount = nt.elisionCount();
        words = 0;
        patterns.reset(len);
        int kinds = model.automaton.scan(b, len, this, KIND, scanScratch);
        view.count(len);
        if ((kinds & DIGIT) != 0) {
            numbers.extract(view, yearOf(eventTimeMs), this);
        }
        for (int w = 0; w < words; w++) {
            ages.tryNumber(view, wordStart[w], wordEnd[w], wordValue[w], true, this);
        }
        if ((kinds & AT) != 0) {
            contacts.extractAt(view, this);
        }
        if ((kinds & DOT) != 0) {
            contacts.extractLinks(view, this);
        }
        if ((kinds & UNDERSCORE) != 0) {
            contacts.extractUnderscored(view, this);
        }
        names(raw, b, len);
        if (raw.length() > 0) { // an attachment alone gives the risk model nothing to read
            if (risk != null) {
                risk(b, len);
            } else {
                cue(model.cueModelPlausible, 0, len); // no model: nothing is ruled out
            }
        }
        context(raw.length() > 0, len, contextBefore, messagesBefore);
        if (!patterns.isEmpty()) {
            patterns.match(b, len, this);
            if (patterns.exhausted()) {
                // a pathological text (thousands of pattern words): the work stays bounded, the alert says so
                features.error("patterns: work budget exhausted, some patterns were not tried");
            }
        }
    }

    /**
     * Fires {@link io.vigie.core.cue.Cues#TEXT_NAME} on every word of three or more letters that the writer
     * capitalized inside a sentence (an upper-case letter then a lower-case one, after a word on the same
     * sentence), unless it is a weekday, a month, a holiday or another capitalized common word. One pass over the
     * folded words; a text without an upper-case letter after its first character costs one scan of the raw chars.
     */
    private void names(CharSequence raw, char[] b, int len) {
        int rawLen = raw.length();
        boolean upper = false;
        for (int i = 1; i < rawLen && !upper; i++) {
            char c = raw.charAt(i);
            upper = c >= 'A' && c <= 'Z' || c > 0x7f && Character.isUpperCase(c);
        }
        if (!upper) {
            return;
        }
        int i = 0;
        while (i < len) {
            while (i < len && !WordChars.isWordChar(b[i])) {
                i++;
            }
            int ws = i;
            while (i < len && WordChars.isWordChar(b[i])) {
                i++;
            }
            if (i - ws < 3) {
                continue;
            }
            int r = folded.rawStart(ws);
            if (r <= 0 || r + 1 >= rawLen || !Character.isUpperCase(raw.charAt(r))
                    || !Character.isLowerCase(raw.charAt(r + 1)) || sentenceStart(raw, r)
                    || model.notNames.contains(b, ws, i)) {
                continue;
            }
            cue(model.cueName, ws, i);
        }
    }

    /**
     * Scores the message with the risk model and fires its cues over the n-gram that weighed most toward harm:
     * {@code model.plausible} above its plausible threshold, {@code model.harm_weak} with {@code model.<category>}
     * for each category the scores assign above its weak threshold, {@code model.harm} above its low threshold and
     * {@code model.harm_high} above its high one.
     */
    private void risk(char[] b, int len) {
        risk.score(b, len);
        RiskModel m = model.risk;
        float harm = risk.harm();
        if (!(harm > m.plausibleThreshold())) {
            return;
        }
        int s = Math.max(0, risk.evidenceStart());
        int e = risk.evidenceEnd() < 0 ? len : risk.evidenceEnd();
        cue(model.cueModelPlausible, s, e);
        if (!(harm > m.weakThreshold())) {
            return;
        }
        cue(model.cueModelWeak, s, e);
        for (int c = 0; c < model.cueModelCategory.length; c++) {
            if (risk.assigns(c)) {
                cue(model.cueModelCategory[c], s, e);
            }
        }
        if (harm > m.lowThreshold()) {
            cue(model.cueModelHarm, s, e);
            if (harm > m.highThreshold()) {
                cue(model.cueModelHigh, s, e);
            }
        }
    }

    /**
     * Fires {@code model.context} when the conversation so far, this message included, scores above the context
     * gate, and on a conversation's first message (on every message without a model or without its context output):
     * the model vetoes with the conversation around a message, never a message alone. Records the conversation's sum
     * for the next state. A message without text fires nothing and adds nothing, but counts as a message.
     */
    private void context(boolean scored, int len, float contextBefore, int messagesBefore) {
        RiskModel.Context c = risk == null ? null : model.risk.context();
        if (c == null) {
            if (scored) {
                cue(model.cueModelContext, 0, len);
            }
            return;
        }
        float sum = c.sum(contextBefore, scored ? risk.context() : 0f);
        float score = c.score(sum, messagesBefore + 1);
        features.context(sum, score);
        // a conversation's first message has no conversation around it to veto it: its words alone decide
        if (scored && (messagesBefore == 0 || score > c.gate())) {
            cue(model.cueModelContext, 0, len);
        }
    }

    /** True when only spaces, quotes or brackets separate raw index {@code r} from the text's or a sentence's start. */
    private static boolean sentenceStart(CharSequence raw, int r) {
        for (int k = r - 1; k >= 0; k--) {
            char c = raw.charAt(k);
            if (c == ' ' || c == '"' || c == '\'' || c == '(' || c == '\u00ab' || c == '\u201c' || c == '\t') {
                continue;
            }
            return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n' || c == '\r'
                    || c == '\u2026' || c == '-' || c > 0x2000 && !Character.isLetterOrDigit(c);
        }
        return true;
    }

    @Override
    public void onPattern(int pattern, int start, int end) {
        // the matcher records the pattern's own unit for later patterns: only the cue fires here
        features.fire(model.patternCue[pattern], folded.rawStart(start), folded.rawEnd(end));
    }

    @Override
    public void onMatch(int payload, int start, int end) {
        if (payload >= PatternCompiler.ATOM_BASE) {
            patterns.add(payload - PatternCompiler.ATOM_BASE, start, end);
            return;
        }
        if (payload >= 0) {
            cue(payload, start, end);
            return;
        }
        if (words == wordStart.length) {
            wordStart = Arrays.copyOf(wordStart, words * 2);
            wordEnd = Arrays.copyOf(wordEnd, words * 2);
            wordValue = Arrays.copyOf(wordValue, words * 2);
        }
        wordStart[words] = start;
        wordEnd[words] = end;
        wordValue[words++] = -payload - 1;
    }

    @Override
    public boolean mayElide() {
        return elisionCount > 0;
    }

    @Override
    public int nextElision(int from, int len) {
        int k = firstElisionFrom(from);
        return k < elisionCount && elisionAt[k] < len ? elisionAt[k] : -1;
    }

    /** The position in {@link #elisionAt} of the first elision at or after folded index {@code from}. */
    private int firstElisionFrom(int from) {
        int lo = 0;
        int hi = elisionCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (elisionAt[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public boolean elidedBefore(int start) {
        // an apostrophe between two letters of the raw text, removed by folding: "l'article", "qu'elle", "t'habites"
        // (found once per text by the normalizer)
        int k = firstElisionFrom(start);
        return k < elisionCount && elisionAt[k] == start;
    }

    /** Reports a cue over the folded span {@code [start, end)}. */
    void cue(int cue, int start, int end) {
        features.fire(cue, folded.rawStart(start), folded.rawEnd(end));
        int unit = model.cueUnit[cue];
        if (unit >= 0) {
            patterns.add(unit, start, end);
        }
    }

    /** Reports the writer's stated age over the folded span {@code [start, end)}. */
    void age(int value, int start, int end, boolean firstPerson) {
        features.statedAge(value, folded.rawStart(start), folded.rawEnd(end), firstPerson);
        cue(model.cueAgeStated, start, end);
        if (value < 18) {
            cue(model.cueAgeMinor, start, end);
            cue(model.cueMinorContext, start, end);
        } else {
            cue(model.cueAgeAdult, start, end);
        }
    }

    private void media(List<Attachment> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            if (a == null) {
                continue;
            }
            if (model.sha256 != null && Hex256.parse(a.sha256(), hash) && model.sha256.contains(hash)) {
                features.fire(model.cueSha, -1, -1);
            }
            if (model.pdq != null && Hex256.parse(a.pdq(), hash) && model.pdq.nearest(hash) >= 0) {
                features.fire(model.cuePdq, -1, -1);
            }
        }
    }

    /** Chars the pattern extractors touched on the last message (a linear-work check for tests). */
    long lastWorkSteps() {
        return view.steps();
    }

    /** Extractions that hit an internal error since this extractor was made (should stay 0). */
    long errors() {
        return errors;
    }

    /** The UTC calendar year of an epoch-millisecond instant, without allocating (civil-from-days). */
    static int yearOf(long epochMs) {
        long days = Math.floorDiv(epochMs, 86_400_000L);
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return (int) year;
    }
}
