package io.vigie.stream.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Checks shared by the tests of the binary serdes. */
public final class SerdeAssertions {

    private SerdeAssertions() {
    }

    /** Every strict prefix of {@code value}'s bytes is refused: a cut record never reads as a smaller value. */
    public static <T> void assertEveryTruncationRefused(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("t", value);
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThrows(SerializationException.class, () -> serde.deserializer().deserialize("t", truncated),
                    "cut at " + cut + " of " + bytes.length);
        }
    }
}
