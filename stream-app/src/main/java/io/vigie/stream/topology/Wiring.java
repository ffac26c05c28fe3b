package io.vigie.stream.topology;

import io.vigie.stream.metrics.ModerationMetrics;

import java.time.Clock;
import java.util.Objects;

/**
 * What the topology needs besides its configuration: the engine, metrics, the alert chain, the clock used to
 * stamp {@code detectedAt} in live runs, and the resolved partition count of the repartition topics.
 *
 * @param repartitionPartitions partitions of every repartition topic; at least 1 (the app resolves the
 *                              config's 0 to the messages topic's count before building)
 */
public record Wiring(EngineSupplier engine, ModerationMetrics metrics, AlertLinker linker, Clock clock,
                     int repartitionPartitions) {

    public Wiring {
        Objects.requireNonNull(engine, "engine must not be null");
        Objects.requireNonNull(metrics, "metrics must not be null");
        Objects.requireNonNull(linker, "linker must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        if (repartitionPartitions < 1) {
            throw new IllegalArgumentException("repartitionPartitions must be at least 1, got "
                    + repartitionPartitions);
        }
    }

    /** Test and replay wiring: in-memory metrics, the project's alert chain, the system clock, 1 partition. */
    public static Wiring of(EngineSupplier engine) {
        return new Wiring(engine, ModerationMetrics.inMemory(), AlertLinkers.defaultLinker(), Clock.systemUTC(), 1);
    }

    public Wiring withMetrics(ModerationMetrics m) {
        return new Wiring(engine, m, linker, clock, repartitionPartitions);
    }

    public Wiring withClock(Clock c) {
        return new Wiring(engine, metrics, linker, c, repartitionPartitions);
    }

    public Wiring withRepartitionPartitions(int n) {
        return new Wiring(engine, metrics, linker, clock, n);
    }
}
