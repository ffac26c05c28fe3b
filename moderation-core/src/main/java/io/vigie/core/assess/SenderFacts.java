package io.vigie.core.assess;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.Cues;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.state.UserState;

import java.time.Instant;

/**
 * Step 1 of a message's assessment: what the sender says of themself in this very message (a stated age, a school
 * or parental hint) updates their {@link UserState} before the rules see the context, so "j'ai 13 ans" makes the
 * writer a likely minor for the message that says it. Only first-person statements count: the cue stage
 * attributes ages ("ma fille a 12 ans" is about someone else, "t'as 13 ans ?" is a question). Stateless apart from
 * the cue ids it resolves once.
 */
final class SenderFacts {

    private final int minorContextCue;
    private final int ageQuestionCue;

    SenderFacts(CueRegistry cues) {
        this.minorContextCue = cues.id(Cues.AGE_MINOR_CONTEXT);
        this.ageQuestionCue = cues.id("age.question");
    }

    /** The sender after this message: snapshot, stated age and minor hint applied. */
    UserState learn(ChatMessage message, MessageCues features, UserState stored) {
        Instant at = message.sentAt();
        UserState user = (stored == null ? UserState.unknown(message.senderId()) : stored)
                .withSnapshot(message.sender(), at);
        int stated = features.statedAge();
        if (stated >= 0 && (user.statedAgeAt() == null || !at.isBefore(user.statedAgeAt()))) {
            user = user.withStatedAge(stated, at);
        }
        if (isMinorHint(features, message.text())) {
            user = user.withMinorHint(at);
        }
        return user;
    }

    /** The sender's age view for this message's alert and rules. */
    static Alert.PersonAge ageOf(MessageCues features, UserState user) {
        int stated = features.statedAge();
        return stated >= 0 ? new Alert.PersonAge(null, user.declaredAge(), stated, stated < 18) : Ages.of(null, user);
    }

    // a writer's school or parental hint, not a question put to someone else ("t'es au collège ?")
    private boolean isMinorHint(MessageCues features, String text) {
        return minorContextCue >= 0 && features.has(minorContextCue)
                && !(ageQuestionCue >= 0 && features.has(ageQuestionCue)) && text.indexOf('?') < 0;
    }
}
