package io.vigie.stream.engine;

import io.vigie.core.ModerationEngine;
import io.vigie.core.load.LoadException;
import io.vigie.stream.config.ModerationConfig;

/**
 * Loads the engine of a configuration once: its rule pack, lexicon and hash list directories (the defaults when
 * unset) and its policy. Every command that scores (score, rules, replay, demo) loads it here; {@code run} wraps
 * the same loading in a {@link ReloadingEngine}.
 */
public final class Engines {

    private Engines() {
    }

    /**
     * Prints why a configuration's engine does not load: one line naming the count, then every error as
     * {@code file:line: reason}, indented.
     */
    public static void printErrors(java.util.function.Consumer<String> err, String command, LoadException e) {
        int n = e.errors().size();
        err.accept(command + ": the rules, lexicons or hash lists do not load (" + n + " error" + (n == 1 ? "" : "s")
                + "):");
        for (io.vigie.core.load.LoadError error : e.errors()) {
            err.accept("  " + error);
        }
    }

    /** @throws LoadException listing every error of a pack, lexicon or hash list that does not load */
    public static ModerationEngine load(ModerationConfig config) throws LoadException {
        return ModerationEngine.load(config.path(ModerationConfig.RULES_DIR),
                config.path(ModerationConfig.LEXICON_DIR), config.path(ModerationConfig.HASHLIST_DIR),
                config.riskModel(), config.policy());
    }
}
