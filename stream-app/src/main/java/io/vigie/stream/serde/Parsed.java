package io.vigie.stream.serde;

import java.util.Objects;

/**
 * An input record after the never-throwing read: either a value, or the reason it could not be read. The
 * original bytes are always kept so that the DLQ gets exactly what the operator sent.
 *
 * @param raw    the original value bytes; may be null (a tombstone)
 * @param value  the parsed value; null when {@code reason} is set
 * @param reason why the record could not be read; null when {@code value} is set
 * @param detail one line for the DLQ header and the log; never message text; null when read fine
 * @param <T>    the value type
 */
public record Parsed<T>(byte[] raw, T value, DlqReason reason, String detail) {

    public Parsed {
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of value and reason must be set");
        }
    }

    public static <T> Parsed<T> ok(byte[] raw, T value) {
        return new Parsed<>(raw, Objects.requireNonNull(value, "value must not be null"), null, null);
    }

    public static <T> Parsed<T> failed(byte[] raw, DlqReason reason, String detail) {
        return new Parsed<>(raw, null, Objects.requireNonNull(reason, "reason must not be null"), detail);
    }

    public boolean isOk() {
        return reason == null;
    }
}
