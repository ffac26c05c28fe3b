package io.vigie.core.rule;

import io.vigie.core.assess.Assessment;
import io.vigie.core.contract.Attachment;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.ModerationEngine;
import io.vigie.core.contract.Severity;
import io.vigie.core.normalize.Normalizers;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.cue.CueModel;
import io.vigie.core.cue.CueModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default pack's hash rule with a hash list generated here (no real list is ever used in tests). */
class KnownMediaRuleTest {

    @TempDir
    Path hashes;

    @Test
    void shouldMakeAKnownMediaHashCriticalThroughTheDefaultPack() throws Exception {
        // given a list holding the SHA-256 of bytes generated for this test
        String listed = sha256("vigie synthetic test media 1");
        Files.writeString(hashes.resolve("test.sha256"), "# generated for tests\n" + listed + "\n");
        CueModel model = CueModels.builder().normalizers(Normalizers::standard).hashListDir(hashes).build();
        RulePack pack = RulePackLoader.defaults(model);
        Attachment known = new Attachment("image", listed, null, "image/jpeg");
        Attachment other = new Attachment("image", sha256("vigie synthetic test media 2"), null, "image/jpeg");

        // when
        List<Finding> hit = evaluate(model, pack, known);
        List<Finding> miss = evaluate(model, pack, other);
        ModerationEngine engine = ModerationEngine.of(model, pack, null);
        ChatMessage message = new ChatMessage("message", "m-1", "c-1", null, "u-1", List.of("u-2"),
                Instant.parse("2026-11-28T20:00:00Z"), "", List.of(known), null);
        Assessment assessment = engine.newSession().assess(message, null, null, Map.of());

        // then
        assertEquals(List.of("csam.known_sha256"), hit.stream().map(Finding::ruleId).toList());
        assertEquals(-1, hit.get(0).start());
        assertEquals(List.of(), miss);
        assertNotNull(assessment.alert());
        assertEquals(Severity.CRITICAL, assessment.alert().severity());
        assertTrue(assessment.alert().categories().contains(Category.CSAM));
    }

    private static List<Finding> evaluate(CueModel model, RulePack pack, Attachment a) {
        MessageCues f = model.newExtractor().extract("", List.of(a), RuleTester.EXAMPLE_TIME_MS);
        List<Finding> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        pack.evaluate(f, ScoringContext.none(), out, errors);
        assertEquals(List.of(), errors);
        return out;
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
