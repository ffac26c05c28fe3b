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
 * <p>Weights are stored quantized (one byte per output) in an open-addressing table keyed by feature hash, so a
 * message costs one probe per feature and the whole model stays small enough to live in cache. Immutable and
 * thread-safe; each thread scores with its own {@link #newScorer()}.
 */
public final class RiskModel {

    static final String MAGIC = "vigie-risk-model";
    static final int FORMAT = 1;

    private final Category[] categories;
    private final int outputs;
    private final int[] table;
    private final int[] rowOf;
    private final byte[] rows;
    private final int rowCount;
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

    RiskModel(List<Category> categories, int[] keys, byte[] rows, float scale, float[] bias, float low,
                      float high, float categoryMargin, String provenance) {
        this.categories = categories.toArray(new Category[0]);
        this.outputs = this.categories.length + 1;
        if (bias.length != outputs || rows.length != keys.length * outputs) {
            throw new IllegalArgumentException("weights do not match " + outputs + " outputs");
        }
        this.rows = rows;
        this.rowCount = keys.length;
        this.scale = scale;
        this.bias = bias.clone();
        this.low = low;
        this.high = high;
        this.categoryMargin = categoryMargin;
        this.provenance = provenance == null ? "" : provenance;
        int cap = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        this.table = new int[cap];
        this.rowOf = new int[cap];
        for (int r = 0; r < keys.length; r++) {
            if (keys[r] == 0) {
                throw new IllegalArgumentException("feature key 0 is reserved");
            }
            int slot = slot(keys[r]);
            if (table[slot] == keys[r]) {
                throw new IllegalArgumentException("duplicate feature key " + keys[r]);
            }
            table[slot] = keys[r];
            rowOf[slot] = r;
        }
        this.digest = HexFormat.of().formatHex(sha256(bytes(keys)), 0, 6);
    }

    /** The first slot holding {@code key}, or the empty one where it would go. */
    private int slot(int key) {
        int mask = table.length - 1;
        int s = (key * 0x9e3779b9 >>> 7) & mask;
        while (table[s] != 0 && table[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
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
        return rowCount;
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
        int[] keys = keys();
        return new RiskModel(List.of(categories), keys, rows, scale, bias, low, high, categoryMargin, provenance);
    }

    private int[] keys() {
        int[] keys = new int[rowCount];
        for (int s = 0; s < table.length; s++) {
            if (table[s] != 0) {
                keys[rowOf[s]] = table[s];
            }
        }
        return keys;
    }

    /** The harm score of a message's feature keys (the trainer's calibration, without spans). */
    float harmOf(int[] keys) {
        int sum = 0;
        for (int key : keys) {
            int s = slot(key);
            if (table[s] == key) {
                sum += rows[rowOf[s] * outputs];
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
        private final int[] sums = new int[outputs];
        private final float[] scores = new float[outputs];
        private int bestStart = -1;
        private int bestEnd = -1;

        private Scorer() {
        }

        /** Scores folded chars {@code b[0, len)}; read the results with the accessors. */
        public void score(char[] b, int len) {
            features.extract(b, len);
            Arrays.fill(sums, 0);
            int best = 0;
            bestStart = -1;
            bestEnd = -1;
            for (int f = 0; f < features.count(); f++) {
                int key = features.key(f);
                int s = slot(key);
                if (table[s] != key) {
                    continue;
                }
                int at = rowOf[s] * outputs;
                for (int o = 0; o < outputs; o++) {
                    sums[o] += rows[at + o];
                }
                if (rows[at] > best) {
                    best = rows[at];
                    bestStart = features.start(f);
                    bestEnd = features.end(f);
                }
            }
            for (int o = 0; o < outputs; o++) {
                scores[o] = bias[o] + sums[o] * scale;
            }
        }

        /** The last message's harm score (a logit: above 0 leans harmful). */
        public float harm() {
            return scores[0];
        }

        /** The last message's score for category {@code c} (index into {@link #categories()}). */
        public float category(int c) {
            return scores[c + 1];
        }

        /** Whether the last message's score assigns category {@code c}: the top one, or above the margin. */
        public boolean assigns(int c) {
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
        int[] keys = keys();
        Integer[] order = new Integer[rowCount];
        for (int r = 0; r < rowCount; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(keys[a], keys[b]));
        d.writeInt(rowCount);
        for (int r : order) {
            d.writeInt(keys[r]);
            d.write(rows, r * outputs, outputs);
        }
        d.flush();
        gz.finish();
    }

    /** The model's bytes before compression, for the digest. */
    private byte[] bytes(int[] keys) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bos)) {
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
            int[] sorted = keys.clone();
            Arrays.sort(sorted);
            for (int k : sorted) {
                d.writeInt(k);
                int at = rowOf[slot(k)] * outputs;
                d.write(rows, at, outputs);
            }
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
        return "RiskModel[" + version() + ", " + rowCount + " features, " + categories.length + " categories, low "
                + low + ", high " + high + "]";
    }
}
