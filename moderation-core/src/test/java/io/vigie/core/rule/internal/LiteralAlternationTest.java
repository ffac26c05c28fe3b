package io.vigie.core.rule.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class LiteralAlternationTest {

    private static final List<String> REGEXES = List.of(
            "\\b(?:maman|papa|mamie|papi|mom|dad|mommy|daddy)\\b",
            "\\b(?:pas ok de dire|faut pas dire|on dit pas|don't say|stop saying)\\b",
            "\\b(?:clients?|50/50|moitie)\\b".replace("clients?|", "client|clients|"),
            "\\b(pedo|pedos|hurtcore)\\b",
            "\\bl'heure\\b",
            "\\b(?:a|ab|abc)\\b",
            "\\b(?:-x|x-|'a)\\b");

    private static final String[] PIECES = {"ma", "man", "maman", "pa", "papa", "pi", "mom", "my", "dad", "dy",
        " ", " ", "  ", "'", "-", "/", "_", "1", "50", "x", "a", "b", "c", "ab", "abc", "pas ok de dire", "on dit pas",
        "don't say", "stop", "saying", "client", "clients", "moitie", "pedos", "hurtcore", "l'heure", "heure", "é",
        ".", ",", "?"};

    @Test
    void shouldFindTheSameLeftmostFirstMatchAsRe2OnRandomTexts() {
        // given
        Random random = new Random(42);
        int[] span = new int[2];
        for (String regex : REGEXES) {
            LiteralAlternation fast = LiteralAlternation.parse(regex);
            assertNotNull(fast, regex);
            Pattern re2 = Pattern.compile(regex);
            for (int n = 0; n < 20_000; n++) {
                StringBuilder sb = new StringBuilder();
                int pieces = random.nextInt(8);
                for (int p = 0; p < pieces; p++) {
                    sb.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String text = sb.toString();

                // when
                Matcher m = re2.matcher(text);
                boolean expected = m.find();
                boolean actual = fast.find(text.toCharArray(), text.length(), span);

                // then
                assertEquals(expected, actual, regex + " on '" + text + "'");
                if (expected) {
                    assertArrayEquals(new int[] {m.start(), m.end()}, span, regex + " on '" + text + "'");
                }
            }
        }
    }

    @Test
    void shouldLeaveOtherShapesToRe2() {
        assertNull(LiteralAlternation.parse("\\b(?:30 ?min|hour)\\b"));
        assertNull(LiteralAlternation.parse("(?:maman|papa)"));
        assertNull(LiteralAlternation.parse("\\b(?:a||b)\\b"));
        assertNull(LiteralAlternation.parse("\\b(?:a.b)\\b"));
        assertNull(LiteralAlternation.parse("\\b(\\d+)-(\\d+) ans\\b"));
    }
}
