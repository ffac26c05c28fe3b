package io.vigie.stream.engine;

import io.vigie.core.rule.Finding;
import io.vigie.core.ModerationEngine;
import io.vigie.core.rule.ScoringContext;
import io.vigie.core.load.LoadError;
import io.vigie.core.rule.RulePack;
import io.vigie.core.load.LoadException;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.cue.CueModel;
import io.vigie.stream.metrics.ModerationMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hot reload of the rule pack: a good pack is swapped in, a bad one is refused and the old one keeps running.
 * The loader here compiles a one-line "pack" file so that the test is about reloading, not about rules.
 */
class ReloadingEngineTest {

    /** pack.txt holds a rule id per line; a line "bad" is a compile error at that line. */
    private static final ReloadingEngine.Loader LOADER = (rules, lexicons, hashes) -> {
        List<String> lines;
        try {
            lines = Files.readAllLines(rules.resolve("pack.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("bad")) {
                throw new LoadException(List.of(new LoadError("pack.txt", i + 1, 0, "not a rule", null)));
            }
        }
        return ModerationEngine.of(new NoSignals(), new IdsOnly(lines), null);
    };

    @Test
    void shouldSwapInChangedPackForNewSessions(@TempDir Path dir) throws Exception {
        // given
        Files.writeString(dir.resolve("pack.txt"), "rule.one\n");
        ModerationMetrics metrics = ModerationMetrics.inMemory();
        try (ReloadingEngine engine = new ReloadingEngine(dir, null, null, wrap(LOADER), metrics)) {
            ModerationEngine first = engine.current();
            assertFalse(engine.checkNow(), "nothing changed");
            // when
            write(dir, "rule.one\nrule.two\n", 10_000);
            // then
            assertTrue(engine.checkNow());
            assertNotSame(first, engine.current());
            assertTrue(engine.current().ruleIds().contains("rule.two"));
            assertEquals(1.0, metrics.registry().get("moderation.rules.reloads").tag("result", "ok").counter()
                    .count());
            assertEquals(0.0, metrics.registry().get("moderation.findings").tag("rule", "rule.two")
                    .tag("shadow", "false").counter().count(), "meters of the new rules are pre-registered");
        }
    }

    @Test
    void shouldRefuseBadPackAndKeepRunningPack(@TempDir Path dir) throws Exception {
        // given
        Files.writeString(dir.resolve("pack.txt"), "rule.one\n");
        ModerationMetrics metrics = ModerationMetrics.inMemory();
        try (ReloadingEngine engine = new ReloadingEngine(dir, null, null, wrap(LOADER), metrics)) {
            ModerationEngine running = engine.current();
            // when
            write(dir, "rule.one\nbad\n", 10_000);
            // then
            assertFalse(engine.checkNow());
            assertSame(running, engine.current());
            assertEquals(1.0, metrics.registry().get("moderation.rules.reloads").tag("result", "refused")
                    .counter().count());
            // and a fixed pack is taken on the next change
            write(dir, "rule.three\n", 20_000);
            assertTrue(engine.checkNow());
            assertTrue(engine.current().ruleIds().contains("rule.three"));
        }
    }

    @Test
    void shouldRefuseToStartOnBadPack(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pack.txt"), "bad\n");
        LoadException e = org.junit.jupiter.api.Assertions.assertThrows(LoadException.class,
                () -> new ReloadingEngine(dir, null, null, wrap(LOADER), ModerationMetrics.inMemory()));
        assertEquals("pack.txt:1: not a rule", e.errors().get(0).toString());
    }

    private static void write(Path dir, String content, long mtimeOffsetMs) throws Exception {
        Path f = dir.resolve("pack.txt");
        Files.writeString(f, content);
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + mtimeOffsetMs));
    }

    private static ReloadingEngine.Loader wrap(ReloadingEngine.Loader l) {
        return l;
    }

    private static final class NoSignals implements CueModel {
        @Override
        public CueRegistry cues() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CueExtractor newExtractor() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String version() {
            return "test";
        }
    }

    private record IdsOnly(List<String> ids) implements RulePack {
        @Override
        public String version() {
            return "pack-" + ids.size();
        }

        @Override
        public List<String> ruleIds() {
            return ids;
        }

        @Override
        public void evaluate(MessageCues features, ScoringContext context, List<Finding> out,
                             List<String> errors) {
            // never scores: this test is about reloading
        }
    }
}
