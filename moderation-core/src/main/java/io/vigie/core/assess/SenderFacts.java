package io.vigie.core.assess;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.Cues;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.state.UserState;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Step 1 of a message's assessment: what the sender says of themself in this very message (a stated age, a school
 * or parental hint) updates their {@link UserState} before the rules see the context, so "j'ai 13 ans" makes the
 * writer a likely minor for the message that says it. Only first-person statements count: the cue stage
 * attributes ages ("ma fille a 12 ans" is about someone else, "t'as 13 ans ?" is a question), and a school or
 * parental hint in a message that talks of someone else's age is not the writer's. A later school hint overrules an
 * adult age stated before ("18 f", then "en vrai jsuis en 5e"). Stateless apart from the cue ids it resolves once.
 */
final class SenderFacts {

    /** First-person singular words, read only beside a school word in a declared adult's message. */
    private static final List<String> FIRST_PERSON = List.of("je", "j", "jsuis", "jpasse", "moi", "ma", "mon", "mes",
            "i", "im", "my", "me");

    private final int minorContextCue;
    private final int ageQuestionCue;
    private final int thirdPartyCue;
    private final int gradeCue;
    private final int secondPersonCue;

    SenderFacts(CueRegistry cues) {
        this.minorContextCue = cues.id(Cues.AGE_MINOR_CONTEXT);
        this.ageQuestionCue = cues.id("age.question");
        this.thirdPartyCue = cues.id("age.third_party");
        this.gradeCue = cues.id("age.grade");
        this.secondPersonCue = cues.id("speech.second_person");
    }

    /**
     * The sender after this message: snapshot, stated age and minor hint applied.
     *
     * @param stated the writer's own age in this message ({@link #statedAge}), -1 when none or an echo
     */
    UserState learn(ChatMessage message, MessageCues features, UserState stored, int stated) {
        Instant at = message.sentAt();
        UserState user = (stored == null ? UserState.unknown(message.senderId()) : stored)
                .withSnapshot(message.sender(), at);
        if (stated >= 0 && (user.statedAgeAt() == null || !at.isBefore(user.statedAgeAt()))) {
            user = user.withStatedAge(stated, at);
        }
        boolean echo = stated < 0 && features.statedAge() >= 0;
        if (!echo && isMinorHint(features, message.text(), user)) {
            if (stated < 0 && user.statedAge() != null && user.statedAge() >= 18) {
                // "18 f" at sign-up talk, then "en vrai jsuis en 5e": the later school hint overrules the adult
                // age stated before (people type 18 to get in)
                user = new UserState(user.userId(), user.declaredAge(), user.gender(), user.postalCode(),
                        user.accountCreatedAt(), user.deviceId(), user.ipHash(), null, at, user.minorHints(),
                        user.banned(), user.confirmedAlerts(), user.lastSeen());
            }
            user = user.withMinorHint(at);
        }
        return user;
    }

    /**
     * The writer's own age stated in this message, or -1. A bare age equal to one another participant stated
     * ("Twelve! You write well", "onze ans et demi pardon mdr") or to a recipient's declared age (a grandmother's
     * "10 ans pis tu joues déjà mieux que moi" to her grandson of 10) echoes theirs and is none. A first-person age
     * stays the writer's.
     *
     * @param learned    ages learned so far in the conversation, by userId
     * @param recipients stored states of this message's recipients
     */
    static int statedAge(String senderId, MessageCues features, Map<String, Alert.PersonAge> learned,
                         Collection<UserState> recipients) {
        int stated = features.statedAge();
        if (stated < 0 || features.statedAgeFirstPerson()) {
            return stated;
        }
        if (learned != null) {
            for (Map.Entry<String, Alert.PersonAge> e : learned.entrySet()) {
                Integer other = e.getValue().stated();
                if (other != null && other == stated && !e.getKey().equals(senderId)) {
                    return -1;
                }
            }
        }
        for (UserState r : recipients) {
            if (r != null && r.declaredAge() != null && r.declaredAge() == stated) {
                return -1;
            }
        }
        return stated;
    }

    /** The sender's age view for this message's alert and rules. */
    static Alert.PersonAge ageOf(int stated, UserState user) {
        return stated >= 0 ? new Alert.PersonAge(null, user.declaredAge(), stated, stated < 18) : Ages.of(null, user);
    }

    /**
     * The sender's view completed with what they said of their own age earlier in this conversation: with
     * {@code moderation.facts.learned.scope=own-conversation} the stored user does not carry it, the conversation
     * does. A stated age the view lacks is taken, and a likely minor stays one.
     *
     * @param learned the conversation's learned age of the sender, or null
     */
    static Alert.PersonAge withConversation(Alert.PersonAge view, Alert.PersonAge learned) {
        if (learned == null) {
            return view;
        }
        Integer stated = view.stated() != null ? view.stated() : learned.stated();
        boolean minor = view.likelyMinor() || learned.likelyMinor();
        return java.util.Objects.equals(stated, view.stated()) && minor == view.likelyMinor() ? view
                : new Alert.PersonAge(view.userId(), view.declared(), stated, minor);
    }

    /**
     * Declared 18 or more, with no age stated in chat: a bare school word ("après la récré", "en 4e") is then a
     * teacher's or a parent's as often as a child's, and needs the first person ("je redouble ma seconde", "i play
     * in the u13s") to mark a child.
     */
    private static boolean declaredAdult(UserState user) {
        return user.declaredAge() != null && user.declaredAge() >= 18 && user.statedAge() == null;
    }

    /** A first-person singular word in the text ("je", "j'", "ma", "i", "im", "my"); only read beside a grade word. */
    static boolean firstPerson(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            for (String w : FIRST_PERSON) {
                if (w.length() == i - s && text.regionMatches(true, s, w, 0, w.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A writer's school or parental hint, not a question put to someone else ("t'es au collège ?"), not about
     * someone else ("mon fils est en 6e"). A first-person hint ("jsuis en 5e", "ma mère veut pas") counts; a bare
     * school grade ("7th grade lol", "en 4e") counts only when the message does not address the other person (an
     * adult echoing "ah, en sixième… t'es une grande" speaks of the child, not of himself).
     */
    private boolean isMinorHint(MessageCues features, String text, UserState user) {
        if (has(features, ageQuestionCue) || has(features, thirdPartyCue)) {
            return false;
        }
        int hint = has(features, minorContextCue) ? minorContextCue
                : has(features, gradeCue) && !has(features, secondPersonCue)
                        && (!declaredAdult(user) || firstPerson(text)) ? gradeCue : -1;
        return hint >= 0 && !asked(text, features.end(hint));
    }

    /**
     * True when the sentence holding the hint ends with a question mark ("t'es en 4e ?"); a question in another
     * sentence ("jsuis en 4e. c'est trop jeune ?") leaves the hint a statement. Without a span, any '?' counts.
     */
    static boolean asked(String text, int hintEnd) {
        if (hintEnd < 0) {
            return text.indexOf('?') >= 0;
        }
        for (int i = hintEnd; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '?') {
                return true;
            }
            if (c == '.' || c == '!' || c == '\n') {
                return false;
            }
        }
        return false;
    }

    private static boolean has(MessageCues features, int cue) {
        return cue >= 0 && features.has(cue);
    }
}
