package io.vigie.core;

import io.vigie.core.assess.Assessment;
import io.vigie.core.assess.SideAssessment;
import io.vigie.core.contract.Action;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;
import io.vigie.core.rule.Finding;
import io.vigie.core.rule.ScoringContext;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.DeviceState;
import io.vigie.core.state.SenderState;
import io.vigie.core.state.UserState;
import io.vigie.core.assess.AlertIds;
import io.vigie.core.assess.Ages;
import io.vigie.core.assess.DeviceAssessor;
import io.vigie.core.assess.Policy;
import io.vigie.core.assess.RiskDecay;
import io.vigie.core.assess.SenderAssessor;
import io.vigie.core.assess.Statements;
import io.vigie.core.rule.RulePack;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.MessageCues;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores and assesses messages with one engine. Not thread-safe: one per Kafka Streams task (create it in
 * the processor's {@code init()}), reusing its scratch buffers for every record. Deterministic: the same
 * inputs give the same outputs; only event time ({@code sentAt}) is used, never the wall clock.
 *
 * <p>How a message becomes an assessment ({@link #assess}):
 * <ol>
 *   <li>cues are extracted once; what the sender states about themself in this very message (a stated age,
 *   a school or parental hint) updates the sender's {@link UserState} <em>before</em> the rules see the
 *   context, so "j'ai 13 ans" makes the writer a likely minor for the message that says it;</li>
 *   <li>the rules run on the cues and the context (ages, account age, stages already reached);</li>
 *   <li>the message score is the sum of its non-shadow findings' scores (a rule a reviewer dismissed in this
 *   conversation counts {@link Policy#dismissedWeight()}), capped at 100. The conversation risk adds the same
 *   sum (a rule already in the conversation's evidence adds {@link Policy#repeatWeight()} of it) and decays by
 *   event time with the policy's half-life;</li>
 *   <li>severity comes from the message score, raised by the conversation risk up to HIGH at most (what adds
 *   up over time deserves a human look; CRITICAL, which may escalate to authorities, needs the message's own
 *   evidence), except in a public room and for grooming talk between people none of whom is a likely minor,
 *   where the message is judged on its own score. Grooming talk (CHILD_GROOMING, OFF_PLATFORM, nothing sexual) goes CRITICAL only through its stage
 *   pattern: an adult (or unknown) writing to a likely minor with {@link Policy#groomingHoldStages()} grooming
 *   stages (AGE_CHECK not counted) is at least HIGH, with {@link Policy#groomingEscalateStages()} CRITICAL. A
 *   known-media attachment is CRITICAL (CSAM, alert kind KNOWN_MEDIA). The action follows
 *   {@link Policy#actionOf}; a banned sender's every message is at least BLOCK, findings or not;</li>
 *   <li>an alert is raised from MEDIUM up, and only when one of the message's categories is new to the
 *   conversation or its severity rises above what was already alerted for it. The alert then lists every
 *   category of the message (a new OFF_PLATFORM move in an alerted grooming conversation shows CHILD_GROOMING
 *   too, for the reviewer's context), and its {@code signals} every finding, each with its own category.</li>
 * </ol>
 *
 * <p>Shadow findings are reported and never act: they count in no score, stage, severity or action, and
 * when an alert is raised anyway they appear among its signals with their rule id prefixed by
 * {@value #SHADOW_PREFIX}. Rule errors go to the alert's {@code errors}.
 *
 * <p>Enforcement commands are per message (a HIGH message is held even when its category was already
 * alerted); their {@code alertId} is the alert of the same message, or null when the message raised none.
 *
 * <p>OWNER: assess helper.
 */
public final class ModerationSession {

    /** Prefix of a shadow finding's rule id among an alert's signals. */
    public static final String SHADOW_PREFIX = "shadow.";

    private static final ScoringContext NO_CONTEXT = ScoringContext.none();

    private static final Stage[] STAGES = Stage.values();
    /** Immutable stage sets by ordinal bits, filled on first use. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Set<Stage>[] STAGE_SETS = new Set[1 << STAGES.length];

    /** Categories of grooming talk that carries no sexual content or material of its own. */
    private static final Set<Category> GROOMING_TALK = EnumSet.of(Category.CHILD_GROOMING, Category.OFF_PLATFORM);

    private final ModerationEngine engine;
    private final Policy policy;
    private final RulePack rules;
    private final CueExtractor extractor;
    private final int minorContextCue;
    private final int ageQuestionCue;
    private final int knownShaCue;
    private final int knownPdqCue;
    /**
     * A category whose own findings add up to less than this in a message that carries a stronger category is
     * kept as evidence (its signals stay in the alert) but does not headline the alert: an ambush lure that also
     * brushed a weak grooming cue between adults is an AMBUSH case, not a CHILD_GROOMING one.
     */
    static final int HEADLINE_MIN_SCORE = 20;

    private static final Category[] CATEGORIES = Category.values();

    private final int[] categoryScore = new int[CATEGORIES.length];
    private final ArrayList<Finding> findings = new ArrayList<>();
    private final List<Finding> findingsView = Collections.unmodifiableList(findings);
    private final ArrayList<String> errors = new ArrayList<>();
    private final List<String> errorsView = Collections.unmodifiableList(errors);

    ModerationSession(ModerationEngine engine) {
        this.engine = engine;
        this.policy = engine.policy();
        this.rules = engine.rulePack();
        this.extractor = engine.cueModel().newExtractor();
        CueRegistry cues = engine.cueModel().cues();
        this.minorContextCue = cues.id("age.minor_context");
        this.ageQuestionCue = cues.id("age.question");
        this.knownShaCue = cues.id("media.known_sha256");
        this.knownPdqCue = cues.id("media.known_pdq");
    }

    /** The engine this session scores with. */
    public ModerationEngine engine() {
        return engine;
    }

    /**
     * Assesses one message in its conversation.
     *
     * @param conversation the stored conversation state; null for a new conversation
     * @param sender       the stored sender state (profile + facts); null when unknown
     * @param recipients   stored states of the recipients by userId; missing entries are unknown users
     */
    public Assessment assess(ChatMessage message, ConversationState conversation, UserState sender,
                             Map<String, UserState> recipients) {
        Objects.requireNonNull(message, "message must not be null");
        Instant at = message.sentAt();
        double halfLife = policy.risk().halfLifeMinutes();
        ConversationState conv = conversation == null ? ConversationState.empty(message.conversationId())
                : conversation;
        Map<String, UserState> recips = recipients == null ? Map.of() : recipients;
        MessageCues features = extractor.extract(message.text(), message.attachments(), at.toEpochMilli());

        // 1. what the sender says of themself counts for this very message
        UserState user = (sender == null ? UserState.unknown(message.senderId()) : sender)
                .withSnapshot(message.sender(), at);
        int stated = features.statedAge();
        if (stated >= 0 && (user.statedAgeAt() == null || !at.isBefore(user.statedAgeAt()))) {
            user = user.withStatedAge(stated, at);
        }
        if (isMinorHint(features, message.text())) {
            user = user.withMinorHint(at);
        }
        Alert.PersonAge senderAge = stated >= 0
                ? new Alert.PersonAge(null, user.declaredAge(), stated, stated < 18)
                : Ages.of(null, user);
        List<Alert.PersonAge> recipientAges = Ages.recipients(message.recipientIds(), recips, conv.learnedAges(),
                policy.bounds().maxParticipants());
        long accountAgeMs = user.accountCreatedAt() == null ? -1
                : Math.max(0, at.toEpochMilli() - user.accountCreatedAt().toEpochMilli());
        // stages as ordinal bits: the context gets a shared immutable set, so a message costs no set copies
        int stagesBefore = stageMask(conv.stages());
        ScoringContext context = new ScoringContext(senderAge, recipientAges, accountAgeMs, stageSet(stagesBefore),
                conv.messages());

        // 2. rules
        findings.clear();
        errors.clear();
        rules.evaluate(features, context, findings, errors);
        boolean knownMedia = has(features, knownShaCue) || has(features, knownPdqCue);
        if (knownMedia && !hasActive(Category.CSAM)) {
            findings.add(new Finding(ModerationEngine.KNOWN_MEDIA_RULE, List.of(Category.CSAM), 100, null, -1, -1,
                    null, false));
        }

        // 3. weigh: shadow findings never count
        double sum = 0;
        double contribution = 0;
        boolean active = false;
        // allocated on the first active finding: a message where nothing fires builds no set
        EnumSet<Category> categories = null;
        int stagesAfter = stagesBefore;
        boolean newStage = false;
        ArrayList<String> activeRules = null; // distinct, in finding order (a handful: no hash set needed)
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.shadow()) {
                continue;
            }
            active = true;
            double w = Math.max(0, f.score());
            if (conv.dismissedRules().contains(f.ruleId())) {
                w *= policy.risk().dismissedWeight();
            }
            sum += w;
            contribution += inEvidence(conv.evidence(), f.ruleId()) ? w * policy.risk().repeatWeight() : w;
            if (categories == null) {
                categories = EnumSet.noneOf(Category.class);
            }
            categories.addAll(f.categories());
            for (Category c : f.categories()) {
                categoryScore[c.ordinal()] += (int) Math.round(w);
            }
            if (f.stage() != null) {
                stagesAfter |= 1 << f.stage().ordinal();
                newStage = true;
            }
            if (activeRules == null) {
                activeRules = new ArrayList<>(4);
            }
            if (!activeRules.contains(f.ruleId())) {
                activeRules.add(f.ruleId());
            }
        }
        int score = (int) Math.min(100, Math.round(sum));
        headline(categories);
        double risk = conv.risk();
        Instant riskAt = conv.riskAt();
        if (contribution > 0) {
            risk = RiskDecay.add(conv.risk(), conv.riskAt(), contribution, at, halfLife);
            riskAt = RiskDecay.referenceAfter(conv.riskAt(), at);
        }
        int riskNow = (int) Math.round(RiskDecay.at(risk, riskAt, at, halfLife));

        // 4. severity and action
        boolean adultToMinor = !senderAge.likelyMinor() && Ages.anyMinor(recipientAges);
        int groomingStages = Integer.bitCount(stagesAfter & ~(1 << Stage.AGE_CHECK.ordinal()));
        boolean groomingPattern = false;
        Severity severity = null;
        if (active) {
            // accumulated risk asks for a human look (up to HIGH); CRITICAL needs this message's own evidence.
            // Risk only carries where it means harm adding up: not in a public room (its risk mixes unrelated
            // people), and not for grooming talk or a contact move between people none of whom is a likely
            // minor (adults flirting and moving to another app is ordinary chat).
            boolean riskCarries = !message.isPublic() && (adultToMinor || !GROOMING_TALK.containsAll(categories));
            Severity fromRisk = riskCarries ? policy.severityOf(riskNow) : Severity.LOW;
            severity = policy.severityOf(score);
            if (Severity.CRITICAL.above(fromRisk) && fromRisk.above(severity)) {
                severity = fromRisk;
            } else if (fromRisk == Severity.CRITICAL && Severity.HIGH.above(severity)) {
                severity = Severity.HIGH;
            }
            boolean grooming = newStage || categories.contains(Category.CHILD_GROOMING)
                    || categories.contains(Category.MINOR_SEXUALIZATION);
            boolean patternOnly = GROOMING_TALK.containsAll(categories);
            if (severity == Severity.CRITICAL && patternOnly && categories.contains(Category.CHILD_GROOMING)
                    && groomingStages < policy.grooming().escalateStages()) {
                // grooming talk without sexual content escalates on the stage pattern, not on summed scores
                severity = Severity.HIGH;
            }
            if (grooming && adultToMinor && groomingStages >= policy.grooming().holdStages()) {
                groomingPattern = true;
                categories.add(Category.CHILD_GROOMING);
                Severity floor = groomingStages >= policy.grooming().escalateStages() ? Severity.CRITICAL
                        : Severity.HIGH;
                if (floor.above(severity)) {
                    severity = floor;
                }
            }
            if (knownMedia) {
                severity = Severity.CRITICAL;
            }
        }
        Set<Category> messageCategories = categories == null ? Set.of() : categories;
        Action action = policy.actionOf(severity, messageCategories, adultToMinor);
        if (user.banned() && (action == null || action.compareTo(Action.BLOCK) < 0)) {
            action = Action.BLOCK;
        }

        // 5. alert on a new category or a rise
        Map<Category, Severity> alerted = conv.alerted();
        EnumSet<Category> risen = null;
        if (policy.alerts(severity)) {
            for (Category c : messageCategories) {
                if (severity.above(conv.alerted().get(c))) {
                    if (risen == null) {
                        risen = EnumSet.noneOf(Category.class);
                    }
                    risen.add(c);
                }
            }
        }
        boolean rise = risen != null;
        if (rise) {
            EnumMap<Category, Severity> raised = new EnumMap<>(Category.class);
            raised.putAll(conv.alerted());
            for (Category c : risen) {
                raised.put(c, severity);
            }
            alerted = raised;
        }
        // unchanged parts of the state are passed on as they are (immutable lists are not copied again)
        List<Stage> stageList = stagesAfter == stagesBefore && conv.stages().size() == Integer.bitCount(stagesBefore)
                ? conv.stages() : List.copyOf(stagesOf(stagesAfter));
        int messages = conv.messages() + 1;
        List<Alert.Signal> signals = active ? signals(message.text(), false) : List.of();
        Alert alert = null;
        if (rise) {
            List<Alert.Signal> all = new ArrayList<>(signals);
            all.addAll(signals(message.text(), true));
            Alert.Kind kind = knownMedia ? Alert.Kind.KNOWN_MEDIA : Alert.Kind.MESSAGE;
            alert = new Alert(AlertIds.of(message.messageId(), kind), message.messageId(), message.conversationId(),
                    message.senderId(), message.recipientIds(), at, at, severity, action == null ? Action.REVIEW
                    : action, score, List.copyOf(messageCategories), all, new Alert.AgeInfo(senderAge, recipientAges),
                    new Alert.ConversationInfo(messages, riskNow, stageList), engine.rulesVersion(),
                    message.text(), kind, List.copyOf(errors), null, message.roomId(), null, user.deviceId(), null, null);
        }

        // 6. enforcement, with a statement of reasons
        List<ActionCommand> actions = List.of();
        if (action != null && action.enforces()) {
            List<String> facts = new ArrayList<>();
            if (user.banned()) {
                facts.add(Statements.FACT_BANNED);
            }
            if (knownMedia) {
                facts.add(Statements.FACT_KNOWN_MEDIA);
            }
            if (adultToMinor && active) {
                facts.add(Statements.FACT_RECIPIENT_MINOR);
            }
            if (groomingPattern) {
                facts.add("the conversation shows " + groomingStages + " stages of grooming: "
                        + stageNames(stagesOf(stagesAfter)));
            }
            if (severity != null) {
                facts.add("automated rules rated the message " + severity.value() + " (score " + score
                        + ", conversation risk " + riskNow + ")");
            }
            actions = List.of(Statements.command(policy, message.senderId(), action,
                    alert == null ? null : alert.alertId(), message.messageId(), List.copyOf(messageCategories),
                    activeRules == null ? List.of() : List.copyOf(activeRules), facts));
        }

        // 7. next conversation state
        List<String> participants = participants(conv.participants(), message);
        List<Alert.Signal> evidence = conv.evidence();
        if (active) {
            evidence = newestEvidence(evidence, signals, policy.bounds().maxEvidence());
        }
        boolean late = conv.lastEventAt() != null
                && at.toEpochMilli() < conv.lastEventAt().toEpochMilli() - policy.behaviour().graceMs();
        ConversationState next = new ConversationState(conv.conversationId(), participants, messages,
                risk, riskAt, stageList, alerted, evidence, conv.dismissedRules(),
                conv.lastEventAt() == null || at.isAfter(conv.lastEventAt()) ? at : conv.lastEventAt(),
                conv.lateMessages() + (late ? 1 : 0),
                Ages.learn(conv.learnedAges(), message.senderId(), sender, user, policy.bounds().maxParticipants()));
        return new Assessment(next, user, findings.isEmpty() ? List.of() : findings, score, severity, alert, actions);
    }

    /**
     * The message-level hot path: normalize, match, signals, rules. Allocates nothing when nothing fires.
     *
     * @param context     the context the rules see; null for none
     * @param eventTimeMs event time of the message in epoch ms
     * @return findings, a reused unmodifiable list valid until the next call
     */
    public List<Finding> score(CharSequence text, ScoringContext context, long eventTimeMs) {
        Objects.requireNonNull(text, "text must not be null");
        MessageCues features = extractor.extract(text, List.of(), eventTimeMs);
        findings.clear();
        errors.clear();
        rules.evaluate(features, context == null ? NO_CONTEXT : context, findings, errors);
        return findingsView;
    }

    /** Rule errors met by the last {@link #score} or {@link #assess} call; a reused list, valid until the next. */
    public List<String> lastErrors() {
        return errorsView;
    }

    /** Sender behaviour across conversations: fan-out to likely minors, new-account bursts. */
    public SideAssessment<SenderState> assessSender(SenderState state, ChatMessage message, UserState sender,
                                                    Map<String, UserState> recipients) {
        Objects.requireNonNull(message, "message must not be null");
        return SenderAssessor.assess(policy, engine.rulesVersion(), state, message, sender, recipients);
    }

    /**
     * Device behaviour: a new pseudonym on a banned user's device is ban evasion.
     *
     * @param state null for a device never seen (the key is then taken from the message, see
     *              {@link DeviceAssessor#deviceKeyOf})
     * @throws IllegalArgumentException when {@code state} is null and the message has no device key
     */
    public SideAssessment<DeviceState> assessDevice(DeviceState state, ChatMessage message, UserState sender) {
        Objects.requireNonNull(message, "message must not be null");
        return DeviceAssessor.assess(policy, engine.rulesVersion(), state, message, sender);
    }

    /** The device state after a reviewer banned {@code userId}, for the decision path (idempotent). */
    public DeviceState markBanned(DeviceState state, String userId) {
        Objects.requireNonNull(state, "state must not be null");
        Objects.requireNonNull(userId, "userId must not be null");
        return DeviceAssessor.markBanned(policy, state, userId);
    }

    /** A reviewer dismissed an alert with these rule ids: lower this conversation's alerting for them. */
    public ConversationState dismiss(ConversationState conversation, List<String> ruleIds) {
        Objects.requireNonNull(conversation, "conversation must not be null");
        if (ruleIds == null || ruleIds.isEmpty()) {
            return conversation;
        }
        LinkedHashSet<String> dismissed = new LinkedHashSet<>(conversation.dismissedRules());
        for (String id : ruleIds) {
            if (id != null && !id.startsWith(SHADOW_PREFIX)) {
                touch(dismissed, id);
            }
        }
        trimFront(dismissed, policy.bounds().maxTracked());
        return new ConversationState(conversation.conversationId(), conversation.participants(),
                conversation.messages(), conversation.risk(), conversation.riskAt(), conversation.stages(),
                conversation.alerted(), conversation.evidence(), new ArrayList<>(dismissed),
                conversation.lastEventAt(), conversation.lateMessages(), conversation.learnedAges());
    }

    // a writer's school or parental hint, not a question put to someone else ("t'es au collège ?")
    private boolean isMinorHint(MessageCues features, String text) {
        return minorContextCue >= 0 && features.has(minorContextCue) && !has(features, ageQuestionCue)
                && text.indexOf('?') < 0;
    }

    /**
     * Participants after the message: unchanged (same list) when everyone is known; otherwise newcomers are
     * appended and the earliest arrivals dropped beyond the bound, so a conversation between the same people
     * costs no copy.
     */
    private List<String> participants(List<String> known, ChatMessage message) {
        boolean allKnown = known.contains(message.senderId());
        for (int i = 0; allKnown && i < message.recipientIds().size(); i++) {
            allKnown = known.contains(message.recipientIds().get(i));
        }
        if (allKnown) {
            return known;
        }
        LinkedHashSet<String> grown = new LinkedHashSet<>(known);
        grown.add(message.senderId());
        for (String r : message.recipientIds()) {
            grown.add(r);
            trimFront(grown, policy.bounds().maxParticipants());
        }
        trimFront(grown, policy.bounds().maxParticipants());
        return new ArrayList<>(grown);
    }

    /**
     * The newest {@code max} of {@code old} followed by {@code added}, as an immutable list built from one
     * exact-size array (the state record's {@code List.copyOf} then keeps it as is).
     */
    private static List<Alert.Signal> newestEvidence(List<Alert.Signal> old, List<Alert.Signal> added, int max) {
        int total = old.size() + added.size();
        int n = Math.min(total, max);
        Alert.Signal[] out = new Alert.Signal[n];
        int skip = total - n;
        int w = 0;
        for (int i = 0; i < old.size(); i++) {
            if (skip > 0) {
                skip--;
            } else {
                out[w++] = old.get(i);
            }
        }
        for (int i = 0; i < added.size(); i++) {
            if (skip > 0) {
                skip--;
            } else {
                out[w++] = added.get(i);
            }
        }
        return List.of(out);
    }

    private static boolean inEvidence(List<Alert.Signal> evidence, String ruleId) {
        for (int i = 0; i < evidence.size(); i++) {
            Alert.Signal s = evidence.get(i);
            if (s.ruleId().equals(ruleId)) {
                return true;
            }
        }
        return false;
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

    private List<Alert.Signal> signals(String text, boolean shadow) {
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
                    inText ? f.start() : -1, inText ? f.end() : -1));
        }
        return out;
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

    private static void touch(LinkedHashSet<String> set, String id) {
        set.remove(id);
        set.add(id);
    }

    private static void trimFront(LinkedHashSet<String> set, int max) {
        var it = set.iterator();
        while (set.size() > max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** Drops weak side categories from the headline (see {@link #HEADLINE_MIN_SCORE}) and resets the tally. */
    private void headline(EnumSet<Category> categories) {
        boolean strong = false;
        for (Category c : CATEGORIES) {
            strong |= categoryScore[c.ordinal()] >= HEADLINE_MIN_SCORE;
        }
        if (strong && categories.size() > 1) {
            for (Category c : CATEGORIES) {
                if (categoryScore[c.ordinal()] < HEADLINE_MIN_SCORE) {
                    categories.remove(c);
                }
            }
        }
        java.util.Arrays.fill(categoryScore, 0);
    }
}
