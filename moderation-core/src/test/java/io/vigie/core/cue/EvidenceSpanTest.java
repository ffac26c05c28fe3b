package io.vigie.core.cue;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evidence points at what the user typed, through obfuscation, and repeated cues keep the first span. */
class EvidenceSpanTest {

    private final CueModel model = TestCues.model();
    private final CueExtractor extractor = model.newExtractor();

    private String evidence(String text, String cue) {
        MessageCues f = extractor.extract(text, List.of(), TestCues.EVENT_MS);
        int id = model.cues().id(cue);
        assertTrue(f.has(id), text + " should fire " + cue);
        return text.substring(f.start(id), f.end(id));
    }

    @Test
    void shouldPointAtTheSeparatedLettersOfAnObfuscatedAppName() {
        assertEquals("s.n.a.p", evidence("mon s.n.a.p : lea_93", "contact.app"));
        // several contact.app terms: the first occurrence wins, and the obfuscated name is still counted
        MessageCues f = extractor.extract("ajoute moi sur s.n.a.p", List.of(), TestCues.EVENT_MS);
        int id = model.cues().id("contact.app");
        assertEquals("ajoute moi", "ajoute moi sur s.n.a.p".substring(f.start(id), f.end(id)));
        assertEquals(3, f.count(id)); // "ajoute moi", "ajoute moi sur", "snap"
    }

    @Test
    void shouldPointAtTheAccentedAndRepeatedRawText() {
        assertEquals("Dis RIEN à tes parents", evidence("ok mais Dis RIEN à tes parents stp", "grooming.secrecy"));
        assertEquals("t'es seuuule", evidence("t'es seuuule ?", "grooming.risk"));
        assertEquals("J'ai 14 ans", evidence("slt J'ai 14 ans", "age.stated"));
        assertEquals("I AM 12 YEARS OLD", evidence("ok I AM 12 YEARS OLD", "age.stated"));
    }

    @Test
    void shouldCountRepeatsAndKeepTheFirstOccurrence() {
        // given: two terms of the same cue
        String text = "Mdr t'es nul, mdr";
        // when
        MessageCues f = extractor.extract(text, List.of(), TestCues.EVENT_MS);
        int id = model.cues().id("speech.joke");
        // then
        assertEquals(2, f.count(id));
        assertEquals(0, f.start(id));
        assertEquals("Mdr".length(), f.end(id));
    }

    @Test
    void shouldResetBetweenMessagesAndListFiredCuesInOrder() {
        MessageCues f = extractor.extract("tes seule ? envoie une photo sur snap", List.of(),
                TestCues.EVENT_MS);
        int fired = f.firedCount();
        assertTrue(fired >= 3);
        for (int i = 1; i < fired; i++) {
            assertTrue(f.firedCues()[i - 1] < f.firedCues()[i]);
        }
        f = extractor.extract("bof bof", List.of(), TestCues.EVENT_MS);
        for (int i = 0; i < f.firedCount(); i++) {
            String name = model.cues().name(f.firedCues()[i]);
            assertTrue(name.startsWith("model."), "no lexicon cue is left from the first message, got " + name);
        }
        assertTrue(f.has(model.cues().id(Cues.MODEL_CONTEXT)), "a first message always has model.context");
        assertFalse(f.has(model.cues().id("contact.app")));
        assertEquals(-1, f.start(model.cues().id("contact.app")));
        assertEquals(-1, f.statedAge());
    }

    @Test
    void shouldMarkAStatedMinorAgeAsMinorContext() {
        MessageCues f = extractor.extract("jai 13 ans", List.of(), TestCues.EVENT_MS);
        assertTrue(f.has(model.cues().id("age.minor_context")));
        f = extractor.extract("jai 30 ans", List.of(), TestCues.EVENT_MS);
        assertFalse(f.has(model.cues().id("age.minor_context")));
    }

    @Test
    void shouldNotMatchATermInsideAnotherWord() {
        // "snap" is whole-word: "snapper" is not the app
        MessageCues f = extractor.extract("le snapper est un poisson", List.of(), TestCues.EVENT_MS);
        assertFalse(f.has(model.cues().id("contact.app")));
    }
}
