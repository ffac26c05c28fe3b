package io.vigie.load.driver;

import io.vigie.stream.report.StackedBars;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders driver results as one self-contained HTML page (inline SVG, no script, no external resource): the
 * targets with pass/miss and the gap, a table of runs, the latency-vs-throughput curve, percentiles over
 * time per run, and the alert mix over time. Stateless.
 */
public final class HtmlReport {


    /** Target: sustained input throughput of the moderation pipeline under exactly_once_v2. */
    public static final double TARGET_THROUGHPUT = 50_000;
    /** Target: p99 send→action at 20,000 msgs/s under exactly_once_v2, in ms. */
    public static final double TARGET_P99_MS = 50;
    /** Target: moderation throughput over pass-through throughput. */
    public static final double TARGET_RATIO = 0.6;

    private HtmlReport() {
    }

    /** A point of a chart series. */
    record Point(double x, double y) {
    }

    /** A named series. */
    record Series(String name, List<Point> points, boolean dashed) {
    }

    public static String render(List<RunResult> runs, Map<String, Object> meta) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vigie load report</title>")
                .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;")
                .append("text-align:right}th{background:#f3f3f3}.ok{color:#137333}.miss{color:#b3261e}")
                .append("svg{background:#fff;border:1px solid #ddd;margin:6px 0}h3{margin-bottom:2px}</style>")
                .append("</head><body><h1>Vigie load report</h1>");
        html.append("<p>").append(StackedBars.esc(String.valueOf(meta.get("generatedAt")))).append(" · ")
                .append(StackedBars.esc(String.valueOf(meta.get("machine")))).append("<br>")
                .append(StackedBars.esc(String.valueOf(meta.get("options")))).append("</p>");
        html.append("<p>Latency is measured from each message's <em>intended</em> send time on an open-loop "
                + "schedule (coordinated-omission corrected) to the moment the driver reads its action "
                + "(pass-through: its output record) back from Kafka. Throughput is input messages committed by "
                + "the pipeline per second of the measurement window.</p>");
        targets(html, runs);
        table(html, runs);
        html.append("<h2>Latency vs throughput</h2><p>x: processed msgs/s; y: send→action latency (ms, log "
                + "scale); solid p99, dashed p50.</p>");
        html.append(curve(runs));
        html.append("<h2>Percentiles over time</h2><p>Per second of each run (warm-up, window, drain): p50, p99 "
                + "and max send→action latency in ms (log scale).</p>");
        for (RunResult run : runs) {
            html.append("<h3>").append(StackedBars.esc(run.label())).append("</h3>").append(overTime(run));
        }
        boolean anyAlerts = runs.stream().anyMatch(r -> r.alerts() > 0);
        if (anyAlerts) {
            html.append("<h2>Alert mix over time</h2><p>Alerts read per second by category (stacked).</p>");
            for (RunResult run : runs) {
                if (run.alerts() > 0) {
                    html.append("<h3>").append(StackedBars.esc(run.label())).append("</h3>").append(alertMix(run));
                }
            }
        }
        return html.append("</body></html>\n").toString();
    }

    private static void targets(StringBuilder html, List<RunResult> runs) {
        html.append("<h2>Targets</h2><ul>");
        RunResult bestEos = best(runs, "moderation", "exactly_once_v2");
        if (bestEos == null) {
            html.append("<li>Throughput ≥ 50,000 msgs/s with exactly_once_v2: <b>not measured</b> (no moderation "
                    + "exactly_once_v2 run)</li>");
        } else {
            verdict(html, "Throughput with exactly_once_v2 and the default pack", bestEos.processedRate(),
                    TARGET_THROUGHPUT, true, "msgs/s", bestEos.label());
        }
        RunResult at20k = runs.stream().filter(r -> r.pipeline().equals("moderation")
                && r.guarantee().equals("exactly_once_v2") && r.targetRate() == 20_000).findFirst().orElse(null);
        if (at20k == null || at20k.latency().count() == 0) {
            html.append("<li>p99 send→action ≤ 50 ms at 20,000 msgs/s with EOS: <b>not measured</b></li>");
        } else {
            verdict(html, "p99 send→action at 20,000 msgs/s with EOS", at20k.latency().p99(), TARGET_P99_MS,
                    false, "ms", at20k.label());
        }
        for (String g : List.of("exactly_once_v2", "at_least_once")) {
            RunResult mod = best(runs, "moderation", g);
            RunResult pass = best(runs, "passthrough", g);
            if (mod != null && pass != null && pass.processedRate() > 0) {
                verdict(html, "Moderation / pass-through throughput (" + g + ")",
                        mod.processedRate() / pass.processedRate(), TARGET_RATIO, true, "×",
                        mod.label() + " vs " + pass.label());
            }
        }
        html.append("</ul>");
    }

    private static RunResult best(List<RunResult> runs, String pipeline, String guarantee) {
        return runs.stream().filter(r -> r.pipeline().equals(pipeline) && r.guarantee().equals(guarantee))
                .max(Comparator.comparingDouble(RunResult::processedRate)).orElse(null);
    }

    private static void verdict(StringBuilder html, String what, double value, double target, boolean higherIsBetter,
                                String unit, String run) {
        boolean ok = higherIsBetter ? value >= target : value <= target;
        double gap = higherIsBetter ? (target - value) / target * 100 : (value - target) / target * 100;
        html.append("<li>").append(StackedBars.esc(what)).append(": <b>").append(fmt(value)).append(' ').append(StackedBars.esc(unit))
                .append("</b> (target ").append(higherIsBetter ? "≥ " : "≤ ").append(fmt(target)).append(") ")
                .append(ok ? "<span class=ok>met</span>" : "<span class=miss>missed by "
                        + String.format(Locale.ROOT, "%.0f", gap) + " %</span>")
                .append(" — ").append(StackedBars.esc(run)).append("</li>");
    }

    private static void table(StringBuilder html, List<RunResult> runs) {
        html.append("<h2>Runs</h2><table><tr><th>run</th><th>commit ms</th><th>sent/s</th><th>processed/s</th>")
                .append("<th>catch-up/s</th><th>end lag</th><th>outputs</th><th>p50 ms</th><th>p90</th>")
                .append("<th>p99</th><th>p99.9</th>")
                .append("<th>max</th><th>alerts</th><th>alert p99</th><th>driver+broker cores</th>")
                .append("<th>pipeline cores</th><th>pipeline CPU µs/msg</th><th>of which JIT compiler</th><th>notes</th></tr>");
        for (RunResult r : runs) {
            RunResult.Percentiles l = r.latency();
            html.append("<tr><td style=text-align:left>").append(StackedBars.esc(r.label())).append("</td><td>")
                    .append(r.commitIntervalMs()).append("</td><td>").append(fmt(r.sendRate())).append("</td><td>")
                    .append(fmt(r.processedRate())).append("</td><td>")
                    .append(r.catchUpRate() > 0 ? fmt(r.catchUpRate()) : "").append("</td><td>")
                    .append(r.endLag()).append("</td><td>")
                    .append(r.outputs()).append("</td><td>").append(fmt(l.p50())).append("</td><td>")
                    .append(fmt(l.p90())).append("</td><td>").append(fmt(l.p99())).append("</td><td>")
                    .append(fmt(l.p999())).append("</td><td>").append(fmt(l.max())).append("</td><td>")
                    .append(r.alerts()).append("</td><td>")
                    .append(r.alertLatency() == null ? "" : fmt(r.alertLatency().p99())).append("</td><td>")
                    .append(fmt(r.driverCpuCores())).append("</td><td>").append(fmt(r.appCpuCores()))
                    .append("</td><td>").append(r.appCpuMicrosPerMessage() > 0 ? fmt(r.appCpuMicrosPerMessage()) : "")
                    .append("</td><td>").append(r.appCpuMicrosPerMessage() > 0 ? fmt(r.appJitMicrosPerMessage()) : "")
                    .append("</td><td style=text-align:left>").append(StackedBars.esc(String.join("; ", r.notes())))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static String curve(List<RunResult> runs) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : runs) {
            groups.computeIfAbsent(r.pipeline() + " " + r.guarantee(), k -> new ArrayList<>()).add(r);
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, List<RunResult>> g : groups.entrySet()) {
            List<RunResult> sorted = new ArrayList<>(g.getValue());
            sorted.sort(Comparator.comparingDouble(RunResult::processedRate));
            List<Point> p99 = new ArrayList<>();
            List<Point> p50 = new ArrayList<>();
            for (RunResult r : sorted) {
                if (r.latency().count() > 0) {
                    p99.add(new Point(r.processedRate(), r.latency().p99()));
                    p50.add(new Point(r.processedRate(), r.latency().p50()));
                }
            }
            series.add(new Series(g.getKey() + " p99", p99, false));
            series.add(new Series(g.getKey() + " p50", p50, true));
        }
        return lineChart(series, "processed msgs/s", "ms", true, true);
    }

    private static String overTime(RunResult run) {
        List<Point> p50 = new ArrayList<>();
        List<Point> p99 = new ArrayList<>();
        List<Point> max = new ArrayList<>();
        for (RunResult.Second s : run.seconds()) {
            if (s.p50() >= 0) {
                p50.add(new Point(s.t(), s.p50()));
                p99.add(new Point(s.t(), s.p99()));
                max.add(new Point(s.t(), s.max()));
            }
        }
        return lineChart(List.of(new Series("p50", p50, false), new Series("p99", p99, false),
                new Series("max", max, true)), "seconds", "ms", true, false);
    }

    static String lineChart(List<Series> series, String xLabel, String yLabel, boolean logY,
                                    boolean pairColors) {
        int w = 900;
        int h = 300;
        int left = 70;
        int right = 250;
        int top = 15;
        int bottom = 40;
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMin = Double.MAX_VALUE;
        double yMax = -Double.MAX_VALUE;
        for (Series s : series) {
            for (Point p : s.points()) {
                xMin = Math.min(xMin, p.x());
                xMax = Math.max(xMax, p.x());
                yMin = Math.min(yMin, p.y());
                yMax = Math.max(yMax, p.y());
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" font-size=\"11\">");
        if (xMin == Double.MAX_VALUE) {
            return svg.append("<text x=\"20\" y=\"40\">no samples</text></svg>").toString();
        }
        if (xMin == xMax) {
            xMin = xMin * 0.9 - 1;
            xMax = xMax * 1.1 + 1;
        }
        xMin = Math.min(0, xMin);
        if (logY) {
            yMin = Math.max(0.1, yMin);
            yMax = Math.max(yMin * 10, yMax);
        } else if (yMin == yMax) {
            yMax = yMin + 1;
        }
        double lyMin = logY ? Math.floor(Math.log10(yMin)) : yMin;
        double lyMax = logY ? Math.ceil(Math.log10(yMax)) : yMax;
        double fxMin = xMin;
        double fxMax = xMax;
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        java.util.function.DoubleUnaryOperator sx = x -> left + (x - fxMin) / (fxMax - fxMin) * plotW;
        java.util.function.DoubleUnaryOperator sy = y -> {
            double v = logY ? Math.log10(Math.max(y, Math.pow(10, lyMin))) : y;
            return top + plotH - (v - lyMin) / (lyMax - lyMin) * plotH;
        };
        svg.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(plotH).append("\" fill=\"none\" stroke=\"#999\"/>");
        if (logY) {
            for (int e = (int) lyMin; e <= (int) lyMax; e++) {
                double y = sy.applyAsDouble(Math.pow(10, e));
                svg.append(gridY(left, plotW, y)).append(StackedBars.text(left - 6, y + 4, fmt(Math.pow(10, e)), "end"));
            }
        } else {
            for (int i = 0; i <= 4; i++) {
                double v = lyMin + (lyMax - lyMin) * i / 4;
                double y = sy.applyAsDouble(v);
                svg.append(gridY(left, plotW, y)).append(StackedBars.text(left - 6, y + 4, fmt(v), "end"));
            }
        }
        for (int i = 0; i <= 5; i++) {
            double v = fxMin + (fxMax - fxMin) * i / 5;
            double x = sx.applyAsDouble(v);
            svg.append(StackedBars.text(x, top + plotH + 14, fmt(v), "middle"));
        }
        svg.append(StackedBars.text(left + plotW / 2.0, h - 6, xLabel, "middle"));
        svg.append("<text x=\"14\" y=\"").append(top + plotH / 2).append("\" transform=\"rotate(-90 14 ")
                .append(top + plotH / 2).append(")\" text-anchor=\"middle\">").append(StackedBars.esc(yLabel)).append("</text>");
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String color = StackedBars.color(pairColors ? i / 2 : i);
            if (s.points().isEmpty()) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            for (Point p : s.points()) {
                path.append(path.length() == 0 ? "M" : " L").append(StackedBars.num(sx.applyAsDouble(p.x()))).append(',')
                        .append(StackedBars.num(sy.applyAsDouble(p.y())));
            }
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"1.6\"").append(s.dashed() ? " stroke-dasharray=\"5,3\"" : "")
                    .append("/>");
            for (Point p : s.points()) {
                svg.append("<circle cx=\"").append(StackedBars.num(sx.applyAsDouble(p.x()))).append("\" cy=\"")
                        .append(StackedBars.num(sy.applyAsDouble(p.y()))).append("\" r=\"2\" fill=\"").append(color)
                        .append("\"/>");
            }
            double ly = top + 12 + i * 15;
            svg.append("<line x1=\"").append(w - right + 10).append("\" x2=\"").append(w - right + 30)
                    .append("\" y1=\"").append(ly - 4).append("\" y2=\"").append(ly - 4).append("\" stroke=\"")
                    .append(color).append("\" stroke-width=\"2\"").append(s.dashed() ? " stroke-dasharray=\"5,3\"" : "")
                    .append("/>").append(StackedBars.text(w - right + 35, ly, s.name(), "start"));
        }
        return svg.append("</svg>").toString();
    }

    private static String alertMix(RunResult run) {
        List<Map<String, Long>> bars = new ArrayList<>();
        for (RunResult.Second s : run.seconds()) {
            bars.add(s.alerts());
        }
        return StackedBars.svg(bars, run.alertsByCategory(), "seconds (warm-up, window, drain)", "", "");
    }

    private static String gridY(int left, int plotW, double y) {
        return "<line x1=\"" + left + "\" x2=\"" + (left + plotW) + "\" y1=\"" + StackedBars.num(y) + "\" y2=\"" + StackedBars.num(y)
                + "\" stroke=\"#eee\"/>";
    }

    static String fmt(double v) {
        if (v < 0) {
            return "–";
        }
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
