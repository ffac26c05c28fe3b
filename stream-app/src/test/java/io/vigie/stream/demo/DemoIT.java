package io.vigie.stream.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code demo} as a user runs it: its own JVM with the launcher's 512 MB heap, stdout not a terminal. It prints the
 * review console's URL, which answers while it runs. Within its 30 s it prints alerts of several categories with the evidence bracketed, the first one well within a minute,
 * and it stops by itself, cleanly, leaving no temporary directory behind.
 */
class DemoIT {

    private static final Pattern HEADER = Pattern.compile("^(LOW|MEDIUM|HIGH|CRITICAL)\\s+([A-Z_, ]+?)\\s+→ "
            + "(REVIEW|HOLD|BLOCK|ESCALATE)\\b");

    private static final Pattern CONSOLE = Pattern.compile("review console at (http://\\S+/) ");

    @Test
    void shouldPrintAlertsOfSeveralCategoriesAndStopByItself(@TempDir Path tmp) throws Exception {
        // given the demo in a child JVM with a private temp dir
        Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                Demo.class.getName(), "--duration", "30", "--rate", "40")
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
        long t0 = System.nanoTime();

        // when it runs for its 30 s
        List<String> lines = new ArrayList<>();
        long firstAlertMs = -1;
        long feedingMs = -1;
        Set<String> categories = new TreeSet<>();
        int consoleLogin = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                Matcher console = CONSOLE.matcher(line);
                if (consoleLogin < 0 && console.find()) {
                    // the review console answers at the printed URL while the demo runs
                    consoleLogin = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                            .newBuilder(java.net.URI.create(console.group(1) + "login")).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                }
                if (feedingMs < 0 && line.contains("alerts appear below")) {
                    feedingMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                }
                Matcher m = HEADER.matcher(line);
                if (m.find()) {
                    if (firstAlertMs < 0) {
                        firstAlertMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    }
                    for (String c : m.group(2).split(",")) {
                        categories.add(c.trim());
                    }
                }
            }
        }
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        String all = String.join("\n", lines);
        String stderr = Files.readString(tmp.resolve("stderr.txt"));

        // then it printed alerts of several categories, with bracketed evidence, and ended on its own
        assertTrue(exited, "the demo did not stop after --duration");
        assertEquals(0, p.exitValue(), "exit code; stderr:\n" + stderr);
        // startup time depends on the machine's load (measured and reported, see below); once the topology runs,
        // the first alert must come well within the minute
        assertTrue(feedingMs > 0, "the demo never started feeding:\n" + all + "\n" + stderr);
        assertTrue(firstAlertMs > 0 && firstAlertMs - feedingMs < 45_000,
                "first alert " + (firstAlertMs - feedingMs) + " ms after the topology started:\n" + all);
        assertTrue(categories.size() >= 3, "alerts of only " + categories + ":\n" + all);
        assertEquals(200, consoleLogin, "the review console's URL is printed and answers:\n" + all);
        assertTrue(all.contains("["), "evidence should be bracketed when stdout is not a terminal");
        assertFalse(all.contains("\u001b["), "no ANSI escapes when stdout is not a terminal");
        assertTrue(all.contains("vigie demo: stopped after"), "no closing summary:\n" + all);
        try (var left = Files.list(tmp)) {
            assertEquals(List.of("stderr.txt"), left.map(f -> f.getFileName().toString()).toList(),
                    "the demo left temporary files behind");
        }
        System.out.printf("demo: topology running after %d ms, first alert after %d ms, categories %s%n",
                feedingMs, firstAlertMs, categories);
    }

    @Test
    void shouldStopCleanlyWhenInterrupted(@TempDir Path tmp) throws Exception {
        // given a demo running without --duration
        Process p = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                Demo.class.getName(), "--rate", "20")
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
        List<String> lines = new ArrayList<>();
        boolean signalled = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                // when it is interrupted (SIGTERM runs the same shutdown hook as Ctrl-C's SIGINT) once feeding
                if (!signalled && line.contains("alerts appear below")) {
                    // through the handle: Process.destroy() would also close the pipe this test still reads
                    p.toHandle().destroy();
                    signalled = true;
                }
            }
        }

        // then it stops within seconds, says so, and leaves no temporary directory behind
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the demo did not stop");
        String all = String.join("\n", lines);
        assertTrue(signalled, "the demo never started feeding:\n" + all + Files.readString(tmp.resolve("stderr.txt")));
        assertTrue(all.contains("vigie demo: stopped after"), "no closing summary:\n" + all);
        try (var left = Files.list(tmp)) {
            assertEquals(List.of("stderr.txt"), left.map(f -> f.getFileName().toString()).toList(),
                    "the demo left temporary files behind");
        }
    }

    @Test
    void shouldRejectANegativeDurationWithOneLine() {
        assertEquals(1, Demo.run(new String[]{"--duration", "-3"}));
        assertEquals(1, Demo.run(new String[]{"--rate", "0"}));
    }
}
