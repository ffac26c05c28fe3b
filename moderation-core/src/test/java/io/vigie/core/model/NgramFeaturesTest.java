package io.vigie.core.model;

import io.vigie.core.normalize.NormalizedText;
import io.vigie.core.normalize.Normalizers;
import io.vigie.core.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NgramFeaturesTest {

    private final TextNormalizer normalizer = Normalizers.standard();
    private final NgramFeatures features = new NgramFeatures();

    private List<Integer> keys(String text) {
        NormalizedText t = normalizer.normalize(text);
        features.extract(t.chars(), t.length());
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < features.count(); i++) {
            out.add(features.key(i));
        }
        return out;
    }

    @Test
    void shouldGiveEveryWordItsNeighbourAndTheWordAfterNextAsFeatures() {
        // when: four words -> 4 words, 3 pairs, 2 pairs with one word between
        List<Integer> k = keys("viens seul ce soir");
        // then
        assertEquals(9, k.size());
        assertEquals(9, k.stream().distinct().count(), "no collision among so few: " + k);
        assertTrue(k.stream().noneMatch(x -> x == 0), "0 marks an empty table slot");
    }

    @Test
    void shouldReadTheSameFeaturesThroughCaseAccentsAndStretchedLetters() {
        // spelling games change nothing: the normalizer folds case and accents, the hash counts doubled letters once
        assertEquals(keys("viens seul ce soir"), keys("VIENS seuuul ce sôir"));
        assertNotEquals(keys("viens seul ce soir"), keys("viens seule ce soir"));
    }

    @Test
    void shouldOrderPairsSoThatSwappedWordsAreAnotherFeature() {
        // the words alone agree, the pair does not
        List<Integer> ab = keys("tonight alone");
        List<Integer> ba = keys("alone tonight");
        assertTrue(ab.containsAll(ba.subList(0, 1)) && ab.size() == 3 && ba.size() == 3);
        assertNotEquals(ab.get(2), ba.get(2));
    }

    @Test
    void shouldSpanEachFeatureFromItsFirstWordToItsLastOnTheFoldedText() {
        // given
        NormalizedText t = normalizer.normalize("come alone tonight");
        String folded = new String(t.chars(), 0, t.length());
        // when
        features.extract(t.chars(), t.length());
        // then: unigram "come", then "alone", pair "come alone", then "tonight", pair, skip pair "come ~ tonight"
        List<String> spans = new ArrayList<>();
        for (int i = 0; i < features.count(); i++) {
            spans.add(folded.substring(features.start(i), features.end(i)));
        }
        assertEquals(List.of("come", "alone", "come alone", "tonight", "alone tonight", "come alone tonight"), spans);
    }

    @Test
    void shouldGrowForALongMessageAndKeepNothingOfThePreviousOne() {
        // given a message longer than the initial arrays
        String longText = "mot ".repeat(200);
        // when
        int many = keys(longText).size();
        int few = keys("un deux").size();
        // then
        assertEquals(200 + 199 + 198, many);
        assertEquals(3, few);
        assertEquals(0, keys("  ... !! ").size());
    }
}
