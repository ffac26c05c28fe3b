package io.vigie.core.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The folded form as operators see it: must-fold and must-keep pairs. Every expected value is also a fixed
 * point, which {@link NormalizerPropertiesTest} checks for random input.
 */
class NormalizersTableTest {

    private final TextNormalizer normalizer = Normalizers.standard();

    private String fold(String raw) {
        return normalizer.normalize(raw).toString();
    }

    private void assertFolds(String raw, String expected) {
        // given a raw chat text, when folded, then it reads as expected
        assertEquals(expected, fold(raw), () -> "fold of [" + raw + "]");
        // and folding the folded form again changes nothing
        assertEquals(expected, fold(expected), () -> "refold of [" + expected + "]");
    }

    @ParameterizedTest(name = "[{0}] keeps its number as [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "14 ans | 14 ans",
        "jai 14ans | jai 14ans",
        "j'ai 14 ans | jai 14 ans",
        "jai14ans | jai14ans",
        "150€ | 150€",
        "18h | 18h",
        "20h30 | 20h30",
        "4e | 4e",
        "13yo | 13yo",
        "13 y/o | 13 y/o",
        "i'm 15 yo | im 15 yo",
        "2012 | 2012",
        "né en 2012 | ne en 2012",
        "06 12 34 56 78 | 06 12 34 56 78",
        "0612345678 | 0612345678",
        "+33 6 12 34 56 78 | +33 6 12 34 56 78",
        "@lea_du_93 | @lea_du_93",
        "@kevin.2010 | @kevin.2010",
        "lea93 | lea93",
        "covid19 | covid19",
        "100 la demi-heure | 100 la demi-heure",
        "50 euros | 50 euros",
        "1000 | 1000",
        "lea@gmail.com | lea@gmail.com",
        "il y a | il y a",
        "t as vu | t as vu",
        "🙂 | 🙂",
        // a word that starts with a digit is a number with a unit, never leetspeak (the price of "14ans")
        "5n4p | 5n4p",
        // two digits touching are a number, never leetspeak (the price of "jai14ans")
        "b00bs | b00bs",
        // a run of one repeated letter is not joined: it would make a new single letter
        "a.a | a.a",
        "2 + 2 = 4 | 2 + 2 = 4",
    })
    void shouldKeepNumbersHandlesAndAddresses(String raw, String expected) {
        assertFolds(raw, expected);
    }

    @ParameterizedTest(name = "[{0}] folds to [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // leetspeak inside words
        "p3d0 | pedo",
        "ped0 | pedo",
        "s3xy | sexy",
        "h0t | hot",
        "t4rlouze | tarlouze",
        "s@lut | salut",
        "cla$$e | clase",
        "m€rde | merde",
        "k1ss | kis",
        // separators between single letters
        "s.n.a.p | snap",
        "s n a p | snap",
        "s-n-a-p | snap",
        "s_n_a_p | snap",
        "s*n*a*p | snap",
        "p-t-h-c | pthc",
        "p.d | pd",
        "e3.a | ea",
        "t.e.l.e.g.r.a.m | telegram",
        "a b c d | abcd",
        "y a t il | yat il",
        "mp3 | mpe",
        "viens sur s.n.a.p ! | viens sur snap !",
        // repeated letters, never digits
        "saluuuut | salut",
        "pdddd | pd",
        "cool | col",
        "SALUUUT!!!! | salut!",
        "quoi???? | quoi?",
        "t'es où ?!?! | tes ou ?!?!",
        // apostrophes
        "j'ai | jai",
        "t’as | tas",
        "tʼas | tas",
        "t`as | tas",
        // case, accents, compatibility
        "Ça Va Élodie | ca va elodie",
        "garçon bientôt déjà | garcon bientot deja",
        "ﬁn | fin",
        "œuf | oeuf",
        "Œuvre | oeuvre",
        "ægis | aegis",
        "Straße | strase",
        "ＳＮＡＰ | snap",
        "\uD835\uDC12\uD835\uDC27\uD835\uDC1A\uD835\uDC29 | snap",
        "\uD835\uDE68\uD835\uDE63\uD835\uDE56\uD835\uDE65 | snap",
        "e\u0301le\u0300ve | eleve",
        "Ⓢⓝⓐⓟ | snap",
        // homoglyphs
        "ѕnар | snap",
        "раураl | paypal",
        "іnѕtа | insta",
        "ορα | opa",
        "νіdеο | video",
        // invisible characters and blanks
        "sn\u200Bap | snap",
        "s\u200Cn\u200Da\u2060p\uFEFF | snap",
        "sn\u00ADap | snap",
        "\u202Esnap\u202C | snap",
    })
    void shouldFoldObfuscations(String raw, String expected) {
        assertFolds(raw, expected);
    }

    @ParameterizedTest(name = "[{0}] reads as [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "fo pa k'elle sache | faut pas quele sache",
        "ta mer é sévèr ? | ta mer e sever ?",
        "jsui pa 18 | jsuis pas 18",
        "t ki ? tu fé koi | t qui ? tu fe quoi",
        "ta un kopin ? | ta un copain ?",
        "r u home alone 2nite | are you home alone tonight",
        "send me ur pic pls | send me your pic please",
        "(pa) pa. pa! | (pas) pas. pas!",
        // whole tokens only: words that merely start or end like a variant stay
        "papa pas passe pa22 upa | papa pas pase pa22 upa",
        "sa mère, ta sœur, c'est g | sa mere, ta soeur, cest g",
        "u2 | u2",
    })
    void shouldReadChatSpellingsAsTheStandardWord(String raw, String expected) {
        assertFolds(raw, expected);
    }

    @Test
    void shouldFoldBlankRunsToOneSpaceAndTrim() {
        assertFolds("  trop   \t\n  bien  ", "trop bien");
        assertFolds("a\u00A0\u3000\u2800b", "a b");
        assertFolds("a \u200B b", "a b");
        assertFolds("\u200B\u200B\u200B", "");
        assertFolds("", "");
    }
}
