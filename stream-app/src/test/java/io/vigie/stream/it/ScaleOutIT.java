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
        Workload w = Workload.of(f.prefix, 20);
        AppProcess.Settings a = f.settings(ItFixture.EOS, Map.of()).withStateDir(dir.resolve("state-a"));
        AppProcess.Settings b = a.withStateDir(dir.resolve("state-b"));
        List<Conversations.Line> first = w.firstHalf();
        List<Conversations.Line> second = w.secondHalf();
        try (AppProcess one = AppProcess.start(a, dir, "app-a")) {
            // given one instance processing the first quarter
            f.produceBatch(w.profiles());
            f.produceBatch(first.subList(0, first.size() / 2));

            // when a second instance joins while the next quarter is produced
            try (AppProcess two = AppProcess.start(b, dir, "app-b")) {
                f.produceBatch(first.subList(first.size() / 2, first.size()));
                f.awaitCaughtUp(a.applicationId(), Duration.ofSeconds(90), one, two);

                // and the first one dies while the second half is produced
                f.produceBatch(second.subList(0, second.size() / 2));
                one.kill();
                f.produceBatch(second.subList(second.size() / 2, second.size()));

                // then the survivor finishes the stream with every output exactly once
                f.awaitCaughtUp(a.applicationId(), Duration.ofSeconds(150), two);
                Accounting.assertExactlyOnce(f, w);
            }
        }
    }
}
