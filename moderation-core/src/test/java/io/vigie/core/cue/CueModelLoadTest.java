package io.vigie.core.cue;

import io.vigie.core.contract.Attachment;
import io.vigie.core.load.LoadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operator lexicons and hash lists: good files add cues and hashes, bad lines are refused with file:line. */
class CueModelLoadTest {

    @TempDir
    Path dir;

    private CueModels.Builder builder() {
        return CueModels.builder();
    }

    @Test
    void shouldAddOperatorTermsAndNewCuesToTheEmbeddedOnes() throws Exception {
        // given
        Files.writeString(dir.resolve("site.tsv"), "# site slang\nterm\tcue\tflags\nzorglub\tsite.codeword\n"
                + "blorp\tsite.codeword\tprefix\n");
        // when
        CueModel model = builder().lexiconDir(dir).build();
        MessageCues f = model.newExtractor().extract("ZORGLUB et blorpette", List.of(), 0L);
        // then
        int id = model.cues().id("site.codeword");
        assertTrue(id >= 0);
        assertEquals(2, f.count(id));
        assertTrue(model.cues().id("grooming.secrecy") >= 0, "embedded cues stay");
    }

    @Test
    void shouldReportEveryBadLineWithFileAndLine() throws IOException {
        // given
        Files.writeString(dir.resolve("bad.tsv"), String.join("\n",
                "term\tcue\tflags",
                "\tgrooming.secrecy",             // 2: empty term
                "secret\tgrooming.secrecy\tfuzzy", // 3: unknown flag
                "dis rien\tgrooming.secrecy\tword\textra", // 4: unknown column
                "dis rien à ta mère\tgrooming.secrecy", // 5: duplicate of an embedded term
                "ok\tNotACue"));                 // 6: bad cue name
        Files.writeString(dir.resolve("header.tsv"), "term\tcue\tweight\nx\ty.z\t1\n");
        // when
        LoadException e = assertThrows(LoadException.class, () -> builder().lexiconDir(dir).build());
        // then
        String all = e.errors().toString();
        assertTrue(all.contains("bad.tsv:2:1: empty term"), all);
        assertTrue(all.contains("bad.tsv:3: unknown flag 'fuzzy'"), all);
        assertTrue(all.contains("bad.tsv:4:4: unknown column 4"), all);
        assertTrue(all.contains("bad.tsv:6: bad cue name 'NotACue'"), all);
        assertTrue(all.contains("header.tsv:1:3: unknown column 'weight'"), all);
        assertEquals(5, e.errors().size(), all);
    }

    @Test
    void shouldRefuseATermThatFoldsLikeAnotherOfTheSameCue() throws IOException {
        Files.writeString(dir.resolve("dup.tsv"), "Dis RIEN à ta mère\tgrooming.secrecy\n");
        LoadException e = assertThrows(LoadException.class, () -> builder().lexiconDir(dir).build());
        assertTrue(e.getMessage().contains("dup.tsv:1:1: duplicate term 'Dis RIEN à ta mère'"), e.getMessage());
    }

    @Test
    void shouldFireKnownMediaCuesFromHashLists() throws Exception {
        // given: generated hashes, never real ones
        Random rnd = new Random(1);
        String sha = hex(rnd);
        String pdq = hex(rnd);
        Files.writeString(dir.resolve("known.sha256"), "# test list\n" + sha.toUpperCase(java.util.Locale.ROOT)
                + "\n" + hex(rnd) + "  label\n");
        Files.writeString(dir.resolve("known.pdq"), pdq + ",100\n");
        CueModel model = builder().hashListDir(dir).pdqThreshold(31).build();
        CueExtractor x = model.newExtractor();
        int shaId = model.cues().id(Cues.MEDIA_KNOWN_SHA256);
        int pdqId = model.cues().id(Cues.MEDIA_KNOWN_PDQ);
        // when: the same file, and a near-duplicate image (30 bits flipped)
        MessageCues f = x.extract("", List.of(new Attachment("image", sha, flip(pdq, 30), "image/jpeg")), 0L);
        // then
        assertTrue(f.has(shaId));
        assertTrue(f.has(pdqId));
        assertEquals(-1, f.start(pdqId), "media evidence is not in the text");
        f = x.extract("", List.of(new Attachment("image", hex(rnd), flip(pdq, 40), null)), 0L);
        assertFalse(f.has(shaId));
        assertFalse(f.has(pdqId));
        f = x.extract("", List.of(new Attachment(null, "not hex", null, null)), 0L);
        assertEquals(0, f.firedCount());
        assertTrue(model.version().contains("+media-2s1p"), model.version());
    }

    @Test
    void shouldChangeTheVersionWhenAHashListChanges() throws Exception {
        // given
        Random rnd = new Random(3);
        Files.writeString(dir.resolve("a.sha256"), hex(rnd) + "\n");
        String before = builder().hashListDir(dir).build().version();
        // when
        Files.writeString(dir.resolve("a.sha256"), hex(rnd) + "\n");
        String after = builder().hashListDir(dir).build().version();
        // then
        assertFalse(before.equals(after), before + " vs " + after);
    }

    @Test
    void shouldRefuseMalformedHashesAndUnknownFiles() throws IOException {
        Files.writeString(dir.resolve("a.sha256"), "abc\n");
        Files.writeString(dir.resolve("list.csv"), "x\n");
        LoadException e = assertThrows(LoadException.class, () -> builder().hashListDir(dir).build());
        String all = e.errors().toString();
        assertTrue(all.contains("a.sha256:1:1: not a 64-hex-digit hash"), all);
        assertTrue(all.contains("list.csv:0: unknown hash-list file"), all);
    }

    static String hex(Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            sb.append(Character.forDigit(rnd.nextInt(16), 16));
        }
        return sb.toString();
    }

    static String flip(String hex, int bits) {
        char[] c = hex.toCharArray();
        for (int b = 0; b < bits; b++) {
            int nib = (b * 7) % 64; // distinct nibbles for bits <= 64
            int v = Character.digit(c[nib], 16) ^ 1;
            c[nib] = Character.forDigit(v, 16);
        }
        return new String(c);
    }
}
