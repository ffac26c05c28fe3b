package io.vigie.stream.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fault (d): a second instance joins while messages flow, then the first one is killed; partitions and their
 * state move twice. Every message is still accounted for, each output exactly once.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ScaleOutIT {

    @Test
    void shouldKeepExactlyOnceWhenAnInstanceJoinsAndAnotherDiesWhileProducing(KafkaBroker broker,
                                                                            @TempDir Path dir) {
        ItFixture f = ItFixture.create(broker.bootstrapServers(), Map.of(), dir, "scale");
        Workload w = Workload.of(f.prefix, 10);
        List<List<Conversations.Line>> rounds = w.rounds();
        AppProcess.Settings a = f.settings(ItFixture.EOS, Map.of()).withStateDir(dir.resolve("state-a"));
        AppProcess.Settings b = a.withStateDir(dir.resolve("state-b"));
        String appId = a.applicationId();
        try (AppProcess one = AppProcess.start(a, dir, "app-a")) {
            // given one instance processing the first round
            f.producePaced(w, rounds.subList(0, 1), true, appId, one);

            // when a second instance joins while the next rounds are produced
            try (AppProcess two = AppProcess.start(b, dir, "app-b")) {
                f.producePaced(w, rounds.subList(1, 3), false, appId, one, two);

                // and the first one dies right after the next round is produced
                f.produceBatch(rounds.get(3));
                one.kill();
                f.producePaced(w, rounds.subList(4, rounds.size()), false, appId, two);

                // then the survivor finishes the stream with every output exactly once
                f.awaitCaughtUp(appId, Duration.ofSeconds(150), two);
                Accounting.assertExactlyOnce(f, w);
            }
        }
    }
}
