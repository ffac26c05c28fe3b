package io.vigie.core.cue;


/** The model the signal tests share: embedded lexicons, compiled once. */
final class TestCues {

    /** 2026-11-29T12:00:00Z: birth years in tests are read against this event time. */
    static final long EVENT_MS = 1_795_953_600_000L;

    private static CueModel model;

    private TestCues() {
    }

    static synchronized CueModel model() {
        if (model == null) {
            model = CueModels.defaults();
        }
        return model;
    }
}
