package io.vigie.stream.eval;

import io.vigie.core.contract.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelSetTest {

    @TempDir
    Path dir;

    private Path file(String name, String json) throws Exception {
        return Files.writeString(dir.resolve(name), json);
    }

    private String refusal(String json) throws Exception {
        Path f = file("bad.json", json);
        EvalException e = assertThrows(EvalException.class, () -> LabelSet.load(List.of(f)));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void shouldReadLabelsFromSeveralFilesKeyedByConversation() throws Exception {
        // given: a harmful file and a benign one, optional fields left out in one entry, an unknown field in another
        Path harmful = file("h.json", """
                {"c-1": {"labels": ["CHILD_GROOMING", "off_platform"], "firstFlagMessageId": "m-3",
                         "language": "fr", "kind": "grooming", "notes": "adult and a 12-year-old", "extra": 1},
                 "c-2": {"labels": ["THREAT"]}}""");
        Path benign = file("b.json", """
                {"c-9": {"labels": [], "firstFlagMessageId": null, "language": "en", "kind": "parents"}}""");
        // when
        LabelSet set = LabelSet.load(List.of(harmful, benign));
        // then
        assertEquals(List.of("c-1", "c-2", "c-9"), set.labels().stream().map(LabelSet.Label::conversationId).toList());
        LabelSet.Label c1 = set.get("c-1");
        assertEquals(Set.of(Category.CHILD_GROOMING, Category.OFF_PLATFORM), c1.categories());
        assertEquals("m-3", c1.firstFlagMessageId());
        assertEquals("fr", c1.language());
        assertEquals("grooming", c1.kind());
        assertTrue(c1.harmful());
        LabelSet.Label c2 = set.get("c-2");
        assertNull(c2.firstFlagMessageId());
        assertNull(c2.language());
        assertFalse(set.get("c-9").harmful());
        assertNull(set.get("c-404"));
        assertEquals(List.of(harmful, benign), set.files());
    }

    @Test
    void shouldRefuseACategoryOutsideTheContract() throws Exception {
        String m = refusal("{\"c-1\": {\"labels\": [\"CHILD_GROOMING\", \"SPAM\"]}}");
        assertTrue(m.contains("c-1") && m.contains("'SPAM'") && m.contains("THREAT"), m);
    }

    @Test
    void shouldRefuseFilesThatAreNotLabelObjects() throws Exception {
        assertTrue(refusal("{\"c-1\": {\"labels\": [\"THREAT\"]").contains("not valid JSON at line 1"));
        assertTrue(refusal("[{\"conversationId\": \"c-1\", \"labels\": []}]").contains("expected a JSON object"));
        assertTrue(refusal("{\"c-1\": [\"THREAT\"]}").contains("c-1: expected an object"));
        assertTrue(refusal("{\"c-1\": {\"categories\": [\"THREAT\"]}}").contains("\"labels\" must be an array"));
        assertTrue(refusal("{\"c-1\": {\"labels\": \"THREAT\"}}").contains("\"labels\" must be an array"));
        assertTrue(refusal("{\"c-1\": {\"labels\": [7]}}").contains("a label must be a category name"));
        assertTrue(refusal("{\"c-1\": {\"labels\": [], \"firstFlagMessageId\": 3}}")
                .contains("\"firstFlagMessageId\" must be a string or null"));
        assertTrue(refusal("{\"c-1\": {\"labels\": []}} {}").contains("not valid JSON"));
    }

    @Test
    void shouldRefuseAConversationLabelledTwice() throws Exception {
        assertTrue(refusal("{\"c-1\": {\"labels\": []}, \"c-1\": {\"labels\": [\"THREAT\"]}}")
                .contains("c-1"), "a key given twice in one file");
        Path a = file("a.json", "{\"c-1\": {\"labels\": []}}");
        Path b = file("b.json", "{\"c-1\": {\"labels\": [\"THREAT\"]}}");
        EvalException e = assertThrows(EvalException.class, () -> LabelSet.load(List.of(a, b)));
        assertEquals(b + ": conversation c-1 is labelled again (first in " + a + ")", e.getMessage());
    }

    @Test
    void shouldRefuseAnEmptyLabelSet() throws Exception {
        Path empty = file("empty.json", "{}");
        EvalException e = assertThrows(EvalException.class, () -> LabelSet.load(List.of(empty)));
        assertTrue(e.getMessage().startsWith("no labelled conversation"), e.getMessage());
    }
}
