package io.vigie.core.cue;

import io.vigie.core.load.LoadException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pattern lines in operator lexicons: the variation the issue lists (negation with or without "ne", inserted
 * words, conjugation, gender and number) is matched by one line, concepts are reused by '@', and bad lines are
 * refused with file, line and column. The sentences here are the team's own.
 */
class LexiconPatternTest {

    @TempDir
    Path dir;

    private CueModel model;

    @BeforeEach
    void load() throws Exception {
        Files.writeString(dir.resolve("verbs.fr.forms"), String.join("\n",
                "# lemma<TAB>forms",
                "savoir\tsais sait savons savez savent su sue saurai sauras saura saurons saurez sauront saurait",
                "mettre\tmets met mettons mettez mettent mis mise mises mettrai mettra mettront mettait",
                "rappeler\t-er rappelle rappelles rappellera rappelleront"));
        Files.writeString(dir.resolve("t.tsv"), String.join("\n",
                "term\tcue",
                "somnifère\tt.drug",
                "cachet*\tt.drug",
                "un truc\tt.drug",
                "[ne] ~2 <savoir> ~3 (rien|jamais)\tt.no_memory",
                "[se] <rappeler> ~2 (rien|de rien)\tt.no_memory",
                "(bien|complètement|profondément) endormi*\tt.unconscious",
                "<mettre> ~3 @t.drug ~3 (verre|boisson)\tt.spiking",
                "@t.unconscious ~8 @t.no_memory\tt.assault_talk"));
        model = CueModels.builder().embeddedLexicons(false).lexiconDir(dir).build();
    }

    private boolean fires(String cue, String text) {
        int id = model.cues().id(cue);
        assertTrue(id >= 0, cue);
        return model.newExtractor().extract(text, List.of(), 0L).has(id);
    }

    @Test
    void shouldMatchNegationWithAndWithoutNeAndInsertedWords() {
        assertTrue(fires("t.no_memory", "elle ne le saura jamais"));
        assertTrue(fires("t.no_memory", "il saura rien"));
        assertTrue(fires("t.no_memory", "Elle n'en saura absolument rien"));
        assertTrue(fires("t.no_memory", "ils se rappelleront de rien"));
        assertFalse(fires("t.no_memory", "je sais pas si elle vient, jamais elle répond"),
                "too many words between 'sais' and 'jamais'");
        assertFalse(fires("t.no_memory", "le savoir-faire"));
    }

    @Test
    void shouldMatchGenderNumberAndConjugation() {
        assertTrue(fires("t.unconscious", "elles étaient bien endormies"));
        assertTrue(fires("t.unconscious", "il est complètement endormi"));
        assertTrue(fires("t.spiking", "je mets un cachet dans son verre"));
        assertTrue(fires("t.spiking", "j'ai mis le somnifère dans sa boisson"));
        assertTrue(fires("t.spiking", "il mettra un truc dans le verre"));
        assertFalse(fires("t.spiking", "je mets le verre sur la table"), "no drug concept");
    }

    @Test
    void shouldComposeConceptsAcrossLines() {
        assertTrue(fires("t.assault_talk", "elle sera bien endormie, elle se rappellera de rien"));
        assertFalse(fires("t.assault_talk", "elle se rappellera de rien, elle sera bien endormie"),
                "the order of the concepts counts");
    }

    @Test
    void shouldKeepTheRawSpanOfTheWholeMatch() {
        String text = "Bon. Elle NE le saura JAMAIS, promis";
        MessageCues f = model.newExtractor().extract(text, List.of(), 0L);
        int id = model.cues().id("t.no_memory");
        assertEquals("NE le saura JAMAIS", text.substring(f.start(id), f.end(id)));
    }

    @Test
    void shouldRefuseBadPatternsWithFileLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("bad.tsv"), String.join("\n",
                "term\tcue",
                "~2 saura\tb.x",                  // 2: starts with a gap
                "(rien|jamais\tb.x",              // 3: never closed
                "<pouvoir> rien\tb.x",            // 4: lemma not in the tables
                "@b.nothing ~2 rien\tb.x",        // 5: unknown cue
                "ri*en\tb.x",                     // 6: star inside a word
                "[ne]\tb.x"));                    // 7: optional only
        LoadException e = assertThrows(LoadException.class,
                () -> CueModels.builder().embeddedLexicons(false).lexiconDir(dir).build());
        String all = e.errors().toString();
        assertTrue(all.contains("bad.tsv:2:1: bad pattern '~2 saura': a pattern cannot start with a gap"), all);
        assertTrue(all.contains("bad.tsv:3:1: bad pattern '(rien|jamais': '(' is never closed"), all);
        assertTrue(all.contains("bad.tsv:4:1: lemma <pouvoir> is not in the inflection tables"), all);
        assertTrue(all.contains("bad.tsv:5:1: unknown cue '@b.nothing'"), all);
        assertTrue(all.contains("bad.tsv:6:3: bad pattern 'ri*en'"), all);
        assertTrue(all.contains("bad.tsv:7:1: bad pattern '[ne]': every element is optional"), all);
    }

    @Test
    void shouldRefuseACycleOfPatterns() throws IOException {
        Files.writeString(dir.resolve("cycle.tsv"), String.join("\n",
                "term\tcue",
                "@c.b ~2 rien\tc.a",
                "@c.a ~2 jamais\tc.b"));
        LoadException e = assertThrows(LoadException.class,
                () -> CueModels.builder().embeddedLexicons(false).lexiconDir(dir).build());
        assertTrue(e.errors().toString().contains("cycle.tsv:2:1: pattern '@c.b ~2 rien' is part of a cycle"),
                e.errors().toString());
    }
}
