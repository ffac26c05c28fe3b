package io.vigie.core.cue;

import io.vigie.core.cue.internal.CueModelLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every term in the embedded lexicon files is found in its own text and feeds the cue its line names. */
class LexiconRoundTripTest {

    private final CueModel model = TestCues.model();
    private final CueExtractor extractor = model.newExtractor();

    @Test
    void shouldMatchEveryEmbeddedTermAsWrittenAndMapItToItsCue() {
        // given
        List<String> failures = new ArrayList<>();
        int terms = 0;
        for (String file : CueModelLoader.embeddedFiles()) {
            String[] lines = CueModelLoader.resource(file).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#") || line.startsWith("term\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                terms++;
                // when: the term alone, then inside a sentence
                for (String text : List.of(f[0], "bon alors " + f[0] + " voila")) {
                    MessageCues features = extractor.extract(text, List.of(), TestCues.EVENT_MS);
                    int id = model.cues().id(f[1]);
                    // then
                    if (id < 0 || !features.has(id)) {
                        failures.add(file + ":" + (i + 1) + " '" + text + "' did not fire " + f[1]);
                    } else if (features.start(id) < 0 || features.end(id) > text.length()) {
                        failures.add(file + ":" + (i + 1) + " span out of the text");
                    }
                }
            }
        }
        assertTrue(terms > 800, "the embedded lexicons hold " + terms + " terms");
        assertEquals(List.of(), failures);
    }

    @Test
    void shouldKnowEveryCueThatTheConceptsDocumentLists() throws IOException {
        // given: the cue tables of docs/concepts.md
        Path doc = Path.of("..", "docs", "concepts.md");
        String all = Files.readString(doc);
        String text = all.substring(all.indexOf("## Cues"), all.indexOf("## Stages"));
        Matcher m = Pattern.compile("^\\| `([a-z_]+\\.[a-z_.]+)` \\|", Pattern.MULTILINE).matcher(text);
        List<String> missing = new ArrayList<>();
        int n = 0;
        while (m.find()) {
            n++;
            // then
            if (model.cues().id(m.group(1)) < 0) {
                missing.add(m.group(1));
            }
        }
        assertTrue(n >= 40, "concepts.md lists " + n + " cues");
        assertEquals(List.of(), missing);
    }

    @Test
    void shouldFireEveryExampleThatTheConceptsDocumentGivesForALexiconCue() throws IOException {
        // given: the quoted examples of the lexicon cue table of docs/concepts.md
        String all = Files.readString(Path.of("..", "docs", "concepts.md"));
        String table = all.substring(all.indexOf("### Lexicon cues"), all.indexOf("## Stages"));
        Matcher row = Pattern.compile("^\\| `([a-z_.]+)` \\| (.*) \\|$", Pattern.MULTILINE).matcher(table);
        List<String> failures = new ArrayList<>();
        int examples = 0;
        while (row.find()) {
            Matcher quoted = Pattern.compile("\"([^\"]+)\"").matcher(row.group(2));
            while (quoted.find()) {
                examples++;
                String text = quoted.group(1);
                // when
                MessageCues f = extractor.extract(text, List.of(), TestCues.EVENT_MS);
                // then
                if (!f.has(model.cues().id(row.group(1)))) {
                    failures.add(row.group(1) + ": \"" + text + "\"");
                }
            }
        }
        assertTrue(examples > 100, examples + " examples");
        assertEquals(List.of(), failures);
    }

    @Test
    void shouldStampAVersionThatNamesTheTermCount() {
        assertTrue(model.version().startsWith("lexicon-"), model.version());
    }
}
