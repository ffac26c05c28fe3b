package io.vigie.stream.console;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Password hashes, the users file, signed sessions and CSRF tokens, and evidence highlighting. */
class ConsoleSecurityTest {

    private final ReviewQueueTest.MutableClock clock = new ReviewQueueTest.MutableClock(Alerts.T0);

    @Test
    void shouldVerifyOnlyTheRightPasswordAgainstASaltedHash() {
        String a = PasswordHasher.hash("correct horse".toCharArray(), 1000);
        String b = PasswordHasher.hash("correct horse".toCharArray(), 1000);
        assertNotEquals(a, b, "salted: the same password hashes differently");
        assertTrue(a.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(PasswordHasher.verify("correct horse".toCharArray(), a));
        assertFalse(PasswordHasher.verify("correct horsE".toCharArray(), a));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "pbkdf2-sha256$1000$bad"));
        assertFalse(PasswordHasher.verify("".toCharArray(), a));
        assertThrows(IllegalArgumentException.class, () -> PasswordHasher.hash(new char[0], 1000));
    }

    @Test
    void shouldReportEveryErrorOfAUsersFileWithoutEchoingAHash(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.txt");
        Files.writeString(file, "alice reviewer " + PasswordHasher.hash("pw".toCharArray(), 1000) + "\n"
                + "bob admin -\n"
                + "carol reviewer my-secret-password\n"
                + "alice lead -\n"
                + "dave\n");
        Users.UsersFileException e = assertThrows(Users.UsersFileException.class, () -> Users.load(file));
        assertTrue(e.getMessage().contains("users.txt:2: role must be reviewer or lead"), e.getMessage());
        assertTrue(e.getMessage().contains("users.txt:3: the hash is not from"), e.getMessage());
        assertTrue(e.getMessage().contains("users.txt:4: user 'alice' is listed twice"), e.getMessage());
        assertTrue(e.getMessage().contains("users.txt:5: expected 'name role hash'"), e.getMessage());
        assertFalse(e.getMessage().contains("my-secret-password"), "never echo what may be a password");
    }

    @Test
    void shouldAcceptOnlyUntamperedUnexpiredUnrevokedSessions() {
        Sessions sessions = new Sessions("0123456789abcdef0123456789abcdef", 60_000, clock);
        String cookie = sessions.issue("alice");
        Sessions.Session s = sessions.verify(cookie).orElseThrow();
        assertEquals("alice", s.user());

        // a cookie naming someone else, or signed with another key, is refused
        String payload = new String(java.util.Base64.getUrlDecoder().decode(cookie.substring(0, cookie.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8).replace("alice", "lea");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) + cookie.substring(cookie.indexOf('.'));
        assertTrue(sessions.verify(forged).isEmpty());
        assertTrue(new Sessions("another-key-of-at-least-32-characters", 60_000, clock).verify(cookie).isEmpty());

        // CSRF tokens are per session
        String token = sessions.csrfToken("session", s.id());
        assertTrue(sessions.csrfValid("session", s.id(), token));
        assertFalse(sessions.csrfValid("session", "other-session", token));
        assertFalse(sessions.csrfValid("session", s.id(), null));

        // expiry and sign-out
        clock.set(Alerts.T0.plus(Duration.ofSeconds(61)));
        assertTrue(sessions.verify(cookie).isEmpty(), "expired");
        clock.set(Alerts.T0);
        sessions.revoke(s);
        assertTrue(sessions.verify(cookie).isEmpty(), "revoked");
        assertTrue(sessions.verify(sessions.issue("alice")).isPresent(), "a new sign-in works");
    }

    @Test
    void shouldHighlightOverlappingSpansOnceAndSkipSpansOutsideTheText() {
        String text = "dis rien a tes parents \uD83D\uDE00 ok";
        Highlight h = Highlight.of(text, List.of(
                new Alert.Signal("a", Category.CHILD_GROOMING, 1, "dis rien", 0, 8),
                new Alert.Signal("b", Category.CHILD_GROOMING, 1, "rien a tes parents", 4, 22),
                new Alert.Signal("media", Category.CSAM, 1, "hash", -1, -1),
                new Alert.Signal("past", Category.THREAT, 1, "?", 10, 999),
                // ends inside the emoji's surrogate pair: the cut moves before it
                new Alert.Signal("c", Category.THREAT, 1, "x", 23, 24)));
        StringBuilder joined = new StringBuilder();
        h.pieces().forEach(p -> joined.append(p.text()));
        assertEquals(text, joined.toString(), "the pieces are the text");
        assertEquals(List.of(List.of("a"), List.of("a", "b"), List.of("b"), List.of()), h.pieces().stream()
                .map(Highlight.Piece::rules).toList());
        assertEquals("dis ", h.pieces().get(0).text());
        assertEquals("rien", h.pieces().get(1).text());
    }
}
