package io.vigie.stream.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Fault (b): the local state directory is lost between two runs (a new machine, a wiped disk). The restarted app
 * restores conversation, sender and device state from the changelog topics, so the second half of every
 * conversation is judged with its history: the alerts are those of an uninterrupted replay.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StateLossIT {

    @Test
    void shouldRestoreStateFromTheChangelogWhenTheLocalStateIsDeleted(KafkaBroker broker, @TempDir Path dir)
            throws Exception {
        // given an app that has seen the first half of every conversation, then stopped
        ItFixture f = ItFixture.create(broker.bootstrapServers(), Map.of(), dir, "stateloss");
        Workload w = Workload.of(f.prefix, 10);
        AppProcess.Settings settings = f.settings(ItFixture.EOS, Map.of());
        try (AppProcess first = AppProcess.start(settings, dir, "app-1")) {
            f.producePaced(w, w.firstHalf(), true, settings.applicationId(), first);
            first.stop();
        }

        // when its local state is deleted and it restarts while the second half arrives
        try (var files = Files.list(settings.stateDir())) {
            files.forEach(ItFixture::deleteTree);
        }
        try (var left = Files.list(settings.stateDir())) {
            assertFalse(left.findAny().isPresent(), "the state directory should be empty");
        }
        try (AppProcess second = AppProcess.start(settings, dir, "app-2")) {
            f.producePaced(w, w.secondHalf(), false, settings.applicationId(), second);

            // then the results are those of a run that never lost anything
            Accounting.assertExactlyOnce(f, w);
        }
    }
}
