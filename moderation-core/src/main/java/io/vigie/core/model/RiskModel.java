package io.vigie.core.model;

import io.vigie.core.contract.Category;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A statistical risk signal beside the rules: a linear model over a message's hashed word n-grams
 * ({@link NgramFeatures}) with one output for "harmful" and one per category, trained on labelled conversations by
 * {@link RiskModelTrainer}. It does not alert by itself: the engine turns its scores into cues ({@code model.harm}
 * above {@link #lowThreshold()}, {@code model.harm_high} above {@link #highThreshold()}, {@code model.<category>}
 * for the categories it assigns), and rules decide, with vetoes and conversation windows like any other cue.
 *
 * <p>Weights are stored quantized (one byte per output). Scoring a message reads one {@code long} per n-gram from
 * an open-addressing table of key and harm weight (2 MB for the embedded model), whether the model knows it or
 * not; the category weights sit in a separate array, read only for a message the model finds harmful. Immutable and
 * thread-safe; each thread scores with its own {@link #newScorer()}.
 */
public final class RiskModel {

    static final String MAGIC = "vigie-risk-model";
    static final int FORMAT = 1;

    /** {@link #plausibleThreshold()} as a fraction of {@link #lowThreshold()}. */
    public static final float PLAUSIBLE_FRACTION = 0.25f;

    /** {@link #weakThreshold()} as a fraction of {@link #lowThreshold()}. */
    public static final float WEAK_FRACTION = 0.7f;

    private final Category[] categories;
    private final int outputs;
    /** Per slot: the key in the high 32 bits (0 = empty), the harm weight in the low 8. */
    private final long[] slots;
    /** Per slot: the category weights, {@code outputs - 1} bytes. */
    private final byte[] categoryWeights;
    private final int mask;
    private final int[] keys;
    private final byte[] rows;
    private final float scale;
    private final float[] bias;
    private final float low;
    private final float high;
    private final float categoryMargin;
    private final String provenance;
    private final String digest;

    /**
     * A model from its parts (the trainer and the reader build them).
     *
     * @param keys           feature keys, one per row, no 0 and no duplicate
     * @param weights        per row, {@code 1 + categories.length} weights (harmful first)
     * @param bias           per output
     * @param low            the harm score from which {@code model.harm} fires
     * @param high           the harm score from which {@code model.harm_high} fires
     * @param categoryMargin a category score from which the category is assigned besides the top one
     */
    RiskModel(List<Category> categories, int[] keys, float[][] weights, float[] bias, float low, float high,
              float categoryMargin, String provenance) {
        this(categories, keys, quantize(weights, scaleOf(weights)), scaleOf(weights), bias, low, high,
                categoryMargin, provenance);
    }

    /** A model from quantized rows ({@code 1 + categories.length} bytes each) and their scale (the loader's). */
    RiskModel(List<Category> categories, int[] keys, byte[] rows, float scale, float[] bias, float low, float high,
              float categoryMargin, String provenance) {
        this.categories = categories.toArray(new Category[0]);
        this.outputs = this.categories.length + 1;
        if (bias.length != outputs || rows.length != keys.length * outputs) {
            throw new IllegalArgumentException("weights do not match " + outputs + " outputs");
        }
        this.rows = rows;
        this.scale = scale;
        this.bias = bias.clone();
        this.low = low;
        this.high = high;
        this.categoryMargin = categoryMargin;
        this.provenance = provenance == null ? "" : provenance;
        this.keys = keys.clone();
        int cap = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        this.mask = cap - 1;
        this.slots = new long[cap];
        this.categoryWeights = new byte[cap * (outputs - 1)];
        for (int r = 0; r < keys.length; r++) {
            if (keys[r] == 0) {
                throw new IllegalArgumentException("feature key 0 is reserved");
            }
            int at = slot(keys[r]);
            if (keyAt(at) == keys[r]) {
                throw new IllegalArgumentException("duplicate feature key " + keys[r]);
            }
            slots[at] = (long) keys[r] << 32 | (rows[r * outputs] & 0xffL);
            System.arraycopy(rows, r * outputs + 1, categoryWeights, at * (outputs - 1), outputs - 1);
        }
        this.digest = HexFormat.of().formatHex(sha256(bytes()), 0, 6);
    }

    /** The slot holding {@code key}, or the empty one where it would go. */
    private int slot(int key) {
        int s = (key * 0x9e3779b9 >>> 7) & mask;
        while (slots[s] != 0 && keyAt(s) != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private int keyAt(int slot) {
        return (int) (slots[slot] >>> 32);
    }

    /** The quantized harm weight in a slot. */
    private int harmWeight(int slot) {
        return (byte) slots[slot];
    }

    /** Output {@code o}'s (1 and up) quantized weight in a slot. */
    private int categoryWeight(int slot, int o) {
        return categoryWeights[slot * (outputs - 1) + o - 1];
    }

    private static float scaleOf(float[][] weights) {
        float max = 0;
        for (float[] row : weights) {
            for (float w : row) {
                max = Math.max(max, Math.abs(w));
            }
        }
        return max == 0 ? 1f : max / 127f;
    }

    private static byte[] quantize(float[][] weights, float scale) {
        int k = weights.length == 0 ? 0 : weights[0].length;
        byte[] out = new byte[weights.length * k];
        for (int r = 0; r < weights.length; r++) {
            for (int o = 0; o < k; o++) {
                out[r * k + o] = (byte) Math.max(-127, Math.min(127, Math.round(weights[r][o] / scale)));
            }
        }
        return out;
    }

    /** The categories the model has an output for, in output order (output 0 is "harmful"). */
    public List<Category> categories() {
        return List.of(categories);
    }

    /** Harm score from which {@code model.harm} fires. */
    public float lowThreshold() {
        return low;
    }

    /**
     * Harm score from which {@code model.plausible} fires: a quarter of the low threshold. Below it the model reads
     * the message as everyday talk. The fraction was chosen by leaving each eval set out of training in turn: rules
     * whose words also fill ordinary chat (youth words beside a sale, "come alone", a drink someone prepares) gated
     * on it lost 2 of 1,484 labelled pairs and 20 of 69 false alerts.
     */
    public float plausibleThreshold() {
        return low * PLAUSIBLE_FRACTION;
    }

    /**
     * Harm score from which {@code model.harm_weak} and the category cues fire: 70 % of the low threshold. Weak
     * harm in one message is common in everyday chat; in three of a conversation's last twelve it is not: leaving
     * each eval set out of training in turn, counting it found 15 more of 929 harmful conversations for 2 more of
     * 1,015 hard benign ones.
     */
    public float weakThreshold() {
        return low * WEAK_FRACTION;
    }

    /** Harm score from which {@code model.harm_high} fires. */
    public float highThreshold() {
        return high;
    }

    /** Category score from which a category is assigned besides the top-scoring one. */
    public float categoryMargin() {
        return categoryMargin;
    }

    /** Features the model weighs. */
    public int size() {
        return keys.length;
    }

    /** What the model was trained on, as the trainer wrote it. */
    public String provenance() {
        return provenance;
    }

    /** A short digest of the weights and thresholds, for version strings ("model-3fa2c1b0e4d9"). */
    public String version() {
        return "model-" + digest;
    }

    /** This model with other thresholds (an operator's trade between recall and false alerts). */
    public RiskModel withThresholds(float low, float high, float categoryMargin) {
        return new RiskModel(List.of(categories), keys, rows, scale, bias, low, high, categoryMargin, provenance);
    }

    /** The harm score of a message's feature keys (the trainer's calibration, without spans). */
    float harmOf(int[] keys) {
        int sum = 0;
        for (int key : keys) {
            int at = slot(key);
            if (keyAt(at) == key) {
                sum += harmWeight(at);
            }
        }
        return bias[0] + sum * scale;
    }

    /** A scorer with its own scratch. */
    public Scorer newScorer() {
        return new Scorer();
    }

    /** Scores messages with this model. Not thread-safe; allocates nothing per message. */
    public final class Scorer {
        private final NgramFeatures features = new NgramFeatures();
        private final float[] scores = new float[outputs];
        /** Slots of the features the model knows, in the last message. */
        private int[] found = new int[32];
        private int foundCount;
        private boolean categoriesDone;
        private int bestStart = -1;
        private int bestEnd = -1;

        private Scorer() {
        }

        /**
         * Scores folded chars {@code b[0, len)}; read the results with the accessors. Only the harm score is summed
         * here; the category scores are summed on first request (most messages never need them).
         */
        public void score(char[] b, int len) {
            features.extract(b, len);
            foundCount = 0;
            categoriesDone = false;
            int sum = 0;
            int best = 0;
            bestStart = -1;
            bestEnd = -1;
            for (int f = 0; f < features.count(); f++) {
                int key = features.key(f);
                int at = slot(key);
                if (keyAt(at) != key) {
                    continue;
                }
                if (foundCount == found.length) {
                    found = Arrays.copyOf(found, foundCount * 2);
                }
                found[foundCount++] = at;
                int harm = harmWeight(at);
                sum += harm;
                if (harm > best) {
                    best = harm;
                    bestStart = features.start(f);
                    bestEnd = features.end(f);
                }
            }
            scores[0] = bias[0] + sum * scale;
        }

        private void categories() {
            if (categoriesDone) {
                return;
            }
            for (int o = 1; o < outputs; o++) {
                int sum = 0;
                for (int i = 0; i < foundCount; i++) {
                    sum += categoryWeight(found[i], o);
                }
                scores[o] = bias[o] + sum * scale;
            }
            categoriesDone = true;
        }

        /** The last message's harm score (a logit: above 0 leans harmful). */
        public float harm() {
            return scores[0];
        }

        /** The last message's score for category {@code c} (index into {@link #categories()}). */
        public float category(int c) {
            categories();
            return scores[c + 1];
        }

        /** Whether the last message's score assigns category {@code c}: the top one, or above the margin. */
        public boolean assigns(int c) {
            categories();
            float v = scores[c + 1];
            if (v >= categoryMargin) {
                return true;
            }
            for (int o = 1; o < outputs; o++) {
                if (scores[o] > v) {
                    return false;
                }
            }
            return true;
        }

        /** Folded start of the n-gram that weighed most toward harm, or -1. */
        public int evidenceStart() {
            return bestStart;
        }

        /** Folded end of that n-gram, or -1. */
        public int evidenceEnd() {
            return bestEnd;
        }
    }

    // ---- storage ----

    /** Writes the model (gzip; rows sorted by key, so equal models give equal bytes). */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out);
        DataOutputStream d = new DataOutputStream(gz);
        d.writeUTF(MAGIC);
        d.writeInt(FORMAT);
        d.writeUTF(provenance);
        writeWeights(d);
        d.flush();
        gz.finish();
    }

    /** Categories, thresholds, scale, bias and the rows in ascending key order: what the digest covers. */
    private void writeWeights(DataOutputStream d) throws IOException {
        d.writeInt(categories.length);
        for (Category c : categories) {
            d.writeUTF(c.name());
        }
        d.writeFloat(low);
        d.writeFloat(high);
        d.writeFloat(categoryMargin);
        d.writeFloat(scale);
        for (float b : bias) {
            d.writeFloat(b);
        }
        Integer[] order = new Integer[keys.length];
        for (int r = 0; r < keys.length; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(keys[x], keys[y]));
        d.writeInt(keys.length);
        for (int r : order) {
            d.writeInt(keys[r]);
            d.write(rows, r * outputs, outputs);
        }
    }

    /** The model's weights as bytes, for the digest. */
    private byte[] bytes() {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bos)) {
            writeWeights(d);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bos.toByteArray();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "RiskModel[" + version() + ", " + keys.length + " features, " + categories.length + " categories, low "
                + low + ", high " + high + "]";
    }
}
