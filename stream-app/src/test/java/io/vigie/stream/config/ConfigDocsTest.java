package io.vigie.stream.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/configuration.md is generated from the ConfigDef; this fails when the committed file differs. Run with
 * {@code -Ddocs.update=true} to rewrite it.
 */
class ConfigDocsTest {

    private static final Path DOC = Path.of("../docs/configuration.md");

    @Test
    void shouldMatchCommittedConfigurationDoc() throws Exception {
        String rendered = ConfigDocs.markdown();
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(DOC), "docs/configuration.md is missing: run with -Ddocs.update=true");
        assertEquals(Files.readString(DOC, StandardCharsets.UTF_8), rendered,
                "docs/configuration.md is stale: run ConfigDocsTest with -Ddocs.update=true and commit it");
    }

    @Test
    void shouldDocumentEveryKey() {
        String rendered = ConfigDocs.markdown();
        for (String key : ModerationConfig.CONFIG.names()) {
            assertTrue(rendered.contains("`" + key + "`"), key);
        }
    }
}
