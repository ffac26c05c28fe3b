package io.vigie.core.signal;


/** The model the signal tests share: embedded lexicons, compiled once. */
final class TestSignals {

    /** 2026-11-29T12:00:00Z: birth years in tests are read against this event time. */
    static final long EVENT_MS = 1_795_953_600_000L;

    private static SignalModel model;

    private TestSignals() {
    }

    static synchronized SignalModel model() {
        if (model == null) {
            model = SignalModels.defaults();
        }
        return model;
    }
}
