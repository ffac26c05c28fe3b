package io.vigie.stream.console;

import io.vigie.core.contract.Alert;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A message text cut into pieces, each either plain or evidence, for display with the evidence highlighted on the
 * raw text. Spans are UTF-16 offsets into the text (the contract's {@code start}/{@code end}, end exclusive);
 * overlapping spans merge into one highlighted run that names every rule over it; a span that is empty, negative
 * or past the end of the text (evidence not in the text, e.g. a hash match) is not drawn (the evidence list still
 * shows it). A cut never falls inside a surrogate pair.
 *
 * @param pieces the text in order; their texts concatenate to the original text
 */
public record Highlight(List<Piece> pieces) {

    /** One piece of text; {@code rules} names the rules whose evidence covers it (empty for plain text). */
    public record Piece(String text, List<String> rules) {
        public boolean evidence() {
            return !rules.isEmpty();
        }
    }

    /** The text with the spans of {@code signals} highlighted. */
    static Highlight of(String text, List<Alert.Signal> signals) {
        String t = text == null ? "" : text;
        List<Alert.Signal> valid = new ArrayList<>();
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, t.length()));
        for (Alert.Signal s : signals) {
            if (s.start() < 0 || s.end() > t.length() || s.start() >= s.end()) {
                continue;
            }
            valid.add(s);
            cuts.add(safe(t, s.start()));
            cuts.add(safe(t, s.end()));
        }
        List<Piece> pieces = new ArrayList<>();
        Integer from = cuts.first();
        for (Integer to : cuts.tailSet(from, false)) {
            List<String> rules = new ArrayList<>();
            for (Alert.Signal s : valid) {
                if (safe(t, s.start()) <= from && safe(t, s.end()) >= to && !rules.contains(s.ruleId())) {
                    rules.add(s.ruleId());
                }
            }
            Piece p = new Piece(t.substring(from, to), List.copyOf(rules));
            // merge neighbours with the same rules so that one evidence run is one element
            if (!pieces.isEmpty() && pieces.get(pieces.size() - 1).rules().equals(p.rules())) {
                Piece last = pieces.remove(pieces.size() - 1);
                p = new Piece(last.text() + p.text(), p.rules());
            }
            pieces.add(p);
            from = to;
        }
        return new Highlight(List.copyOf(pieces));
    }

    /** True when some piece is evidence. */
    public boolean hasEvidence() {
        return pieces.stream().anyMatch(Piece::evidence);
    }

    /** An offset moved off the low half of a surrogate pair, so that no cut splits a character. */
    private static int safe(String t, int offset) {
        if (offset > 0 && offset < t.length() && Character.isLowSurrogate(t.charAt(offset))
                && Character.isHighSurrogate(t.charAt(offset - 1))) {
            return offset - 1;
        }
        return offset;
    }
}
