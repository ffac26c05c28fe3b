package io.vigie.stream.cli;

import io.vigie.stream.console.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code moderation console} and {@code console hash-password} as a user runs them. */
class ConsoleCommandTest {

    @Test
    void shouldPrintHelpOfTheConsoleAndItsHelper() {
        for (String[] args : new String[][] {{"console", "--help"}, {"console", "hash-password", "--help"}}) {
            ModerationCliTest.Result r = ModerationCliTest.run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage:"), r.out());
        }
        assertTrue(ModerationCliTest.run("--help").out().contains("console"), "listed among the commands");
    }

    @Test
    void shouldHashAPasswordReadFromStdinForTheUsersFile() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("s3cret-pass\n".getBytes(StandardCharsets.UTF_8)));
            ModerationCliTest.Result r = ModerationCliTest.run("console", "hash-password", "--iterations", "100000");
            assertEquals(0, r.code(), r.err());
            String hash = r.out().trim();
            assertTrue(hash.startsWith("pbkdf2-sha256$100000$"), hash);
            assertTrue(PasswordHasher.verify("s3cret-pass".toCharArray(), hash));
            assertFalse(r.out().contains("s3cret-pass"));

            System.setIn(new ByteArrayInputStream(new byte[0]));
            ModerationCliTest.Result empty = ModerationCliTest.run("console", "hash-password");
            assertEquals(1, empty.code());
            assertEquals("hash-password: no password given", empty.err().trim());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void shouldExitOneWithOneLineOnBadSettingsOrAMissingUsersFile(@TempDir Path dir) throws Exception {
        ModerationCliTest.Result port = ModerationCliTest.run("console", "--set",
                "moderation.console.http.port=99999", "--users", "x");
        assertEquals(1, port.code());
        assertTrue(port.err().contains("moderation.console.http.port"), port.err());
        assertEquals(1, port.err().trim().split("\n").length, port.err());

        ModerationCliTest.Result noUsers = ModerationCliTest.run("console", "--set", "bootstrap.servers=127.0.0.1:1");
        assertEquals(1, noUsers.code());
        assertTrue(noUsers.err().contains("moderation.console.users.file is required"), noUsers.err());

        Path users = dir.resolve("users.txt");
        Files.writeString(users, "alice boss -\n");
        ModerationCliTest.Result badUsers = ModerationCliTest.run("console", "--users", users.toString());
        assertEquals(1, badUsers.code());
        assertTrue(badUsers.err().contains("users.txt:1: role must be reviewer or lead"), badUsers.err());

        ModerationCliTest.Result badFlag = ModerationCliTest.run("console", "--no-such-flag");
        assertEquals(1, badFlag.code());
        assertTrue(badFlag.err().contains("Usage:"), badFlag.err());
    }
}
