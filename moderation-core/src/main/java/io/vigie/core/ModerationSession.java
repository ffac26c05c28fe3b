package io.vigie.core;

import io.vigie.core.assess.Assessment;
import io.vigie.core.assess.ConversationAssessor;
import io.vigie.core.assess.ConversationUpdate;
import io.vigie.core.assess.DeviceAssessor;
import io.vigie.core.assess.SenderAssessor;
import io.vigie.core.assess.SideAssessment;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.model.RiskModel;
import io.vigie.core.rule.Finding;
import io.vigie.core.rule.RuleCheck;
import io.vigie.core.rule.ScoringContext;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.DeviceState;
import io.vigie.core.state.SenderState;
import io.vigie.core.state.UserState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores and assesses messages with one engine: the pipeline's entry point. A message's text goes through the cue
 * stage ({@link CueExtractor}: normalize, match, cues), then {@link ConversationAssessor} (rules in context, weight,
 * verdict, alert, enforcement, next state). Not thread-safe: one per Kafka Streams task (create it in the
 * processor's {@code init()}), reusing its scratch buffers for every record. Deterministic: the same inputs give the
 * same outputs; only event time ({@code sentAt}) is used, never the wall clock.
 */
public final class ModerationSession {

    /** Prefix of a shadow finding's rule id among an alert's signals. */
    public static final String SHADOW_PREFIX = ConversationAssessor.SHADOW_PREFIX;

    private final ModerationEngine engine;
    private final CueExtractor extractor;
    private final ConversationAssessor assessor;

    ModerationSession(ModerationEngine engine) {
        this.engine = engine;
        this.extractor = engine.cueModel().newExtractor();
        this.assessor = new ConversationAssessor(engine.policy(), engine.rulePack(), engine.cueModel().cues(),
                engine.rulesVersion());
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
        MessageCues cues = extractor.extract(message.text(), message.attachments(), message.sentAt().toEpochMilli(),
                conversation == null ? 0f : conversation.context(), conversation == null ? 0 : conversation.messages());
        return assessor.assess(message, cues, conversation, sender, recipients);
    }

    /**
     * The message-level hot path: normalize, match, cues, rules. Allocates nothing when nothing fires.
     *
     * @param context     the context the rules see; null for none
     * @param eventTimeMs event time of the message in epoch ms
     * @return findings, a reused unmodifiable list valid until the next call
     */
    public List<Finding> score(CharSequence text, ScoringContext context, long eventTimeMs) {
        Objects.requireNonNull(text, "text must not be null");
        return assessor.score(extractor.extract(text, List.of(), eventTimeMs), context);
    }

    /** The cues of one message, for explanations and tests; a reused view valid until the next call. */
    public MessageCues cues(CharSequence text, long eventTimeMs) {
        Objects.requireNonNull(text, "text must not be null");
        return extractor.extract(text, List.of(), eventTimeMs);
    }

    /**
     * Explains one message in a context: normalized text, cues, stated age, rules fired and nearly fired. For rule
     * authors; allocates.
     *
     * @param context the context the rules see; null for none
     */
    public Explanation explain(CharSequence text, ScoringContext context, long eventTimeMs) {
        Objects.requireNonNull(text, "text must not be null");
        ScoringContext ctx = context == null ? ScoringContext.none() : context;
        MessageCues f = extractor.extract(text, List.of(), eventTimeMs);
        String raw = text.toString();
        List<Explanation.CueSpan> cues = new ArrayList<>();
        CueRegistry registry = engine.cueModel().cues();
        int[] fired = f.firedCues();
        for (int i = 0; i < f.firedCount(); i++) {
            int c = fired[i];
            int s = f.start(c);
            int e = f.end(c);
            boolean span = s >= 0 && e > s && e <= raw.length();
            cues.add(new Explanation.CueSpan(registry.name(c), f.count(c), span ? s : -1, span ? e : -1,
                    span ? raw.substring(s, e) : null));
        }
        Explanation.StatedAge age = null;
        if (f.statedAge() >= 0) {
            int s = f.statedAgeStart();
            int e = f.statedAgeEnd();
            age = new Explanation.StatedAge(f.statedAge(), s, e, s >= 0 && e <= raw.length() ? raw.substring(s, e)
                    : null, f.statedAgeFirstPerson());
        }
        String folded = f.folded();
        List<RuleCheck> checks = engine.rulePack().explain(f, ctx, registry);
        assessor.score(f, ctx); // collects this message's rule and cue errors
        List<String> errors = new ArrayList<>(assessor.lastErrors());
        return new Explanation(raw, folded, List.copyOf(cues), age, List.copyOf(checks), List.copyOf(errors),
                riskScore(folded, f.contextScore()));
    }

    /** The risk model's scores of a folded text, categories highest first; null without a model. */
    private Explanation.RiskScore riskScore(String folded, float context) {
        RiskModel model = engine.cueModel().riskModel();
        if (model == null) {
            return null;
        }
        RiskModel.Scorer s = model.newScorer();
        s.score(folded.toCharArray(), folded.length());
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < model.categories().size(); c++) {
            order.add(c);
        }
        order.sort((a, b) -> Float.compare(s.category(b), s.category(a)));
        java.util.Map<String, Float> categories = new java.util.LinkedHashMap<>();
        for (int c : order) {
            categories.put(model.categories().get(c).name(), s.category(c));
        }
        return new Explanation.RiskScore(s.harm(), model.plausibleThreshold(), model.lowThreshold(),
                model.highThreshold(), java.util.Collections.unmodifiableMap(categories), context,
                model.context() == null ? Float.NaN : model.context().gate());
    }

    /** Rule and cue errors met by the last {@link #score} or {@link #assess} call; a reused list. */
    public List<String> lastErrors() {
        return assessor.lastErrors();
    }

    /** Sender behaviour across conversations: fan-out to likely minors, new-account bursts. */
    public SideAssessment<SenderState> assessSender(SenderState state, ChatMessage message, UserState sender,
                                                    Map<String, UserState> recipients) {
        Objects.requireNonNull(message, "message must not be null");
        return SenderAssessor.assess(engine.policy(), engine.rulesVersion(), state, message, sender, recipients);
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
        return DeviceAssessor.assess(engine.policy(), engine.rulesVersion(), state, message, sender);
    }

    /** The device state after a reviewer banned {@code userId}, for the decision path (idempotent). */
    public DeviceState markBanned(DeviceState state, String userId) {
        Objects.requireNonNull(state, "state must not be null");
        Objects.requireNonNull(userId, "userId must not be null");
        return DeviceAssessor.markBanned(engine.policy(), state, userId);
    }

    /** A reviewer dismissed an alert with these rule ids: lower this conversation's alerting for them. */
    public ConversationState dismiss(ConversationState conversation, List<String> ruleIds) {
        Objects.requireNonNull(conversation, "conversation must not be null");
        return ConversationUpdate.dismiss(conversation, ruleIds, SHADOW_PREFIX, engine.policy());
    }

    /** A reviewer decided an alert of this conversation at {@code at}: the kept text goes a retention after it. */
    public ConversationState decided(ConversationState conversation, Instant at) {
        Objects.requireNonNull(conversation, "conversation must not be null");
        return at == null ? conversation : conversation.withDecidedAt(at);
    }

    /** A user's data erased from a conversation: their messages leave its window. */
    public ConversationState erase(ConversationState conversation, String userId) {
        Objects.requireNonNull(conversation, "conversation must not be null");
        return ConversationUpdate.erase(conversation, userId);
    }
}
