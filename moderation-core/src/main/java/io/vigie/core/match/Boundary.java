package io.vigie.core.match;

/** How a lexicon term must sit in the folded text to count. */
public enum Boundary {
    /** Whole word (the default): no word char right before or right after the term. */
    WORD("word"),
    /** Word start only: no word char before; anything may follow ("drogue" matches "droguee"). */
    PREFIX("prefix"),
    /** Anywhere, even inside a word. */
    SUB("sub");

    private final String value;

    Boundary(String value) {
        this.value = value;
    }

    /** The flag as written in lexicon files. */
    public String value() {
        return value;
    }

    /** The boundary for a lexicon flag, or null when the flag is not a boundary flag. */
    public static Boundary parse(String flag) {
        for (Boundary b : values()) {
            if (b.value.equals(flag)) {
                return b;
            }
        }
        return null;
    }
}
