package io.vigie.stream.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.vigie.core.contract.ChatMessage;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads operator input (chat messages, profiles, decisions) without ever throwing: every outcome is a
 * {@link Parsed}, so a record that cannot be read goes to the DLQ with its original bytes instead of stopping
 * the stream. Used as the Kafka deserializer of the input topics and by {@code replay}.
 *
 * <p>Limits: {@code maxBytes} on the raw record; for chat messages also {@code maxTextChars} and
 * {@code maxRecipients}. A message over a limit is {@link DlqReason#TOO_LARGE}: truncating it would score
 * something the user did not send, and 100,000 recipients is not a chat message but a broadcast.
 *
 * <p>Thread-safe.
 *
 * @param <T> the value type
 */
public final class InputReader<T> implements Deserializer<Parsed<T>> {

    private final Class<T> type;
    private final ObjectReader reader;
    private final int maxBytes;
    private final Function<T, String> check;

    private InputReader(Class<T> type, int maxBytes, Function<T, String> check) {
        this.type = type;
        this.reader = Json.MAPPER.readerFor(type);
        this.maxBytes = maxBytes;
        this.check = check;
    }

    /** A reader of {@code type} limited to {@code maxBytes} per record, with no other check. */
    public static <T> InputReader<T> of(Class<T> type, int maxBytes) {
        return new InputReader<>(type, maxBytes, v -> null);
    }

    /** A chat message reader with the size limits of the configuration. */
    public static InputReader<ChatMessage> messages(int maxBytes, int maxTextChars, int maxRecipients) {
        return new InputReader<>(ChatMessage.class, maxBytes, m -> {
            if (m.text().length() > maxTextChars) {
                return "text has " + m.text().length() + " chars, limit " + maxTextChars;
            }
            if (m.recipientIds().size() > maxRecipients) {
                return m.recipientIds().size() + " recipients, limit " + maxRecipients;
            }
            return null;
        });
    }

    @Override
    public Parsed<T> deserialize(String topic, byte[] data) {
        return read(data);
    }

    /** Reads one record; never throws. */
    public Parsed<T> read(byte[] data) {
        if (data == null) {
            return Parsed.failed(null, DlqReason.INVALID, "null value");
        }
        if (data.length > maxBytes) {
            return Parsed.failed(data, DlqReason.TOO_LARGE, data.length + " bytes, limit " + maxBytes);
        }
        T value;
        try {
            value = reader.readValue(data);
        } catch (ValueInstantiationException e) {
            return Parsed.failed(data, DlqReason.INVALID, rootMessage(e));
        } catch (MismatchedInputException e) {
            return Parsed.failed(data, DlqReason.INVALID, "wrong type at " + e.getPathReference());
        } catch (com.fasterxml.jackson.core.exc.InputCoercionException e) {
            return Parsed.failed(data, DlqReason.INVALID, "number out of range" + at(e.getLocation()));
        } catch (StreamReadException e) {
            return Parsed.failed(data, DlqReason.PARSE, "not JSON" + at(e.getLocation()));
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            return Parsed.failed(data, DlqReason.INVALID, rootMessage(e)); // limits only, no content
        } catch (JsonProcessingException e) {
            // databind wraps a parse error met inside a value (truncated string, invalid UTF-8): still not JSON
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof StreamReadException sre
                        && !(t instanceof com.fasterxml.jackson.core.exc.InputCoercionException)) {
                    return Parsed.failed(data, DlqReason.PARSE, "not JSON" + at(sre.getLocation()));
                }
            }
            // never the original message: Jackson quotes the offending token, which is user text
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                    ? " at " + m.getPathReference() : "";
            return Parsed.failed(data, DlqReason.INVALID, "unreadable (" + e.getClass().getSimpleName() + ")" + path);
        } catch (IOException | RuntimeException e) {
            return Parsed.failed(data, DlqReason.PARSE, e.getClass().getSimpleName());
        }
        if (value == null) {
            return Parsed.failed(data, DlqReason.INVALID, "JSON null");
        }
        String tooLarge = check.apply(value);
        if (tooLarge != null) {
            return Parsed.failed(data, DlqReason.TOO_LARGE, tooLarge);
        }
        return Parsed.ok(data, value);
    }

    /** The value type read. */
    public Class<T> type() {
        return type;
    }

    /** " at line L column C" of a parse error; the location only, never the content around it. */
    private static String at(com.fasterxml.jackson.core.JsonLocation loc) {
        return loc == null ? "" : " at line " + loc.getLineNr() + " column " + loc.getColumnNr();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = Objects.requireNonNullElse(t.getMessage(), t.getClass().getSimpleName());
        // one line, bounded: it goes into a header
        m = m.replace('\n', ' ');
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
