package io.vigie.stream.serde;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of the project: ISO-8601 instants, unknown fields ignored (never fatal), records
 * through their canonical constructors. The mapper is thread-safe once built and shared by every serde.
 */
public final class Json {

    /** Shared, immutable after construction, thread-safe. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // property access and record construction through generated lambdas instead of reflection
            // (reflection was most of the serde time in thread dumps of run under load)
            .addModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule())
            // registered after JavaTimeModule so that it wins; falls back to it for every other shape
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("vigie-fast-instant")
                    .addDeserializer(java.time.Instant.class, new FastInstantDeserializer())
                    .addSerializer(java.time.Instant.class, new FastInstantSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // "confirmed" and "CONFIRMED" are the same verdict: operators' tools differ in case
            .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private Json() {
    }
}
