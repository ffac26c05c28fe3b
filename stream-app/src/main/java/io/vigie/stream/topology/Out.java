package io.vigie.stream.topology;

/**
 * What a processor of the topology emits: a value and where it goes. The topology splits a processor's output
 * by {@link Route} right after the processor, so envelopes never reach a topic.
 *
 * @param value    the record value; null for a tombstone (FACTS, DISMISSAL)
 * @param rawKey   DLQ only: the original key bytes
 * @param rawValue DLQ only: the original value bytes
 */
record Out(Route route, Object value, byte[] rawKey, byte[] rawValue) {

    enum Route {
        MESSAGE, ALERT, ACTION, USER_EVENT, SENDER_EVENT, DEVICE_EVENT, INDEX_EVENT, FACTS, DISMISSAL, DLQ;

        /** True for the routes that end on a topic read outside the topology's own tasks. */
        boolean isOutput() {
            return this == ALERT || this == ACTION || this == FACTS || this == DISMISSAL || this == DLQ;
        }
    }

    static Out of(Route route, Object value) {
        return new Out(route, value, null, null);
    }

    static Out dlq(byte[] rawKey, byte[] rawValue) {
        return new Out(Route.DLQ, null, rawKey, rawValue);
    }
}
