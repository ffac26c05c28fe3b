package io.vigie.core.rule.internal;

import com.google.re2j.Pattern;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.rule.Finding;
import io.vigie.core.rule.ScoringContext;
import io.vigie.core.contract.Stage;
import io.vigie.core.cue.MessageCues;

import java.util.List;
import java.util.Objects;

/**
 * One rule compiled for the hot path: cue ids in sorted {@code int[]}, context limits as primitives, the
 * regex compiled once. Immutable and thread-safe; {@link #evaluate} allocates only the {@link Finding} it
 * returns (and, for a regex rule whose cues are all present, nothing beyond the per-thread scratch).
 */
public final class CompiledRule {

    /** Tri-state for boolean context conditions. */
    static final byte ANY = 0;
    static final byte YES = 1;
    static final byte NO = 2;

    private static final long HOUR_MS = 3_600_000L;


    private final String id;
    private final String description;
    private final List<Category> categories;
    private final int score;
    private final Stage stage;
    private final boolean shadow;
    private final int[] all;
    private final int[] any;
    private final int anyMin;
    private final int[] none;
    private final Pattern regex;
    private final int regexSlot;
    private final Pattern notRegex;
    private final int notRegexSlot;
    private final LiteralAlternation regexLiteral;
    private final LiteralAlternation notRegexLiteral;
    private final int evidenceCue;
    /** How many of {@code all}'s cues, last in it, are gates (model.context): required, never evidence. */
    private final int gates;
    private final byte recipientLikelyMinor;
    private final byte senderLikelyMinor;
    private final byte senderLikelyAdult;
    private final byte adultWitness;
    private final int minAgeGap;
    private final long senderAccountAgeMaxMs;
    private final Stage[] stagesAny;
    private final Stage[] stagesAll;
    private final int minConversationMessages;
    private final boolean privateOnly;
    private final WindowClause[] windows;
    private final byte conversationAlerted;
    private final String file;
    private final int line;
    private final List<RuleExample> examples;

