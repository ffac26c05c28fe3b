package io.vigie.stream.eval;

import io.vigie.stream.eval.EvalResult.Ratio;

import java.util.List;
import java.util.Map;

import static io.vigie.stream.report.StackedBars.num;
import static io.vigie.stream.report.StackedBars.text;

/**
 * An inline SVG of recall per category: one horizontal bar per row from 0 to 1, its count beside it, and the
 * threshold as a dashed line (bars under it in red). No script, no external file.
 *
 * <p>Stateless and thread-safe.
 */
final class RecallBars {

    static final String PASS = "#2ca02c";
    static final String FAIL = "#d62728";
    private static final int ROW = 22;
    private static final int LEFT = 190;
    private static final int PLOT = 520;
    private static final int TOP = 10;

    private RecallBars() {
    }

    /**
     * @param rows      label to ratio, drawn in the map's order
     * @param threshold the minimum recall, drawn as a line; null for none
     */
    static String svg(Map<String, Ratio> rows, Double threshold) {
        int h = TOP + rows.size() * ROW + 30;
        int w = LEFT + PLOT + 130;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" font-size=\"11\">");
        int i = 0;
        for (Map.Entry<String, Ratio> row : rows.entrySet()) {
            double y = TOP + i++ * ROW;
            double rate = row.getValue().rate() == null ? 0 : row.getValue().rate();
            String fill = threshold != null && rate < threshold ? FAIL : PASS;
            svg.append(text(LEFT - 8, y + 14, row.getKey(), "end"))
                    .append("<rect x=\"").append(LEFT).append("\" y=\"").append(num(y + 3)).append("\" width=\"")
                    .append(num(rate * PLOT)).append("\" height=\"").append(ROW - 6).append("\" fill=\"")
                    .append(fill).append("\"/>")
                    .append(text(LEFT + rate * PLOT + 6, y + 14, row.getValue().toString(), "start"));
        }
        double bottom = TOP + rows.size() * ROW;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(num(bottom)).append("\" x2=\"")
                .append(LEFT + PLOT).append("\" y2=\"").append(num(bottom)).append("\" stroke=\"#999\"/>");
        for (double tick : List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0)) {
            svg.append(text(LEFT + tick * PLOT, bottom + 14, num(tick), "middle"));
        }
        if (threshold != null) {
            double x = LEFT + threshold * PLOT;
            svg.append("<line x1=\"").append(num(x)).append("\" y1=\"").append(TOP).append("\" x2=\"")
                    .append(num(x)).append("\" y2=\"").append(num(bottom)).append("\" stroke=\"#333\" ")
                    .append("stroke-dasharray=\"4 3\"/>")
                    .append(text(x, bottom + 26, String.format(java.util.Locale.ROOT, "minimum %.2f", threshold), "middle"));
        }
        return svg.append("</svg>").toString();
    }
}
