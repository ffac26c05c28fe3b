package io.vigie.core.cue.internal;

import io.vigie.core.normalize.NormalizedText;
import io.vigie.core.normalize.TextNormalizer;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.CueModel;
import io.vigie.core.cue.CueModels;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Matching and extraction allocate nothing per message once warm: the hot path's allocation budget (under
 * 200 bytes per message end to end) leaves nothing for this stage. Measured in bytes with the JVM's
 * per-thread allocation counter, around an identity-like normalizer that allocates nothing itself, so only
 * this stage's allocations count.
 */
class AllocationTest {

    /** Lower-cases ASCII into a reused buffer; identity offsets. Allocation-free. */
    static final class CopyingNormalizer implements TextNormalizer, NormalizedText {
        private char[] buf = new char[256];
        private int len;
        private CharSequence raw = "";

        @Override
        public NormalizedText normalize(CharSequence text) {
            raw = text;
            len = text.length();
            if (buf.length < len) {
                buf = new char[len * 2];
            }
            for (int i = 0; i < len; i++) {
                char c = text.charAt(i);
                buf[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
            return this;
        }

        @Override
        public char[] chars() {
            return buf;
        }

        @Override
        public int length() {
            return len;
        }

        @Override
        public CharSequence raw() {
            return raw;
        }

        @Override
        public int rawStart(int foldedIndex) {
            return Math.min(foldedIndex, len);
        }

        @Override
        public int rawEnd(int foldedEnd) {
            return Math.min(foldedEnd, len);
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long bytesPerMessage(CueExtractor x, String[] messages, int rounds) {
        for (int i = 0; i < 20_000; i++) {
            x.extract(messages[i % messages.length], List.of(), 1_795_953_600_000L);
        }
        long before = allocatedBytes();
        for (int i = 0; i < rounds; i++) {
            x.extract(messages[i % messages.length], List.of(), 1_795_953_600_000L);
        }
        return (allocatedBytes() - before) / rounds;
    }

    @Test
    void shouldAllocateNothingPerMessageWhenNothingFires() throws Exception {
        // given
        CueModel model = CueModels.builder().normalizers(CopyingNormalizer::new).build();
        CueExtractor x = model.newExtractor();
        String[] quiet = {
            "salut ca va ? on se retrouve au foot samedi avec les autres ou pas",
            "le prof a dit que le devoir est pour la semaine prochaine, tu savais",
            "hello everyone, what did you think about the last episode of the show",
        };
        // when
        long perMessage = bytesPerMessage(x, quiet, 50_000);
        // then
        assertTrue(perMessage < 8, perMessage + " bytes per quiet message");
    }

    @Test
    void shouldAllocateNothingPerMessageWhenCuesFire() throws Exception {
        CueModel model = CueModels.builder().normalizers(CopyingNormalizer::new).build();
        CueExtractor x = model.newExtractor();
        String[] busy = {
            "tas quel age ? jai 14 ans, ajoute moi sur snap @lea_93 ou 06 12 34 56 78",
            "rdv 18h30 au 12 rue de la paix 75011, 100 la demi-heure, www.site.fr",
            "im 13, dont tell anyone, lea@mail.com, quatorze ans, born in 2012",
        };
        long perMessage = bytesPerMessage(x, busy, 50_000);
        assertTrue(perMessage < 8, perMessage + " bytes per message with cues");
    }
}