    CompiledRule(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id must not be null");
        this.description = b.description;
        this.categories = List.copyOf(b.categories);
        this.score = b.score;
        this.stage = b.stage;
        this.shadow = b.shadow;
        this.all = b.all.clone();
        this.any = b.any.clone();
        this.anyMin = Math.max(1, b.anyMin);
        this.none = b.none.clone();
        this.regex = b.regex;
        this.regexSlot = b.regexSlot;
        this.notRegex = b.notRegex;
        this.notRegexSlot = b.notRegexSlot;
        this.regexLiteral = b.regex == null ? null : LiteralAlternation.parse(b.regex.pattern());
        this.notRegexLiteral = b.notRegex == null ? null : LiteralAlternation.parse(b.notRegex.pattern());
        this.evidenceCue = b.evidenceCue;
        this.gates = b.gates;
        this.recipientLikelyMinor = b.recipientLikelyMinor;
        this.senderLikelyMinor = b.senderLikelyMinor;
        this.senderLikelyAdult = b.senderLikelyAdult;
        this.adultWitness = b.adultWitness;
        this.minAgeGap = b.minAgeGap;
        this.senderAccountAgeMaxMs = b.senderAccountAgeMaxHours < 0 ? -1 : b.senderAccountAgeMaxHours * HOUR_MS;
        this.stagesAny = b.stagesAny.clone();
        this.stagesAll = b.stagesAll.clone();
        this.minConversationMessages = b.minConversationMessages;
        this.privateOnly = b.privateOnly;
        this.windows = b.windows.toArray(new WindowClause[0]);
        this.conversationAlerted = b.conversationAlerted;
        this.file = b.file;
        this.line = b.line;
        this.examples = List.copyOf(b.examples);
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<Category> categories() {
        return categories;
    }

    public int score() {
        return score;
    }

    /** The stage this rule marks; may be null. */
    public Stage stage() {
        return stage;
    }

    public boolean shadow() {
        return shadow;
    }

    /** The file the rule was read from, as given to the loader. */
    public String file() {
        return file;
    }

    /** 1-based line of the rule's entry in {@link #file()}. */
    public int line() {
        return line;
    }

    /** The fire/pass examples the rule carries. */
    public List<RuleExample> examples() {
        return examples;
    }

    /**
     * True for a rule without message cues ({@code all}/{@code any}): it is checked on every message, and holds on
     * what earlier messages said (its window clauses) and on what this message does not say ({@code none}). Its
     * evidence is the whole message.
     */
    boolean windowOnly() {
        return all.length == 0 && any.length == 0;
    }

    int[] allCues() {
        return all;
    }

    /** The cues this rule looks for in earlier messages (all, any and none of its window clauses). */
    int[] windowCues() {
        int[] out = new int[0];
        for (WindowClause w : windows) {
            int[] c = w.cues();
            int[] grown = java.util.Arrays.copyOf(out, out.length + c.length);
            System.arraycopy(c, 0, grown, out.length, c.length);
            out = grown;
        }
        return out;
    }
    int[] anyCues() {
        return any;
    }

    boolean hasRegex() {
        return regex != null || notRegex != null;
    }

    /** Highest scratch matcher slot this rule uses, -1 when none. */
    int maxRegexSlot() {
        return Math.max(regexSlot, notRegexSlot);
    }

    /**
     * For a rule indexed under each of its {@code any} cues: true when {@code cue} is the lowest-id {@code any}
     * cue present, so the rule is evaluated once per message however many of its cues fired.
     */
    boolean isFirstPresentAny(int cue, MessageCues f) {
        for (int c : any) {
            if (c == cue) {
                return true;
            }
            if (f.has(c)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Evaluates the rule. Cheap conditions first (cues, then context), the regex last.
     *
     * @param scratch per-thread scratch for the regex, cleared for this message; null for a rule without regex
     * @return the finding, or null when the rule does not fire
     */
    Finding evaluate(MessageCues f, ScoringContext ctx, Scratch scratch) {
        for (int c : all) {
            if (!f.has(c)) {
                return null;
            }
        }
        int firstAny = -1;
        if (any.length > 0) {
            int hits = 0;
            for (int c : any) {
                if (f.has(c)) {
                    if (firstAny < 0) {
                        firstAny = c;
                    }
                    hits++;
                }
            }
            if (hits < anyMin) {
                return null;
            }
        }
        for (int c : none) {
            if (f.has(c)) {
                return null;
            }
        }
        if (!contextHolds(f, ctx)) {
            return null;
        }
        List<Alert.Signal> related = List.of();
        if (windows.length > 0) {
            related = windows(f, ctx);
            if (related == null) {
                return null;
            }
        }
        if (notRegex != null && scratch.find(notRegexSlot, notRegex, notRegexLiteral, f.raw())) {
            return null;
        }
        int start;
        int end;
        if (regex != null) {
            if (!scratch.find(regexSlot, regex, regexLiteral, f.raw())) {
                return null;
            }
            start = scratch.start(regexSlot);
            end = scratch.end(regexSlot);
            if (evidenceCue >= 0 && f.start(evidenceCue) >= 0) {
                start = f.start(evidenceCue);
                end = f.end(evidenceCue);
            }
        } else {
            int cue = evidenceCue >= 0 ? evidenceCue : hasOwnAll() || any.length == 0 && all.length > 0 ? all[0]
                    : firstAny;
            if (cue >= 0) {
                start = f.start(cue);
                end = f.end(cue);
            } else {
                start = 0;
                end = f.raw().length();
            }
        }
        CharSequence raw = f.raw();
        String evidence = start >= 0 && end <= raw.length() && start < end
                ? raw.subSequence(start, end).toString() : null;
        if (evidence == null) {
            start = -1;
            end = -1;
        }
        return new Finding(id, categories, score, evidence, start, end, stage, shadow, related);
    }

    /**
     * The window clauses: null when one does not hold, else the evidence they took from earlier messages (empty when
     * this message alone satisfied them).
     */
    private List<Alert.Signal> windows(MessageCues f, ScoringContext ctx) {
        List<Alert.Signal> related = null;
        for (WindowClause clause : windows) {
            related = clause.test(f, ctx, id, categories.get(0), related);
            if (related == WindowClause.FAILS) {
                return null;
            }
        }
        return related == null ? List.of() : related;
    }

    /**
     * Why the rule does not fire on this message, for explanations: the first condition that fails, in the order
     * {@link #evaluate} checks them; null when it fires. Slow path (allocates), never on the hot path.
     */
    public String missing(MessageCues f, ScoringContext ctx, Scratch scratch, io.vigie.core.cue.CueRegistry cues) {
        for (int c : all) {
            if (!f.has(c)) {
                return "needs cue " + cues.name(c);
            }
        }
        if (any.length > 0) {
            int hits = 0;
            for (int c : any) {
                hits += f.has(c) ? 1 : 0;
            }
            if (hits < anyMin) {
                StringBuilder names = new StringBuilder();
                for (int c : any) {
                    names.append(names.length() == 0 ? "" : ", ").append(cues.name(c));
                }
                return "needs " + (anyMin == 1 ? "one" : anyMin) + " of [" + names + "]";
            }
        }
        for (int c : none) {
            if (f.has(c)) {
                return "vetoed by cue " + cues.name(c);
            }
        }
        String context = contextMissing(f, ctx);
        if (context != null) {
            return context;
        }
        for (WindowClause clause : windows) {
            if (clause.test(f, ctx, id, categories.get(0), null) == WindowClause.FAILS) {
                return "window: needs " + clause.describe(cues);
            }
        }
        if (notRegex != null && scratch.find(notRegexSlot, notRegex, notRegexLiteral, f.raw())) {
            return "vetoed by notRegex " + notRegex.pattern();
        }
        if (regex != null && !scratch.find(regexSlot, regex, regexLiteral, f.raw())) {
            return "regex does not match: " + regex.pattern();
        }
        return null;
    }

    /** The first context condition that fails, as a sentence; null when they all hold. */
    private String contextMissing(MessageCues f, ScoringContext ctx) {
        return switch (contextFailure(f, ctx)) {
            case OK -> null;
            case PRIVATE_ONLY -> "private conversations only";
            case ALERTED -> conversationAlerted == YES ? "needs a conversation that already raised an alert"
                    : "needs a conversation without an alert yet";
            case MIN_MESSAGES -> "needs " + minConversationMessages + " earlier messages";
            case ACCOUNT_AGE -> "needs a sender account younger than " + senderAccountAgeMaxMs / HOUR_MS + " h";
            case RECIPIENT_MINOR -> recipientLikelyMinor == YES ? "needs a likely-minor recipient"
                    : "needs no likely-minor recipient";
            case SENDER_MINOR -> senderLikelyMinor == YES ? "needs a likely-minor sender"
                    : "needs a sender who is not a likely minor";
            case SENDER_ADULT -> senderLikelyAdult == YES ? "needs a sender known to be an adult"
                    : "needs a sender not known adult";
            case AGE_GAP -> "needs an age gap of " + minAgeGap + " years with known ages";
            case ADULT_WITNESS -> adultWitness == YES
                    ? "needs another recipient known to be " + WITNESS_AGE + " or older"
                    : "needs no other recipient known to be " + WITNESS_AGE + " or older (a parent or carer in the group)";
            default -> "needs stages seen before this message: "
                    + (stagesAll.length > 0 ? "all of " + java.util.Arrays.toString(stagesAll) : "")
                    + (stagesAll.length > 0 && stagesAny.length > 0 ? " and " : "")
                    + (stagesAny.length > 0 ? "one of " + java.util.Arrays.toString(stagesAny) : "");
        };
    }

    /** True when an {@code all} cue other than a gate comes first in {@code all}: the rule's index and evidence. */
    boolean hasOwnAll() {
        return all.length > gates;
    }

    /** True when the rule has a message cue other than a gate: else it is checked on every message. */
    boolean hasOwnCue() {
        return hasOwnAll() || any.length > 0;
    }

    /**
     * True when at least one of the rule's message cues other than a gate is present: the rule "nearly fired" if it
     * did not (a gate is on nearly every message).
     */
    public boolean touched(MessageCues f) {
        for (int i = 0; i < all.length - gates; i++) {
            if (f.has(all[i])) {
                return true;
            }
        }
        for (int c : any) {
            if (f.has(c)) {
                return true;
            }
        }
        return false;
    }

    private boolean contextHolds(MessageCues f, ScoringContext ctx) {
        return contextFailure(f, ctx) == OK;
    }

    private static final int OK = 0;
    private static final int PRIVATE_ONLY = 1;
    private static final int ALERTED = 2;
    private static final int MIN_MESSAGES = 3;
    private static final int ACCOUNT_AGE = 4;
    private static final int RECIPIENT_MINOR = 5;
    private static final int SENDER_MINOR = 6;
    private static final int SENDER_ADULT = 7;
    private static final int AGE_GAP = 8;
    private static final int STAGES = 9;
    private static final int ADULT_WITNESS = 10;
    /** The youngest known age that makes a recipient an adult witness (a parent, a carer, a coordinator). */
    static final int WITNESS_AGE = 25;

    /** The first context condition that fails, as one of the constants above ({@link #OK} when all hold). */
    private int contextFailure(MessageCues f, ScoringContext ctx) {
        if (privateOnly && (ctx.publicRoom() || ctx.recipients().isEmpty())) {
            return PRIVATE_ONLY;
        }
        if (conversationAlerted != ANY && (conversationAlerted == YES) != ctx.alerted()) {
            return ALERTED;
        }
        if (minConversationMessages > 0 && ctx.conversationMessages() < minConversationMessages) {
            return MIN_MESSAGES;
        }
        if (senderAccountAgeMaxMs >= 0
                && (ctx.senderAccountAgeMs() < 0 || ctx.senderAccountAgeMs() > senderAccountAgeMaxMs)) {
            return ACCOUNT_AGE;
        }
        if (recipientLikelyMinor != ANY && (recipientLikelyMinor == YES) != anyRecipientMinor(ctx)) {
            return RECIPIENT_MINOR;
        }
        int senderAge = senderAge(f, ctx);
        if (senderLikelyMinor != ANY) {
            boolean minor = ctx.sender().likelyMinor() || (senderAge >= 0 && senderAge < 18);
            if ((senderLikelyMinor == YES) != minor) {
                return SENDER_MINOR;
            }
        }
        if (senderLikelyAdult != ANY) {
            boolean adult = !ctx.sender().likelyMinor() && senderAge >= 18;
            if ((senderLikelyAdult == YES) != adult) {
                return SENDER_ADULT;
            }
        }
        if (minAgeGap >= 0) {
            int youngest = youngestRecipientAge(ctx);
            if (senderAge < 0 || youngest < 0 || senderAge - youngest < minAgeGap) {
                return AGE_GAP;
            }
        }
        if (adultWitness != ANY && (adultWitness == YES) != anyAdultWitness(ctx)) {
            return ADULT_WITNESS;
        }
        for (Stage s : stagesAll) {
            if (!ctx.stagesSeen().contains(s)) {
                return STAGES;
            }
        }
        if (stagesAny.length > 0) {
            for (Stage s : stagesAny) {
                if (ctx.stagesSeen().contains(s)) {
                    return OK;
                }
            }
            return STAGES;
        }
        return OK;
    }

    private static boolean anyRecipientMinor(ScoringContext ctx) {
        List<Alert.PersonAge> rs = ctx.recipients();
        for (int i = 0, n = rs.size(); i < n; i++) {
            if (rs.get(i).likelyMinor()) {
                return true;
            }
        }
        return false;
    }

    /** The sender's age: stated in this message, else stated before, else declared; -1 when unknown. */
    static int senderAge(MessageCues f, ScoringContext ctx) {
        int stated = f.statedAge();
        if (stated >= 0) {
            return stated;
        }
        return ageOf(ctx.sender());
    }

    static int ageOf(Alert.PersonAge p) {
        if (p.stated() != null) {
            return p.stated();
        }
        if (p.declared() != null) {
            return p.declared();
        }
        return -1;
    }

    /**
     * Whether a recipient who is not a likely minor is known to be {@link #WITNESS_AGE} or older: the message is
     * written in front of an adult (a parent, a foster carer, a programme's coordinator in the group), not to a
     * child alone. The bar is above 18 because minors on anonymous chat type 18 or 19. Only the explicit recipients
     * of a private message count: a public room's audience is whoever said their age there, not people addressed,
     * and the sender is never their own witness (an operator may list them among the recipients).
     */
    private static boolean anyAdultWitness(ScoringContext ctx) {
        if (ctx.publicRoom()) {
            return false;
        }
        String sender = ctx.sender().userId();
        List<Alert.PersonAge> rs = ctx.recipients();
        for (int i = 0, n = rs.size(); i < n; i++) {
            Alert.PersonAge r = rs.get(i);
            if (!r.likelyMinor() && ageOf(r) >= WITNESS_AGE && (sender == null || !sender.equals(r.userId()))) {
                return true;
            }
        }
        return false;
    }

    private static int youngestRecipientAge(ScoringContext ctx) {
        int youngest = -1;
        List<Alert.PersonAge> rs = ctx.recipients();
        for (int i = 0, n = rs.size(); i < n; i++) {
            int a = ageOf(rs.get(i));
            if (a >= 0 && (youngest < 0 || a < youngest)) {
                youngest = a;
            }
        }
        return youngest;
    }

    @Override
    public String toString() {
        return id + " (" + file + ":" + line + ")";
    }

    /** Mutable assembly of a rule by the compiler. */
    static final class Builder {
        String id;
        String description;
        List<Category> categories = List.of();
        int score;
        Stage stage;
        boolean shadow;
        int[] all = new int[0];
        int[] any = new int[0];
        int anyMin = 1;
        int[] none = new int[0];
        Pattern regex;
        int regexSlot = -1;
        Pattern notRegex;
        int notRegexSlot = -1;
        int evidenceCue = -1;
        /** How many cues at the end of {@code all} are gates. */
        int gates;
        byte recipientLikelyMinor = ANY;
        byte senderLikelyMinor = ANY;
        byte senderLikelyAdult = ANY;
        byte adultWitness = ANY;
        int minAgeGap = -1;
        long senderAccountAgeMaxHours = -1;
        Stage[] stagesAny = new Stage[0];
        Stage[] stagesAll = new Stage[0];
        int minConversationMessages;
        boolean privateOnly;
        List<WindowClause> windows = new java.util.ArrayList<>();
        byte conversationAlerted = ANY;
        String file;
        int line;
        List<RuleExample> examples = List.of();
    }
}
