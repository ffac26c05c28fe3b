package io.vigie.stream.cli;

import io.vigie.core.ModerationEngine;
import io.vigie.core.load.LoadException;
import io.vigie.stream.config.ModerationConfig;

/** Loads the engine a command works with, from the configuration's directories and policy. */
final class Engines {

    private Engines() {
    }

    static ModerationEngine load(ModerationConfig config) throws LoadException {
        var rules = config.path(ModerationConfig.RULES_DIR);
        var lexicons = config.path(ModerationConfig.LEXICON_DIR);
        var hashes = config.path(ModerationConfig.HASHLIST_DIR);
        return ModerationEngine.load(rules, lexicons, hashes, config.policy());
    }
}
