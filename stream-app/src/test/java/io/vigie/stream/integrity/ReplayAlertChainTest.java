package io.vigie.stream.integrity;

import io.vigie.stream.cli.ModerationCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chain as the application really writes it: {@code replay} runs the live topology offline, and
 * {@code verify-alerts} checks its output, then catches the same output once tampered with.
 */
class ReplayAlertChainTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    @Test
    void shouldVerifyTheAlertsOfAReplayAndCatchAnEditedOne() throws Exception {
        // given a synthetic grooming conversation (adult to a declared 13-year-old: age, secrecy, meeting)
        Path input = dir.resolve("in.jsonl");
        try (InputStream in = getClass().getResourceAsStream("grooming-conversation.jsonl")) {
            Files.copy(in, input);
        }
        Path output = dir.resolve("alerts.jsonl");

        // when replayed and verified
        Result replay = cli("replay", "--input", input.toString(), "--output", output.toString());
        assertEquals(0, replay.code(), replay.err());
        List<String> alerts = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertTrue(alerts.size() >= 2, "alerts: " + alerts.size());
        Result verified = cli("verify-alerts", output.toString());

        // then every alert is linked and the chain holds
        assertEquals(0, verified.code(), verified.err());
        assertTrue(verified.out().startsWith("intact: " + alerts.size() + " alerts in 1 chain"), verified.out());
        assertTrue(alerts.get(0).contains("\"prevHash\":\"" + AlertChain.GENESIS + "\""), alerts.get(0));

        // given one character of the second alert's evidence changed
        List<String> tampered = new ArrayList<>(alerts);
        String second = tampered.get(1);
        int at = second.indexOf("\"evidence\":\"") + "\"evidence\":\"".length();
        char c = second.charAt(at);
        tampered.set(1, second.substring(0, at) + (c == 'x' ? 'y' : 'x') + second.substring(at + 1));
        Path edited = dir.resolve("edited.jsonl");
        Files.write(edited, tampered, StandardCharsets.UTF_8);

        // then verify-alerts fails at line 2 with one line
        Result broken = cli("verify-alerts", edited.toString());
        assertEquals(1, broken.code());
        assertTrue(broken.err().contains("line 2: hash mismatch"), broken.err());
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ModerationCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
