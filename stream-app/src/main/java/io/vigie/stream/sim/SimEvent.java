package io.vigie.stream.sim;

import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Profile;
import java.time.Instant;
import java.util.Objects;

/**
 * One record of the simulated feed: a {@link Profile} or a {@link ChatMessage}, with its event time and, for
 * messages of a harmful scenario, the ground-truth label. Immutable.
 */
public sealed interface SimEvent permits SimEvent.ProfileEvent, SimEvent.MessageEvent {

    /** Event time of the record, never null. */
    Instant eventTime();

    /** The contract record ({@link Profile} or {@link ChatMessage}), never null. */
    Object record();

    /** Kafka key of the record on its contract topic: userId for a profile, conversationId for a message. */
    String key();

    /** A user's profile, announced before the user's first message. */
    record ProfileEvent(Profile profile) implements SimEvent {
        public ProfileEvent {
            Objects.requireNonNull(profile, "profile must not be null");
            Objects.requireNonNull(profile.updatedAt(), "profile.updatedAt must not be null");
        }

        @Override
        public Instant eventTime() {
            return profile.updatedAt();
        }

        @Override
        public Object record() {
            return profile;
        }

        @Override
        public String key() {
            return profile.userId();
        }
    }

    /**
     * A chat message.
     *
     * @param message    the message, never null
     * @param scenario   the harmful scenario it belongs to; null for benign traffic
     * @param scenarioId id of the scenario instance (all its messages share it); null for benign traffic
     * @param step       0-based index of the message in its scenario script; -1 for benign traffic
     */
    record MessageEvent(ChatMessage message, Scenario scenario, String scenarioId, int step) implements SimEvent {
        public MessageEvent {
            Objects.requireNonNull(message, "message must not be null");
            if ((scenario == null) != (scenarioId == null)) {
                throw new IllegalArgumentException("scenario and scenarioId must be both set or both null");
            }
        }

        /** True when the message belongs to a harmful scenario. */
        public boolean harmful() {
            return scenario != null;
        }

        @Override
        public Instant eventTime() {
            return message.sentAt();
        }

        @Override
        public Object record() {
            return message;
        }

        @Override
        public String key() {
            return message.conversationId();
        }
    }
}
