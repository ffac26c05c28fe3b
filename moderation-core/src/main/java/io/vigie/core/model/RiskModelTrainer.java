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
     */
    public record Options(int epochs, long seed, double targetFpr, int minCount) {
        public Options {
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

        /** 6 epochs, seed 20261205, 2 % of benign conversations, every n-gram seen in training. */
        public static Options defaults() {
            return new Options(6, 20261205L, 0.02, 1);
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
            RiskModel m = fit(conversations, encoded, train, cats, 0f, 0f, "");
            for (int i : test) {
                maxAndSecond[i] = topTwo(m, encoded.get(i));
            }
        }
        Calibration cal = calibrate(conversations, maxAndSecond, folds);
        progress.accept("calibration: " + cal);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < conversations.size(); i++) {
            all.add(i);
        }
        progress.accept("training the final model on " + conversations.size() + " conversations");
        RiskModel model = fit(conversations, encoded, all, cats, cal.low(), cal.high(), provenance);
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
                          List<Category> cats, float low, float high, String provenance) {
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
        int[] order = new int[xs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float[] err = new float[outputs];
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int s : order) {
                int[] x = xs.get(s);
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
        int[] keys = new int[w.size()];
        float[][] rows = new float[w.size()][];
        int r = 0;
        for (Map.Entry<Integer, float[]> e : new TreeMap<>(w).entrySet()) {
            keys[r] = e.getKey();
            rows[r++] = e.getValue();
        }
        return new RiskModel(cats, keys, rows, bias, low, high, CATEGORY_MARGIN, provenance);
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
