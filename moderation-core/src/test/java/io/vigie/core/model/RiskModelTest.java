package io.vigie.core.model;

import io.vigie.core.contract.Category;
import io.vigie.core.load.LoadException;
import io.vigie.core.normalize.NormalizedText;
import io.vigie.core.normalize.Normalizers;
import io.vigie.core.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskModelTest {

    private static final TextNormalizer NORMALIZER = Normalizers.standard();
    private static final List<Category> CATS = List.of(Category.AMBUSH, Category.THREAT);

    /** The keys of a text's features, in order. */
    private static int[] keysOf(String text) {
        NgramFeatures f = new NgramFeatures();
        NormalizedText t = NORMALIZER.normalize(text);
        f.extract(t.chars(), t.length());
        int[] k = new int[f.count()];
        for (int i = 0; i < k.length; i++) {
            k[i] = f.key(i);
        }
        return k;
    }

    /** A model that weighs the word "alone" (harm 2, ambush 3, threat -1) and the pair "come alone" (harm 4). */
    private static RiskModel model(float low, float high) {
        int alone = keysOf("alone")[0];
        int comeAlone = keysOf("come alone")[2];
        return new RiskModel(CATS, new int[] {alone, comeAlone},
                new float[][] {{2f, 3f, -1f}, {4f, 0f, 0f}}, new float[] {-1f, 0f, 0f}, low, high, 1.0f, "test");
    }

    /**
     * The same model with a context output: "alone" weighs 1 toward a harmful conversation, "docks" 2, "mum" -3;
     * bias -1, gate 0, decay 0.5.
     */
    private static RiskModel withContext() {
        int alone = keysOf("alone")[0];
        int comeAlone = keysOf("come alone")[2];
        int docks = keysOf("docks")[0];
        int mum = keysOf("mum")[0];
        return new RiskModel(CATS, new int[] {alone, comeAlone, docks, mum},
                new float[][] {{2f, 3f, -1f}, {4f, 0f, 0f}, {0f, 0f, 0f}, {0f, 0f, 0f}}, new float[] {-1f, 0f, 0f},
                2f, 4f, 1.0f, "test", new float[] {1f, 0f, 2f, -3f}, new RiskModel.Context(1f, -1f, 0f, 0.5f));
    }

    private static RiskModel.Scorer score(RiskModel m, String text) {
        RiskModel.Scorer s = m.newScorer();
        NormalizedText t = NORMALIZER.normalize(text);
        s.score(t.chars(), t.length());
        return s;
    }

    @Test
    void shouldAddTheWeightsOfTheFeaturesItKnowsToTheBias() {
        // given
        RiskModel m = model(2f, 4f);
        // when
        RiskModel.Scorer s = score(m, "Come ALONE to the docks");
        // then: -1 + 2 + 4 (weights are stored in steps of max/127, so within one step)
        assertEquals(5f, s.harm(), 4f / 127);
        assertEquals(3f, s.category(0), 4f / 127);
        assertEquals(-1f, s.category(1), 4f / 127);
        assertEquals(-1f, score(m, "nothing it knows").harm(), 1e-6);
    }

    @Test
    void shouldAssignTheTopCategoryAndEveryOneAboveTheMargin() {
        RiskModel.Scorer s = score(model(2f, 4f), "alone");
        assertTrue(s.assigns(0), "ambush is the top category");
        assertFalse(s.assigns(1), "threat is neither top nor above the margin");
    }

    @Test
    void shouldPointTheEvidenceAtTheNgramThatWeighedMostTowardHarm() {
        // given
        String text = "ok so come alone then";
        NormalizedText t = NORMALIZER.normalize(text);
        String folded = new String(t.chars(), 0, t.length());
        // when
        RiskModel.Scorer s = score(model(2f, 4f), text);
        // then: the pair (4) outweighs the word (2)
        assertEquals("come alone", folded.substring(s.evidenceStart(), s.evidenceEnd()));
        assertEquals(-1, score(model(2f, 4f), "rien").evidenceStart());
    }

    @Test
    void shouldWriteAndReadBackTheSameModelByteForByte(@TempDir Path dir) throws Exception {
        // given
        RiskModel m = model(1.5f, 3.5f);
        Path file = dir.resolve("m.vrm");
        try (var out = Files.newOutputStream(file)) {
            m.write(out);
        }
        // when
        RiskModel back = RiskModelLoader.load(file);
        // then
        assertEquals(m.version(), back.version());
        assertEquals(CATS, back.categories());
        assertEquals(1.5f, back.lowThreshold());
        assertEquals(3.5f, back.highThreshold());
        assertEquals("test", back.provenance());
        assertEquals(score(m, "come alone").harm(), score(back, "come alone").harm());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        back.write(again);
        assertArrayEquals(Files.readAllBytes(file), again.toByteArray());
    }

    @Test
    void shouldScoreTheConversationSoFarRecentMessagesWeighingMost() {
        // given
        RiskModel m = withContext();
        RiskModel.Context c = m.context();
        // when: "alone" (1), then "the docks" (2), then "mum" (-3); each earlier sum halves
        float s1 = c.sum(0f, score(m, "alone").context());
        float s2 = c.sum(s1, score(m, "the docks").context());
        float s3 = c.sum(s2, score(m, "mum here").context());
        // then: bias + sum / sqrt(1, 1.5, 1.75), weights within one quantization step (3/127)
        assertEquals(1f, s1, 3f / 127);
        assertEquals(2.5f, s2, 2 * 3f / 127);
        assertEquals(-1.75f, s3, 3 * 3f / 127);
        assertEquals(0f, c.score(s1, 1), 0.05f);
        assertEquals(-1f + 2.5f / (float) Math.sqrt(1.5), c.score(s2, 2), 0.05f);
        assertTrue(c.score(s3, 3) < c.gate(), "a mother's word turns the conversation back under the gate");
        assertEquals(0f, score(model(2f, 4f), "alone").context(), "a format-1 model has no context output");
        assertEquals(null, model(2f, 4f).context());
    }

    @Test
    void shouldWriteAndReadBackTheContextOutputAndStillReadFormatOneModels(@TempDir Path dir) throws Exception {
        // given
        RiskModel m = withContext();
        Path file = dir.resolve("m2.vrm");
        try (var out = Files.newOutputStream(file)) {
            m.write(out);
        }
        Path old = dir.resolve("m1.vrm");
        try (var out = Files.newOutputStream(old)) {
            model(2f, 4f).write(out);
        }
        // when
        RiskModel back = RiskModelLoader.load(file);
        RiskModel formatOne = RiskModelLoader.load(old);
        // then
        assertEquals(m.version(), back.version());
        assertEquals(m.context(), back.context());
        assertEquals(score(m, "the docks alone").context(), score(back, "the docks alone").context());
        assertEquals(null, formatOne.context());
        assertEquals(model(2f, 4f).version(), formatOne.version(), "format-1 digests are unchanged");
        assertEquals(1, gunzip(Files.readAllBytes(old))[2 + "vigie-risk-model".length() + 3],
                "a model without context is still written as format 1");
        // and the gate is an operator's setting: the weights stay, the version says it changed
        RiskModel stricter = back.withContextGate(1.5f);
        assertEquals(1.5f, stricter.context().gate());
        assertEquals(score(back, "docks").context(), score(stricter, "docks").context());
        assertFalse(back.version().equals(stricter.version()));
    }

    @Test
    void shouldKeepTheWeightsAndChangeOnlyTheThresholdsOnRequest() {
        RiskModel m = model(1.5f, 3.5f);
        RiskModel stricter = m.withThresholds(3f, 6f, 2f);
        assertEquals(score(m, "come alone").harm(), score(stricter, "come alone").harm());
        assertEquals(3f, stricter.lowThreshold());
        assertFalse(m.version().equals(stricter.version()), "the version says the thresholds changed");
    }

    @Test
    void shouldRefuseAFileThatIsNotAModelNamingItAndWhy(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("rules.yaml");
        Files.writeString(text, "rules: []\n");
        assertReason(text, "not a risk model (not gzip data");

        Path other = dir.resolve("other.gz");
        Files.write(other, gzip(out -> out.writeUTF("something-else")));
        assertReason(other, "not a risk model (it starts with 'something-else')");

        Path future = dir.resolve("future.vrm");
        Files.write(future, gzip(out -> {
            out.writeUTF("vigie-risk-model");
            out.writeInt(99);
        }));
        assertReason(future, "model format 99 is not supported");
    }

    @Test
    void shouldRefuseATruncatedModelAndOneWithCrossedThresholds(@TempDir Path dir) throws Exception {
        // given a good file
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        model(1.5f, 3.5f).write(good);
        byte[] raw = gunzip(good.toByteArray());
        // when cut short
        Path cut = dir.resolve("cut.vrm");
        Files.write(cut, gzipBytes(Arrays.copyOf(raw, raw.length - 3)));
        assertReason(cut, "truncated");
        // when low > high
        ByteArrayOutputStream crossed = new ByteArrayOutputStream();
        model(5f, 3.5f).write(crossed);
        Path bad = dir.resolve("crossed.vrm");
        Files.write(bad, crossed.toByteArray());
        assertReason(bad, "low must not exceed high");
    }

    @Test
    void shouldLoadTheEmbeddedModelWithEveryCategory() {
        RiskModel m = RiskModelLoader.embedded();
        assertEquals(List.of(Category.values()), m.categories());
        assertTrue(m.size() > 10_000, m.toString());
        assertTrue(m.lowThreshold() <= m.highThreshold());
        assertTrue(m.provenance().contains("labelled conversations"), m.provenance());
    }

    private static void assertReason(Path file, String reason) {
        LoadException e = assertThrows(LoadException.class, () -> RiskModelLoader.load(file));
        String line = e.errors().get(0).toString();
        assertTrue(line.contains(file.toString()) && line.contains(reason), line);
    }

    interface Body {
        void write(java.io.DataOutputStream out) throws IOException;
    }

    private static byte[] gzip(Body body) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (java.io.DataOutputStream d = new java.io.DataOutputStream(new GZIPOutputStream(bos))) {
            body.write(d);
        }
        return bos.toByteArray();
    }

    private static byte[] gzipBytes(byte[] raw) throws IOException {
        return gzip(out -> out.write(raw));
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }
}
