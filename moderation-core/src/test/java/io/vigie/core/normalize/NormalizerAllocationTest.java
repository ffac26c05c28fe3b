package io.vigie.core.normalize;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hot-path contract: once its buffers have grown, a normalizer allocates nothing per message. Counts
 * bytes allocated by this thread (HotSpot's per-thread counter), never time.
 */
class NormalizerAllocationTest {

    private static final String[] MESSAGES = {
        "Salut ça va? tu as quel âge", "SALUUUUT!!!! t'es où", "p3d0 s.n.a.p 😂 ѕnар", "ＦＵＬＬ \uD835\uDC2C\uD835\uDC27",
        "j'ai 14 ans, 06 12 34 56 78", "sn\u200Bap e\u0301le\u0300ve œuf ﬁn", "il y a un mec @lea_du_93", "",
    };

    @Test
    void shouldAllocateNothingPerMessageOnceWarm() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs HotSpot's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        // given a warmed-up normalizer whose buffers have grown to the longest message
        TextNormalizer normalizer = Normalizers.standard();
        long sink = 0;
        for (int i = 0; i < 2_000; i++) {
            sink += normalizer.normalize(MESSAGES[i % MESSAGES.length]).length();
        }
        // when it folds 20,000 more messages
        long before = threads.getThreadAllocatedBytes(self);
        for (int i = 0; i < 20_000; i++) {
            NormalizedText t = normalizer.normalize(MESSAGES[i % MESSAGES.length]);
            sink += t.length() + t.rawEnd(t.length());
        }
        long allocated = threads.getThreadAllocatedBytes(self) - before;
        // then the heap barely moved: far less than one byte per message (the counter itself may allocate)
        long perCall = allocated / 20_000;
        assertTrue(allocated < 4_096, () -> allocated + " bytes allocated for 20,000 messages (" + perCall + " per call)");
        assertTrue(sink > 0);
    }
}
