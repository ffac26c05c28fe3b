package io.vigie.stream.serde;

import java.util.Locale;

/**
 * Why an input record could not be read (closed set; the {@code reason} tag of {@code moderation.dlq.records}
 * and the {@code vigie.dlq.reason} header).
 */
public enum DlqReason {
    /** Not JSON at all, or truncated. */
    PARSE,
    /** JSON, but a required field is missing, blank or of the wrong type. */
    INVALID,
    /** Bigger than the configured limits (bytes, text length or recipients). */
    TOO_LARGE;

    /** The tag and header value: lower case. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
