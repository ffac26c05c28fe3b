package io.vigie.stream.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault (a): the app is killed with SIGKILL in the middle of the stream (no commit, no close, open transactions),
 * then restarted on the same state directory. With exactly_once_v2 every message is accounted for and no alert
 * or action is lost or duplicated.
 */
@ExtendWith(KafkaBrokerExtension.class)
class CrashRecoveryIT {

    @Test
    void shouldLoseAndDuplicateNothingWhenKilledMidStreamAndRestarted(KafkaBroker broker, @TempDir Path dir) {
        // given a running app that has processed the first half of many conversations
        ItFixture f = ItFixture.create(broker.bootstrapServers(), Map.of(), dir, "crash");
        Workload w = Workload.of(f.prefix, 12);
        AppProcess.Settings settings = f.settings(ItFixture.EOS, Map.of());
        AppProcess first = AppProcess.start(settings, dir, "app-1");
        try {
            f.producePaced(w, w.firstHalf(), true, settings.applicationId(), first);

            // when the second half arrives and the app is killed while processing it
            long before = ItKafka.committedInput(f.bootstrap, f.security, settings.applicationId(), f.topics.messages());
            List<Conversations.Line> second = Workload.flat(w.secondHalf());
            // the second half arrives as live chat, 50 ms apart, while the app is killed part-way through it
            CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> ItKafka.produceSlowly(f.bootstrap,
                    f.security, f.topics.messages(), second, 50));
            ItKafka.awaitTrue(Duration.ofSeconds(60), () -> ItKafka.committedInput(f.bootstrap, f.security,
                    settings.applicationId(), f.topics.messages()) > before, () -> "no progress on the second half");
            first.kill();
            assertFalse(first.isAlive());
            long atKill = ItKafka.committedInput(f.bootstrap, f.security, settings.applicationId(), f.topics.messages());
            feed.join();
            System.out.printf("CrashRecoveryIT: killed with %d of %d second-half messages committed%n",
                    atKill - before, second.size());
            assertTrue(atKill - before < second.size(), "the kill came after the whole second half was processed");
        } finally {
            first.close();
        }

        // then a restarted app finishes the stream with every output exactly once
        try (AppProcess second = AppProcess.start(settings, dir, "app-2")) {
            f.awaitCaughtUp(settings.applicationId(), Duration.ofSeconds(120), second);
            Accounting.assertExactlyOnce(f, w);
        }
    }
}
