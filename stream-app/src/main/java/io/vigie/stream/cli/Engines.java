package io.vigie.stream.cli;

import io.vigie.core.ModerationEngine;
import io.vigie.core.load.LoadException;
import io.vigie.stream.config.ModerationConfig;

/** Loads the engine a command works with, from the configuration's directories and policy. */
final class Engines {

    private Engines() {
    }

    static ModerationEngine load(ModerationConfig config) throws LoadException {
        return io.vigie.stream.engine.Engines.load(config);
    }
}
