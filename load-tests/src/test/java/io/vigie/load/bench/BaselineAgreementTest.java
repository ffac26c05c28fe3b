package io.vigie.load.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.ahocorasick.trie.Trie;
import org.junit.jupiter.api.Test;

/** The baselines must agree on what they find, or their speed ratios mean nothing. */
class BaselineAgreementTest {

    @Test
    void shouldFindTheSameWholeWordMatchesWithBothAutomata() {
        // given
        List<String> terms = BenchData.coreLexiconTerms();
        String[] messages = BenchData.folded(BenchData.messages(2_000, 60, 0.2, 5));
        LexiconMatchers.HankcsCounter hankcs = new LexiconMatchers.HankcsCounter(LexiconMatchers.hankcs(terms));
        Trie robertBor = LexiconMatchers.robertBor(terms);
        Pattern jdk = LexiconMatchers.jdkAlternation(terms);

        // when
        long a = 0;
        long b = 0;
        long c = 0;
        for (String m : messages) {
            a += hankcs.count(m);
            b += LexiconMatchers.countRobertBor(robertBor, m);
            c += LexiconMatchers.countJdk(jdk, m);
        }

        // then: the regex reports non-overlapping matches only, so it finds at most as many
        assertTrue(a > 100, "too few matches for a meaningful comparison: " + a);
        assertEquals(a, b);
        assertTrue(c > 0 && c <= a, "regex " + c + " vs automata " + a);
    }

    @Test
    void shouldAgreeBetweenTheLinearScanAndTheCoreIndex() {
        // given
        long[] listed = BenchData.randomHashes(20_000, 3);
        long[] queries = BenchData.queries(listed, 200, 12, 4);
        io.vigie.core.cue.internal.PdqIndex index = new io.vigie.core.cue.internal.PdqIndex(listed, 20_000, 31);

        // when / then: near copies are found, random hashes are not (256 random bits sit ~128 apart)
        for (int q = 0; q < 200; q++) {
            int o = q * 4;
            boolean scan = PdqLookupBenchmark.PdqScan.firstWithin(listed, queries[o], queries[o + 1],
                    queries[o + 2], queries[o + 3], 31) >= 0;
            boolean core = index.nearest(java.util.Arrays.copyOfRange(queries, o, o + 4)) >= 0;
            assertEquals(q % 2 == 0, scan, "query " + q);
            assertEquals(scan, core, "query " + q);
        }
    }
}
