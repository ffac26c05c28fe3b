package io.vigie.stream.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * An inline SVG stacked bar chart (no script, no external file): one bar per time bucket, one colour per series,
 * a legend with each series' total. The alert mix over time of the load driver's report and of {@code replay
 * --report}.
 *
 * <p>Stateless and thread-safe.
 */
public final class StackedBars {

    /** Colours of the series, in legend order (categorical, distinguishable). */
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private StackedBars() {
    }

    /**
     * @param bars      per bucket, the count of each series (absent = 0), in time order
     * @param totals    the legend: each series and its total; series are drawn in the key order of this map
     * @param xLabel    what the x axis is ("seconds (warm-up, window, drain)", "event time, 15 min per bar")
     * @param firstTick label under the first bar; empty for none
     * @param lastTick  label under the last bar; empty for none
     */
    public static String svg(List<Map<String, Long>> bars, Map<String, Long> totals, String xLabel,
                             String firstTick, String lastTick) {
        return svg(bars, totals, xLabel, firstTick, lastTick, List.of());
    }

    /**
     * The same chart with a label under every bar (a few bars of named buckets, e.g. a distribution), instead of
     * the first and last ticks.
     *
     * @param barLabels one per bar, in bar order
     */
    public static String svg(List<Map<String, Long>> bars, Map<String, Long> totals, String xLabel,
                             List<String> barLabels) {
        if (barLabels.size() != bars.size()) {
            throw new IllegalArgumentException("one label per bar: " + barLabels.size() + " labels, " + bars.size()
                    + " bars");
        }
        return svg(bars, totals, xLabel, "", "", barLabels);
    }

    private static String svg(List<Map<String, Long>> bars, Map<String, Long> totals, String xLabel,
                              String firstTick, String lastTick, List<String> barLabels) {
        List<String> series = new ArrayList<>(new TreeSet<>(totals.keySet()));
        int w = 900;
        int h = 260;
        int left = 60;
        int right = 220;
        int top = 15;
        int bottom = 35;
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        long maxStack = 1;
        for (Map<String, Long> bar : bars) {
            maxStack = Math.max(maxStack, bar.values().stream().mapToLong(Long::longValue).sum());
        }
        int n = Math.max(1, bars.size());
        double barW = Math.max(1, plotW / (double) n - 1);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" font-size=\"11\"><rect x=\"").append(left).append("\" y=\"").append(top)
                .append("\" width=\"").append(plotW).append("\" height=\"").append(plotH)
                .append("\" fill=\"none\" stroke=\"#999\"/>");
        for (int i = 0; i < bars.size(); i++) {
            double x = left + i * (plotW / (double) n);
            double y = top + plotH;
            for (int c = 0; c < series.size(); c++) {
                long v = bars.get(i).getOrDefault(series.get(c), 0L);
                if (v == 0) {
                    continue;
                }
                double bh = v / (double) maxStack * plotH;
                y -= bh;
                svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                        .append(num(barW)).append("\" height=\"").append(num(bh)).append("\" fill=\"")
                        .append(color(c)).append("\"/>");
            }
            if (!barLabels.isEmpty()) {
                svg.append(text(x + barW / 2, top + plotH + 14, barLabels.get(i), "middle"));
            }
        }
        svg.append(text(left - 6, top + 10, Long.toString(maxStack), "end"))
                .append(text(left - 6, top + plotH, "0", "end"))
                .append(text(left + plotW / 2.0, h - 8, xLabel, "middle"))
                .append(text(left, top + plotH + 14, firstTick, "start"))
                .append(text(left + plotW, top + plotH + 14, lastTick, "end"));
        for (int c = 0; c < series.size(); c++) {
            double ly = top + 12 + c * 15;
            svg.append("<rect x=\"").append(w - right + 10).append("\" y=\"").append(num(ly - 9))
                    .append("\" width=\"12\" height=\"10\" fill=\"").append(color(c)).append("\"/>")
                    .append(text(w - right + 28, ly, series.get(c) + " (" + totals.get(series.get(c)) + ")",
                            "start"));
        }
        return svg.append("</svg>").toString();
    }

    /** The colour of series {@code i} (cycling). */
    public static String color(int i) {
        return COLORS[i % COLORS.length];
    }

    /** An SVG text element, escaped. */
    public static String text(double x, double y, String text, String anchor) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" + esc(text)
                + "</text>";
    }

    /** A coordinate with one decimal, locale-independent. */
    public static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text escaped for HTML and SVG. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
