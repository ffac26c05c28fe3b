package io.vigie.stream.console;

import io.vigie.stream.config.ConfigDocs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings table of docs/console.md is generated from {@link ConsoleConfig#CONFIG}; this fails when the committed
 * table differs. Run with {@code -Ddocs.update=true} to rewrite it.
 */
class ConsoleDocsTest {

    private static final Path DOC = Path.of("../docs/console.md");
    private static final String START = "<!-- settings: generated from ConsoleConfig.CONFIG by ConsoleDocsTest -->\n";
    private static final String END = "<!-- end of settings -->";

    @Test
    void shouldMatchTheCommittedSettingsTable() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertTrue(start >= 0 && end > start, "docs/console.md lacks the settings markers");
        String rendered = ConfigDocs.tables(ConsoleConfig.CONFIG).replace("\n## ", "\n### ") + "\n";
        String updated = doc.substring(0, start + START.length()) + rendered + doc.substring(end);
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
            doc = updated;
        }
        assertEquals(doc, updated, "docs/console.md is stale: run ConsoleDocsTest with -Ddocs.update=true and "
                + "commit it");
        for (String key : ConsoleConfig.CONFIG.names()) {
            assertTrue(rendered.contains("`" + key + "`"), key);
        }
    }
}
