package io.vigie.stream.topology;

import io.vigie.stream.metrics.ModerationMetrics;

import java.time.Clock;
import java.util.Objects;

/**
 * What the topology needs besides its configuration: the engine, metrics, the alert chain, and the processing
 * clock (the timestamp of every record the topology writes, {@code detectedAt} in live runs, the clock-skew
 * check).
 */
public record Wiring(EngineSupplier engine, ModerationMetrics metrics, AlertLinker linker, Clock clock) {

    public Wiring {
        Objects.requireNonNull(engine, "engine must not be null");
        Objects.requireNonNull(metrics, "metrics must not be null");
        Objects.requireNonNull(linker, "linker must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
    }

    /** Test and replay wiring: in-memory metrics, the project's alert chain, the system clock. */
    public static Wiring of(EngineSupplier engine) {
        return new Wiring(engine, ModerationMetrics.inMemory(), AlertLinkers.defaultLinker(), Clock.systemUTC());
    }

    public Wiring withMetrics(ModerationMetrics m) {
        return new Wiring(engine, m, linker, clock);
    }

    public Wiring withClock(Clock c) {
        return new Wiring(engine, metrics, linker, c);
    }
}
