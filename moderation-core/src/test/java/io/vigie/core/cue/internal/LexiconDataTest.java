package io.vigie.core.cue.internal;

import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.CueModel;
import io.vigie.core.cue.CueModels;
import io.vigie.core.cue.MessageCues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded lexicons as data: every plain term is found in its own text and feeds its cue; every pattern line
 * matches its canonical sentence (the first alternative of each required element, a lemma as itself, a concept by
 * one of its own terms), so no line is dead; and the cue table of docs/concepts.md is the one the data generates.
 */
class LexiconDataTest {

    private static final long EVENT_MS = java.time.Instant.parse("2026-11-28T20:00:00Z").toEpochMilli();
    /** Sentences for the built-in cues that patterns may name. */
    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("age.stated", "j'ai 13 ans"), Map.entry("age.stated_minor", "j'ai 13 ans"),
            Map.entry("age.stated_adult", "j'ai 30 ans"), Map.entry("contact.phone", "06 39 98 12 34"),
            Map.entry("contact.email", "lea.b@exemple.fr"), Map.entry("contact.link", "https://exemple.fr/x"),
            Map.entry("contact.handle", "@exemple_12"), Map.entry("meeting.time", "22h"),
            Map.entry("meeting.address", "12 rue des lilas"), Map.entry("money.price", "200€"),
            Map.entry("number.any", "500"), Map.entry("text.name", "Kestrel"), Map.entry("number.size", "40gb"));

    private final CueModel model = CueModels.defaults();
    private final CueExtractor extractor = model.newExtractor();

    /** One line of a lexicon file. */
    private record Line(String file, int number, String term, String cue) {
    }

    private static List<Line> lines() {
        List<Line> out = new ArrayList<>();
        for (String file : CueModelLoader.embeddedFiles()) {
            if (!file.endsWith(".tsv")) {
                continue;
            }
            String[] lines = CueModelLoader.resource(file).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#") || line.startsWith("term\t")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Line(file, i + 1, f[0].strip(), f[1].strip()));
            }
        }
        return out;
    }

    private boolean fires(String text, String cue) {
        MessageCues f = extractor.extract(text, List.of(), EVENT_MS);
        int id = model.cues().id(cue);
        return id >= 0 && f.has(id) && f.start(id) >= -1 && f.end(id) <= text.length();
    }

    @Test
    void shouldMatchEveryPlainTermAsWrittenAndMapItToItsCue() {
        List<String> failures = new ArrayList<>();
        int terms = 0;
        for (Line l : lines()) {
            if (PatternSyntax.isPattern(l.term())) {
                continue;
            }
            terms++;
            for (String text : List.of(l.term(), "bon alors " + l.term() + " voila")) {
                if (!fires(text, l.cue())) {
                    failures.add(l.file() + ":" + l.number() + " '" + text + "' did not fire " + l.cue());
                }
            }
        }
        assertTrue(terms > 800, "the embedded lexicons hold " + terms + " plain terms");
        assertEquals(List.of(), failures);
    }

    @Test
    void shouldMatchEveryPatternLineOnItsCanonicalSentence() throws Exception {
        // given: each cue's first plain term, for '@cue' references
        Map<String, String> sampleOf = new HashMap<>(BUILT_IN);
        List<Line> patterns = new ArrayList<>();
        for (Line l : lines()) {
            if (PatternSyntax.isPattern(l.term())) {
                patterns.add(l);
            } else {
                sampleOf.putIfAbsent(l.cue(), l.term());
            }
        }
        // patterns feed concepts too: resolve in rounds until nothing new
        for (int round = 0; round < 5; round++) {
            for (Line l : patterns) {
                if (!sampleOf.containsKey(l.cue())) {
                    String s = sentence(l.term(), sampleOf);
                    if (s != null) {
                        sampleOf.put(l.cue(), s);
                    }
                }
            }
        }
        // when / then
        List<String> failures = new ArrayList<>();
        for (Line l : patterns) {
            String text = sentence(l.term(), sampleOf);
            if (text == null) {
                failures.add(l.file() + ":" + l.number() + " has no canonical sentence");
            } else if (!fires(text, l.cue())) {
                failures.add(l.file() + ":" + l.number() + " '" + text + "' did not fire " + l.cue());
            }
        }
        assertTrue(patterns.size() > 200, patterns.size() + " pattern lines");
        assertEquals(List.of(), failures);
    }

    /** The canonical sentence of a pattern: first alternative of every required element, in order. */
    private static String sentence(String pattern, Map<String, String> sampleOf) throws Exception {
        List<String> words = new ArrayList<>();
        for (PatternSyntax.Element e : PatternSyntax.parse(pattern)) {
            if (e.optional()) {
                continue;
            }
            PatternSyntax.Alt alt = e.alts().get(0);
            if (alt instanceof PatternSyntax.Words w) {
                words.add(w.prefix() ? w.text() + "s" : w.text());
            } else if (alt instanceof PatternSyntax.Lemma lemma) {
                words.add(lemma.lemma());
            } else if (alt instanceof PatternSyntax.CueRef r) {
                String s = sampleOf.get(r.cue());
                if (s == null) {
                    return null;
                }
                words.add(s);
            }
        }
        return String.join(" ", words);
    }

    /**
     * The commonest words of French and English chat, each alone. Folding drops accents, apostrophes and doubled
     * letters, so a lexicon term can collide with an ordinary word ("filles" read "files", "salle" read "sale",
     * "pas" read a chat spelling of "p5"): none of these may feed a cue of a harm category.
     */
    static Stream<String> commonWords() {
        return Stream.of(("pas les des une un le la de du et ou mais donc car ni que qui quoi dont où je tu il elle on"
                + " nous vous ils elles moi toi lui leur mon ton son ma ta sa mes tes ses ce cette ces oui non si très"
                + " trop bien mal plus moins tout tous toute rien jamais toujours encore déjà ici là demain hier soir"
                + " matin nuit jour semaine mois an ans fois chose gens filles garçons femme homme mère père frère"
                + " soeur ami amie copain copine maison école travail voiture ville rue salle match film jeu chat chien"
                + " photo message merci bonjour salut bisous ok mdr lol stp svp pk jsp tkt belle pomme ballon classe"
                + " the a an of and or but so not no yes to in on at for with from by about as is are was were be been"
                + " have has had do does did will would can could should i you he she we they me him her us them my"
                + " your his our their this that these those here there now then today tomorrow tonight night day"
                + " week year years time thing people girls boys woman man mother father brother sister friend house"
                + " school work car city street room game film cat dog photo message thanks hello hi ok lol pls u ur"
                + " im dont cant wont files class").split(" "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commonWords")
    void shouldFeedNoHarmCueFromACommonWordAlone(String word) {
        MessageCues f = extractor.extract(word, List.of(), EVENT_MS);
        for (int i = 0; i < f.firedCount(); i++) {
            String cue = model.cues().name(f.firedCues()[i]);
            String category = cue.substring(0, cue.indexOf('.'));
            assertFalse(Set.of("csam", "hate", "sexual_violence", "prostitution", "grooming", "minor_sex", "ambush")
                    .contains(category), word + " feeds " + cue);
        }
    }

    @Test
    void shouldShowTheGeneratedCueTableInTheConceptsDocument() throws IOException {
        Path doc = Path.of("..", "docs", "concepts.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(CueCatalog.BEGIN);
        int end = text.indexOf(CueCatalog.END);
        assertTrue(begin >= 0 && end > begin, "docs/concepts.md lacks the generated cue table markers");
        String expected = CueCatalog.markdown();
        String actual = text.substring(begin, end + CueCatalog.END.length());
        if (!expected.equals(actual) && Boolean.getBoolean("cues.update")) {
            Files.writeString(doc, text.substring(0, begin) + expected
                    + text.substring(end + CueCatalog.END.length()), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual, "the cue table drifted from the lexicons: run mvn -pl moderation-core test"
                + " -Dtest=LexiconDataTest -Dcues.update=true");
    }

    @Test
    void shouldStampAVersionThatNamesTermsAndPatterns() {
        assertTrue(model.version().matches("lexicon-\\d+t\\d+p-.*"), model.version());
    }
}
