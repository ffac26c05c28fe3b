package io.vigie.stream.console;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;

import java.time.Instant;
import java.util.List;

/** Synthetic, non-explicit alerts for the console's tests. */
final class Alerts {

    static final Instant T0 = Instant.parse("2026-11-28T20:00:00Z");

    private Alerts() {
    }

    /** A private grooming alert from u-adult to u-teen (a likely minor) on device d-1. */
    static Alert grooming(String id, String conversation, Severity severity, Instant detectedAt) {
        String text = "dis rien a tes parents, c'est notre secret";
        return new Alert(id, "m-" + id, conversation, "u-adult", List.of("u-teen"), detectedAt.minusSeconds(1),
                detectedAt, severity, Action.HOLD, 70, List.of(Category.CHILD_GROOMING),
                List.of(new Alert.Signal("grooming.secrecy", Category.CHILD_GROOMING, 25, "dis rien a tes parents",
                        0, 22)),
                new Alert.AgeInfo(new Alert.PersonAge(null, 34, null, false),
                        List.of(new Alert.PersonAge("u-teen", 18, 13, true))),
                new Alert.ConversationInfo(6, 70, List.of(Stage.AGE_CHECK, Stage.SECRECY)), "default@test", text,
                Alert.Kind.MESSAGE, List.of(), List.of(), null, "fr", "d-1", null, null);
    }

    /** An English hate alert in a public room between adults. */
    static Alert roomHate(String id, String conversation, Instant detectedAt) {
        String text = "get out of here you f4ggot";
        return new Alert(id, "m-" + id, conversation, "u-troll", List.of(), detectedAt.minusSeconds(1), detectedAt,
                Severity.MEDIUM, Action.REVIEW, 45, List.of(Category.HATE_HOMOPHOBIC),
                List.of(new Alert.Signal("hate.slur", Category.HATE_HOMOPHOBIC, 45, "f4ggot", 20, 26)),
                new Alert.AgeInfo(new Alert.PersonAge(null, 30, null, false), List.of()),
                new Alert.ConversationInfo(3, 45, List.of()), "default@test", text, Alert.Kind.MESSAGE, List.of(),
                List.of(), "room-lobby", "en", "d-9", null, null);
    }
}
