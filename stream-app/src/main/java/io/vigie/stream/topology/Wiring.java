package io.vigie.stream.topology;

import io.vigie.stream.metrics.ModerationMetrics;

import java.time.Clock;
import java.util.Objects;

/**
 * What the topology needs besides its configuration: the engine, metrics, the alert chain, the clock used to
 * stamp {@code detectedAt} in live runs, and the resolved partition count of the repartition topics.
 *
 * @param repartitionPartitions partitions of every repartition topic; 0 lets Kafka Streams use as many as
 *                              the topics upstream
 */
public record Wiring(EngineSupplier engine, ModerationMetrics metrics, AlertLinker linker, Clock clock,
                     int repartitionPartitions) {

    public Wiring {
        Objects.requireNonNull(engine, "engine must not be null");
        Objects.requireNonNull(metrics, "metrics must not be null");
        Objects.requireNonNull(linker, "linker must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        if (repartitionPartitions < 0) {
            throw new IllegalArgumentException("repartitionPartitions must not be negative, got "
                    + repartitionPartitions);
        }
    }

    /** Test and replay wiring: in-memory metrics, the project's alert chain, the system clock, partitions as upstream. */
    public static Wiring of(EngineSupplier engine) {
        return new Wiring(engine, ModerationMetrics.inMemory(), AlertLinkers.defaultLinker(), Clock.systemUTC(), 0);
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
