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
    /** Format 1: the message outputs; format 2 adds the conversation-context output. */
    static final int FORMAT = 2;

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
    /** Per row, the quantized context weight (rows' order); null for a model without the context output. */
    private final byte[] contextRows;
    private final Context context;

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
                categoryMargin, provenance, null, null);
    }

    /**
     * A model with the conversation-context output besides the message outputs (the trainer builds it).
     *
     * @param contextWeights per row, the context weight
     * @param context        the context output's bias, gate and decay; its scale is computed here
     */
    RiskModel(List<Category> categories, int[] keys, float[][] weights, float[] bias, float low, float high,
              float categoryMargin, String provenance, float[] contextWeights, Context context) {
        this(categories, keys, quantize(weights, scaleOf(weights)), scaleOf(weights), bias, low, high,
                categoryMargin, provenance, quantize(contextWeights, scaleOf(contextWeights)),
                context.withScale(scaleOf(contextWeights)));
    }

    /** A model from quantized rows ({@code 1 + categories.length} bytes each) and their scale (the loader's). */
    RiskModel(List<Category> categories, int[] keys, byte[] rows, float scale, float[] bias, float low, float high,
              float categoryMargin, String provenance, byte[] contextRows, Context context) {
        if ((contextRows == null) != (context == null) || contextRows != null && contextRows.length != keys.length) {
            throw new IllegalArgumentException("context weights do not match " + keys.length + " features");
        }
        this.contextRows = contextRows;
        this.context = context;
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
            slots[at] = (long) keys[r] << 32 | (contextRows == null ? 0 : (contextRows[r] & 0xffL) << 8)
                    | (rows[r * outputs] & 0xffL);
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

    /** The quantized context weight in a slot (0 without the context output). */
    private int contextWeight(int slot) {
        return (byte) (slots[slot] >>> 8);
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

    private static float scaleOf(float[] weights) {
        return scaleOf(new float[][] {weights});
    }

    private static byte[] quantize(float[] weights, float scale) {
        return quantize(new float[][] {weights}, scale);
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
        return new RiskModel(List.of(categories), keys, rows, scale, bias, low, high, categoryMargin, provenance,
                contextRows, context);
    }

    /** This model with another context gate (no effect on a model without the context output). */
    public RiskModel withContextGate(float gate) {
        return context == null ? this : new RiskModel(List.of(categories), keys, rows, scale, bias, low, high,
                categoryMargin, provenance, contextRows, new Context(context.scale(), context.bias(), gate,
                context.decay()));
    }

    /**
     * The conversation-context output: a score of the whole conversation so far, from its messages' n-grams,
     * recent messages weighing most. It tells a benign conversation that uses harm's words (a parent fetching a
     * child, a journalist's interview, moderators at work) from a harmful one, which one message cannot. Null for
     * a model without it (format 1).
     */
    public Context context() {
        return context;
    }

    /**
     * How the context output turns a conversation's running sum into a score: {@code bias + sum / sqrt(weight)},
     * where each message's contribution ({@link Scorer#context()}) is added to the sum after the earlier sum is
     * multiplied by {@code decay}, and {@code weight} is the sum of the same decayed ones (a message count that
     * forgets). {@code gate} is the score from which {@code model.context} fires, calibrated out of fold so that
     * few harmful conversations' flagged messages fall below it.
     *
     * @param scale the quantization scale of the context weights
     */
    public record Context(float scale, float bias, float gate, float decay) {
        public Context {
            if (!Float.isFinite(bias) || !Float.isFinite(gate) || !(decay > 0 && decay <= 1) || !(scale > 0)
                    || !Float.isFinite(scale)) {
                throw new IllegalArgumentException("bad context output (scale " + scale + ", bias " + bias
                        + ", gate " + gate + ", decay " + decay + ")");
            }
        }

        Context withScale(float s) {
            return new Context(s, bias, gate, decay);
        }

        /** The running sum after a message contributing {@code message}, the sum before being {@code before}. */
        public float sum(float before, float message) {
            return before * decay + message;
        }

        /** The decayed message count of a conversation of {@code messages} messages (at least 1). */
        public float weight(int messages) {
            if (decay >= 1f || messages <= 1) {
                return Math.max(1, messages);
            }
            return (float) ((1 - StrictMath.pow(decay, Math.max(1, messages))) / (1 - decay));
        }

        /** The context score of a conversation of {@code messages} messages whose running sum is {@code sum}. */
        public float score(float sum, int messages) {
            return bias + sum / (float) Math.sqrt(weight(messages));
        }
    }

    /** The harm score of a message's feature keys (the trainer's calibration, without spans). */
    float harmOf(int[] keys) {
        return bias[0] + weightSum(keys, false) * scale;
    }

    /** A message's contribution to its conversation's context sum, from its feature keys (the trainer's). */
    float contextOf(int[] keys) {
        return context == null ? 0f : weightSum(keys, true) * context.scale();
    }

    /** The quantized harm or context weights of the keys present in the table, summed (the trainer's sums). */
    private int weightSum(int[] keys, boolean contextWeights) {
        int sum = 0;
        for (int key : keys) {
            int at = slot(key);
            if (keyAt(at) == key) {
                sum += contextWeights ? contextWeight(at) : harmWeight(at);
            }
        }
        return sum;
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
        private float contextSum;

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
            int ctx = 0;
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
                ctx += contextWeight(at);
                if (harm > best) {
                    best = harm;
                    bestStart = features.start(f);
                    bestEnd = features.end(f);
                }
            }
            scores[0] = bias[0] + sum * scale;
            contextSum = context == null ? 0f : ctx * context.scale();
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

        /**
         * The last message's contribution to its conversation's context sum (see {@link Context}); 0 without the
         * context output.
         */
        public float context() {
            return contextSum;
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
        d.writeInt(context == null ? 1 : FORMAT);
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
        if (context != null) { // format 2
            d.writeFloat(context.scale());
            d.writeFloat(context.bias());
            d.writeFloat(context.gate());
            d.writeFloat(context.decay());
            for (int r : order) {
                d.writeByte(contextRows[r]);
            }
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
                + low + ", high " + high + (context == null ? "" : ", context gate " + context.gate()) + "]";
    }
}
