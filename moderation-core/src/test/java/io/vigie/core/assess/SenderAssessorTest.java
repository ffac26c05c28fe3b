package io.vigie.core.assess;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.ModerationSession;
import io.vigie.core.contract.SenderSnapshot;
import io.vigie.core.state.SenderState;
import io.vigie.core.contract.Severity;
import io.vigie.core.state.UserState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.vigie.core.assess.Fixture.T0;
import static io.vigie.core.assess.Fixture.adult;
import static io.vigie.core.assess.Fixture.hours;
import static io.vigie.core.assess.Fixture.kid;
import static io.vigie.core.assess.Fixture.minutes;
import static io.vigie.core.assess.Fixture.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fan-out to likely minors and new-account bursts, by event time (default policy: 3 minors in 24 h). */
class SenderAssessorTest {

    private ModerationSession session = new Fixture().session;
    private final Map<String, UserState> users = new HashMap<>();
    private SenderState state;

    private SideAssessment<SenderState> send(String messageId, String from, String to, Instant at) {
        return send(msg(messageId, "c-" + to, from, to, at, "salut"));
    }

    private SideAssessment<SenderState> send(ChatMessage m) {
        Map<String, UserState> recipients = new HashMap<>();
        for (String r : m.recipientIds()) {
            if (users.containsKey(r)) {
                recipients.put(r, users.get(r));
            }
        }
        SideAssessment<SenderState> s = session.assessSender(state, m, users.get(m.senderId()), recipients);
        state = s.state();
        return s;
    }

    @Test
    void shouldRaiseFanOutAtExactlyTheThresholdAndAgainOnlyOnARise() {
        // given an adult and five users who stated 13
        users.put("u-adult", adult("u-adult"));
        for (int i = 1; i <= 5; i++) {
            users.put("k-" + i, kid("k-" + i));
        }

        // when they contact the minors one by one within a day
        SideAssessment<SenderState> two = send("m-1", "u-adult", "k-1", T0);
        two = send("m-2", "u-adult", "k-2", hours(1));
        SideAssessment<SenderState> three = send("m-3", "u-adult", "k-3", hours(2));
        SideAssessment<SenderState> sameAgain = send("m-4", "u-adult", "k-3", hours(3));
        SideAssessment<SenderState> four = send("m-5", "u-adult", "k-4", hours(4));

        // then nothing at two, FAN_OUT at three, nothing when the count does not rise, again at four
        assertNull(two.alert());
        Alert alert = three.alert();
        assertNotNull(alert);
        assertEquals(Alert.Kind.FAN_OUT, alert.kind());
        assertEquals(java.util.List.of(Category.CHILD_GROOMING), alert.categories());
        assertEquals(Severity.HIGH, alert.severity());
        assertEquals(Action.REVIEW, alert.action());
        assertTrue(three.actions().isEmpty(), "behaviour alone does not enforce below 2N");
        assertNull(sameAgain.alert());
        assertNotNull(four.alert());
        assertEquals(4, state.fanOutAlertedCount());
    }

    @Test
    void shouldHoldTheSenderAtTwiceTheThreshold() {
        users.put("u-adult", adult("u-adult"));
        SideAssessment<SenderState> last = null;
        for (int i = 1; i <= 6; i++) {
            users.put("k-" + i, kid("k-" + i));
            last = send("m-" + i, "u-adult", "k-" + i, minutes(i));
        }

        assertEquals(Severity.CRITICAL, last.alert().severity());
        assertEquals(Action.HOLD, last.actions().get(0).action());
        assertNotNull(last.actions().get(0).statement());
        assertEquals(4, state.priorAlerts(), "alerts at 3, 4, 5 and 6 minors");
    }

    @Test
    void shouldNotCountMinorsContactedOutsideTheWindow() {
        // given an adult who contacts three minors over more than a day
        users.put("u-adult", adult("u-adult"));
        for (int i = 1; i <= 3; i++) {
            users.put("k-" + i, kid("k-" + i));
        }
        send("m-1", "u-adult", "k-1", T0);
        send("m-2", "u-adult", "k-2", hours(12));
        SideAssessment<SenderState> third = send("m-3", "u-adult", "k-3", hours(25));

        // then the first contact expired: two in the window, no alert, and it is pruned from state
        assertNull(third.alert());
        assertEquals(2, state.minorContacts().size());
    }

    @Test
    void shouldNotRaiseFanOutForAMinorWritingToMinors() {
        users.put("k-0", kid("k-0"));
        SideAssessment<SenderState> last = null;
        for (int i = 1; i <= 4; i++) {
            users.put("k-" + i, kid("k-" + i));
            last = send("m-" + i, "k-0", "k-" + i, minutes(i));
        }
        assertNull(last.alert());
    }

    @Test
    void shouldNotCountTheChildrenOfAGroupConversationAsContactedOneByOne() {
        // given a coach, two parents and four children who stated 13 in one group conversation
        users.put("u-coach", adult("u-coach"));
        users.put("u-parent", adult("u-parent"));
        List<String> members = new ArrayList<>(List.of("u-coach", "u-parent", "k-1", "k-2", "k-3", "k-4"));
        for (int i = 1; i <= 4; i++) {
            users.put("k-" + i, kid("k-" + i));
        }

        // when the coach posts the schedule to everyone, twice
        SideAssessment<SenderState> first = send(ChatMessage.of("m-1", "c-team", "u-coach", others(members, "u-coach"),
                T0, "practice tuesday 3:30"));
        SideAssessment<SenderState> second = send(ChatMessage.of("m-2", "c-team", "u-coach",
                others(members, "u-coach"), minutes(5), "permission slips due friday"));

        // then no fan-out and no minor counted; the same coach writing to three of them one by one still raises it
        assertNull(first.alert());
        assertNull(second.alert());
        assertTrue(state.minorContacts().isEmpty());
        send("m-3", "u-coach", "k-1", minutes(10));
        send("m-4", "u-coach", "k-2", minutes(11));
        assertEquals(Alert.Kind.FAN_OUT, send("m-5", "u-coach", "k-3", minutes(12)).alert().kind());
    }

