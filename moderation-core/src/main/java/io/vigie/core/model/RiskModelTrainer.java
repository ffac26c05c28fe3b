package io.vigie.core.model;

import io.vigie.core.contract.Category;
import io.vigie.core.normalize.NormalizedText;
import io.vigie.core.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Trains a {@link RiskModel} on labelled conversations and calibrates its thresholds on conversations it did not
 * train on.
 *
 * <p>Samples are messages: in a harmful conversation, the message a careful moderator flags and every later one are
 * positives for "harmful" and for each of the conversation's categories (earlier ones are left out: they are the
 * harmless-looking opening); every message of a benign conversation is a negative. The model is a logistic
 * regression per output over hashed n-grams, trained by AdaGrad with a fixed seed (the same input gives the same
 * model, byte for byte).
 *
 * <p>Calibration: the conversations are split into folds (one per group when there are three groups or more,
 * e.g. one per label file, else five by position); each fold is scored by a model trained on the others, and the
 * thresholds are the pair (high, low) that finds the most harmful conversations while flagging at most the target
 * share of benign ones, where a conversation is flagged when one message scores above high or two above low - the
 * rule the default pack applies. The final model is then trained on everything.
 */
public final class RiskModelTrainer {

    /**
     * One labelled conversation: its texts in order, its categories (empty: benign) and the flagged message.
     * {@code trainOnly} marks data trained on in every fold and never used to calibrate (everyday traffic taken as
     * benign, a rule pack's short examples): the thresholds answer to the labelled conversations.
     */
    public record Conversation(String id, String group, List<String> texts, Set<Category> labels, int firstFlag,
                               boolean trainOnly) {
        public Conversation {
            Objects.requireNonNull(id, "id");
            group = group == null ? "" : group;
            texts = List.copyOf(texts);
            labels = Set.copyOf(labels);
            if (!labels.isEmpty() && (firstFlag < 0 || firstFlag >= texts.size())) {
                firstFlag = 0;
            }
        }
    }

    /**
     * Training settings.
     *
     * @param epochs    passes over the samples
     * @param seed      shuffle seed
     * @param targetFpr the largest share of benign conversations the calibrated thresholds may flag
     * @param minCount  an n-gram is a feature only when at least this many training messages have it (2 makes the
     *                  model about 4 times smaller, at some cost in false alerts)
     * @param dropout   the share of a message's n-grams left out at random each time it is trained on (the kept
     *                  weights are scaled by {@code 1 - dropout} at the end), so that no harm is learned from one
     *                  phrase alone; 0 trains on every n-gram
     */
    public record Options(int epochs, long seed, double targetFpr, int minCount, double dropout) {
        public Options {
            if (!(dropout >= 0 && dropout < 0.9)) {
                throw new IllegalArgumentException("dropout must be within [0, 0.9), got " + dropout);
            }
            if (minCount < 1 || minCount > 1000) {
                throw new IllegalArgumentException("min count must be within 1..1000, got " + minCount);
            }
            if (epochs < 1 || epochs > 100) {
                throw new IllegalArgumentException("epochs must be within 1..100, got " + epochs);
            }
            if (!(targetFpr > 0 && targetFpr < 1)) {
                throw new IllegalArgumentException("target false-alert rate must be within (0, 1), got " + targetFpr);
            }
        }

        /**
         * 6 epochs, seed 20261205, 2 % of benign conversations, every n-gram seen in training, a fifth of the n-grams
         * dropped. Leaving each quarter of 39 labelled sets out of the training in turn and measuring the whole
         * engine on it, dropout 0.2 found 3,117 against 3,104 of 3,385 category pairs and 2,013 against 2,006 of
         * 2,086 harmful conversations for 128 against 131 of 2,296 false alerts; 0.3 gave 3,095 / 2,009 / 124, 0.5
         * with 10 epochs 3,026 / 1,982 / 118 (fifteenth session).
         */
        public static Options defaults() {
            return new Options(6, 20261205L, 0.02, 1, 0.2);
        }

        /** The same options with another minimum count. */
        public Options withMinCount(int count) {
            return new Options(epochs, seed, targetFpr, count, dropout);
        }
    }

