package io.vigie.load.bench;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ahocorasick.trie.Trie;

/**
 * The matching libraries we compare the core against, all compiled from the same terms with the same
 * whole-word rule (a match may not touch a letter on either side, which is robert-bor's definition), each
 * counting the whole-word occurrences in a text. Compiled structures are immutable; a {@link HankcsCounter}
 * is not thread-safe.
 */
public final class LexiconMatchers {

    private LexiconMatchers() {
    }

    /** One {@code java.util.regex} alternation, longest terms first, bounded by letter look-arounds. */
    public static Pattern jdkAlternation(List<String> terms) {
        List<String> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder regex = new StringBuilder("(?<!\\p{IsAlphabetic})(?:");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                regex.append('|');
            }
            regex.append(Pattern.quote(sorted.get(i)));
        }
        return Pattern.compile(regex.append(")(?!\\p{IsAlphabetic})").toString());
    }

    /** Non-overlapping whole-word matches found by a {@code find()} loop. */
    public static int countJdk(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    /** hankcs' double-array Aho-Corasick trie over the terms (the value is the term's index). */
    public static AhoCorasickDoubleArrayTrie<Integer> hankcs(List<String> terms) {
        TreeMap<String, Integer> map = new TreeMap<>();
        for (int i = 0; i < terms.size(); i++) {
            map.put(terms.get(i), i);
        }
        AhoCorasickDoubleArrayTrie<Integer> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(map);
        return trie;
    }

    /** robert-bor's Aho-Corasick trie with its whole-word option. */
    public static Trie robertBor(List<String> terms) {
        return Trie.builder().onlyWholeWords().addKeywords(terms).build();
    }

    /** Every whole-word match found by robert-bor's trie (overlaps included). */
    public static int countRobertBor(Trie trie, String text) {
        return trie.parseText(text).size();
    }

    /**
     * Counts hankcs hits that are whole words: the trie reports every substring hit, so the boundary check
     * runs in the callback. One instance per thread; it allocates nothing per text.
     */
    public static final class HankcsCounter implements AhoCorasickDoubleArrayTrie.IHit<Integer> {
        private final AhoCorasickDoubleArrayTrie<Integer> trie;
        private String text;
        private int count;

        public HankcsCounter(AhoCorasickDoubleArrayTrie<Integer> trie) {
            this.trie = trie;
        }

        /** Whole-word matches in {@code value} (overlaps included). */
        public int count(String value) {
            text = value;
            count = 0;
            trie.parseText(value, this);
            return count;
        }

        @Override
        public void hit(int begin, int end, Integer value) {
            if ((begin == 0 || !Character.isAlphabetic(text.charAt(begin - 1)))
                    && (end == text.length() || !Character.isAlphabetic(text.charAt(end)))) {
                count++;
            }
        }
    }
}
