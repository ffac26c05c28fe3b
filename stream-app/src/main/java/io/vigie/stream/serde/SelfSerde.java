package io.vigie.stream.serde;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;

/**
 * A serde that is its own serializer and deserializer, with nothing to configure or release: the stateless serdes
 * of this package.
 *
 * @param <T> the value type
 */
public interface SelfSerde<T> extends Serde<T>, Serializer<T>, Deserializer<T> {

    @Override
    default Serializer<T> serializer() {
        return this;
    }

    @Override
    default Deserializer<T> deserializer() {
        return this;
    }

    @Override
    default void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    default void close() {
        // nothing to release
    }
}