    /** Out-of-fold figures at the chosen thresholds. */
    public record Calibration(int folds, int harmful, int harmfulFlagged, int benign, int benignFlagged,
                              float low, float high) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%d folds: %d/%d harmful conversations flagged (%.2f), %d/%d benign (%.1f %%), low %.2f, high %.2f",
                    folds, harmfulFlagged, harmful, harmful == 0 ? 0.0 : harmfulFlagged / (double) harmful,
                    benignFlagged, benign, benign == 0 ? 0.0 : 100.0 * benignFlagged / benign, low, high);
        }
    }

    /** The trained model and how its thresholds were chosen. */
    public record Result(RiskModel model, Calibration calibration, int samples, int positives) {
    }

    /**
     * A category score from which a category is assigned besides the top one. Leaving each labelled set out in turn:
     * 1.0 found 2 more category pairs than 2.0 over 1,139, but gave 347 hits on a wrong category against 249.
     */
    static final float CATEGORY_MARGIN = 2.0f;
    /**
     * The share of harmful conversations' flagged messages (and later ones) whose out-of-fold context score may fall
     * below the context gate.
     */
    static final float CONTEXT_MISS = 0.05f;
    /** How much an earlier message's n-grams still weigh in the context, per later message. */
    static final float CONTEXT_DECAY = 0.9f;
    private static final float LEARNING_RATE = 0.3f;
    private static final float BIAS_RATE = 0.01f;
    private static final float L2 = 1e-6f;

    private final Supplier<TextNormalizer> normalizers;
    private final Options options;
    private final Consumer<String> progress;

    public RiskModelTrainer(Supplier<TextNormalizer> normalizers, Options options, Consumer<String> progress) {
        this.normalizers = Objects.requireNonNull(normalizers, "normalizers");
        this.options = Objects.requireNonNull(options, "options");
        this.progress = progress == null ? s -> { } : progress;
    }

    /**
     * Trains and calibrates.
     *
     * @param provenance what the model was trained on, stored in the file
     * @throws IllegalArgumentException without a harmful and a benign conversation
     */
    public Result train(List<Conversation> conversations, String provenance) {
        List<Category> cats = categoriesOf(conversations);
        if (cats.isEmpty() || conversations.stream().allMatch(c -> !c.labels().isEmpty())) {
            throw new IllegalArgumentException("training needs harmful and benign conversations");
        }
        Features f = new Features(normalizers.get());
        List<int[][]> encoded = new ArrayList<>(conversations.size());
        for (Conversation c : conversations) {
            encoded.add(f.encode(c.texts()));
        }
        int[] fold = folds(conversations);
        int folds = Arrays.stream(fold).max().orElse(0) + 1;
        float[][] maxAndSecond = new float[conversations.size()][];
        ContextData contextData = new ContextData(conversations, encoded);
        List<Float> positiveContext = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            progress.accept("calibration fold " + (k + 1) + "/" + folds);
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                (fold[i] == k ? test : train).add(i);
            }
            if (test.isEmpty()) {
                continue;
            }
            RiskModel m = fit(conversations, encoded, train, cats, 0f, 0f, "", null);
            for (int i : test) {
                maxAndSecond[i] = topTwo(m, encoded.get(i));
            }
            ContextFit cf = contextData.fit(train, options);
            for (int i : test) {
                Conversation c = conversations.get(i);
                if (!c.labels().isEmpty()) {
                    float[] scores = cf.scores(contextData, i);
                    for (int mi = c.firstFlag(); mi < scores.length; mi++) {
                        positiveContext.add(scores[mi]);
                    }
                }
            }
        }
        Calibration cal = calibrate(conversations, maxAndSecond, folds);
        progress.accept("calibration: " + cal);
        positiveContext.sort(null);
        float gate = positiveContext.isEmpty() ? -Float.MAX_VALUE / 2
                : positiveContext.get((int) Math.floor(CONTEXT_MISS * (positiveContext.size() - 1)));
        progress.accept(String.format(java.util.Locale.ROOT, "context gate %.2f (%.0f %% of %d out-of-fold flagged "
                + "messages below it)", gate, 100.0 * CONTEXT_MISS, positiveContext.size()));
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < conversations.size(); i++) {
            all.add(i);
        }
        progress.accept("training the final model on " + conversations.size() + " conversations");
        ContextFit context = contextData.fit(all, options).withGate(gate);
        RiskModel model = fit(conversations, encoded, all, cats, cal.low(), cal.high(), provenance, context);
        int samples = 0;
        int positives = 0;
        for (Conversation c : conversations) {
            int n = c.labels().isEmpty() ? c.texts().size() : c.texts().size() - c.firstFlag();
            samples += n;
            positives += c.labels().isEmpty() ? 0 : n;
        }
        return new Result(model, cal, samples, positives);
    }

    private static List<Category> categoriesOf(List<Conversation> conversations) {
        Set<Category> seen = new LinkedHashSet<>();
        for (Conversation c : conversations) {
            seen.addAll(c.labels());
        }
        List<Category> out = new ArrayList<>();
        for (Category c : Category.values()) {
            if (seen.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Fold per conversation: by group when there are 3 groups or more, else 5 by position; -1 (trained on in every
     * fold, never tested) for train-only data.
     */
    private static int[] folds(List<Conversation> conversations) {
        Map<String, Integer> groups = new TreeMap<>();
        for (Conversation c : conversations) {
            if (!c.trainOnly()) {
                groups.putIfAbsent(c.group(), 0);
            }
        }
        int g = 0;
        for (Map.Entry<String, Integer> e : groups.entrySet()) {
            e.setValue(g++);
        }
        int[] fold = new int[conversations.size()];
        int position = 0;
        for (int i = 0; i < fold.length; i++) {
            Conversation c = conversations.get(i);
            fold[i] = c.trainOnly() ? -1 : groups.size() >= 3 ? groups.get(c.group()) : position++ % 5;
        }
        return fold;
    }

    /** The (high, low) pair flagging the most harmful conversations within the target false-alert rate. */
    private Calibration calibrate(List<Conversation> conversations, float[][] topTwo, int folds) {
        List<Float> candidates = new ArrayList<>();
        for (int i = 0; i < topTwo.length; i++) {
            if (conversations.get(i).labels().isEmpty() && topTwo[i] != null) {
                candidates.add(topTwo[i][0]);
                candidates.add(topTwo[i][1]);
            }
        }
        candidates.sort(Comparator.reverseOrder());
        float[] grid = new float[Math.min(candidates.size(), 200)];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = candidates.get(i * candidates.size() / Math.max(1, grid.length));
        }
        int harmful = 0;
        int benign = 0;
        for (int i = 0; i < topTwo.length; i++) {
            if (topTwo[i] != null) {
                if (conversations.get(i).labels().isEmpty()) {
                    benign++;
                } else {
                    harmful++;
                }
            }
        }
        int allowed = (int) Math.floor(options.targetFpr() * benign);
        Calibration best = new Calibration(folds, harmful, 0, benign, 0, Float.MAX_VALUE, Float.MAX_VALUE);
        for (float hi : grid) {
            for (float lo : grid) {
                if (lo > hi) {
                    continue;
                }
                int h = 0;
                int b = 0;
                for (int i = 0; i < topTwo.length; i++) {
                    float[] t = topTwo[i];
                    if (t == null || !(t[0] > hi || t[1] > lo)) {
                        continue;
                    }
                    if (conversations.get(i).labels().isEmpty()) {
                        b++;
                    } else {
                        h++;
                    }
                }
                if (b <= allowed && (h > best.harmfulFlagged()
                        || h == best.harmfulFlagged() && b < best.benignFlagged())) {
                    best = new Calibration(folds, harmful, h, benign, b, lo, hi);
                }
            }
        }
        return best;
    }

    /** Trains one model on the conversations at {@code indexes}. */
    private RiskModel fit(List<Conversation> conversations, List<int[][]> encoded, List<Integer> indexes,
                          List<Category> cats, float low, float high, String provenance, ContextFit context) {
        int outputs = cats.size() + 1;
        List<int[]> xs = new ArrayList<>();
        List<float[]> ys = new ArrayList<>();
        for (int i : indexes) {
            Conversation c = conversations.get(i);
            int[][] msgs = encoded.get(i);
            float[] y = new float[outputs];
            if (!c.labels().isEmpty()) {
                y[0] = 1;
                for (int k = 0; k < cats.size(); k++) {
                    y[k + 1] = c.labels().contains(cats.get(k)) ? 1 : 0;
                }
            }
            for (int m = c.labels().isEmpty() ? 0 : c.firstFlag(); m < msgs.length; m++) {
                xs.add(msgs[m]);
                ys.add(y);
            }
        }
        if (options.minCount() > 1) {
            Map<Integer, Integer> seen = new HashMap<>();
            for (int[] x : xs) {
                for (int key : x) {
                    seen.merge(key, 1, Integer::sum);
                }
            }
            xs.replaceAll(x -> Arrays.stream(x).filter(key -> seen.get(key) >= options.minCount()).toArray());
        }
        float[] positiveWeight = new float[outputs];
        for (int o = 0; o < outputs; o++) {
            int pos = 0;
            for (float[] y : ys) {
                pos += y[o] > 0 ? 1 : 0;
            }
            positiveWeight[o] = (float) Math.sqrt(Math.max(1.0, (ys.size() - pos) / (double) Math.max(1, pos)));
        }
        Map<Integer, float[]> w = new HashMap<>();
        Map<Integer, float[]> g = new HashMap<>();
        float[] bias = new float[outputs];
        Random random = new Random(options.seed());
        int[] order = identity(xs.size());
        float[] err = new float[outputs];
        Random drop = new Random(options.seed() ^ 0x5DEECE66DL);
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            shuffle(order, random);
            for (int s : order) {
                int[] x = options.dropout() > 0 ? kept(xs.get(s), drop, options.dropout()) : xs.get(s);
                float[] y = ys.get(s);
                float[] z = bias.clone();
                for (int key : x) {
                    float[] row = w.get(key);
                    for (int o = 0; row != null && o < outputs; o++) {
                        z[o] += row[o];
                    }
                }
                for (int o = 0; o < outputs; o++) {
                    float p = (float) (1 / (1 + StrictMath.exp(-Math.max(-30, Math.min(30, z[o])))));
                    err[o] = (p - y[o]) * (y[o] > 0 ? positiveWeight[o] : 1);
                }
                for (int key : x) {
                    float[] row = w.computeIfAbsent(key, k -> new float[outputs]);
                    float[] acc = g.computeIfAbsent(key, k -> new float[outputs]);
                    for (int o = 0; o < outputs; o++) {
                        float gr = err[o] + L2 * row[o];
                        acc[o] += gr * gr;
                        row[o] -= LEARNING_RATE * gr / (float) StrictMath.sqrt(acc[o] + 1e-6f);
                    }
                }
                for (int o = 0; o < outputs; o++) {
                    bias[o] -= BIAS_RATE * err[o];
                }
            }
        }
        if (options.dropout() > 0) {
            float keep = (float) (1 - options.dropout());
            for (float[] row : w.values()) {
                for (int o = 0; o < outputs; o++) {
                    row[o] *= keep;
                }
            }
        }
        if (context == null) {
            int[] keys = new int[w.size()];
            float[][] rows = new float[w.size()][];
            int r = 0;
            for (Map.Entry<Integer, float[]> e : new TreeMap<>(w).entrySet()) {
                keys[r] = e.getKey();
                rows[r++] = e.getValue();
            }
            return new RiskModel(cats, keys, rows, bias, low, high, CATEGORY_MARGIN, provenance);
        }
        // the message outputs and the context output share one table: every key either of them weighs
        TreeMap<Integer, float[]> union = new TreeMap<>(w);
        for (int key : context.keys()) {
            union.putIfAbsent(key, new float[outputs]);
        }
        int[] keys = new int[union.size()];
        float[][] rows = new float[union.size()][];
        float[] contextWeights = new float[union.size()];
        int r = 0;
        for (Map.Entry<Integer, float[]> e : union.entrySet()) {
            keys[r] = e.getKey();
            rows[r] = e.getValue();
            contextWeights[r++] = context.weight(e.getKey());
        }
        return new RiskModel(cats, keys, rows, bias, low, high, CATEGORY_MARGIN, provenance, contextWeights,
                new RiskModel.Context(1f, context.bias(), context.gate(), CONTEXT_DECAY));
    }

    /** The n-grams of one training sample that survive dropout this time (each left out with probability p). */
    private static int[] kept(int[] x, Random drop, double p) {
        int[] out = new int[x.length];
        int n = 0;
        for (int key : x) {
            if (drop.nextFloat() >= p) {
                out[n++] = key;
            }
        }
        return n == x.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * The context output's training data: every message's n-grams as indexes into one dictionary, so that the many
     * prefix samples (a conversation up to each of its messages) read dense arrays.
     */
    private static final class ContextData {
        private final List<Conversation> conversations;
        private final int[][][] messages;
        private final int[] dictionary;
        /** Messages back from which an earlier message weighs under 1 % of the newest. */
        private final int span;

        ContextData(List<Conversation> conversations, List<int[][]> encoded) {
            this.conversations = conversations;
            Map<Integer, Integer> index = new HashMap<>();
            List<Integer> keys = new ArrayList<>();
            messages = new int[encoded.size()][][];
            for (int i = 0; i < messages.length; i++) {
                int[][] msgs = encoded.get(i);
                messages[i] = new int[msgs.length][];
                for (int m = 0; m < msgs.length; m++) {
                    int[] ids = new int[msgs[m].length];
                    for (int k = 0; k < ids.length; k++) {
                        int key = msgs[m][k];
                        Integer id = index.get(key);
                        if (id == null) {
                            id = keys.size();
                            index.put(key, id);
                            keys.add(key);
                        }
                        ids[k] = id;
                    }
                    messages[i][m] = ids;
                }
            }
            dictionary = keys.stream().mapToInt(Integer::intValue).toArray();
            span = CONTEXT_DECAY >= 1f ? 1 << 20
                    : (int) Math.min(256, Math.ceil(Math.log(0.01) / Math.log(CONTEXT_DECAY)));
        }

        /**
         * Logistic regression on prefixes: in a harmful conversation, each prefix ending at or after the flagged
         * message is a positive (earlier ones are left out); every prefix of a benign conversation is a negative.
         */
        ContextFit fit(List<Integer> indexes, Options options) {
            List<long[]> samples = new ArrayList<>();
            int positives = 0;
            for (int i : indexes) {
                Conversation c = conversations.get(i);
                boolean harmful = !c.labels().isEmpty();
                for (int m = harmful ? c.firstFlag() : 0; m < messages[i].length; m++) {
                    samples.add(new long[] {i, m, harmful ? 1 : 0});
                    positives += harmful ? 1 : 0;
                }
            }
            float positiveWeight = (float) Math.sqrt(Math.max(1.0, (samples.size() - positives)
                    / (double) Math.max(1, positives)));
            // the message outputs' minimum count: an n-gram fewer training messages have weighs nothing here either
            int[] seen = new int[dictionary.length];
            for (int i : indexes) {
                for (int[] msg : messages[i]) {
                    for (int id : msg) {
                        seen[id]++;
                    }
                }
            }
            boolean[] kept = new boolean[dictionary.length];
            for (int id = 0; id < kept.length; id++) {
                kept[id] = seen[id] >= options.minCount();
            }
            float[] w = new float[dictionary.length];
            float[] acc = new float[dictionary.length];
            boolean[] used = new boolean[dictionary.length];
            float bias = 0f;
            float[] z = new float[span];
            Random random = new Random(options.seed() + 1);
            int[] order = identity(samples.size());
            for (int epoch = 0; epoch < options.epochs(); epoch++) {
                shuffle(order, random);
                for (int si : order) {
                    long[] sample = samples.get(si);
                    int[][] msgs = messages[(int) sample[0]];
                    int m = (int) sample[1];
                    int from = Math.max(0, m - span + 1);
                    float norm = (float) (1 / Math.sqrt(CONTEXT.weight(m + 1)));
                    float score = bias;
                    for (int j = from; j <= m; j++) {
                        z[j - from] = (float) StrictMath.pow(CONTEXT_DECAY, m - j) * norm;
                        for (int id : msgs[j]) {
                            if (kept[id]) {
                                score += w[id] * z[j - from];
                            }
                        }
                    }
                    float p = (float) (1 / (1 + StrictMath.exp(-Math.max(-30, Math.min(30, score)))));
                    float err = (p - sample[2]) * (sample[2] > 0 ? positiveWeight : 1);
                    for (int j = from; j <= m; j++) {
                        for (int id : msgs[j]) {
                            if (!kept[id]) {
                                continue;
                            }
                            float gr = err * z[j - from] + L2 * w[id];
                            acc[id] += gr * gr;
                            w[id] -= LEARNING_RATE * gr / (float) StrictMath.sqrt(acc[id] + 1e-6f);
                            used[id] = true;
                        }
                    }
                    bias -= BIAS_RATE * err;
                }
            }
            Map<Integer, Float> weights = new HashMap<>();
            for (int id = 0; id < w.length; id++) {
                if (used[id]) {
                    weights.put(dictionary[id], w[id]);
                }
            }
            return new ContextFit(weights, bias, 0f);
        }
    }

    /** {@code 0 .. n-1}: the sample order before the first shuffle. */
    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** One epoch's order: a Fisher-Yates shuffle with the trainer's seeded random (the same seed, the same model). */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** The decay arithmetic of the context output, shared with the engine. */
    private static final RiskModel.Context CONTEXT = new RiskModel.Context(1f, 0f, 0f, CONTEXT_DECAY);

    /** A fitted context output: weights by feature key, bias, and the gate once calibrated. */
    private record ContextFit(Map<Integer, Float> weights, float bias, float gate) {

        ContextFit withGate(float g) {
            return new ContextFit(weights, bias, g);
        }

        Iterable<Integer> keys() {
            return weights.keySet();
        }

        float weight(int key) {
            return weights.getOrDefault(key, 0f);
        }

        /** The context score after each message of conversation {@code i}, as the engine computes it. */
        float[] scores(ContextData data, int i) {
            int[][] msgs = data.messages[i];
            float[] out = new float[msgs.length];
            float sum = 0f;
            for (int m = 0; m < msgs.length; m++) {
                float message = 0f;
                for (int id : msgs[m]) {
                    message += weight(data.dictionary[id]);
                }
                sum = CONTEXT.sum(sum, message);
                out[m] = bias + sum / (float) Math.sqrt(CONTEXT.weight(m + 1));
            }
            return out;
        }
    }

    /** Normalizes texts and turns them into feature keys (a message's keys, duplicates kept). */
    private static final class Features {
        private final TextNormalizer normalizer;
        private final NgramFeatures ngrams = new NgramFeatures();

        Features(TextNormalizer normalizer) {
            this.normalizer = normalizer;
        }

        int[][] encode(List<String> texts) {
            int[][] out = new int[texts.size()][];
            for (int i = 0; i < out.length; i++) {
                NormalizedText t = normalizer.normalize(texts.get(i) == null ? "" : texts.get(i));
                ngrams.extract(t.chars(), t.length());
                int[] keys = new int[ngrams.count()];
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = ngrams.key(k);
                }
                out[i] = keys;
            }
            return out;
        }
    }

    /** The highest and second-highest harm score of a conversation's encoded messages, as the engine scores them. */
    private static float[] topTwo(RiskModel model, int[][] messages) {
        float first = -Float.MAX_VALUE;
        float second = -Float.MAX_VALUE;
        for (int[] keys : messages) {
            float s = model.harmOf(keys);
            if (s > first) {
                second = first;
                first = s;
            } else if (s > second) {
                second = s;
            }
        }
        return new float[] {first, messages.length > 1 ? second : -Float.MAX_VALUE};
    }

}
