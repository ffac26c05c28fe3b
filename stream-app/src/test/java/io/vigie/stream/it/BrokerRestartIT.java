package io.vigie.stream.it;

import io.vigie.stream.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault (c): the broker goes down while the app is processing and comes back on the same address. The app
 * recovers by itself (same process, no restart, no manual action) and the outputs are exactly once. Uses a broker
 * of its own, since it restarts it.
 */
class BrokerRestartIT {

    /** How long the broker stays down: longer than the app's commit interval and its request timeouts' first tries. */
    private static final long OUTAGE_MS = 5_000;

    @Test
    void shouldRecoverWithoutManualActionWhenTheBrokerRestartsDuringProcessing(@TempDir Path dir)
            throws InterruptedException {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.create().start()) {
            // given an app that has processed the first half of every conversation
            ItFixture f = ItFixture.create(broker.bootstrapServers(), Map.of(), dir, "brokerrestart");
            Workload w = Workload.of(f.prefix, 10);
            AppProcess.Settings settings = f.settings(ItFixture.EOS, Map.of());
            try (AppProcess app = AppProcess.start(settings, dir, "app")) {
                f.producePaced(w, w.firstHalf(), true, settings.applicationId(), app);

                // when the broker is down for a while, then back on the same address with the same data
                broker.stop();
                Thread.sleep(OUTAGE_MS); // the fault itself: an outage of a fixed length
                broker.start();
                f.produceBatch(Workload.flat(w.secondHalf()));

                // then the same app process catches up by itself, with every output exactly once
                f.awaitCaughtUp(settings.applicationId(), Duration.ofSeconds(150), app);
                assertTrue(app.isAlive(), "the app must survive a broker restart:\n" + app.logTail());
                Accounting.assertExactlyOnce(f, w);
            }
        }
    }
}
