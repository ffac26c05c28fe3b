package io.vigie.stream.topology;

import io.vigie.core.ModerationEngine;

/**
 * Where processors get the engine in force. Implementations must be thread-safe; {@link #current()} is called
 * once per record and must be cheap (a volatile read). When it returns another instance than before, the
 * processor opens a new session on it: that is how a reloaded rule pack takes over without a restart.
 */
@FunctionalInterface
public interface EngineSupplier {

    /** The engine to use for the next record; never null. */
    ModerationEngine current();

    /** A supplier of one fixed engine. */
    static EngineSupplier of(ModerationEngine engine) {
        java.util.Objects.requireNonNull(engine, "engine must not be null");
        return () -> engine;
    }
}
