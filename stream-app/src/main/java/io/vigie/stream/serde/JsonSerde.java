package io.vigie.stream.serde;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;

/**
 * JSON serde for one record type, used for our own topics and state stores, where every value was
 * written by this application. A null value (tombstone) maps to null both ways. Operator input topics do not
 * use it: they are read as bytes and parsed by {@link Parsed} so that bad records reach the DLQ instead.
 *
 * <p>Thread-safe.
 *
 * @param <T> the value type
 */
public final class JsonSerde<T> implements SelfSerde<T> {

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JsonSerde(Class<T> type) {
        this.type = type;
        JavaType javaType = Json.MAPPER.constructType(type);
        this.reader = Json.MAPPER.readerFor(javaType);
        this.writer = Json.MAPPER.writerFor(javaType);
    }

    /** A serde for {@code type}. */
    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON for topic " + topic,
                    e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return reader.readValue(data);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic, e);
        }
    }
}
