package io.vigie.core.assess;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.Cues;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.rule.ConversationWindow;
import io.vigie.core.rule.Finding;
import io.vigie.core.rule.RecentWindow;
import io.vigie.core.rule.RulePack;
import io.vigie.core.rule.ScoringContext;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.RecentMessage;
import io.vigie.core.state.UserState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Assesses one message in its conversation, once its cues are extracted: a chain of small steps, each its own
 * type. Not thread-safe: one per session, reusing its scratch for every message; deterministic, on event time
 * ({@code sentAt}) only.
 *
 * <ol>
 *   <li>{@link SenderFacts}: what the sender states of themself in this message counts for this message;</li>
 *   <li>the rules run on the cues and the context: ages, account age, stages reached, and the conversation window
 *   (the cues earlier messages carried);</li>
 *   <li>{@link Weighing}: score, categories, stages, what the message adds to the conversation risk;</li>
 *   <li>{@link Verdicts}: severity and action;</li>
 *   <li>an alert is raised from {@link Policy.Thresholds#alertMin()} up, only when one of the message's categories
 *   is new to the conversation or its severity rises above what was already alerted for it; it lists every category
 *   of the message, every finding (with the earlier messages a conversation-scoped rule relied on), and the lead-up
 *   a reviewer needs;</li>
 *   <li>enforcement: one command per message that deserves one, with its statement of reasons;</li>
 *   <li>{@link ConversationUpdate}: the next conversation state.</li>
 * </ol>
 *
 * <p>Shadow findings are reported and never act: they count in no score, stage, severity or action, and when an
 * alert is raised anyway they appear among its signals with their rule id prefixed by {@value #SHADOW_PREFIX}.
 * Rule and cue errors go to the alert's {@code errors}.
 */
public final class ConversationAssessor {

    /** Prefix of a shadow finding's rule id among an alert's signals. */
    public static final String SHADOW_PREFIX = "shadow.";
    /** Rule id of the built-in finding raised when an attachment is on a known-media list and no rule said so. */
    public static final String KNOWN_MEDIA_RULE = "core.known_media";

    private static final Stage[] STAGES = Stage.values();
    /** Immutable stage sets by ordinal bits, filled on first use. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Set<Stage>[] STAGE_SETS = new Set[1 << STAGES.length];
    /** The language score is kept within this bound, so a long conversation can still change its mind. */
    private static final int LANGUAGE_BOUND = 50;

    private final Policy policy;
    private final RulePack rules;
    private final CueRegistry cues;
    private final String rulesVersion;
    private final SenderFacts senderFacts;
    private final Weighing weighing = new Weighing();
    private final int[] windowCues;
    private final int knownShaCue;
    private final int knownPdqCue;
    private final int frenchCue;
    private final int englishCue;
    private final ArrayList<Finding> findings = new ArrayList<>();
    private final List<Finding> findingsView = Collections.unmodifiableList(findings);
    private final ArrayList<String> errors = new ArrayList<>();
    private final List<String> errorsView = Collections.unmodifiableList(errors);

    /**
     * @param rulesVersion stamped on every alert
     */
    public ConversationAssessor(Policy policy, RulePack rules, CueRegistry cues, String rulesVersion) {
        this.policy = Objects.requireNonNull(policy, "policy must not be null");
        this.rules = Objects.requireNonNull(rules, "rules must not be null");
        this.cues = Objects.requireNonNull(cues, "cues must not be null");
        this.rulesVersion = rulesVersion;
        this.senderFacts = new SenderFacts(cues);
        this.windowCues = rules.windowCues();
        this.knownShaCue = cues.id(Cues.MEDIA_KNOWN_SHA256);
        this.knownPdqCue = cues.id(Cues.MEDIA_KNOWN_PDQ);
        this.frenchCue = cues.id("lang.fr");
        this.englishCue = cues.id("lang.en");
    }

    /**
     * Assesses a message whose cues are {@code features}.
     *
     * @param conversation the stored conversation state; null for a new conversation
     * @param sender       the stored sender state (profile + facts); null when unknown
     * @param recipients   stored states of the recipients by userId; missing entries are unknown users
     */
    public Assessment assess(ChatMessage message, MessageCues features, ConversationState conversation,
                             UserState sender, Map<String, UserState> recipients) {
        Objects.requireNonNull(message, "message must not be null");
        Instant at = message.sentAt();
        ConversationState conv = conversation == null ? ConversationState.empty(message.conversationId())
                : conversation;
        Map<String, UserState> recips = recipients == null ? Map.of() : recipients;

        // 1. what the sender says of themself counts for this very message
        int stated = SenderFacts.statedAge(message.senderId(), features, conv.learnedAges(), recips.values());
        // an echo of another participant's age is no statement of the writer's: the rules do not see it either
        features = EchoedAgeCues.of(features, stated < 0 && features.statedAge() >= 0, cues);
        UserState user = senderFacts.learn(message, features, sender, stated);
        Alert.PersonAge senderAge = SenderFacts.ageOf(stated, user);
        if (stated < 0) {
            senderAge = SenderFacts.withConversation(senderAge, conv.learnedAges().get(message.senderId()));
        }
        List<Alert.PersonAge> recipientAges = message.isPublic()
                ? Ages.audience(message.senderId(), conv.learnedAges(), policy.bounds().maxParticipants())
                : Ages.recipients(message.recipientIds(), recips, conv.learnedAges(), policy.bounds().maxParticipants());

        // 2. rules, in context
        int stagesBefore = stageMask(conv.stages());
        ScoringContext context = new ScoringContext(senderAge, recipientAges, accountAgeMs(user, at),
                stageSet(stagesBefore), conv.messages(), window(conv, message),
                !conv.alerted().isEmpty() || !conv.held().isEmpty(),
                message.isPublic());
        findings.clear();
        errors.clear();
        rules.evaluate(features, context, findings, errors);
        if (features.error() != null) {
            errors.add("cues: " + features.error());
        }
        boolean knownMedia = has(features, knownShaCue) || has(features, knownPdqCue);
        if (knownMedia && !hasActive(Category.CSAM)) {
            findings.add(new Finding(KNOWN_MEDIA_RULE, List.of(Category.CSAM), 100, null, -1, -1, null, false));
        }

        // 3. weigh
        Weighing w = weighing;
        w.weigh(findings, conv, stagesBefore, policy);
        double halfLife = policy.risk().halfLifeMinutes();
        double risk = conv.risk();
        Instant riskAt = conv.riskAt();
        if (w.contribution > 0) {
            risk = RiskDecay.add(conv.risk(), conv.riskAt(), w.contribution, at, halfLife);
            riskAt = RiskDecay.referenceAfter(conv.riskAt(), at);
        }
        int riskNow = (int) Math.round(RiskDecay.at(risk, riskAt, at, halfLife));

        // 4. severity and action
        boolean adultToMinor = !senderAge.likelyMinor() && Ages.anyMinor(recipientAges);
        Verdicts.Verdict verdict = Verdicts.decide(w, riskNow, message.isPublic(), adultToMinor, knownMedia,
                user.banned(), policy);
        Severity severity = verdict.severity();
        Action action = verdict.action();
        Set<Category> messageCategories = w.categories == null ? Set.of() : w.categories;

        // 5. alert on a new category or a rise; a lone weak first alert waits for corroboration
        EnumSet<Category> risen = policy.alerts(severity) ? risen(severity, messageCategories, conv.alerted()) : null;
        Set<Category> held = conv.held();
        String heldMessageId = conv.heldMessageId();
        if (risen != null && holds(severity, action, w.score, knownMedia, conv)) {
            held = risen;
            heldMessageId = message.messageId();
            risen = null;
        }
        Set<Category> released = Set.of();
        Map<Category, Severity> alerted = conv.alerted();
        if (risen != null) {
            EnumMap<Category, Severity> raised = new EnumMap<>(Category.class);
            raised.putAll(conv.alerted());
            for (Category c : held) {
                raised.put(c, Severity.MEDIUM); // nothing was alerted while something was held
            }
            for (Category c : risen) {
                raised.put(c, severity);
            }
            alerted = raised;
            released = held;
            held = Set.of();
            heldMessageId = null;
        }
        int stagesAfter = w.stagesAfter;
        List<Stage> stageList = stagesAfter == stagesBefore && conv.stages().size() == Integer.bitCount(stagesBefore)
                ? conv.stages() : List.copyOf(stagesOf(stagesAfter));
        int messages = conv.messages() + 1;
        List<Alert.Signal> signals = w.active ? signals(message, false) : List.of();
        int languageScore = languageScore(conv.languageScore(), features);
        Alert alert = null;
        if (risen != null) {
            List<Alert.Signal> all = new ArrayList<>(signals);
            all.addAll(related());
            if (!released.isEmpty()) {
                heldEvidence(conv, all);
            }
            all.addAll(signals(message, true));
            List<Category> alertCategories = List.copyOf(messageCategories);
            if (!released.isEmpty() && !messageCategories.containsAll(released)) {
                EnumSet<Category> union = EnumSet.copyOf(released);
                union.addAll(messageCategories);
                alertCategories = List.copyOf(union);
            }
            Alert.Kind kind = knownMedia ? Alert.Kind.KNOWN_MEDIA : Alert.Kind.MESSAGE;
            alert = new Alert(AlertIds.of(message.messageId(), kind), message.messageId(), message.conversationId(),
                    message.senderId(), message.recipientIds(), at, at, severity, action == null ? Action.REVIEW
                    : action, w.score, alertCategories, all,
                    new Alert.AgeInfo(senderAge, recipientAges), new Alert.ConversationInfo(messages, riskNow,
                    stageList), rulesVersion, message.text(), kind, List.copyOf(errors),
                    ConversationUpdate.contextOf(conv.recent()), message.roomId(), ConversationState.languageOf(languageScore),
                    user.deviceId(), null, null);
        }

        // 6. enforcement, with a statement of reasons
        List<ActionCommand> actions = List.of();
        if (action != null && action.enforces()) {
            actions = List.of(Statements.command(policy, message.senderId(), action,
                    alert == null ? null : alert.alertId(), message.messageId(), List.copyOf(messageCategories),
                    w.activeRules == null ? List.of() : List.copyOf(w.activeRules),
                    facts(user, knownMedia, adultToMinor && w.active, verdict, stagesAfter, w.score, riskNow)));
        }

        // 7. next conversation state
        boolean minorInvolved = senderAge.likelyMinor() || Ages.anyMinor(recipientAges);
        boolean keepText = carriesRisk(riskNow, minorInvolved, alerted, conv.decidedAt(), at);
        RecentMessage entry = entry(message, features, conv.messages(), keepText, signals);
        List<Alert.Signal> evidence = w.active
                ? ConversationUpdate.newestEvidence(conv.evidence(), signals, policy.bounds().maxEvidence())
                : conv.evidence();
        boolean late = conv.lastEventAt() != null
                && at.toEpochMilli() < conv.lastEventAt().toEpochMilli() - policy.behaviour().graceMs();
        ConversationState next = new ConversationState(conv.conversationId(),
                ConversationUpdate.participants(conv.participants(), message, policy.bounds().maxParticipants()),
                messages, risk, riskAt, stageList, alerted, evidence, conv.dismissedRules(),
                conv.lastEventAt() == null || at.isAfter(conv.lastEventAt()) ? at : conv.lastEventAt(),
                conv.lateMessages() + (late ? 1 : 0),
                Ages.learn(conv.learnedAges(), message.senderId(), sender, user, policy.bounds().maxParticipants()),
                ConversationUpdate.window(conv.recent(), entry, keepText, conv.messages(), at.toEpochMilli(), policy),
                conv.decidedAt(), languageScore, contextSum(conv, features), held, heldMessageId);
        return new Assessment(next, user, findings.isEmpty() ? List.of() : findings, w.score, severity, alert,
                actions);
    }

    /**
     * Scores a message in a given context (the {@code score} command, benchmarks): the rules only.
     *
     * @return findings, a reused unmodifiable list valid until the next call
     */
    public List<Finding> score(MessageCues features, ScoringContext context) {
        findings.clear();
        errors.clear();
        rules.evaluate(features, context == null ? ScoringContext.none() : context, findings, errors);
        if (features.error() != null) {
            errors.add("cues: " + features.error());
        }
        return findingsView;
    }

    /** Rule and cue errors met by the last call; a reused list, valid until the next. */
    public List<String> lastErrors() {
        return errorsView;
    }

    private ConversationWindow window(ConversationState conv, ChatMessage message) {
        return conv.recent().isEmpty() || windowCues.length == 0 ? ConversationWindow.NONE
                : new RecentWindow(conv.recent(), message.senderId(), conv.messages(), message.sentAt(), cues);
    }

    /**
     * Whether the conversation keeps text for reviewers after this message: it carries risk (decayed risk of 1 or
     * more), a likely minor takes part, or an alert was raised and not yet decided (or decided less than the
     * retention period ago).
     */
    private boolean carriesRisk(int riskNow, boolean minorInvolved, Map<Category, Severity> alerted,
                                Instant decidedAt, Instant at) {
        if (policy.context().messages() == 0) {
            return false;
        }
        if (riskNow >= 1 || minorInvolved) {
            return true;
        }
        return !alerted.isEmpty() && (decidedAt == null
                || at.toEpochMilli() - decidedAt.toEpochMilli() <= policy.context().retentionMs());
    }

    /** The conversation's context sum with this message (see {@link io.vigie.core.model.RiskModel.Context}). */
    private float contextSum(ConversationState conv, MessageCues features) {
        return Float.isNaN(features.contextScore()) ? conv.context() : features.contextSum();
    }

    /** The message as the window keeps it, or null when it carries nothing to keep. */
    private RecentMessage entry(ChatMessage message, MessageCues features, int index, boolean keepText,
                                List<Alert.Signal> signals) {
        List<RecentMessage.CueMark> marks = RecentWindow.marks(features, windowCues, cues);
        if (marks.isEmpty() && !keepText) {
            return null;
        }
        String text = keepText ? ConversationUpdate.cut(message.text(), policy.context().maxChars()) : null;
        return new RecentMessage(index, message.messageId(), message.senderId(), message.sentAt(), marks, text,
                keepText ? signals : List.of());
    }

    /**
     * Whether this message's alert waits for corroboration: nothing was alerted or held in the conversation yet, the
     * alert is MEDIUM (no rise from risk, stage pattern or known media made it more), enforces nothing, and the
     * message scores below {@link Policy.Thresholds#aloneAt()}.
     */
    private boolean holds(Severity severity, Action action, int score, boolean knownMedia, ConversationState conv) {
        return score < policy.thresholds().aloneAt() && severity == Severity.MEDIUM && !knownMedia
                && (action == null || !action.enforces()) && conv.alerted().isEmpty() && conv.held().isEmpty();
    }

    /** Adds the held message's evidence (kept in the conversation's evidence) to a releasing alert's signals. */
    private static void heldEvidence(ConversationState conv, List<Alert.Signal> out) {
        String id = conv.heldMessageId();
        if (id == null) {
            return;
        }
        for (Alert.Signal s : conv.evidence()) {
            if (id.equals(s.messageId())) {
                out.add(s);
            }
        }
    }

    private static EnumSet<Category> risen(Severity severity, Set<Category> categories,
                                           Map<Category, Severity> alerted) {
        EnumSet<Category> risen = null;
        for (Category c : categories) {
            if (severity.above(alerted.get(c))) {
                if (risen == null) {
                    risen = EnumSet.noneOf(Category.class);
                }
                risen.add(c);
            }
        }
        return risen;
    }

    private List<String> facts(UserState user, boolean knownMedia, boolean toMinor, Verdicts.Verdict verdict,
                               int stagesAfter, int score, int riskNow) {
        List<String> facts = new ArrayList<>();
        if (user.banned()) {
            facts.add(Statements.FACT_BANNED);
        }
        if (knownMedia) {
            facts.add(Statements.FACT_KNOWN_MEDIA);
        }
        if (toMinor) {
            facts.add(Statements.FACT_RECIPIENT_MINOR);
        }
        if (verdict.groomingPattern()) {
            facts.add("the conversation shows " + verdict.groomingStages() + " stages of grooming: "
                    + stageNames(stagesOf(stagesAfter)));
        }
        if (verdict.severity() != null) {
            facts.add("automated rules rated the message " + verdict.severity().value() + " (score " + score
                    + ", conversation risk " + riskNow + ")");
        }
        return facts;
    }

    /** The evidence conversation-scoped rules took from earlier messages, each naming its message. */
    private List<Alert.Signal> related() {
        List<Alert.Signal> out = List.of();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (!f.related().isEmpty() && !f.shadow()) {
                if (out.isEmpty()) {
                    out = new ArrayList<>();
                }
                out.addAll(f.related());
            }
        }
        return out;
    }

    private boolean hasActive(Category category) {
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (!f.shadow() && f.categories().contains(category)) {
                return true;
            }
        }
        return false;
    }

    private List<Alert.Signal> signals(ChatMessage message, boolean shadow) {
        String text = message.text();
        List<Alert.Signal> out = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.shadow() != shadow) {
                continue;
            }
            boolean inText = f.start() >= 0 && f.end() > f.start() && f.end() <= text.length();
            String evidence = f.evidence();
            // the rules cut their evidence from this very text: reuse it unless it differs from the span
            if (inText && (evidence == null || evidence.length() != f.end() - f.start()
                    || !text.regionMatches(f.start(), evidence, 0, evidence.length()))) {
                evidence = text.substring(f.start(), f.end());
            }
            out.add(new Alert.Signal(shadow ? SHADOW_PREFIX + f.ruleId() : f.ruleId(),
                    f.categories().isEmpty() ? null : f.categories().get(0), f.score(), evidence,
                    inText ? f.start() : -1, inText ? f.end() : -1, message.messageId()));
        }
        return out;
    }

    private int languageScore(int before, MessageCues features) {
        int s = before + count(features, frenchCue) - count(features, englishCue);
        return Math.max(-LANGUAGE_BOUND, Math.min(LANGUAGE_BOUND, s));
    }

    private static int count(MessageCues features, int cue) {
        return cue >= 0 ? features.count(cue) : 0;
    }

    private static long accountAgeMs(UserState user, Instant at) {
        return user.accountCreatedAt() == null ? -1
                : Math.max(0, at.toEpochMilli() - user.accountCreatedAt().toEpochMilli());
    }

    /** The stages of a list as ordinal bits. */
    private static int stageMask(List<Stage> stages) {
        int mask = 0;
        for (int i = 0; i < stages.size(); i++) {
            mask |= 1 << stages.get(i).ordinal();
        }
        return mask;
    }

    /** The immutable set of the stages in {@code mask}, shared by every session (each set built once). */
    private static Set<Stage> stageSet(int mask) {
        Set<Stage> set = STAGE_SETS[mask];
        if (set == null) {
            // a benign race builds an equal immutable set twice at worst
            set = Set.copyOf(stagesOf(mask));
            STAGE_SETS[mask] = set;
        }
        return set;
    }

    /** The stages in {@code mask} in declaration order (a fresh set). */
    private static EnumSet<Stage> stagesOf(int mask) {
        EnumSet<Stage> set = EnumSet.noneOf(Stage.class);
        for (Stage s : STAGES) {
            if ((mask & 1 << s.ordinal()) != 0) {
                set.add(s);
            }
        }
        return set;
    }

    private static boolean has(MessageCues features, int cue) {
        return cue >= 0 && features.has(cue);
    }

    private static String stageNames(Set<Stage> stages) {
        StringBuilder sb = new StringBuilder();
        for (Stage s : stages) {
            if (s == Stage.AGE_CHECK) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(s.value());
        }
        return sb.toString();
    }
}