    private static List<String> others(List<String> members, String sender) {
        return members.stream().filter(m -> !m.equals(sender)).toList();
    }

    @Test
    void shouldFlagABurstOfFirstContactsFromANewAccountOnce() {
        // given an account created ten minutes before it starts writing to strangers
        SenderSnapshot fresh = new SenderSnapshot(22, null, null, T0.minusSeconds(600), null, null);
        SideAssessment<SenderState> ninth = null;
        SideAssessment<SenderState> tenth = null;
        SideAssessment<SenderState> eleventh = null;
        for (int i = 1; i <= 11; i++) {
            SideAssessment<SenderState> s = send(Fixture.withSnapshot(msg("m-" + i, "c-" + i, "u-new", "v-" + i,
                    minutes(i), "salut"), fresh));
            if (i == 9) {
                ninth = s;
            } else if (i == 10) {
                tenth = s;
            } else if (i == 11) {
                eleventh = s;
            }
        }

        // then the tenth first contact within the hour is flagged for review, once
        assertNull(ninth.alert());
        assertEquals(Alert.Kind.NEW_ACCOUNT_BURST, tenth.alert().kind());
        assertEquals(Severity.MEDIUM, tenth.alert().severity());
        assertNull(eleventh.alert());
    }

    @Test
    void shouldNotFlagABurstFromAnOldAccount() {
        users.put("u-old", adult("u-old"));
        SideAssessment<SenderState> last = null;
        for (int i = 1; i <= 12; i++) {
            last = send("m-" + i, "u-old", "v-" + i, minutes(i));
        }
        assertNull(last.alert());
    }

    @Test
    void shouldKeepSenderStateBoundedWithTenThousandRecipients() {
        // given a policy keeping 50 contacts (the default 500 only makes the test slower)
        Policy policy = Policy.defaults().withBounds(new Policy.Bounds(50, 20, 50));
        session = new Fixture(policy).session;
        // an account created just before, so that its first contacts are tracked too
        users.put("u-adult", adult("u-adult").withSnapshot(new SenderSnapshot(34, null, null, T0.minusSeconds(60),
                null, null), T0));
        for (int i = 0; i < 10_000; i++) {
            users.put("k-" + i, kid("k-" + i));
            send("m-" + i, "u-adult", "k-" + i, T0.plusSeconds(i));
        }
        int max = policy.bounds().maxTracked();
        assertEquals(max, state.minorContacts().size());
        assertTrue(state.knownRecipients().size() <= max);
        assertTrue(state.newContacts().size() <= max);
        assertTrue(state.knownRecipients().contains("k-9999"));
    }

    @Test
    void shouldTrackNoContactsForAnEstablishedAccountYetStillCountMinors() {
        // given an account created 90 days ago writing to 200 strangers, three of them likely minors
        users.put("u-old", adult("u-old"));
        for (int i = 1; i <= 3; i++) {
            users.put("k-" + i, kid("k-" + i));
        }
        SideAssessment<SenderState> last = null;
        for (int i = 1; i <= 200; i++) {
            last = send("m-" + i, "u-old", (i <= 3 ? "k-" : "v-") + i, T0.plusSeconds(i));
        }

        // then its state holds no contact list (no burst is possible any more), and fan-out still counts the minors
        assertTrue(state.knownRecipients().isEmpty());
        assertTrue(state.newContacts().isEmpty());
        assertEquals(3, state.minorContacts().size());
        assertNull(last.alert());
    }

    @Test
    void shouldDropTheContactListsOnceTheAccountCanNoLongerBurst() {
        // given a new account that made first contacts in its first hour
        SenderSnapshot fresh = new SenderSnapshot(22, null, null, T0.minusSeconds(600), null, null);
        for (int i = 1; i <= 5; i++) {
            send(Fixture.withSnapshot(msg("m-" + i, "c-" + i, "u-new", "v-" + i, minutes(i), "salut"), fresh));
        }
        assertEquals(5, state.knownRecipients().size());

        // when it writes again eight days later (past the seven new-account days and the one-hour window)
        send(Fixture.withSnapshot(msg("m-late", "c-1", "u-new", "v-1", hours(8 * 24), "salut"), fresh));

        // then nothing of its contacts is kept
        assertTrue(state.knownRecipients().isEmpty());
        assertTrue(state.newContacts().isEmpty());
    }

    @Test
    void shouldTrackNoContactsWhenTheAccountCreationTimeIsUnknown() {
        // given a sender of unknown account age: a burst needs the creation time
        for (int i = 1; i <= 12; i++) {
            SideAssessment<SenderState> s = send("m-" + i, "u-anon", "v-" + i, minutes(i));
            assertNull(s.alert());
        }
        assertTrue(state.knownRecipients().isEmpty());
    }
}
