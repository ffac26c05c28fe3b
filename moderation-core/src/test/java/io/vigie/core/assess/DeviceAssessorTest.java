package io.vigie.core.assess;

import io.vigie.core.contract.Action;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.state.DeviceState;
import io.vigie.core.ModerationSession;
import io.vigie.core.contract.SenderSnapshot;
import io.vigie.core.state.UserState;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.vigie.core.assess.Fixture.adult;
import static io.vigie.core.assess.Fixture.minutes;
import static io.vigie.core.assess.Fixture.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accounts per device and ban evasion. */
class DeviceAssessorTest {

    private ModerationSession session = new Fixture().session;
    private DeviceState device;

    private SideAssessment<DeviceState> send(String messageId, UserState sender, Instant at) {
        ChatMessage m = Fixture.withSnapshot(msg(messageId, "c-1", sender.userId(), "u-x", at, "salut"),
                new SenderSnapshot(null, null, null, null, "d-9", "h-3"));
        SideAssessment<DeviceState> s = session.assessDevice(device, m, sender);
        device = s.state();
        return s;
    }

    @Test
    void shouldBlockANewPseudonymOnABannedDeviceOnce() {
        // given a device used by u-1 and by u-2 (a shared computer), then u-1 is banned
        send("m-1", adult("u-1"), minutes(0));
        send("m-2", adult("u-2"), minutes(1));
        device = session.markBanned(device, "u-1");

        // when a new pseudonym appears, twice, and the older account writes again
        SideAssessment<DeviceState> evasion = send("m-3", adult("u-new"), minutes(10));
        SideAssessment<DeviceState> again = send("m-4", adult("u-new"), minutes(11));
        SideAssessment<DeviceState> sibling = send("m-5", adult("u-2"), minutes(12));

        // then only the new pseudonym's first message is flagged, with a BLOCK and its reasons
        assertEquals("d-9", device.deviceKey());
        assertNotNull(evasion.alert());
        assertEquals(Alert.Kind.BAN_EVASION, evasion.alert().kind());
        assertEquals(Action.BLOCK, evasion.alert().action());
        assertEquals(Action.BLOCK, evasion.actions().get(0).action());
        assertEquals("u-new", evasion.actions().get(0).userId());
        assertTrue(evasion.actions().get(0).statement().facts().contains(DeviceAssessor.FACT_DEVICE_BANNED));
        assertNull(again.alert());
        assertTrue(again.actions().isEmpty());
        assertNull(sibling.alert());
        assertEquals(java.util.List.of("u-new"), device.evasionsFlagged());
    }

    @Test
    void shouldLearnABanFromTheSendersState() {
        // given a banned user who writes from the device
        send("m-1", adult("u-1").withConfirmedAlert(true), minutes(0));

        // when a new account writes from it
        SideAssessment<DeviceState> next = send("m-2", adult("u-2"), minutes(5));

        // then the ban was recorded and the newcomer flagged
        assertEquals(java.util.List.of("u-1"), device.bannedAccounts());
        assertNotNull(next.alert());
    }

    @Test
    void shouldFlagOnlyAccountsCreatedAfterAReviewersBanOfTheDevice() {
        // given a device whose user u-1 a reviewer banned at minute 10
        send("m-1", adult("u-1"), minutes(0));
        device = DeviceAssessor.markBanned(Policy.defaults(), device, "u-1", minutes(10));

        // when an account created before the ban writes from it for the first time, then one created after,
        // then one whose creation time is unknown
        SideAssessment<DeviceState> family = send("m-2", adult("u-old").withProfile(created("u-old", minutes(5))),
                minutes(20));
        SideAssessment<DeviceState> pseudonym = send("m-3",
                adult("u-new").withProfile(created("u-new", minutes(15))), minutes(21));
        SideAssessment<DeviceState> unknown = send("m-4", adult("u-unknown"), minutes(22));

        // then only the account created after the ban is flagged: a BLOCK on a family member is the worse error
        assertNull(family.alert());
        assertNotNull(pseudonym.alert());
        assertEquals(Alert.Kind.BAN_EVASION, pseudonym.alert().kind());
        assertNull(unknown.alert());
        assertEquals(minutes(10), device.bannedAt());
    }

    @Test
    void shouldForgetAnErasedUserAndTheDeviceOnceNoBanIsLeft() {
        send("m-1", adult("u-1"), minutes(0));
        device = DeviceAssessor.markBanned(Policy.defaults(), device, "u-1", minutes(1));
        send("m-2", adult("u-2"), minutes(2));
        assertNull(DeviceAssessor.erase(device, "u-1"), "nothing to track without a ban");
        DeviceState kept = DeviceAssessor.erase(device, "u-2");
        assertNotNull(kept);
        assertFalse(kept.accounts().containsKey("u-2"));
        assertEquals(java.util.List.of("u-1"), kept.bannedAccounts());
    }

    private static io.vigie.core.contract.Profile created(String userId, java.time.Instant at) {
        return new io.vigie.core.contract.Profile("profile", userId, null, null, null, at, null, null, null);
    }

    @Test
    void shouldNotFlagAnythingWithoutABan() {
        for (int i = 0; i < 20; i++) {
            assertNull(send("m-" + i, adult("u-" + i), minutes(i)).alert());
        }
    }

    @Test
    void shouldKeepDeviceStateBounded() {
        session = new Fixture(Policy.defaults().withBounds(new Policy.Bounds(50, 20, 50))).session;
        for (int i = 0; i < 10_000; i++) {
            send("m-" + i, adult("u-" + i), Fixture.T0.plusSeconds(i));
        }
        assertEquals(50, device.accounts().size());
        assertTrue(device.accounts().containsKey("u-9999"));
    }

    @Test
    void shouldRefuseAMessageWithoutDeviceKeyWhenNoStateIsGiven() {
        ChatMessage m = msg("m-1", "c-1", "u-1", "u-2", Fixture.T0, "salut");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> session.assessDevice(null, m, null));
        assertTrue(e.getMessage().contains("m-1"));
    }
}
