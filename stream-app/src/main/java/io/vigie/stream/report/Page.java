package io.vigie.stream.report;

/**
 * The head of the self-contained report pages ({@code replay --report}, {@code eval --report}): one style, no
 * external asset, no script.
 *
 * <p>Stateless and thread-safe.
 */
public final class Page {

    private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:1100px}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
            + "th{background:#f4f4f4}";

    private Page() {
    }

    /**
     * {@code <!doctype html>} up to the opening {@code <body>}.
     *
     * @param title    the page title, escaped here
     * @param extraCss rules added after the common style; empty for none
     */
    public static String head(String title, String extraCss) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + StackedBars.esc(title)
                + "</title><style>" + STYLE + extraCss + "</style></head><body>";
    }
}
